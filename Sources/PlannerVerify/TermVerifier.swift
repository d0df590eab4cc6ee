import PlannerCore

/// Re-checks a term plan against its scenario from the two documents alone: every round's
/// scenario is carried forward again here (not by `Scenario.nextRound`), every round's plan
/// goes through `PlanVerifier` against it, and every year's figures, retirements and posts at
/// risk are counted again.
public enum TermVerifier {
    public static func verify(
        _ term: TermPlan, against scenario: Scenario, scenarioSHA256: String? = nil, options: PlanVerifier.Options = .init()
    ) -> Verification {
        var check = TermCheck(term: term, scenario: scenario)
        check.run(scenarioSHA256: scenarioSHA256, options: options)
        return Verification(
            violations: check.violations, penalties: check.penalties.sorted(), objective: check.objective, warnings: check.warnings)
    }

    /// Each listed round's scenario as the verifier carries it forward, with the hash its plan
    /// must name, and the office its slates were drawn on: what `planner verify --resolve`
    /// solves again.
    public static func roundScenarios(
        _ term: TermPlan, against scenario: Scenario, scenarioSHA256: String?
    ) -> [(year: Int, scenario: Scenario, sha256: String?, office: Scenario)] {
        var check = TermCheck(term: term, scenario: scenario)
        check.run(scenarioSHA256: scenarioSHA256, options: .init(scenarioChanged: true))
        return check.derivedRounds
    }
}

struct TermCheck {
    let term: TermPlan
    let scenario: Scenario
    var violations: [Violation] = []
    var warnings: [String] = []
    var penalties: [Penalty] = []
    var objective: Double?
    /// Each round's scenario (its office with the slates drawn before it planned), the hash its
    /// plan must name, and the office alone (what its slates were drawn on).
    var derivedRounds: [(year: Int, scenario: Scenario, sha256: String?, office: Scenario)] = []

    init(term: TermPlan, scenario: Scenario) {
        self.term = term
        self.scenario = scenario
    }

    mutating func violate(_ subject: String, _ message: String) {
        violations.append(Violation(rule: "term", subject: subject, message: message))
    }

