import ArgumentParser
import Foundation
import Planner

extension PlannerCommand {
    struct Compare: PlannerSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Solve several scenarios or variants and show their plans side by side.",
            discussion: """
                One column per scenario: status, objective, moves, vacancies and every figure; then each cadre \
                whose post differs from the first scenario's plan, and each post whose holder differs. The \
                scenarios are solved in parallel, one thread each. A scenario without a plan is reported in \
                its column. Exit code: 0 when every scenario has a plan; otherwise the code `solve` gives for \
                the first one without (10 no feasible plan, 11 none within the time limit, 65 or 66 a bad file, \
                70 a failure).
                """)

        @Argument(help: "Scenario or variant files; the first is the one the others are compared with.")
        var scenarios: [String]

        @OptionGroup var report: ReportOptions<Compare>

        @Option(parsing: .unconditional, help: "Scenarios solved at once (default: the number of cores).")
        var jobs: Int?

        @OptionGroup var lang: LanguageOption

        @OptionGroup var solver: SolverOptions

        func validate() throws {
            if scenarios.count < 2 { throw ValidationError("compare takes two or more scenario files") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs takes a positive number") }
        }

        func execute() throws {
            Interrupts.installForSearch()
            let files = Planner.loadEach(scenarios)
            for file in files {
                if case .failure(let error) = file.loaded { Console.error(error.errorDescription ?? "\(error)") }
            }
            let inputs = scenarios + files.flatMap(\.inputs)
            try checkOutput(report.output, inputs: inputs)
            let compared = Planner.compare(files, options: solver.quietPlannerOptions, jobs: jobs)
            for column in compared.columns where column.scenario != nil {
                // A scenario the stop came before is its column's status; the stop is said once, below.
                if case .failure(let failure) = column.outcome, failure != .stoppedBeforeSolving {
                    Console.error("\(column.file): \(failure.summary)")
                }
            }
            try emit(report.written(compared.report.render(report.format, language: lang.language)), to: report.output, inputs: inputs)
            if let stopped = Interrupts.exitCodeIfStopped() { throw stopped }
            // The code `solve` would give for the first scenario without a plan.
            if let code = compared.columns.lazy.compactMap({ Exit.code(for: $0.outcome) }).first { throw code }
        }
    }
}

extension PlannerCommand.Compare: CommandOutput {
    static let outputHelp = "Write the comparison to this file (atomically) instead of stdout."
}
