import Foundation

/// Where a succession plan learns who the round appoints, when the policy leaves them off the
/// slates (`allowAppointedInRound: false`, rule 7).
public enum RoundSource: Sendable, Equatable {
    /// The round's rotation plan, from this file (as `planner solve --format json` writes it).
    case planFile(String)
    /// Solve the round first, as `solve` does.
    case solveFirst
}

/// Why the round's appointments could not be had.
public enum RoundError: LocalizedError, Sendable, Equatable {
    /// The plan file was made from another scenario file.
    case otherScenario(plan: String, planSHA256: String, scenario: String, scenarioSHA256: String)
    /// The plan file has no assignments (its status says why).
    case noAssignments(plan: String, status: PlanStatus)
    /// The plan file does not pass the verifier: its lists may not say who it appoints.
    case failsVerification(plan: String, violations: [Violation])
    /// Solving the round gave no plan.
    case noPlan(scenario: String, status: PlanStatus)

    public var errorDescription: String? {
        switch self {
        case .otherScenario(let plan, let planSHA256, let scenario, let scenarioSHA256):
            "\(plan): the round's plan was made from a different scenario file (SHA-256 \(planSHA256.prefix(12))…, \(scenario) has "
                + "\(scenarioSHA256.prefix(12))…); solve this scenario and pass its plan, or leave out --round to solve it here"
        case .noAssignments(let plan, let status):
            "\(plan): the round's plan has no assignments (status \(status.rawValue))"
        case .failsVerification(let plan, let violations):
            "\(plan): the round's plan does not pass planner verify:\n" + violations.prefix(10).map { "  \($0)" }.joined(separator: "\n")
        case .noPlan(let scenario, let status):
            "\(scenario): the round: \(status.sentence)"
        }
    }
}

extension Planner {
    /// Whether a succession plan of this scenario needs the round's plan first: the policy
    /// leaves the cadres the round appoints off the slates.
    public static func successionNeedsRound(_ scenario: Scenario) -> Bool {
        !scenario.policy.succession.allowAppointedInRound
    }

    /// The succession plan as `planner succession` makes it: when the policy leaves the cadres
    /// the round appoints off the slates, who they are comes from `round` (a plan file, checked
    /// to be this scenario's and to pass the verifier, or a solve of the round) first.
    ///
    /// When the hard rules admit no slates and `diagnosingWithin` gives seconds, the plan names
    /// the rules in conflict (`successionConflict`), found within those seconds or not at all.
    ///
    /// Throws `PlanFileError` (the round's plan cannot be read), `RoundError` and `PlannerError`.
    public static func succession(
        _ loaded: LoadedScenario, round: RoundSource = .solveFirst, options: Options = Options(),
        diagnosingWithin seconds: Double? = nil, solver: any MIPSolver = defaultSolver
    ) throws -> SuccessionPlan {
        let start = Date()
        var appointed: (appointed: Set<String>, source: String)?
        if successionNeedsRound(loaded.scenario) {
            appointed = try roundAppointments(loaded, from: round, options: options, solver: solver)
        }
        var plan = try succession(loaded.scenario, sha256: loaded.sha256, options: options, round: appointed, solver: solver)
        if plan.status == .infeasible, let seconds {
            var deadline = Date().addingTimeInterval(seconds)
            // Under a time limit the diagnosis has what the round and the slates left of it: the
            // limit counts from the command's start (`clockStart`), and a caller's `seconds`
            // reckoned before the slates were solved would give it the whole limit again.
            if let limit = options.timeLimit { deadline = min(deadline, (options.clockStart ?? start).addingTimeInterval(limit)) }
            plan.conflict = try successionConflict(
                loaded.scenario, sha256: loaded.sha256, options: options, round: appointed, deadline: deadline,
                firstStepEstimate: plan.timing.map { $0.buildSeconds + $0.solveSeconds } ?? 0, solver: solver)
        }
        return plan
    }

    /// Rule 7's input: who the round appoints, and where that came from (for the plan's record).
    static func roundAppointments(
        _ loaded: LoadedScenario, from round: RoundSource, options: Options,
        solver: any MIPSolver
    ) throws -> (appointed: Set<String>, source: String) {
        switch round {
        case .planFile(let path):
            let plan = try PlanFile.load(path: path)
            // Another round's appointments would keep the wrong people off the slates.
            guard plan.scenario.sha256 == loaded.sha256 else {
                throw RoundError.otherScenario(
                    plan: path, planSHA256: plan.scenario.sha256, scenario: loaded.file, scenarioSHA256: loaded.sha256)
            }
            guard plan.status.hasPlan else { throw RoundError.noAssignments(plan: path, status: plan.status) }
            // Who it appoints is read from its lists: they must be what its assignments say.
            let check = PlanVerifier.verify(plan, against: loaded.scenario, scenarioSHA256: loaded.sha256)
            guard check.isValid else { throw RoundError.failsVerification(plan: path, violations: check.violations) }
            let data = FileManager.default.contents(atPath: path) ?? Data()
            return (appointed(in: plan), "plan file SHA-256 " + SHA256.hex(data))
        case .solveFirst:
            let plan = try solve(loaded.scenario, sha256: loaded.sha256, options: options, solver: solver)
            guard plan.status.hasPlan else { throw RoundError.noPlan(scenario: loaded.file, status: plan.status) }
            return (appointed(in: plan), "solved")
        }
    }
}