    mutating func run(scenarioSHA256: String?, options: PlanVerifier.Options) {
        if !TermPlan.methods.contains(term.method) {
            violate("method", "\"\(term.method)\" is not a method this build knows (\(TermPlan.methods.joined(separator: ", ")))")
        }
        if term.method == TermPlan.joint && term.settings.slates {
            violate("settings", "a term planned together draws no slates")
        }
        let settings = term.settings
        for problem in settings.problems(for: scenario) { violate("settings", problem) }
        if let sha = scenarioSHA256, term.scenario.sha256 != sha {
            let message = "the term plan was made from another scenario file (sha256 \(term.scenario.sha256.prefix(12))…)"
            if options.scenarioChanged { warnings.append(message) } else { violate("scenario", message) }
        }
        guard violations.isEmpty else { return }
        checkRoundList()
        guard violations.isEmpty else { return }

        // Each round's scenario, carried forward from the file and the rounds before.
        var state = scenario
        var holders = scenario.incumbents
        var taken: [String: Int] = [:]  // cadre → the year of the round in which they took the post they hold
        var solved: [(scenario: Scenario, holders: [String: String])] = []
        var total = 0.0
        var movesOverTerm = 0
        for (index, round) in term.rounds.enumerated() {
            let isFile = index == 0 && round.year == scenario.planningYear
            // The office as the round before left it: the slates drawn before that round are not
            // in it (each round's slates replace the last); this round's are added below.
            let carriedOffice =
                isFile ? scenario : advance(state, to: round.year, holders: holders, taken: taken, minimumStay: settings.minimumStay)
            // Under a cap on the term's moves, the round may move what the rounds before left.
            let office = carriedOffice.cappingMoves(left: settings.maxMoves.map { $0 - movesOverTerm })
            var derived = office
            // A carried round's office follows from the file and the rounds before: its hash is
            // checked whatever --scenario-changed says of the file.
            var roundOptions = options
            if !isFile { roundOptions.scenarioChanged = false }
            if let slates = round.slates {
                if isFile || !settings.slates {
                    violate("round \(round.year)", "has slates, but the settings draw none before it")
                } else {
                    // Slates of the office as the round before left it, checked as `verify` checks
                    // slates; their candidates then planned for their posts, again here.
                    if slates.format != SuccessionPlan.formatName {
                        violate("round \(round.year) slates", "`format` is \"\(slates.format)\", not \"\(SuccessionPlan.formatName)\"")
                    }
                    // Slates a signal stopped end the term (the round after them is not planned);
                    // slates without a plan otherwise are a claim only solving confirms.
                    if slates.status == .stopped {
                        violate("round \(round.year) slates", "stopped slates end the term, yet the round after them was planned")
                    } else if slates.status == .infeasible && !options.statusConfirmedBySolving {
                        violate(
                            "round \(round.year) slates",
                            "the status \"\(slates.status.rawValue)\" is a claim only solving can confirm: run planner verify --resolve")
                    }
                    let result = SuccessionVerifier.verify(
                        slates, against: office, scenarioSHA256: SHA256.hex([UInt8](ScenarioWriter.encode(office))), options: roundOptions)
                    violations += result.violations.map {
                        Violation(rule: $0.rule, subject: "round \(round.year) slates: \($0.subject)", message: carried($0, isFile: false))
                    }
                    warnings += result.warnings.map { "round \(round.year) slates: \($0)" }
                    if slates.status.hasPlan { derived = planned(office, by: slates) }
                }
            } else if settings.slates && !isFile {
                violate("round \(round.year)", "the settings draw slates before every later round, but this round has none")
            }
            let sha = isFile ? scenarioSHA256 : SHA256.hex([UInt8](ScenarioWriter.encode(derived)))
            if round.plan.scenario.planningYear != round.year {
                violate("round \(round.year)", "the round's plan is for the planning year \(round.plan.scenario.planningYear)")
            }
            if round.plan.format != Plan.formatName {
                violate("round \(round.year)", "the round's plan has `format` \"\(round.plan.format)\", not \"\(Plan.formatName)\"")
            }
            derivedRounds.append((round.year, derived, sha, office))
            let result = PlanVerifier.verify(round.plan, against: derived, scenarioSHA256: sha, options: roundOptions)
            violations += result.violations.map {
                Violation(rule: $0.rule, subject: "round \(round.year): \($0.subject)", message: carried($0, isFile: isFile))
            }
            warnings += result.warnings.map { "round \(round.year): \($0)" }
            penalties += result.penalties
            total += result.objective ?? 0
            guard round.plan.status.hasPlan else { continue }
            var before: [String: String] = [:]
            for position in derived.positions { if let incumbent = position.incumbent { before[incumbent] = position.id } }
            holders = [:]
            for assignment in round.plan.assignments { if let cadre = assignment.cadre { holders[assignment.position] = cadre } }
            var takenNow: [String: Int] = [:]
            for (position, cadre) in holders {
                if before[cadre] != position {
                    takenNow[cadre] = round.year
                } else if let year = taken[cadre] {
                    takenNow[cadre] = year
                }
            }
            taken = takenNow
            state = carriedOffice
            solved.append((derived, holders))
            // The round's moves as the round verifier derived them (it checks the plan's list).
            movesOverTerm += round.plan.moves.count
        }
        if let cap = settings.maxMoves, movesOverTerm > cap {
            violate("moves", "\(movesOverTerm) incumbents change post over the term; the term's cap is \(cap)")
        }
        objective = solved.isEmpty ? nil : total
        if term.method == TermPlan.joint { checkJoint(total: solved.isEmpty ? nil : total, options: options) }
        guard violations.isEmpty else { return }
        checkYears(solved)
        checkPaths(solved)
    }

