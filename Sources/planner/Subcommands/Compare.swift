import ArgumentParser
import Foundation
import Planner

extension PlannerCommand {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Solve several scenarios or variants and show their plans side by side.",
            discussion: """
                One column per scenario: status, objective, moves, vacancies and every figure; then each cadre \
                whose post differs from the first scenario's plan, and each post whose holder differs. The \
                scenarios are solved in parallel, one process each. A scenario without a plan is reported in \
                its column. Exit code: 0 when every scenario has a plan; otherwise the code `solve` gives for \
                the first one without (10 no feasible plan, 11 none within the time limit, 65 or 66 a bad file, \
                70 a failure).
                """)

        @Argument(help: "Scenario or variant files; the first is the one the others are compared with.")
        var scenarios: [String]

        @Option(help: "Output format: table, json or csv.")
        var format: PlanReport.Format = .table

        @Option(name: [.short, .customLong("output")], help: "Write the comparison to this file (atomically) instead of stdout.")
        var output: String?

        @Option(parsing: .unconditional, help: "Scenarios solved at once (default: the number of cores).")
        var jobs: Int?

        @OptionGroup var solver: SolverOptions

        func validate() throws {
            if scenarios.count < 2 { throw ValidationError("compare takes two or more scenario files") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs takes a positive number") }
        }

        func run() throws {
            Interrupts.installForSearch()
            var entries: [Comparison.Entry] = []
            var toSolve: [Int] = []
            var codes: [ExitCode?] = Array(repeating: nil, count: scenarios.count)
            var inputs = scenarios
            for (index, file) in scenarios.enumerated() {
                do {
                    let loaded = try Planner.load(file)
                    inputs += loaded.files
                    entries.append(Comparison.Entry(file: file, scenario: loaded.scenario, plan: nil, error: nil))
                    toSolve.append(index)
                } catch {
                    let message = error.errorDescription ?? "\(error)"
                    Console.error(message)
                    entries.append(Comparison.Entry(file: file, scenario: nil, plan: nil, error: message.split(separator: "\n").first.map(String.init)))
                    codes[index] = Exit.report(error: error)
                }
            }
            try checkOutput(output, inputs: inputs)
            let outcomes = ParallelSolves.run(toSolve.map { scenarios[$0] }, solverArguments: solver.arguments, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            for (index, outcome) in zip(toSolve, outcomes) {
                entries[index].plan = outcome.plan
                entries[index].error = outcome.error
                if let plan = outcome.plan {
                    if !plan.status.hasPlan { codes[index] = Exit.code(for: plan.status) }
                } else {
                    Console.error("\(scenarios[index]): \(outcome.error ?? "no plan")")
                    codes[index] = Exit.software
                }
            }
            try emit(Comparison(entries).render(format), to: output, inputs: inputs)
            if let stopped = Interrupts.exitCodeIfStopped() { throw stopped }
            if let code = codes.compactMap({ $0 }).first { throw code }
        }
    }
}
