import Foundation

extension Planner {
    /// The identity of a round's own scenario: the scenario carried to the round's year,
    /// hashed as `ScenarioWriter` writes it. The term's first round, in the file's own planning
    /// year, is the file itself and keeps the file's hash.
    public static func roundSHA256(_ scenario: Scenario) -> String { SHA256.hex([UInt8](ScenarioWriter.encode(scenario))) }

    /// Plans the rounds of a term one after another (docs/model.md, "The term, round by
    /// round"): every round is solved as `solve` solves one, optimal alone, from the office the
    /// round before left; then the office is followed year by year to `settings.until`.
    ///
    /// The caller has checked `settings.problems(planningYear:)`. A time limit in `options`
    /// is for the whole term (it counts from `options.clockStart`).
    public static func termRoundByRound(
        _ base: Scenario, sha256: String, settings: TermSettings, options: Options = Options()
    ) throws(PlannerError) -> TermPlan {
        let start = Date()
        var current = base
        var holders = base.incumbents
        var taken: [String: Int] = [:]
        var lastRound: (year: Int, changed: Set<String>)?
        var movesLeft = settings.maxMoves
        var rounds: [TermRound] = []
        var roundScenarios: [Scenario] = []
        var status = PlanStatus.optimal
        var unsolved: [Int] = []
        for year in settings.rounds {
            guard status.hasPlan, !SolveInterruption.isRequested else {
                unsolved.append(year)
                continue
            }
            let isFile = rounds.isEmpty && year == base.planningYear
            // The office as the round before left it, without the slates drawn before that
            // round: each round's slates replace the last ones (the scenario's own plans stand).
            let carried =
                isFile ? base : current.nextRound(year: year, holders: holders, takenInTerm: taken, minimumStay: settings.minimumStay)
            // The term's cap on moves is the round's as far as it binds; the next round is
            // carried from the office without it (its own cap counted afresh).
            let office = carried.cappingMoves(left: movesLeft)
            var round = office
            var slates: SuccessionPlan?
            if settings.slates, !isFile {
                // Drawn on the office the round before left; its appointees kept off where the
                // policy says so, as `planner succession --round` keeps them.
                let appointed = successionNeedsRound(base) ? lastRound.map { (appointed: $0.changed, source: "round \($0.year)") } : nil
                // The term's time limit counts from the command's start; the slates take what is left.
                var slateOptions = options
                if let limit = options.timeLimit {
                    slateOptions.timeLimit = max(0, limit - Date().timeIntervalSince(options.clockStart ?? start))
                    slateOptions.clockStart = nil
                }
                let drawn = try succession(office, sha256: roundSHA256(office), options: slateOptions, round: appointed)
                // Stopped while drawing: the round is not planned (its office would be half made).
                guard !SolveInterruption.isRequested else {
                    unsolved.append(year)
                    continue
                }
                slates = drawn
                if drawn.status.hasPlan { round = scenario(office, withPlanning: drawn) }
            }
            let plan = try solve(round, sha256: isFile ? sha256 : roundSHA256(round), options: options)
            rounds.append(TermRound(year: year, plan: plan, slates: slates))
            roundScenarios.append(round)
            if !plan.status.hasPlan || status == .optimal { status = plan.status }
            guard plan.status.hasPlan else { continue }
            holders = plan.holders
            taken = round.takenInTerm(taken, holders: holders)
            movesLeft = movesLeft.map { $0 - plan.moves.count }
            lastRound = (year, Set(plan.moves.map(\.cadre) + plan.appointments.map(\.cadre)))
            current = carried
        }
        // A term stopped by a signal, between rounds or in one, is "stopped", whatever the
        // rounds planned before: the term as a whole was not planned to its end.
        if status.hasPlan, !unsolved.isEmpty || rounds.contains(where: { $0.plan.stoppedBy != nil }) { status = .stopped }
        let solvedRounds = zip(rounds, roundScenarios).filter { $0.0.plan.status.hasPlan }
        let years = TermView.years(
            rounds: solvedRounds.map { (scenario: $0.1, plan: $0.0.plan) }, until: settings.until,
            firstYear: settings.rounds.first ?? base.planningYear,
            // The view ends before the first round not planned: one without a plan, or one a
            // signal stopped the term before (a review found years to 2035 after a term stopped
            // before its 2030 round, as if that round had kept the office unchanged).
            endsBefore: [rounds.first { !$0.plan.status.hasPlan }?.year, unsolved.first].compactMap { $0 }.min())
        let term = TermPlan(
            scenario: ScenarioIdentity(name: base.name, planningYear: base.planningYear, sha256: sha256),
            method: TermPlan.roundByRound, settings: settings, status: status, rounds: rounds,
            unsolvedRounds: unsolved, years: years, paths: TermView.paths(base: base, rounds: rounds))
        // As every plan: re-checked by the independent verifier, every round and every year,
        // before anyone reads it.
        let verification = TermVerifier.verify(
            term, against: base, scenarioSHA256: sha256, options: PlanVerifier.Options(statusConfirmedBySolving: true))
        guard verification.isValid else { throw .verificationFailed(verification.violations) }
        return term
    }
}

