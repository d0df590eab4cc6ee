import Foundation

/// One value given to one parameter of a sweep: what a variant's `set` change writes.
public struct SweepSetting: Sendable, Equatable {
    public var path: String
    /// The value as JSON text (`0.15`, `"hard"`).
    public var value: String

    public init(path: String, value: String) {
        self.path = path
        self.value = value
    }
}

extension SweepParameter {
    /// Every combination of the parameters' values, the first parameter varying slowest: one
    /// parameter gives its values, two give a grid, row by row.
    public static func grid(_ parameters: [SweepParameter]) -> [[SweepSetting]] {
        parameters.reduce([[]]) { points, parameter in
            points.flatMap { point in parameter.values.map { point + [SweepSetting(path: parameter.path, value: $0)] } }
        }
    }
}

/// A value of a sweep that the scenario cannot take (a share of 2): found before anything is solved.
public struct SweepError: LocalizedError, Sendable, Equatable {
    /// The swept scenario's file, as given.
    public var scenario: String
    public var point: [SweepSetting]
    public var error: ScenarioError

    public var errorDescription: String? {
        "\(scenario): with \(point.map { "\($0.path) = \($0.value)" }.joined(separator: ", ")): " + (error.errorDescription ?? "")
    }
}

extension Planner {
    /// A sweep's plans (`planner sweep`): one per combination of the values set.
    public struct SweepResult: Sendable {
        public var scenario: String
        public var parameters: [SweepParameter]
        public var points: [Point]

        public struct Point: Sendable {
            public var settings: [SweepSetting]
            /// The scenario with these settings (the variant of the swept one that sets them).
            public var scenario: LoadedScenario
            /// The plan of the scenario with these settings (of any status), or why there is none.
            public var outcome: Outcome
        }

        /// The rows `planner sweep` prints.
        public var report: SweepReport {
            SweepReport(
                scenario: scenario, parameters: parameters.map(\.path),
                rows: points.map { point in
                    let plan = try? point.outcome.get()
                    return SweepReport.Row(
                        values: point.settings.map(\.value), status: plan?.status.rawValue ?? "error", objective: plan?.objective,
                        gap: plan?.gap, figures: plan?.figures, solveSeconds: plan?.timing?.solveSeconds,
                        error: point.outcome.failure?.summary)
                })
        }
    }

    /// Solves `base` once for each combination of the parameters' values, each as the variant
    /// that sets them (docs/variant-format.md), and returns the plans in grid order.
    ///
    /// Every variant is read and checked before anything is solved: a value the scenario cannot
    /// take is a `SweepError`.
    ///
    /// - Parameters:
    ///   - chained: solve the values one after another, each starting from the previous value's
    ///     plan (a warm start), instead of `jobs` at a time.
    ///   - jobs: solves at once; nil: one per core.
    public static func sweep(
        _ base: LoadedScenario, over parameters: [SweepParameter], chained: Bool = false,
        options: Options = Options(), jobs: Int? = nil,
        solver: any MIPSolver = defaultSolver
    ) throws(SweepError) -> SweepResult {
        let points = SweepParameter.grid(parameters)
        let basePath = URL(fileURLWithPath: base.file).standardizedFileURL.path
        var variants: [LoadedScenario] = []
        for (index, point) in points.enumerated() {
            // Read from memory, as the file it would be: nothing of the round's data is written.
            let data = SweepParameter.variant(of: basePath, setting: point.map { ($0.path, $0.value) })
            let name = "sweep value \(index + 1)"
            do {
                let read = try ScenarioReader.read(data: data, file: name)
                variants.append(
                    LoadedScenario(scenario: read.scenario, warnings: read.warnings, sha256: read.sha256, file: name, files: read.files))
            } catch {
                throw SweepError(scenario: base.file, point: point, error: error)
            }
        }
        let outcomes =
            chained
            ? solveInChain(variants, options: options, solver: solver)
            : solveEach(variants, options: options, jobs: jobs ?? defaultJobs, solver: solver)
        return SweepResult(
            scenario: base.file, parameters: parameters,
            points: points.indices.map { SweepResult.Point(settings: points[$0], scenario: variants[$0], outcome: outcomes[$0]) })
    }
}
