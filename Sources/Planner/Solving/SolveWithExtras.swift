import Foundation

extension Planner {
    /// What `solve` may add to a plan after solving.
    public struct PlanExtras: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// When the round has no feasible plan, the rules that conflict (as `diagnose` names them).
        public static let diagnosisIfInfeasible = PlanExtras(rawValue: 1 << 0)
        /// A one-line reason for every move, appointment, release and vacancy.
        public static let reasons = PlanExtras(rawValue: 1 << 1)
    }

    /// The seconds the diagnosis added to an infeasible plan may take when the solve has no time limit.
    public static let diagnosisSecondsWithoutLimit: Double = 10

    /// Solves the round as `solve(_:sha256:options:startingFrom:solver:)` does, then adds what
    /// `extras` asks for: the plan `planner solve` prints.
    public static func solve(
        _ scenario: Scenario, sha256: String, options: Options = Options(), startingFrom startPlan: Plan? = nil,
        adding extras: PlanExtras, solver: any MIPSolver = defaultSolver
    ) throws(PlannerError) -> Plan {
        let start = Date()
        var plan = try solve(scenario, sha256: sha256, options: options, startingFrom: startPlan, solver: solver)
        // Without a plan, none to give: an empty list, so that what was asked for still shows
        // (a CSV keeps its "reason" column whatever the outcome).
        if extras.contains(.reasons) { plan.reasons = plan.status.hasPlan ? reasons(for: plan, in: scenario) : [] }
        if extras.contains(.diagnosisIfInfeasible), plan.status == .infeasible {
            // The diagnosis gets what is left of the time limit. Without one it gets
            // `diagnosisSecondsWithoutLimit`: the answer ("infeasible", with its proof) is already
            // in hand, and a conflict among many rules can take a search of minutes that `planner
            // diagnose` is there to run.
            var rest = options
            rest.timeLimit = options.timeLimit.map { max(0, $0 - Date().timeIntervalSince(start)) } ?? diagnosisSecondsWithoutLimit
            rest.clockStart = nil  // what is left counts from now
            plan.diagnosis = try diagnose(scenario, sha256: sha256, options: rest)
            // Out of time before the diagnosis could tell on its own: the solve's proof tells.
            if plan.diagnosis?.infeasible == nil { plan.diagnosis?.infeasible = true }
        }
        return plan
    }
}