/// The office year by year after a term's rounds, and each cadre's path through them.
public enum TermView {
    /// One entry per year from `firstYear` to `until` (or to the year before `endsBefore`, the
    /// first round without a plan or not planned), each from the last solved round at or before it.
    static func years(rounds: [(scenario: Scenario, plan: Plan)], until: Int, firstYear: Int, endsBefore: Int?) -> [TermYear] {
        guard !rounds.isEmpty else { return [] }
        let last = min(until, (endsBefore ?? until + 1) - 1)
        guard firstYear <= last else { return [] }
        var years: [TermYear] = []
        for year in firstYear...last {
            guard let round = rounds.last(where: { $0.scenario.planningYear <= year }) else { continue }
            years.append(self.year(year, after: round.plan, of: round.scenario))
        }
        return years
    }

    /// The office in `year` after `plan`, the plan of `round`: its holders, less those who
    /// reach retirement age by the year under a hard retirement rule (under a soft one the
    /// next round decides, as `round`'s plan did).
    static func year(_ year: Int, after plan: Plan, of round: Scenario) -> TermYear {
        let scenario = round.nextRound(year: year, holders: plan.holders, takenInTerm: [:], minimumStay: 0)
        let facts = ScenarioFacts(scenario)
        let retirementActive = scenario.policy.retirement.mode.isActive
        var holder: [Int?] = []
        var retiring: [String] = []
        for position in scenario.positions {
            guard let id = position.incumbent, let c = facts.cadreIndex[id] else {
                holder.append(nil)
                continue
            }
            let leaves = scenario.policy.retirement.mode == .hard && facts.retirementYear(scenario.cadres[c]) <= year
            if retirementActive && facts.retirementYear(scenario.cadres[c]) == year { retiring.append(id) }
            holder.append(leaves ? nil : c)
        }
        let figures = PlanFigures.compute(facts: facts, holder: holder, retirements: 0)
        let succession = scenario.policy.succession
        let keyListed = Set(succession.keyPositions)
        var vacantKeys: [String] = []
        var atRisk: [String] = []
        for (p, position) in scenario.positions.enumerated()
        where succession.keyTitles.contains(position.title) || keyListed.contains(position.id) {
            if holder[p] == nil { vacantKeys.append(position.id) }
            guard let id = position.incumbent, let c = facts.cadreIndex[id], retirementActive,
                facts.retirementYear(scenario.cadres[c]) == year
            else { continue }
            let successor = scenario.cadres.indices.contains { other in
                other != c && facts.isPlanned(cadre: other, position: p) && mayBeAppointed(other, to: p, facts: facts)
            }
            if !successor { atRisk.append(position.id) }
        }
        return TermYear(
            year: year, leadershipPosts: figures.leadershipPosts, leadershipPostsFilled: figures.leadershipPostsFilled,
            womenInLeadership: figures.womenInLeadership, womenShare: figures.womenShare,
            youngInGrassrootsTeams: figures.youngInGrassrootsTeams, listedHeadPostsFilled: figures.listedHeadPostsFilled,
            nonLocalListedHeads: figures.nonLocalListedHeads, vacancies: figures.vacancies, retiring: retiring.sorted(),
            keyPostsVacant: vacantKeys.sorted(), keyPostsAtRisk: atRisk.sorted(), leadershipTeams: figures.leadershipTeams,
            teamsWithAWoman: figures.teamsWithAWoman, ageBalanceTeams: figures.ageBalanceTeams,
            ageBalanceTeamsMet: figures.ageBalanceTeamsMet)
    }

    /// Whether a new appointment of cadre c to post p in the facts' year breaks none of the
    /// hard rules that look at the pair alone: retirement, the post's requirements (education,
    /// fields, rating, age), service left, forbidden pairs, and non-local heads at a share of 1.
    /// docs/model.md states the same.
    static func mayBeAppointed(_ c: Int, to p: Int, facts: ScenarioFacts) -> Bool {
        let scenario = facts.scenario
        let policy = scenario.policy
        let cadre = scenario.cadres[c]
        let position = scenario.positions[p]
        let requirements = position.requirements
        if policy.retirement.mode == .hard && facts.isRetiring(cadre) { return false }
        if policy.education.mode == .hard, let level = requirements.minEducation, cadre.education < level { return false }
        if policy.fields.mode == .hard, !requirements.fields.isEmpty, !requirements.fields.contains(where: cadre.fields.contains) {
            return false
        }
        if policy.minRating.mode == .hard, let minimum = requirements.minRating, cadre.rating < minimum { return false }
        if policy.maxAge.mode == .hard, let maximum = requirements.maxAge, facts.age(cadre) > maximum { return false }
        if policy.serviceLeft.mode == .hard, facts.serviceYearsLeft(cadre) < policy.serviceLeft.years { return false }
        if policy.locks.mode == .hard, scenario.forbidden.contains(AssignmentPair(cadre: cadre.id, position: position.id)) {
            return false
        }
        // Non-local heads at a hard share of 1 keep every local cadre out of a listed head post.
        if policy.nonLocalHeads.mode == .hard, policy.nonLocalHeads.minShare >= 1, facts.isListedHead(position),
            facts.isLocal(cadre, toUnit: facts.unit(of: position))
        {
            return false
        }
        return true
    }

