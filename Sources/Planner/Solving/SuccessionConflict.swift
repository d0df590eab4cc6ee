import Foundation
import PlannerGLPK

extension Planner {
    /// How a succession plan's conflict is found, for its record.
    public static let successionConflictMethod =
        "deletion filter over the hard rules: each relaxed (off) in turn with those already found unneeded, "
        + "kept when the slates then exist, the rules not yet tried relaxed together after each one kept; "
        + "every step a solve of the succession model"

    /// The hard rules of a succession plan that cannot all hold together, when the hard rules
    /// admit no slates: a deletion filter. With every hard rule off the slates must exist (else
    /// the rules are not the cause, `notFound` says so); then each rule is switched off in turn,
    /// together with those already found unneeded, and stays off when the slates still do not
    /// exist. What is left holds no slates even with every other hard rule off, and, with the
    /// others off, switching off any one of its rules gives slates (each was tested with fewer of
    /// the others off, and switching rules off only lets more slates exist). With the others as
    /// the policy has them, another conflict may remain. When `deadline` comes first, or the
    /// slates do not exist even with every rule off, the record names no rule and says why
    /// (`notFound`): nothing is claimed without its solves.
    ///
    /// The rules are the succession's own (`policy.succession`) and the rotation's rules that
    /// qualify a cadre for a slate (rule 5: education, fields, minRating, nonLocalHeads).
    public static func successionConflict(
        _ scenario: Scenario, sha256: String, options: Options = Options(),
        round: (appointed: Set<String>, source: String)? = nil, deadline: Date, firstStepEstimate: Double = 0,
        solver: any MIPSolver = GLPKSolver()
    ) throws(PlannerError) -> SuccessionConflict {
        let hard = hardSuccessionRules(scenario)
        var solves = 0
        // The longest step so far: a step is not begun when the time left is shorter (it would
        // end past the deadline: each step builds and verifies besides its solve).
        // Before the first, the slates' own solve (`firstStepEstimate`) is the estimate.
        var longestStep = firstStepEstimate
        /// Whether slates exist with `relaxed` off; nil when the deadline came first.
        func slatesExist(relaxing relaxed: [Int]) throws(PlannerError) -> Bool? {
            let left = deadline.timeIntervalSinceNow
            guard left > longestStep, !SolveInterruption.isRequested else { return nil }
            var variant = scenario
            for index in relaxed { hard[index].relax(&variant.policy) }
            solves += 1
            let started = Date()
            let plan = try slatesForAnswer(variant, sha256: sha256, options: options, timeLimit: left, round: round, solver: solver)
            let took = Date().timeIntervalSince(started)
            longestStep = max(longestStep, took)
            options.log?(
                "planner: succession conflict: off \(relaxed.map { hard[$0].key }.joined(separator: ", ")): \(plan.status.rawValue), "
                    + String(format: "%.2f s", took))
            switch plan.status {
            case .optimal, .feasible: return true
            case .infeasible: return false
            case .noPlanWithinTimeLimit, .stopped: return nil
            }
        }
        func notFound(_ why: SuccessionConflict.NotFound) -> SuccessionConflict {
            SuccessionConflict(rules: [], method: successionConflictMethod, solves: solves, notFound: why)
        }
        guard !hard.isEmpty else { return notFound(.withEveryRuleOff) }
        switch try slatesExist(relaxing: Array(hard.indices)) {
        case nil: return notFound(.timeLimit)
        case false: return notFound(.withEveryRuleOff)
        case true: break
        }
        var unneeded: [Int] = []
        var index = 0
        while index < hard.count {
            guard let exist = try slatesExist(relaxing: unneeded + [index]) else { return notFound(.timeLimit) }
            if !exist { unneeded.append(index) }
            index += 1
            // Once a needed rule is found, the rest may be unneeded all together: one solve with
            // them all off says so (then each needed rule stays needed: switching more rules off
            // only lets more slates exist). A city variant's two-rule conflict: 5 solves, not 10.
            if exist, index < hard.count {
                let rest = Array(index..<hard.count)
                guard let restNeeded = try slatesExist(relaxing: unneeded + rest) else { return notFound(.timeLimit) }
                if !restNeeded {
                    unneeded += rest
                    break
                }
            }
        }
        let rules = hard.indices.filter { !unneeded.contains($0) }.map { hard[$0].key }
        return SuccessionConflict(rules: rules, method: successionConflictMethod, solves: solves)
    }