    /// The rounds listed are the settings' first rounds, in order; after a round without a
    /// plan none is solved; the status is the first round's without a plan, or the worst.
    mutating func checkRoundList() {
        let years = term.rounds.map(\.year)
        guard years == Array(term.settings.rounds.prefix(years.count)) else {
            violate("rounds", "the rounds \(years) are not the first of the settings' rounds \(term.settings.rounds)")
            return
        }
        if term.unsolvedRounds != Array(term.settings.rounds.dropFirst(years.count)) {
            violate("unsolvedRounds", "lists \(term.unsolvedRounds), not the rounds left after the ones solved")
        }
        if let firstWithout = term.rounds.firstIndex(where: { !$0.plan.status.hasPlan }), firstWithout != term.rounds.count - 1 {
            violate("rounds", "round \(term.rounds[firstWithout].year) has no plan, yet later rounds were planned from it")
        }
        if term.method == TermPlan.joint {
            // One model for every round: all of them planned, or none.
            if !term.rounds.isEmpty && term.rounds.count != term.settings.rounds.count {
                violate(
                    "rounds", "a term planned together plans every round or none, not \(term.rounds.count) of \(term.settings.rounds.count)"
                )
            }
            for round in term.rounds where round.plan.status != .feasible {
                violate(
                    "round \(round.year)",
                    "a round of a term planned together is \"feasible\" (the term states the optimum), not \"\(round.plan.status.rawValue)\""
                )
            }
            // With rounds: optimal, feasible, or stopped by a signal with the best term found by
            // then; without: no term (infeasible, none within the time limit, stopped before one).
            let withRounds: [PlanStatus] = [.optimal, .feasible, .stopped]
            if term.rounds.isEmpty ? term.status.hasPlan : !withRounds.contains(term.status) {
                violate("status", "is \(term.status.rawValue) with \(term.rounds.count) rounds planned")
            }
            return
        }
        // The first round without a plan decides; rounds left unsolved after planned ones, or a
        // round a signal stopped, make a stopped term; otherwise optimal only when every round is.
        let statuses = term.rounds.map(\.plan.status)
        let stopped = term.unsolvedRounds.count > 0 || term.rounds.contains { $0.plan.stoppedBy != nil }
        let expected: PlanStatus =
            statuses.first { !$0.hasPlan }
            ?? (statuses.isEmpty || stopped ? .stopped : statuses.allSatisfy { $0 == .optimal } ? .optimal : .feasible)
        if term.status != expected {
            let why = term.unsolvedRounds.isEmpty ? "the rounds' plans make it" : "with rounds \(term.unsolvedRounds) not planned, it is"
            violate("status", "is \(term.status.rawValue); \(why) \(expected.rawValue)")
        }
    }

    /// A joint term states its objective (the sum of its rounds' objectives, scored here on
    /// their offices) and a bound not below it, equal when optimal; the same rounds planned
    /// round by round beside it are verified as a term of their own, and are a plan of the term
    /// model: a joint term proven optimal is not worse.
    mutating func checkJoint(total: Double?, options: PlanVerifier.Options) {
        let tolerance = 1e-6 * max(1, abs(total ?? 0))
        // "infeasible" says the term model has no plan: a claim solving confirms, as a round's is
        // (a review found the joint term's passed where the same term round by round failed).
        if total == nil, term.status == .infeasible, !options.statusConfirmedBySolving {
            violate("status", "the status \"infeasible\" is a claim only solving can confirm: run planner verify --resolve")
        }
        if let total {
            if let stated = term.objective {
                if abs(stated - total) > tolerance {
                    violate("objective", "is \(stated); the rounds' objectives sum to \(total)")
                }
            } else {
                violate("objective", "is missing; the rounds' objectives sum to \(total)")
            }
            if let bound = term.bound {
                if bound < total - tolerance { violate("bound", "\(bound) is below the term's objective \(total)") }
                if term.status == .optimal && abs(bound - total) > tolerance {
                    violate("bound", "\(bound) is not the objective \(total) of a term stated optimal")
                }
            } else if term.status == .optimal {
                // A feasible term may have none: the time limit ended before the model's first LP.
                violate("bound", "is missing")
            }
        } else if term.objective != nil {
            violate("objective", "is stated for a term without a plan")
        }
        guard let compared = term.roundByRoundPlan else {
            violate("roundByRoundPlan", "is missing: a term planned together is shown beside the same rounds planned round by round")
            return
        }
        guard compared.count == 1, let alone = compared.first else {
            violate("roundByRoundPlan", "holds \(compared.count) term plans, not one")
            return
        }
        if alone.method != TermPlan.roundByRound || alone.settings != term.settings || alone.scenario != term.scenario {
            violate("roundByRoundPlan", "is not the same term planned round by round (its method, settings or scenario differ)")
            return
        }
        var check = TermCheck(term: alone, scenario: scenario)
        var aloneOptions = options
        aloneOptions.scenarioChanged = true  // the scenario's hash is checked above, once
        // Its rounds' claims, a round without a plan included, are the comparison's claims:
        // `verify --resolve` solves them again (`Planner.recheck`), as it does the term's.
        aloneOptions.statusConfirmedBySolving = true
        check.run(scenarioSHA256: nil, options: aloneOptions)
        violations += check.violations.map {
            Violation(rule: $0.rule, subject: "roundByRoundPlan: \($0.subject)", message: $0.message)
        }
        if let total, term.status == .optimal, alone.status == .optimal, let aloneTotal = check.objective,
            aloneTotal > total + tolerance
        {
            violate(
                "objective",
                "\(total) of a term stated optimal is below \(aloneTotal), the same rounds' planned round by round (a plan of the same term)"
            )
        }
    }

