import ArgumentParser
import Planner

extension PlannerCommand {
    struct Solve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Solve a rotation round and print the plan.",
            discussion: "The plan is re-checked by the independent verifier before it is printed. Exit code 10 means no feasible plan exists; 11 that none was found within the time limit.")

        @Argument(help: "The scenario file (JSON).")
        var scenario: String

        @Option(help: "Output format: table, json or csv.")
        var format: PlanReport.Format = .table

        @Option(name: [.short, .customLong("output")], help: "Write the plan to this file (atomically, readable by you only) instead of stdout.")
        var output: String?

        @OptionGroup var solver: SolverOptions

        func run() throws {
            let loaded = try loadScenario(scenario)
            let plan: Plan
            do {
                plan = try Planner.solve(loaded.scenario, sha256: loaded.sha256, options: solver.plannerOptions)
            } catch {
                throw Exit.report(error)
            }
            try emit(PlanReport.render(plan, scenario: loaded.scenario, format: format), to: output)
            if !plan.status.hasPlan { Console.error("\(scenario): \(plan.status.sentence)") }
            let code = Exit.code(for: plan.status)
            if code != Exit.success { throw code }
        }
    }
}

extension PlanReport.Format: ExpressibleByArgument {}
