import ArgumentParser
import Foundation
import Planner

extension PlannerCommand {
    struct Sweep: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Solve a scenario for each value of a parameter: the price of a policy, step by step.",
            discussion: """
                --set PATH=FROM...TO/STEP or PATH=A,B,C, where PATH is what a variant's set takes \
                (policy.women.minShare, policy.youth, objective.movePrice, …). A second --set makes a grid. \
                One row per value: status, objective, moves, vacancies and the figures. The solves run in \
                parallel, one process each. Exit code: 0 when every value has a plan, else as for compare.
                """)

        @Argument(help: "The scenario or variant file.")
        var scenario: String

        @Option(name: .customLong("set"), help: "PATH=FROM...TO/STEP or PATH=A,B,C; at most two.")
        var parameters: [String] = []

        @Option(help: "Output format: table, json or csv.")
        var format: PlanReport.Format = .table

        @Option(name: [.short, .customLong("output")], help: "Write the rows to this file (atomically) instead of stdout.")
        var output: String?

        @Option(parsing: .unconditional, help: "Values solved at once (default: the number of cores).")
        var jobs: Int?

        @Flag(name: .customLong("warm-start"), help: "Solve the values one after another, each starting from the previous value's plan.")
        var warmStart = false

        @OptionGroup var solver: SolverOptions

        func validate() throws {
            if parameters.isEmpty || parameters.count > 2 { throw ValidationError("sweep takes one or two --set PATH=VALUES") }
            for parameter in parameters {
                do { _ = try SweepParameter.parse(parameter) } catch { throw ValidationError(error.errorDescription ?? "\(error)") }
            }
            if let jobs, jobs < 1 { throw ValidationError("--jobs takes a positive number") }
        }

        func run() throws {
            Interrupts.installForSearch()
            let loaded = try loadScenario(scenario)
            try checkOutput(output, inputs: loaded.files)
            let swept = parameters.compactMap { try? SweepParameter.parse($0) }
            var points: [[(path: String, value: String)]] = swept[0].values.map { [(swept[0].path, $0)] }
            if swept.count == 2 { points = points.flatMap { first in swept[1].values.map { first + [(swept[1].path, $0)] } } }

            let base = URL(fileURLWithPath: scenario).standardizedFileURL.path
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planner-sweep-\(UUID().uuidString)")
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            defer { try? FileManager.default.removeItem(at: folder) }
            var files: [String] = []
            for (index, point) in points.enumerated() {
                let file = folder.appendingPathComponent("value-\(index).json").path
                // Readable by the user only, as every file holding the round's data.
                guard FileManager.default.createFile(atPath: file, contents: SweepParameter.variant(of: base, setting: point),
                                                     attributes: [.posixPermissions: 0o600]) else {
                    Console.error("\(file): cannot write a temporary file for the sweep")
                    throw Exit.cannotCreate
                }
                files.append(file)
            }
            // A value the scenario cannot take (a share of 2) is refused before anything is solved.
            for (file, point) in zip(files, points) {
                do {
                    _ = try Planner.load(file)
                } catch {
                    Console.error("\(scenario): with \(point.map { "\($0.path) = \($0.value)" }.joined(separator: ", ")): " + (error.errorDescription ?? ""))
                    throw Exit.dataError
                }
            }
            let outcomes = warmStart
                ? ParallelSolves.chain(files, solverArguments: solver.arguments, folder: folder)
                : ParallelSolves.run(files, solverArguments: solver.arguments, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
            var code: ExitCode?
            let rows = zip(points, outcomes).map { point, outcome -> SweepReport.Row in
                let plan = outcome.plan
                if let plan, !plan.status.hasPlan { code = code ?? Exit.code(for: plan.status) }
                if plan == nil { code = code ?? Exit.software }
                return SweepReport.Row(values: point.map(\.value), status: plan?.status.rawValue ?? "error", objective: plan?.objective,
                                       gap: plan?.gap, figures: plan?.figures, solveSeconds: plan?.timing?.solveSeconds, error: outcome.error)
            }
            try emit(SweepReport(scenario: scenario, parameters: swept.map(\.path), rows: rows).render(format), to: output, inputs: loaded.files)
            if let stopped = Interrupts.exitCodeIfStopped() { throw stopped }
            if let code { throw code }
        }
    }
}