    /// The cadres whose post changes in the term, by id, with where each is after every round.
    static func paths(base: Scenario, rounds: [TermRound]) -> [CadrePath] {
        var before: [String: String] = [:]
        for position in base.positions { if let incumbent = position.incumbent { before[incumbent] = position.id } }
        let solved = rounds.filter { $0.plan.status.hasPlan }
        let after = solved.map { round in Dictionary(uniqueKeysWithValues: round.plan.holders.map { ($1, $0) }) }
        return base.cadres.map(\.id).sorted().compactMap { id in
            let steps = zip(solved, after).map { CadrePath.Step(year: $0.0.year, position: $0.1[id]) }
            guard steps.contains(where: { $0.position != before[id] }) else { return nil }
            return CadrePath(cadre: id, before: before[id], steps: steps)
        }
    }
}

extension Planner {
    /// Every round of a term plan solved again, and its slates drawn again, on the office the
    /// verifier carries forward (`TermVerifier.roundScenarios`): the claims each round's plan and
    /// slates make about the optimum, checked as `recheck` checks a plan's and a slate's. Returns
    /// the claims found false (named by round) and one note per round of what solving gave.
    public static func recheck(
        _ term: TermPlan, against scenario: Scenario, sha256: String, options: Options = Options(),
        verifierOptions: PlanVerifier.Options = .init()
    ) throws(PlannerError) -> (violations: [Violation], notes: [String]) {
        var violations: [Violation] = []
        var notes: [String] = []
        if term.method == TermPlan.joint {
            // The term's claim is the term model's optimum: the term planned together again.
            let again = try termJoint(scenario, sha256: sha256, settings: term.settings, options: options)
            let (found, _) = claimProblems(
                status: term.status, objective: term.objective, bound: term.bound, gapForOptimal: options.relativeGap,
                resolved: (again.status, again.objective, nil), words: .english)
            violations += found.map { Violation(rule: $0.rule, subject: "term: \($0.subject)", message: $0.message) }
            notes.append(
                "the term planned together again: " + again.status.sentence
                    + (again.objective.map { ", objective \(PlanReport.number($0))" } ?? ""))
            // The round-by-round term beside it makes claims of its own (each round optimal, or
            // without a plan): solved again as a term of its own.
            if let alone = term.roundByRoundPlan?.first, alone.method == TermPlan.roundByRound {
                let aloneCheck = try recheck(
                    alone, against: scenario, sha256: sha256, options: options, verifierOptions: verifierOptions)
                violations += aloneCheck.violations.map {
                    Violation(rule: $0.rule, subject: "roundByRoundPlan: \($0.subject)", message: $0.message)
                }
                notes += aloneCheck.notes.map { "round by round, \($0)" }
            }
            return (violations, notes)
        }
        let carried = TermVerifier.roundScenarios(term, against: scenario, scenarioSHA256: sha256)
        var previous: Plan?
        for (round, derived) in zip(term.rounds, carried) {
            if let slates = round.slates {
                // Drawn again on the office before the slates' entries, the round before's
                // appointees kept off where the policy says so, as the term drew them.
                let appointed =
                    successionNeedsRound(scenario)
                    ? previous.map {
                        (appointed: Set($0.moves.map(\.cadre) + $0.appointments.map(\.cadre)), source: "round \($0.scenario.planningYear)")
                    }
                    : nil
                let resolved = try succession(
                    derived.office, sha256: roundSHA256(derived.office), options: options, round: appointed)
                let (found, _) = claimProblems(
                    status: slates.status, objective: slates.objective, bound: slates.bound,
                    gapForOptimal: PlanVerifier.gapForOptimal(slates.producedBy, options: verifierOptions),
                    resolved: (resolved.status, resolved.objective, resolved.search?.objectiveStep), words: .english)
                violations += found.map {
                    Violation(rule: $0.rule, subject: "round \(round.year) slates: \($0.subject)", message: $0.message)
                }
                notes.append("\(round.year) slates solved again: " + resolved.status.sentence)
            }
            let recheck = try recheck(
                round.plan, in: derived.scenario, sha256: derived.sha256 ?? round.plan.scenario.sha256, options: options,
                gapForOptimal: PlanVerifier.gapForOptimal(round.plan.producedBy, options: verifierOptions))
            violations += recheck.violations.map {
                Violation(rule: $0.rule, subject: "round \(round.year): \($0.subject)", message: $0.message)
            }
            notes.append(
                "\(round.year) solved again: " + recheck.resolved.status.sentence
                    + (recheck.resolved.objective.map { ", objective \(PlanReport.number($0))" } ?? ""))
            previous = round.plan
        }
        return (violations, notes)
    }
}