    /// A violation's message as a carried round says it: its scenario is no file a user could
    /// have changed, so a hash that differs means the term's rounds do not follow each other.
    func carried(_ violation: Violation, isFile: Bool) -> String {
        guard !isFile, violation.subject == "scenario.sha256" else { return violation.message }
        return
            "names another office than the one this scenario file and the earlier rounds lead to: the rounds do not follow from each other, or the scenario changed since the term was planned (plan it again)"
    }

    /// The scenario with every slate's candidates planned for its post (a `post:` entry added
    /// to their `plannedFor`, in the slates' order, where they lack it).
    func planned(_ office: Scenario, by slates: SuccessionPlan) -> Scenario {
        var next = office
        next.cadres = office.cadres.map { cadre in
            var cadre = cadre
            for slate in slates.slates where slate.candidates.contains(where: { $0.cadre == cadre.id }) {
                let entry = "post:" + slate.position
                if !cadre.plannedFor.contains(entry) { cadre.plannedFor.append(entry) }
            }
            return cadre
        }
        return next
    }

    /// The office of the round in `year`, derived again: see `Scenario.nextRound` and
    /// docs/model.md ("The term, round by round").
    func advance(_ from: Scenario, to year: Int, holders: [String: String], taken: [String: Int], minimumStay: Int) -> Scenario {
        var next = from
        next.planningYear = year
        var postBefore: [String: String] = [:]
        for position in from.positions { if let incumbent = position.incumbent { postBefore[incumbent] = position.id } }
        var postAfter: [String: String] = [:]
        for (position, cadre) in holders { postAfter[cadre] = position }
        next.positions = from.positions.map { position in
            var position = position
            position.incumbent = holders[position.id]
            return position
        }
        let yearCheck = Check(scenario: next, plan: term.rounds[0].plan, gapForOptimal: 0)
        next.cadres = from.cadres.map { cadre in
            var cadre = cadre
            let post = postAfter[cadre.id]
            let years = year - from.planningYear
            if post == nil {
                cadre.yearsInPost = 0
            } else if postBefore[cadre.id] != post {
                cadre.yearsInPost = years
            } else {
                cadre.yearsInPost += years
            }
            let heldLong = taken[cadre.id].map { year - $0 >= minimumStay } ?? true
            cadre.locked = post != nil && !heldLong && !yearCheck.retiring(cadre)
            return cadre
        }
        next.pinned = []
        return next
    }

