import Foundation

extension Planner {
    /// What solving the scenario again says of a plan's claims about the optimum.
    public struct Recheck: Sendable {
        /// Claims that solving found false: the status, the bound, optimality.
        public var violations: [Violation]
        /// The plan's status is confirmed: "infeasible" proven again, or a status about the
        /// search alone (no plan in time, stopped), which solving cannot contradict.
        public var statusConfirmed: Bool
        /// The plan the re-solve found, for the report.
        public var resolved: Plan
    }

    /// Solves `scenario` again and checks what a plan states about the optimum: that a round
    /// claimed infeasible has no plan, that no plan is better than the stated bound, and that a
    /// plan claimed optimal is as good as the optimum. The plan's own bookkeeping (its rules,
    /// objective and figures) is the verifier's job, not this one's. The messages are in
    /// `words`' language: English, the language of a JSON document, by default.
    /// `gapForOptimal`: the relative gap a plan claimed optimal may be from the optimum
    /// (`PlanVerifier.gapForOptimal`); the gap the plan records it was solved with when nil.
    public static func recheck(
        _ plan: Plan, in scenario: Scenario, sha256: String, options: Options = Options(), gapForOptimal: Double? = nil,
        words: Words = .english
    ) throws(PlannerError) -> Recheck {
        let resolved = try solve(scenario, sha256: sha256, options: options)
        let (violations, confirmed) = claimProblems(
            status: plan.status, objective: plan.objective, bound: plan.bound,
            gapForOptimal: gapForOptimal ?? plan.producedBy.parameters.relativeGap,
            resolved: (resolved.status, resolved.objective, resolved.search?.objectiveStep), words: words)
        return Recheck(violations: violations, statusConfirmed: confirmed, resolved: resolved)
    }

    /// Slates solved again (as `planner succession` makes them: the round solved first when
    /// the policy needs it), and what that says of their status, bound and optimality, by the
    /// same checks as a plan's (`recheck(_:in:sha256:options:gapForOptimal:words:)`).
    public static func recheck(
        _ slates: SuccessionPlan, loaded: LoadedScenario, options: Options = Options(), gapForOptimal: Double? = nil,
        words: Words = .english
    ) throws -> (violations: [Violation], statusConfirmed: Bool, resolved: SuccessionPlan) {
        let resolved = try succession(loaded, round: .solveFirst, options: options)
        var (violations, confirmed) = claimProblems(
            status: slates.status, objective: slates.objective, bound: slates.bound,
            gapForOptimal: gapForOptimal ?? slates.producedBy.parameters.relativeGap,
            resolved: (resolved.status, resolved.objective, resolved.search?.objectiveStep), words: words)
        // Who the round appoints is a claim when the plan solved the round itself: a list edited
        // by hand (a cadre added, and dropped from a slate) kept every other check.
        // As sets: an id listed twice is the verifier's to name.
        if slates.round == "solved", resolved.round == "solved", Set(slates.excludedAsAppointed) != Set(resolved.excludedAsAppointed) {
            let listed = Set(slates.excludedAsAppointed)
            let appointed = Set(resolved.excludedAsAppointed)
            let extra = listed.subtracting(appointed).sorted()
            let missing = appointed.subtracting(listed).sorted()
            var parts: [String] = []
            if !extra.isEmpty { parts.append("lists \(extra.joined(separator: ", ")), whom the round solved again does not appoint") }
            if !missing.isEmpty { parts.append("leaves out \(missing.joined(separator: ", ")), whom it appoints") }
            violations.append(
                Violation(rule: "excludedAsAppointed", subject: "the round", message: "the plan " + parts.joined(separator: "; and ")))
            confirmed = false
        }
        // The rules named in conflict: each claim solved again (a file edited by hand named a
        // rule that is in no conflict, and verify passed it; a review).
        if let conflict = slates.conflict, slates.status == .infeasible, resolved.status == .infeasible {
            var appointed: (appointed: Set<String>, source: String)?
            if successionNeedsRound(loaded.scenario) {
                appointed = try roundAppointments(loaded, from: .solveFirst, options: options, solver: defaultSolver)
            }
            let problems = try conflictProblems(conflict, in: loaded.scenario, sha256: loaded.sha256, options: options, round: appointed)
            if !problems.isEmpty { confirmed = false }
            violations += problems
        }
        return (violations, confirmed, resolved)
    }

