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
    /// the rules are not the cause and nil is returned); then each rule is switched off in turn,
    /// together with those already found unneeded, and stays off when the slates still do not
    /// exist. What is left holds no slates, and switching off any one of its rules gives slates
    /// (each was tested with fewer of the others off, and switching rules off only lets more
    /// slates exist). Nil too when `deadline` comes first: nothing is claimed without its solves.
    ///
    /// The rules are the succession's own (`policy.succession`) and the rotation's rules that
    /// qualify a cadre for a slate (rule 5: education, fields, minRating, nonLocalHeads).
    public static func successionConflict(
        _ scenario: Scenario, sha256: String, options: Options = Options(),
        round: (appointed: Set<String>, source: String)? = nil, deadline: Date, solver: any MIPSolver = GLPKSolver()
    ) throws(PlannerError) -> SuccessionConflict? {
        // The succession's own rules are tried first: with the qualification rules still hard
        // the models are smaller (fewer pairs), and each of their solves faster (city: 2 s a
        // solve with qualification off, against 0.5 s with it on).
        var hard: [(key: String, relax: (inout Policy) -> Void)] = []
        for rule in SuccessionPolicy.rules where rule.mode(in: scenario.policy.succession) == .hard {
            hard.append(("succession." + rule.key, { rule.setMode(.off, in: &$0.succession) }))
        }
        for rule in Policy.rules where successionQualificationRules.contains(rule.key) && rule.mode(in: scenario.policy) == .hard {
            hard.append((rule.key, { rule.setMode(.off, in: &$0) }))
        }
        var solves = 0
        /// Whether slates exist with `relaxed` off; nil when the deadline came first.
        func slatesExist(relaxing relaxed: [Int]) throws(PlannerError) -> Bool? {
            let left = deadline.timeIntervalSinceNow
            guard left > 0, !SolveInterruption.isRequested else { return nil }
            var variant = scenario
            for index in relaxed { hard[index].relax(&variant.policy) }
            var trial = options
            // Only whether slates exist is asked: the first slates found answer it.
            trial.preferAmongEquals = false
            trial.anyPlan = true
            trial.timeLimit = left
            trial.clockStart = nil
            solves += 1
            let started = Date()
            let plan = try succession(variant, sha256: sha256, options: trial, round: round, solver: solver)
            options.log?(
                "planner: succession conflict: off \(relaxed.map { hard[$0].key }.joined(separator: ", ")): \(plan.status.rawValue), "
                    + String(format: "%.2f s", Date().timeIntervalSince(started)))
            switch plan.status {
            case .optimal, .feasible: return true
            case .infeasible: return false
            case .noPlanWithinTimeLimit, .stopped: return nil
            }
        }
        guard !hard.isEmpty, try slatesExist(relaxing: Array(hard.indices)) == true else { return nil }
        var unneeded: [Int] = []
        var index = 0
        while index < hard.count {
            guard let exist = try slatesExist(relaxing: unneeded + [index]) else { return nil }
            if !exist { unneeded.append(index) }
            index += 1
            // Once a needed rule is found, the rest may be unneeded all together: one solve with
            // them all off says so (then each needed rule stays needed: switching more rules off
            // only lets more slates exist). The city's two-rule conflict: 4 solves, not 10.
            if exist, index < hard.count {
                let rest = Array(index..<hard.count)
                guard let restNeeded = try slatesExist(relaxing: unneeded + rest) else { return nil }
                if !restNeeded {
                    unneeded += rest
                    break
                }
            }
        }
        let rules = hard.indices.filter { !unneeded.contains($0) }.map { hard[$0].key }
        return SuccessionConflict(rules: rules, method: successionConflictMethod, solves: solves)
    }

    /// The rotation's rules that decide who may be on a slate (the succession's rule 5).
    static let successionQualificationRules: Set<String> = ["education", "fields", "minRating", "nonLocalHeads"]
}