    /// The hard rules a conflict may name, each with the switch that turns it off. The
    /// succession's own rules come first: with the qualification rules still hard the models
    /// are smaller (fewer pairs), and each of their solves faster (a city variant's `--verbose`
    /// log: 2.4 to 3.2 s a solve with qualification off, 0.6 to 1.0 s with it on).
    static func hardSuccessionRules(_ scenario: Scenario) -> [(key: String, relax: (inout Policy) -> Void)] {
        var hard: [(key: String, relax: (inout Policy) -> Void)] = []
        for rule in SuccessionPolicy.rules where rule.mode(in: scenario.policy.succession) == .hard {
            hard.append(("succession." + rule.key, { rule.setMode(.off, in: &$0.succession) }))
        }
        for rule in Policy.rules where successionQualificationRules.contains(rule.key) && rule.mode(in: scenario.policy) == .hard {
            hard.append((rule.key, { rule.setMode(.off, in: &$0) }))
        }
        return hard
    }

    /// Slates for a yes-or-no question (do any exist?): the first found answer it, no order
    /// among equals, within `timeLimit` from now.
    static func slatesForAnswer(
        _ scenario: Scenario, sha256: String, options: Options, timeLimit: Double?, round: (appointed: Set<String>, source: String)?,
        solver: any MIPSolver
    ) throws(PlannerError) -> SuccessionPlan {
        var trial = options
        trial.preferAmongEquals = false
        trial.anyPlan = true
        trial.timeLimit = timeLimit
        trial.clockStart = nil
        return try succession(scenario, sha256: sha256, options: trial, round: round, solver: solver)
    }

    /// What solving says of a plan's named conflict (`verify --resolve`): with its rules hard
    /// and every other hard rule off there are no slates, and with any one of them off as well
    /// there are. Each claim solving contradicts is a violation; a rule the scenario does not
    /// hold hard is one without solving.
    static func conflictProblems(
        _ conflict: SuccessionConflict, in scenario: Scenario, sha256: String, options: Options,
        round: (appointed: Set<String>, source: String)?, solver: any MIPSolver = GLPKSolver()
    ) throws(PlannerError) -> [Violation] {
        // A record the verifier refuses without solving (no rule named, or one that is not a
        // hard rule of the slates) is not solved again: it would be said twice.
        let hard = hardSuccessionRules(scenario)
        let named = conflict.rules.compactMap { key in hard.firstIndex { $0.key == key } }
        guard conflict.notFound == nil, !named.isEmpty, named.count == conflict.rules.count else { return [] }
        var violations: [Violation] = []
        func slates(relaxing relaxed: [Int]) throws(PlannerError) -> PlanStatus {
            var variant = scenario
            for index in relaxed { hard[index].relax(&variant.policy) }
            return try slatesForAnswer(variant, sha256: sha256, options: options, timeLimit: nil, round: round, solver: solver).status
        }
        let others = hard.indices.filter { !named.contains($0) }
        if try slates(relaxing: others) != .infeasible {
            violations.append(
                Violation(
                    rule: "conflict", subject: conflict.rules.joined(separator: ", "),
                    message: "solved again with every other hard rule off, these rules admit slates"))
        }
        for index in named where try slates(relaxing: others + [index]) == .infeasible {
            violations.append(
                Violation(
                    rule: "conflict", subject: hard[index].key,
                    message: "solved again with it off as well as every hard rule the conflict does not name, there are still no slates"))
        }
        return violations
    }

    /// The rotation's rules that decide who may be on a slate (the succession's rule 5).
    static let successionQualificationRules: Set<String> = ["education", "fields", "minRating", "nonLocalHeads"]
}