    /// Every year from the first round to the view's end (or to the first round without a
    /// plan), counted again from the round in force.
    mutating func checkYears(_ solved: [(scenario: Scenario, holders: [String: String])]) {
        guard let first = term.settings.rounds.first else { return }
        var last = term.settings.until
        if let without = term.rounds.first(where: { !$0.plan.status.hasPlan }) { last = min(last, without.year - 1) }
        if let notPlanned = term.unsolvedRounds.first { last = min(last, notPlanned - 1) }
        let expectedYears = solved.isEmpty || last < first ? [] : Array(first...last)
        guard term.years.map(\.year) == expectedYears else {
            violate(
                "years",
                "lists the years \(term.years.map(\.year)); the view covers \(expectedYears.first.map { "\($0) to \(last)" } ?? "none")")
            return
        }
        for stated in term.years {
            guard let round = solved.last(where: { $0.scenario.planningYear <= stated.year }) else { continue }
            let derived = derivedYear(stated.year, round: round)
            let pairs: [(String, String, String)] = [
                ("leadershipPosts", "\(stated.leadershipPosts)", "\(derived.leadershipPosts)"),
                ("leadershipPostsFilled", "\(stated.leadershipPostsFilled)", "\(derived.leadershipPostsFilled)"),
                ("womenInLeadership", "\(stated.womenInLeadership)", "\(derived.womenInLeadership)"),
                ("youngInGrassrootsTeams", "\(stated.youngInGrassrootsTeams)", "\(derived.youngInGrassrootsTeams)"),
                ("listedHeadPostsFilled", "\(stated.listedHeadPostsFilled)", "\(derived.listedHeadPostsFilled)"),
                ("nonLocalListedHeads", "\(stated.nonLocalListedHeads)", "\(derived.nonLocalListedHeads)"),
                ("vacancies", "\(stated.vacancies)", "\(derived.vacancies)"),
                ("retiring", "\(stated.retiring)", "\(derived.retiring)"),
                ("keyPostsVacant", "\(stated.keyPostsVacant)", "\(derived.keyPostsVacant)"),
                ("keyPostsAtRisk", "\(stated.keyPostsAtRisk)", "\(derived.keyPostsAtRisk)"),
            ]
            // The team figures, where stated (term plans written before them have none).
            let teamPairs: [(String, Int?, Int?)] = [
                ("leadershipTeams", stated.leadershipTeams, derived.leadershipTeams),
                ("teamsWithAWoman", stated.teamsWithAWoman, derived.teamsWithAWoman),
                ("ageBalanceTeams", stated.ageBalanceTeams, derived.ageBalanceTeams),
                ("ageBalanceTeamsMet", stated.ageBalanceTeamsMet, derived.ageBalanceTeamsMet),
            ]
            for (name, said, counted) in teamPairs where said != nil && said != counted {
                violate(
                    "\(stated.year) \(name)",
                    "states \(said.map(String.init) ?? "none"); the scenario and the rounds give \(counted.map(String.init) ?? "none")")
            }
            for (name, said, counted) in pairs where said != counted {
                violate("\(stated.year) \(name)", "states \(said); the scenario and the rounds give \(counted)")
            }
            let share = stated.womenShare ?? -1
            let derivedShare = derived.womenShare ?? -1
            if abs(share - derivedShare) > 1e-9 {
                violate(
                    "\(stated.year) womenShare",
                    "states \(stated.womenShare.map { "\($0)" } ?? "none"); derived \(derived.womenShare.map { "\($0)" } ?? "none")")
            }
        }
    }

    func derivedYear(_ year: Int, round: (scenario: Scenario, holders: [String: String])) -> TermYear {
        let view = advance(round.scenario, to: year, holders: round.holders, taken: [:], minimumStay: 0)
        let check = Check(scenario: view, plan: term.rounds[0].plan, gapForOptimal: 0)
        var cadres: [String: Cadre] = [:]
        for cadre in view.cadres { cadres[cadre.id] = cadre }
        var holder: [String: Cadre] = [:]
        var retiring: [String] = []
        for (position, id) in round.holders {
            guard let cadre = cadres[id] else { continue }
            // Reaching the age is listed under any active rule; only a hard one empties the post
            // between rounds (under a soft one the next round decides).
            if view.policy.retirement.mode != .off && check.retirementYear(cadre) == year { retiring.append(id) }
            if !(view.policy.retirement.mode == .hard && check.retirementYear(cadre) <= year) { holder[position] = cadre }
        }
        let leadership = view.positions.filter(\.leadership)
        let filled = leadership.compactMap { holder[$0.id] }
        let women = filled.filter { $0.gender == .female }.count
        var young = 0
        for unit in view.units where unit.grassroots {
            let members = view.positions.filter { $0.unit == unit.id && $0.leadership }.compactMap { holder[$0.id] }
            young += members.filter { check.age($0) < view.policy.youth.age }.count
        }
        var listed = 0
        var nonLocal = 0
        var units: [String: OrgUnit] = [:]
        for unit in view.units { units[unit.id] = unit }
        for position in view.positions where view.policy.nonLocalHeads.titles.contains(position.title) {
            guard let cadre = holder[position.id], let unit = units[position.unit] else { continue }
            listed += 1
            if !check.isLocal(cadre, to: unit) { nonLocal += 1 }
        }
        let teams = check.teamCounts(holder)
        let succession = view.policy.succession
        var vacantKeys: [String] = []
        var atRisk: [String] = []
        for position in view.positions where succession.keyTitles.contains(position.title) || succession.keyPositions.contains(position.id)
        {
            if holder[position.id] == nil { vacantKeys.append(position.id) }
            guard let id = round.holders[position.id], let incumbent = cadres[id], view.policy.retirement.mode != .off,
                check.retirementYear(incumbent) == year
            else { continue }
            let successor = view.cadres.contains { other in
                other.id != id && check.isPlanned(other, for: position) && mayBeAppointed(other, to: position, check: check, view: view)
            }
            if !successor { atRisk.append(position.id) }
        }
        return TermYear(
            year: year, leadershipPosts: leadership.count, leadershipPostsFilled: filled.count, womenInLeadership: women,
            womenShare: filled.isEmpty ? nil : Double(women) / Double(filled.count), youngInGrassrootsTeams: young,
            listedHeadPostsFilled: listed, nonLocalListedHeads: nonLocal, vacancies: view.positions.filter { holder[$0.id] == nil }.count,
            retiring: retiring.sorted(), keyPostsVacant: vacantKeys.sorted(), keyPostsAtRisk: atRisk.sorted(),
            leadershipTeams: teams.teams, teamsWithAWoman: teams.withWoman, ageBalanceTeams: teams.balanceTeams,
            ageBalanceTeamsMet: teams.balanceMet)
    }