    /// What a re-solve (its status, objective and objective step) says of the claims a plan or
    /// slates make: that none exist, that they are optimal within `gapForOptimal`, that no
    /// plan beats the stated bound. Whether the claimed status is confirmed, with the problems.
    static func claimProblems(
        status: PlanStatus, objective: Double?, bound: Double?, gapForOptimal: Double,
        resolved: (status: PlanStatus, objective: Double?, objectiveStep: Double?), words: Words
    ) -> (violations: [Violation], confirmed: Bool) {
        var violations: [Violation] = []
        func violate(_ subject: String, _ key: String, _ values: [String: String] = [:]) {
            violations.append(Violation(rule: "status", subject: subject, message: words(key, values)))
        }
        let number = { (value: Double) in words.number(value) }
        var confirmed = true
        let optimum = resolved.status == .optimal ? resolved.objective : nil
        // Half an objective step, or 10⁻⁹ of the objective when the objective has no step.
        let tolerance = { (value: Double) -> Double in
            resolved.objectiveStep.map { $0 / 2 } ?? 1e-9 * max(1, abs(value))
        }
        switch status {
        case .infeasible:
            switch resolved.status {
            case .infeasible: break
            case .optimal, .feasible:
                confirmed = false
                violate("status", "diagnose.recheck.foundPlan", ["objective": number(resolved.objective ?? 0)])
            case .noPlanWithinTimeLimit, .stopped:
                confirmed = false
                violate("status", "diagnose.recheck.infeasibleUnconfirmed")
            }
        case .noPlanWithinTimeLimit, .stopped:
            break
        case .optimal, .feasible:
            if resolved.status == .infeasible {
                violate("status", "diagnose.recheck.provenInfeasible", ["status": status.rawValue])
            }
        }
        if let optimum, let bound, optimum > bound + tolerance(optimum) {
            violate("bound", "diagnose.recheck.boundBelowOptimum", ["bound": number(bound), "optimum": number(optimum)])
        }
        if status == .optimal, let optimum, let objective,
            optimum - objective > tolerance(optimum) + gapForOptimal * max(1, abs(objective))
        {
            violate("status", "diagnose.recheck.notOptimal", ["objective": number(objective), "optimum": number(optimum)])
        }
        if status == .optimal, resolved.status != .optimal, resolved.status != .infeasible {
            violate("status", "diagnose.recheck.optimalUnconfirmed")
        } else if let bound, status.hasPlan, resolved.status != .optimal, resolved.status != .infeasible {
            if let found = resolved.objective, found > bound + tolerance(found) {
                violate("bound", "diagnose.recheck.boundBelowPlan", ["bound": number(bound), "found": number(found)])
            } else {
                violate("bound", "diagnose.recheck.boundUnconfirmed", ["bound": number(bound)])
            }
        }
        return (violations, confirmed)
    }
}

extension Planner {
    /// A plan edited by hand (someone moved, a post left vacant) keeps its old bookkeeping: the
    /// lists, figures, objective and breakdown of the plan before the edit. This re-derives all
    /// of them from the edited assignments alone, so that the plan can be verified, compared
    /// and reported. The status becomes "feasible" (an edit proves nothing); the bound is kept
    /// when the plan was made from this scenario file (it bounds every plan of the round), with
    /// the gap measured from it.
    public static func refreshed(_ plan: Plan, in scenario: Scenario, sha256: String) -> Result<Plan, RefreshError> {
        // Every post once: a post listed twice, or left out, says no holder clearly, and reading
        // it anyway gave the post to the last entry and released the sitting holder without a
        // word (a review's hand edit). `verify` refuses the same lists.
        var listed = Set<String>()
        var unclear: [Violation] = []
        let posts = Set(scenario.positions.map(\.id))
        for entry in plan.assignments {
            if !posts.contains(entry.position) {
                unclear.append(
                    Violation(rule: "plan", subject: entry.position, message: "position \(entry.position) is not in the scenario"))
            } else if !listed.insert(entry.position).inserted {
                unclear.append(
                    Violation(
                        rule: "plan", subject: entry.position,
                        message: "position \(entry.position) is listed twice: keep one entry, the holder meant"))
            }
        }
        for position in scenario.positions where !listed.contains(position.id) {
            unclear.append(
                Violation(
                    rule: "plan", subject: position.id,
                    message: "position \(position.id) is missing from the assignments: list it, with \"cadre\": null to leave it vacant"))
        }
        if !unclear.isEmpty { return .failure(.assignmentsUnclear(unclear)) }
        var holders: [String: String] = [:]
        for entry in plan.assignments {
            if let cadre = entry.cadre { holders[entry.position] = cadre }
        }
        guard var refreshed = Planner.plan(holding: holders, in: scenario, sha256: sha256) else {
            // Why not: the verifier on the edited assignments, with lists rebuilt to match.
            var probe = plan
            probe.status = .feasible
            let check = PlanVerifier.verify(probe, against: scenario, options: PlanVerifier.Options(scenarioChanged: true))
            // The plan's own bookkeeping (its lists, objective, figures and the stated order's
            // record) is stale after an edit, not a hard rule broken.
            let bookkeeping: Set<String> = ["plan", "objective", "preference", "status"]
            let broken = check.violations.filter { !bookkeeping.contains($0.rule) }
            return .failure(.breaksHardRules(broken.isEmpty ? check.violations : broken))
        }
        refreshed.producedBy.parameters.method = "assignments given (edited plan); lists, figures and objective re-derived"
        if plan.scenario.sha256 == sha256, let bound = plan.bound, let objective = refreshed.objective, bound >= objective {
            refreshed.bound = bound
            refreshed.gap = max(0, bound - objective) / max(1, abs(objective))
        }
        return .success(refreshed)
    }

    public enum RefreshError: LocalizedError, Sendable, Equatable {
        /// The edited assignments break a hard rule: no plan to re-derive.
        case breaksHardRules([Violation])
        /// The edited assignments do not list every post of the scenario exactly once.
        case assignmentsUnclear([Violation])

        public var errorDescription: String? {
            switch self {
            case .assignmentsUnclear(let problems):
                "the edited assignments must list every post of the scenario once; \(problems.count) do not:\n"
                    + problems.prefix(20).map { "  \($0)" }.joined(separator: "\n")
                    + (problems.count > 20 ? "\n  and \(problems.count - 20) more" : "")
            case .breaksHardRules(let violations):
                "the edited assignments break \(violations.count) hard rule\(violations.count == 1 ? "" : "s"), so they are not a plan:\n"
                    + violations.prefix(20).map { "  \($0)" }.joined(separator: "\n")
            }
        }
    }
}
