import ArgumentParser
import Planner

extension PlannerCommand {
    struct Diagnose: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Name the rules that conflict in a round with no feasible plan.",
            discussion: """
                Two answers, each checked by solving: the fewest hard rule instances whose relaxation gives a plan, and a \
                conflict that cannot be reduced (the instances cannot all hold; dropping any one lets the others hold). \
                Eligibility rules count as instances: a post's requirement, a cadre's retirement or lock. docs/model.md \
                ("Diagnosing an infeasible round") says how. Exit code 0 when the diagnosis ran (also when the round has a plan).
                """)

        @Argument(help: "The scenario file (JSON).")
        var scenario: String

        @Option(help: "Output format: table, json or csv.")
        var format: PlanReport.Format = .table

        @Option(name: [.short, .customLong("output")], help: "Write the diagnosis to this file (atomically, readable by you only) instead of stdout.")
        var output: String?

        @OptionGroup var solver: SolverOptions

        func run() throws {
            let loaded = try loadScenario(scenario)
            try checkOutput(output, inputs: loaded.files)
            let diagnosis: Diagnosis
            do {
                diagnosis = try Planner.diagnose(loaded.scenario, sha256: loaded.sha256, options: solver.plannerOptions)
            } catch {
                throw Exit.report(error)
            }
            try emit(DiagnosisReport.render(diagnosis, format: format), to: output, inputs: loaded.files)
        }
    }
}