    /// A new appointment that breaks no hard rule of those that look at the pair alone
    /// (retirement, requirements, service left, forbidden pairs, non-local heads at a share
    /// of 1), in the view's year.
    func mayBeAppointed(_ cadre: Cadre, to position: Position, check: Check, view: Scenario) -> Bool {
        let policy = view.policy
        let req = position.requirements
        if policy.retirement.mode == .hard && check.retirementYear(cadre) <= view.planningYear { return false }
        if policy.education.mode == .hard, let level = req.minEducation, cadre.education < level { return false }
        if policy.fields.mode == .hard, !req.fields.isEmpty, Set(req.fields).isDisjoint(with: cadre.fields) { return false }
        if policy.minRating.mode == .hard, let minimum = req.minRating, cadre.rating < minimum { return false }
        if policy.maxAge.mode == .hard, let maximum = req.maxAge, check.age(cadre) > maximum { return false }
        if policy.serviceLeft.mode == .hard, check.retirementYear(cadre) - view.planningYear < policy.serviceLeft.years { return false }
        if policy.locks.mode == .hard, view.forbidden.contains(AssignmentPair(cadre: cadre.id, position: position.id)) { return false }
        if policy.nonLocalHeads.mode == .hard, policy.nonLocalHeads.minShare >= 1, policy.nonLocalHeads.titles.contains(position.title),
            let unit = view.units.first(where: { $0.id == position.unit }), check.isLocal(cadre, to: unit)
        {
            return false
        }
        return true
    }

    /// Every cadre whose post after some round differs from their post before the term, and
    /// no other, with their posts round by round.
    mutating func checkPaths(_ solved: [(scenario: Scenario, holders: [String: String])]) {
        var before: [String: String] = [:]
        for position in scenario.positions { if let incumbent = position.incumbent { before[incumbent] = position.id } }
        var expected: [CadrePath] = []
        for id in scenario.cadres.map(\.id).sorted() {
            let steps = solved.map { round in
                CadrePath.Step(year: round.scenario.planningYear, position: round.holders.first { $0.value == id }?.key)
            }
            if steps.contains(where: { $0.position != before[id] }) {
                expected.append(CadrePath(cadre: id, before: before[id], steps: steps))
            }
        }
        if term.paths != expected {
            // The cadres whose path differs: listed on one side only, or with other steps.
            let stated = Dictionary(term.paths.map { ($0.cadre, $0) }, uniquingKeysWith: { first, _ in first })
            let derived = Dictionary(expected.map { ($0.cadre, $0) }, uniquingKeysWith: { first, _ in first })
            let differing = Set(stated.keys).union(derived.keys).filter { stated[$0] != derived[$0] }.sorted().prefix(5)
            violate(
                "paths", "do not follow from the rounds' plans" + (differing.isEmpty ? "" : " (e.g. \(differing.joined(separator: ", ")))"))
        }
    }
}
