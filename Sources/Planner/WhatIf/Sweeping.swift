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

/// What a sweep keeps of each point's plan.
public enum SweepKeeping: Sendable {
    /// The whole plan.
    case plans
    /// The plan's record (status, objective, bound, gap, search, timing) and its figures, without
    /// its people (assignments, moves, appointments, stays, vacancies, releases, retirements,
    /// reasons, diagnosis, the objective's breakdown): what a sweep's table shows, at a size that does not grow with the
    /// round, so that a sweep of thousands of values fits in memory (`planner sweep` keeps this).
    case figures
}

extension Plan {
    /// The plan without its people (`SweepKeeping.figures`).
    public var withoutPeople: Plan {
        var plan = self
        plan.assignments = []
        plan.moves = []
        plan.appointments = []
        plan.stays = []
        plan.vacancies = []
        plan.releases = []
        plan.retirements = []
        plan.reasons = nil
        plan.diagnosis = nil
        plan.objectiveBreakdown = nil
        return plan
    }
}

/// A value of a sweep that the scenario cannot take (a share of 2): found before anything is solved.
public struct SweepError: LocalizedError, Sendable, Equatable {
    /// The swept scenario's file, as given.
    public var scenario: String
    public var point: [SweepSetting]
    public var error: ScenarioError

    public var errorDescription: String? {
        let values = point.map { "\($0.path) = \($0.value)" }.joined(separator: ", ")
        // The variant is made in memory from the --set values: its lines and `changes[0]` are no
        // place a person can find (a review), so each problem is said of the value set.
        guard case .invalid(_, let problems) = error else { return "\(scenario): --set \(values): " + (error.errorDescription ?? "") }
        let lines = problems.map { problem in
            var path = problem.path
            if path.hasPrefix("changes["), let arrow = path.range(of: "→ ") { path = String(path[arrow.upperBound...]) }
            let said = path.hasPrefix("changes[") ? problem.message : "\(path): \(problem.message)"
            return "  " + said
        }
        return "\(scenario): --set \(values): the scenario cannot take \(point.count == 1 ? "this value" : "these values"):\n"
            + lines.joined(separator: "\n")
    }
}

extension Planner {
    /// A sweep's plans (`planner sweep`): one per combination of the values set.
    public struct SweepResult: Sendable {
        public var scenario: String
        /// The swept round's name.
        public var name: String?
        public var parameters: [SweepParameter]
        public var points: [Point]
        /// What stopped the sweep before it solved every value (SIGINT, SIGTERM, "a stop request").
        public var stoppedBy: String?

        public struct Point: Sendable {
            public var settings: [SweepSetting]
            /// The name the point's variant is read under ("sweep value 3"), and its SHA-256 (nil
            /// when the sweep was stopped before this value was read).
            public var file: String
            public var sha256: String?
            /// The plan of the scenario with these settings (of any status), or why there is none.
            public var outcome: Outcome
            /// The swept file, as read: the variant is made from it again on request.
            let basePath: String

            /// The scenario with these settings (the variant of the swept one that sets them),
            /// read again from the swept file: a sweep keeps its points' plans, not their rounds.
            public func loadScenario() throws(ScenarioError) -> LoadedScenario {
                try Planner.sweepVariant(of: basePath, setting: settings, name: file)
            }
        }

        /// The rows `planner sweep` prints.
        public var report: SweepReport {
            SweepReport(
                scenario: scenario, name: name, parameters: parameters.map(\.path),
                rows: points.map { point in
                    let plan = try? point.outcome.get()
                    // A value the sweep was stopped before it solved is stopped, not an error.
                    let unsolved = point.outcome.failure == .stoppedBeforeSolving
                    return SweepReport.Row(
                        values: point.settings.map(\.value), status: plan?.status.rawValue ?? (unsolved ? "stopped" : "error"),
                        objective: plan?.objective, gap: plan?.gap, figures: plan?.figures, solveSeconds: plan?.timing?.solveSeconds,
                        error: unsolved ? nil : point.outcome.failure?.summary)
                }, stoppedBy: stoppedBy)
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
        options: Options = Options(), jobs: Int? = nil, keeping: SweepKeeping = .plans,
        solver: any MIPSolver = defaultSolver
    ) throws(SweepError) -> SweepResult {
        let points = SweepParameter.grid(parameters)
        let basePath = URL(fileURLWithPath: base.file).standardizedFileURL.path
        let names = points.indices.map { "sweep value \($0 + 1)" }
        // Every value is checked first, and let go: each is read again when its turn comes. A
        // stop asked for meanwhile ends the checking: no value is solved, each shows as stopped.
        var digests: [String] = []
        for (index, point) in points.enumerated() {
            if SolveInterruption.isRequested { break }
            do {
                digests.append(try sweepVariant(of: basePath, setting: point, name: names[index]).sha256)
            } catch {
                throw SweepError(scenario: base.file, point: point, error: error)
            }
        }
        let read: @Sendable (Int) -> Result<LoadedScenario, ScenarioError> = { index in
            Result { () throws(ScenarioError) -> LoadedScenario in
                try sweepVariant(of: basePath, setting: points[index], name: names[index])
            }
        }
        let keepsPlans = keeping == .plans
        let keep: @Sendable (Plan) -> Plan = { plan in keepsPlans ? plan : plan.withoutPeople }
        let outcomes =
            chained
            ? solveInChain(points.count, reading: read, options: options, solver: solver, keeping: keep)
            : solveEach(points.count, reading: read, options: options, jobs: jobs ?? defaultJobs, solver: solver, keeping: keep)
        let stopped = outcomes.contains { $0.failure == .stoppedBeforeSolving }
        return SweepResult(
            scenario: base.file, name: base.scenario.name, parameters: parameters,
            points: points.indices.map {
                SweepResult.Point(
                    settings: points[$0], file: names[$0], sha256: $0 < digests.count ? digests[$0] : nil, outcome: outcomes[$0],
                    basePath: basePath)
            }, stoppedBy: stopped ? stopCause : nil)
    }

    /// What asked the searches to stop, by its name.
    static var stopCause: String {
        switch SolveInterruption.code {
        case 15: "SIGTERM"
        case 2: "SIGINT"
        default: "a stop request"
        }
    }

    /// The variant of the scenario at `basePath` that sets `settings`, read from memory as the
    /// file it would be: nothing of the round's data is written.
    static func sweepVariant(of basePath: String, setting settings: [SweepSetting], name: String) throws(ScenarioError) -> LoadedScenario {
        registerRosterBases()
        let data = SweepParameter.variant(of: basePath, setting: settings.map { ($0.path, $0.value) })
        let read = try ScenarioReader.read(data: data, file: name)
        return LoadedScenario(scenario: read.scenario, warnings: read.warnings, sha256: read.sha256, file: name, files: read.files)
    }
}
