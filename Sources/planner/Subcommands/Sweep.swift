import ArgumentParser
import Foundation
import Planner

extension PlannerCommand {
    struct Sweep: PlannerSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Solve a scenario for each value of a parameter: the price of a policy, step by step.",
            discussion: """
                --set PATH=FROM...TO/STEP or PATH=A,B,C, where PATH is what a variant's set takes \
                (policy.women.minShare, policy.youth, objective.movePrice, …). A second --set makes a grid. \
                One row per value: status, objective, moves, vacancies and the figures. The solves run in \
                parallel, one thread each. The same sweep gives the same CSV, byte for byte: the solves' \
                wall times are in the JSON (solveSeconds) and, with --timings, in a last CSV column \
                (solve_seconds). Exit code: 0 when every value has a plan, else as for compare.
                """)

        @Argument(help: "The scenario or variant file.")
        var scenario: String

        @Option(
            name: .customLong("set"),
            help:
                "PATH=FROM...TO/STEP or PATH=A,B,C; at most two, of at most \(SweepParameter.maximumValues) values each and \(SweepParameter.maximumPoints) in all."
        )
        var parameters: [String] = []

        @OptionGroup var report: ReportOptions<Sweep>

        @Option(parsing: .unconditional, help: "Values solved at once (default: the number of cores).")
        var jobs: Int?

        @Flag(name: .customLong("warm-start"), help: "Solve the values one after another, each starting from the previous value's plan.")
        var warmStart = false

        @Flag(help: "CSV: add a last column, solve_seconds, with each solve's wall time (it varies from run to run).")
        var timings = false

        @OptionGroup var lang: LanguageOption

        @OptionGroup var solver: SolverOptions

        func validate() throws {
            if parameters.isEmpty || parameters.count > 2 { throw ValidationError("sweep takes one or two --set PATH=VALUES") }
            var swept: [SweepParameter] = []
            for parameter in parameters {
                do { swept.append(try SweepParameter.parse(parameter)) } catch {
                    throw ValidationError(error.errorDescription ?? "\(error)")
                }
            }
            do { try SweepParameter.checkGrid(swept) } catch { throw ValidationError(error.errorDescription ?? "\(error)") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs takes a positive number") }
        }

        func execute() throws {
            Interrupts.installForSearch()
            let loaded = try loadScenario(scenario)
            try checkOutput(report.output, inputs: loaded.files)
            let swept = parameters.compactMap { try? SweepParameter.parse($0) }
            let result = try Planner.sweep(
                loaded, over: swept, chained: warmStart, options: solver.quietPlannerOptions, jobs: jobs, keeping: .figures)
            let rendered =
                report.format == .csv && timings
                ? Data(result.report.csv(timings: true).utf8) : result.report.render(report.format, language: lang.language)
            try emit(report.written(rendered), to: report.output, inputs: loaded.files)
            if let stopped = Interrupts.exitCodeIfStopped() { throw stopped }
            if let code = result.points.lazy.compactMap({ Exit.code(for: $0.outcome) }).first { throw code }
        }
    }
}

extension PlannerCommand.Sweep: CommandOutput {
    static let outputHelp = "Write the rows to this file (atomically) instead of stdout."
}
