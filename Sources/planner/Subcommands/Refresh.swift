import ArgumentParser
import Planner

extension PlannerCommand {
    struct Refresh: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-derive an edited plan's lists, figures and objective from its assignments.",
            discussion: """
                A plan edited by hand (a holder changed in `assignments`) keeps the old plan's moves, figures and \
                objective, so `verify` rejects it. `refresh` keeps only the assignments and works out the rest again, \
                as `solve` writes it; the status becomes "feasible". Exit code 1 when the edited assignments break a \
                hard rule (each is listed); nothing is written then.
                """)

        @Argument(help: "The scenario file (JSON).")
        var scenario: String

        @Argument(help: "The edited plan (JSON, as written by `planner solve --format json`).")
        var plan: String

        @Option(help: "Output format: json (default), table or csv.")
        var format: PlanReport.Format = .json

        @Option(name: [.short, .customLong("output")], help: "Write the plan to this file (atomically, readable by you only) instead of stdout; it may not be the edited plan itself.")
        var output: String?

        func run() throws {
            let loaded = try loadScenario(scenario)
            try checkOutput(output, inputs: loaded.files + [plan])
            let edited: Plan
            do { edited = try PlanFile.load(path: plan) } catch { throw Exit.report(error) }
            switch Planner.refreshed(edited, in: loaded.scenario, sha256: loaded.sha256) {
            case .success(let refreshed):
                try emit(PlanReport.render(refreshed, scenario: loaded.scenario, format: format), to: output, inputs: loaded.files + [plan])
            case .failure(let error):
                Console.error("\(plan): " + (error.errorDescription ?? "\(error)"))
                throw Exit.verificationFailed
            }
        }
    }
}
