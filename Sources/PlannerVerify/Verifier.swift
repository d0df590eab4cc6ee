import PlannerCore

/// Re-checks a plan against its scenario from the two documents alone.
///
/// Independent on purpose: it shares no code with the model builder or the figures (its ages,
/// retirement years, localities, teams and shortfalls are derived here, again), so a mistake
/// in the model cannot hide behind the same mistake in the check.
public enum PlanVerifier {
    /// What the caller knows beyond the two documents.
    public struct Options: Sendable, Equatable {
        /// The user says the scenario changed on purpose since the plan was made: a different
        /// file hash is then a warning, not a violation.
        public var scenarioChanged = false
        /// A status without a plan ("infeasible", no plan in time, stopped) was confirmed by
        /// solving (`planner verify --resolve`); without that, such a claim is not verified.
        public var statusConfirmedBySolving = false
        /// The largest relative gap the checker accepts in a plan claimed "optimal"
        /// (`planner verify --gap`). Without it the gap the plan records it was solved with
        /// stands; with it, the smaller of the two: a plan may not make itself optimal by
        /// recording a generous gap (a review's plan recorded 1).
        public var largestGapForOptimal: Double?

        public init(scenarioChanged: Bool = false, statusConfirmedBySolving: Bool = false, largestGapForOptimal: Double? = nil) {
            self.scenarioChanged = scenarioChanged
            self.statusConfirmedBySolving = statusConfirmedBySolving
            self.largestGapForOptimal = largestGapForOptimal
        }
    }

    /// The relative gap within which a plan or slates made as `producedBy` records may be
    /// called optimal: the one they were solved with, capped by the checker's own
    /// (`Options.largestGapForOptimal`).
    public static func gapForOptimal(_ producedBy: Provenance, options: Options) -> Double {
        min(producedBy.parameters.relativeGap, options.largestGapForOptimal ?? .infinity)
    }

    public static func verify(
        _ plan: Plan, against scenario: Scenario, scenarioSHA256: String? = nil, options: Options = Options()
    ) -> Verification {
        var check = Check(scenario: scenario, plan: plan, gapForOptimal: gapForOptimal(plan.producedBy, options: options))
        guard plan.status.hasPlan else {
            check.checkNoPlan(confirmed: options.statusConfirmedBySolving)
            check.checkIdentity(scenarioSHA256: scenarioSHA256, scenarioChanged: options.scenarioChanged)
            return check.result()
        }
        check.readAssignments()
        if check.violations.isEmpty {
            check.checkViews()
            check.checkRules()
            check.checkObjective()
            check.checkFigures()
            check.checkPreference()
        }
        // Last: a plan of another round (or file) is still scored against this one, every
        // rule listed, besides the mismatch.
        check.checkIdentity(scenarioSHA256: scenarioSHA256, scenarioChanged: options.scenarioChanged)
        return check.result()
    }
}

extension Verification {
    /// The message for a plan made from another scenario file than the one it is checked
    /// against (nil: the same file, or no file hash given).
    static func differentScenario(plan: ScenarioIdentity, file scenarioSHA256: String?) -> String? {
        guard let scenarioSHA256, scenarioSHA256 != plan.sha256 else { return nil }
        return
            "the plan was made from a different scenario file (SHA-256 \(plan.sha256.prefix(12))…, this one \(scenarioSHA256.prefix(12))…)"
    }
}

public struct Verification: Sendable, Equatable {
    /// Hard rules broken, or the plan disagreeing with itself or the scenario.
    public var violations: [Violation]
    /// Soft rules that fall short, as recomputed here.
    public var penalties: [Penalty]
    /// The objective recomputed from the scenario and the assignments.
    public var objective: Double?
    /// Worth saying, but not wrong (e.g. the plan came from another version of the file).
    public var warnings: [String]

    public var isValid: Bool { violations.isEmpty }
}

public struct Violation: Sendable, Equatable, CustomStringConvertible {
    /// The policy key of the rule broken, or "plan" for a plan inconsistent with itself.
    public var rule: String
    public var subject: String
    public var message: String

    public init(rule: String, subject: String, message: String) {
        self.rule = rule
        self.subject = subject
        self.message = message
    }

    public var description: String { "\(rule) (\(subject)): \(message)" }
}

struct Check {
    let scenario: Scenario
    let plan: Plan
    /// `PlanVerifier.gapForOptimal`.
    let gapForOptimal: Double
    var violations: [Violation] = []
    var warnings: [String] = []
    var penalties: [Penalty] = []
    var objective: Double?

    var cadres: [String: Cadre] = [:]
    var positions: [String: Position] = [:]
    var units: [String: OrgUnit] = [:]
    var parentLocality: [String: String] = [:]
    /// Position id → holder after the round.
    var holderOf: [String: String] = [:]
    /// Cadre id → position held after the round.
    var postOf: [String: String] = [:]
    /// Cadre id → position held before the round.
    var formerPostOf: [String: String] = [:]
    /// How many entries each of the plan's lists has by the assignments (`checkViews`, which runs
    /// first): the figures and the fewest-changes key are checked against these, not against the
    /// plan's own lists, which may have been edited apart from the assignments.
    struct ListCounts { var moves = 0, appointments = 0, stays = 0, vacancies = 0, releases = 0, retirements = 0 }
    var given = ListCounts()

    init(scenario: Scenario, plan: Plan, gapForOptimal: Double) {
        self.scenario = scenario
        self.plan = plan
        self.gapForOptimal = gapForOptimal
        for cadre in scenario.cadres { cadres[cadre.id] = cadre }
        for position in scenario.positions {
            positions[position.id] = position
            if let incumbent = position.incumbent { formerPostOf[incumbent] = position.id }
        }
        for unit in scenario.units { units[unit.id] = unit }
        for locality in scenario.localities { parentLocality[locality.id] = locality.within }
    }

    mutating func violate(_ rule: String, _ subject: String, _ message: String) {
        violations.append(Violation(rule: rule, subject: subject, message: message))
    }

    /// The violations with a plan of another round or file first: checked last (every rule is
    /// still scored), but the first thing to read, and within the 500 `verify` prints (a review's
    /// tutorial plan against the city round: 618 violations, the mismatch last).
    func result() -> Verification {
        let isIdentity = { (violation: Violation) in
            violation.rule == "plan" && (violation.subject == "scenario" || violation.subject == "scenario.sha256")
        }
        let identity = violations.filter(isIdentity)
        let rest = violations.filter { !isIdentity($0) }
        return Verification(violations: identity + rest, penalties: penalties.sorted(), objective: objective, warnings: warnings)
    }

    // MARK: Derived facts, derived again

    var policy: Policy { scenario.policy }

    func age(_ cadre: Cadre) -> Int { scenario.planningYear - cadre.birthYear }

    /// Retirement year: fixed ages rounded up, or the statutory schedule of Decree 135/2020
    /// (men +3 months a year from 60y3m in 2021 to 62 in 2028; women +4 months a year from
    /// 55y4m in 2021 to 60 in 2035), found by walking the years in months.
    func retirementYear(_ cadre: Cadre) -> Int {
        let fixed = cadre.gender == .male ? policy.retirement.maleAge : policy.retirement.femaleAge
        if let fixed {
            var years = Int(fixed)
            if Double(years) < fixed { years += 1 }
            return cadre.birthYear + years
        }
        var year = cadre.birthYear
        while true {
            let ageInMonths = (year - cadre.birthYear) * 12
            let since2020 = Swift.max(0, year - 2020)
            let statutoryMonths =
                cadre.gender == .male
                ? 60 * 12 + Swift.min(since2020 * 3, 24)
                : 55 * 12 + Swift.min(since2020 * 4, 60)
            if ageInMonths >= statutoryMonths { return year }
            year += 1
        }
    }

    func retiring(_ cadre: Cadre) -> Bool { policy.retirement.mode != .off && retirementYear(cadre) <= scenario.planningYear }

    func isLocal(_ cadre: Cadre, to unit: OrgUnit) -> Bool {
        var locality: String? = cadre.homeLocality
        var steps = 0
        while let current = locality, steps <= scenario.localities.count {
            if current == unit.locality { return true }
            locality = parentLocality[current]
            steps += 1
        }
        return false
    }

    /// A planning entry is a title, or title@locality: that title in units at or within the locality.
    func isPlanned(_ cadre: Cadre, for position: Position) -> Bool {
        guard let unit = units[position.unit] else { return false }
        return cadre.plannedFor.contains { entry in
            if entry.hasPrefix("post:") { return entry.dropFirst(5) == position.id }
            let parts = entry.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts[0] == position.title else { return false }
            guard parts.count == 2 else { return true }
            var locality: String? = unit.locality
            var steps = 0
            while let current = locality, steps <= scenario.localities.count {
                if current == parts[1] { return true }
                locality = parentLocality[current]
                steps += 1
            }
            return false
        }
    }

    func band(_ cadre: Cadre) -> Int { policy.ageBalance.bandStarts.filter { age(cadre) >= $0 }.count }

    /// Shortfall of a share rule: people missing for `count ≥ share × total`, whole people.
    func shareShortfall(count: Int, total: Int, share: Double) -> Int {
        let needed = share * Double(total) - Double(count)
        guard needed > 1e-9 else { return 0 }
        return Int((needed - 1e-9).rounded(.up))
    }

    /// Records a rule instance that falls short by `amount`: a violation when hard, a penalty when soft.
    mutating func shortfall(_ rule: String, _ mode: RuleMode, _ subject: String, _ amount: Int, _ message: String) {
        guard amount > 0 else { return }
        switch mode {
        case .hard: violate(rule, subject, message)
        case .soft(let price): penalties.append(Penalty(rule: rule, subject: subject, shortfall: amount, price: price))
        case .off: break
        }
    }

    // MARK: The checks

    /// The plan names the scenario file it was made from by its hash: another file's plan is
    /// not this scenario's plan, unless the user says the scenario changed on purpose.
    mutating func checkIdentity(scenarioSHA256: String?, scenarioChanged: Bool) {
        checkRecord()
        if !scenarioChanged, plan.scenario.planningYear != scenario.planningYear || plan.scenario.name != scenario.name {
            violate(
                "plan", "scenario",
                "the plan names the round \"\(plan.scenario.name)\" (\(plan.scenario.planningYear)); the scenario is \"\(scenario.name)\" (\(scenario.planningYear))"
            )
        }
        guard let message = Verification.differentScenario(plan: plan.scenario, file: scenarioSHA256) else { return }
        if scenarioChanged {
            warnings.append(message)
        } else {
            violate(
                "plan", "scenario.sha256",
                message
                    + "; if the scenario changed on purpose, say so (--scenario-changed, which `planner verify` and `planner report` take)")
        }
    }

    /// What the plan says produced it must be something that can: a gap asked for between 0 and
    /// 1 (an "optimal" is judged against it), a time limit of 0 or more, and a stop only by the
    /// signals that stop a search, never on a proven plan.
    mutating func checkRecord() {
        let parameters = plan.producedBy.parameters
        if !(parameters.relativeGap >= 0 && parameters.relativeGap <= 1) {
            violate(
                "plan", "producedBy.parameters.relativeGap",
                "a relative gap of \(parameters.relativeGap) is not one a solve can ask for (0 to 1)")
        }
        if let limit = parameters.timeLimit, !(limit >= 0 && limit.isFinite) {
            violate("plan", "producedBy.parameters.timeLimit", "a time limit of \(limit) is not one a solve can have")
        }
        if let cause = plan.stoppedBy {
            if !["SIGINT", "SIGTERM", "a stop request"].contains(cause) {
                violate("plan", "stoppedBy", "a search is stopped by SIGINT or SIGTERM, not by \(cause)")
            } else if plan.status == .optimal || plan.status == .infeasible {
                violate("plan", "stoppedBy", "a plan with status \(plan.status.rawValue) was not stopped early")
            }
        }
    }

    /// A status without a plan states nothing but its claim: the document must be empty, and
    /// the claim itself holds only when solving confirmed it.
    mutating func checkNoPlan(confirmed: Bool) {
        let status = plan.status.rawValue
        let empty =
            plan.assignments.isEmpty && plan.moves.isEmpty && plan.appointments.isEmpty && plan.stays.isEmpty
            && plan.vacancies.isEmpty && plan.releases.isEmpty && plan.retirements.isEmpty
        if !empty { violate("plan", "status", "a plan with status \(status) must hold no assignments or lists") }
        if plan.objective != nil || plan.objectiveBreakdown != nil || plan.figures != nil {
            violate("plan", "status", "a plan with status \(status) states no objective, breakdown or figures")
        }
        if let gap = plan.gap, !(gap >= 0) { violate("plan", "gap", "the stated gap \(gap) is negative") }
        // "infeasible" says something of the round, which solving confirms; a time limit or a
        // signal that ended the solve before any plan says nothing of it (whether a plan exists
        // is unknown), so there is nothing to confirm (a review found such untouched plans refused).
        if plan.status == .infeasible, !confirmed {
            violate("status", "status", "the status \"\(status)\" is a claim only solving can confirm: run planner verify --resolve")
        } else if plan.status != .infeasible {
            warnings.append("the solve ended with no plan (\(status)): there is no plan to check, and whether one exists is unknown")
        }
    }

    mutating func readAssignments() {
        var listed = Set<String>()
        for entry in plan.assignments {
            guard positions[entry.position] != nil else {
                violate("plan", entry.position, "position \(entry.position) is not in the scenario")
                continue
            }
            if !listed.insert(entry.position).inserted { violate("plan", entry.position, "position \(entry.position) is listed twice") }
            guard let cadre = entry.cadre else { continue }
            guard cadres[cadre] != nil else {
                violate("plan", entry.position, "cadre \(cadre) is not in the scenario")
                continue
            }
            if let other = postOf[cadre] {
                violate("assignment", cadre, "cadre \(cadre) holds two posts, \(other) and \(entry.position)")
            }
            postOf[cadre] = entry.position
            holderOf[entry.position] = cadre
        }
        for position in scenario.positions where !listed.contains(position.id) {
            violate("plan", position.id, "position \(position.id) is missing from the plan's assignments")
        }
    }

    /// The lists after `assignments` must say the same as the assignments.
    mutating func checkViews() {
        var moves: [Move] = []
        var appointments: [Appointment] = []
        var stays: [Stay] = []
        var vacancies: [String] = []
        var releases: [Release] = []
        var retirements: [Retirement] = []
        for entry in plan.assignments {
            let expected: Outcome
            if let cadre = entry.cadre {
                switch formerPostOf[cadre] {
                case entry.position?:
                    expected = .stay
                    stays.append(Stay(cadre: cadre, position: entry.position))
                case let from?:
                    expected = .move
                    moves.append(Move(cadre: cadre, from: from, to: entry.position))
                case nil:
                    expected = .appointment
                    appointments.append(Appointment(cadre: cadre, to: entry.position))
                }
            } else {
                expected = .vacant
                vacancies.append(entry.position)
            }
            if entry.outcome != expected {
                violate("plan", entry.position, "outcome is \"\(entry.outcome.rawValue)\" but the holder makes it \"\(expected.rawValue)\"")
            }
        }
        for position in scenario.positions {
            guard let incumbent = position.incumbent, let cadre = cadres[incumbent], postOf[incumbent] == nil else { continue }
            if retiring(cadre) {
                retirements.append(Retirement(cadre: incumbent, from: position.id, year: retirementYear(cadre)))
            } else {
                releases.append(Release(cadre: incumbent, from: position.id))
            }
        }
        // The same entries in another order say the same thing: a warning, not a violation
        // (plans are written in the scenario's canonical order; a hand-made one may not be).
        func compare<T: Hashable>(_ name: String, _ listed: [T], _ derived: [T], _ describe: (T) -> String) {
            guard listed != derived else { return }
            func counts(_ list: [T]) -> [T: Int] { list.reduce(into: [:]) { $0[$1, default: 0] += 1 } }
            if counts(listed) == counts(derived) {
                warnings.append("the list of \(name) has the entries the assignments give, in another order")
            } else {
                // Which entries: those the assignments do not give, by their place in the list,
                // and how many they give that the list lacks (a review found the bare sentence).
                var left = counts(derived)
                var extra: [Int] = []
                for (index, entry) in listed.enumerated() {
                    if let count = left[entry], count > 0 { left[entry] = count - 1 } else { extra.append(index) }
                }
                // The missing ones named as the assignments give them, in their order.
                var missing: [T] = []
                for entry in derived where (left[entry] ?? 0) > 0 {
                    left[entry]! -= 1
                    missing.append(entry)
                }
                var details: [String] = []
                if !extra.isEmpty {
                    let shown = extra.prefix(5).map { "\(name)[\($0)]" }.joined(separator: ", ")
                    details.append("\(shown)\(extra.count > 5 ? " and \(extra.count - 5) more" : "") not given by them")
                }
                if !missing.isEmpty {
                    let shown = missing.prefix(5).map(describe).joined(separator: ", ")
                    details.append(
                        "\(missing.count == 1 ? "one entry" : "\(missing.count) entries") they give missing from it (\(shown)\(missing.count > 5 ? " and \(missing.count - 5) more" : ""))"
                    )
                }
                violate("plan", name, "the list of \(name) does not match the assignments: " + details.joined(separator: "; "))
            }
        }
        compare("moves", plan.moves, moves) { "\($0.cadre) from \($0.from) to \($0.to)" }
        compare("appointments", plan.appointments, appointments) { "\($0.cadre) to \($0.to)" }
        compare("stays", plan.stays, stays) { "\($0.cadre) in \($0.position)" }
        compare("vacancies", plan.vacancies, vacancies) { $0 }
        compare("releases", plan.releases, releases) { "\($0.cadre) from \($0.from)" }
        compare("retirements", plan.retirements, retirements) { "\($0.cadre) from \($0.from)" }
        given = ListCounts(
            moves: moves.count, appointments: appointments.count, stays: stays.count, vacancies: vacancies.count,
            releases: releases.count, retirements: retirements.count)
    }

    mutating func checkRules() {
        for position in scenario.positions {
            guard let holderID = holderOf[position.id], let holder = cadres[holderID] else { continue }
            let subject = "\(holderID) in \(position.id)"
            let isNew = formerPostOf[holderID] != position.id
            if retiring(holder) {
                shortfall(
                    "retirement", policy.retirement.mode, subject, 1,
                    "reaches retirement age in \(retirementYear(holder)) but holds \(position.id)")
            }
            if isNew {
                let req = position.requirements
                if let level = req.minEducation, holder.education < level {
                    shortfall(
                        "education", policy.education.mode, subject, 1,
                        "has \(holder.education.rawValue); \(position.id) requires \(level.rawValue)")
                }
                if !req.fields.isEmpty && Set(req.fields).isDisjoint(with: holder.fields) {
                    shortfall(
                        "fields", policy.fields.mode, subject, 1,
                        "has none of the fields \(req.fields.joined(separator: ", ")) that \(position.id) requires")
                }
                if let minimum = req.minRating, holder.rating < minimum {
                    shortfall(
                        "minRating", policy.minRating.mode, subject, 1,
                        "rating \(holder.rating) is below the \(minimum) that \(position.id) requires")
                }
                if let maximum = req.maxAge, age(holder) > maximum {
                    shortfall(
                        "maxAge", policy.maxAge.mode, subject, 1, "is \(age(holder)), over the maximum age \(maximum) for \(position.id)")
                }
                let left = retirementYear(holder) - scenario.planningYear
                if left < policy.serviceLeft.years {
                    shortfall(
                        "serviceLeft", policy.serviceLeft.mode, subject, 1,
                        "has \(left) years of service left; a new appointment needs \(policy.serviceLeft.years)")
                }
                let formerTitle = formerPostOf[holderID].flatMap { positions[$0]?.title }
                let exempt = policy.planning.exemptSameTitle && formerTitle == position.title
                if !isPlanned(holder, for: position) && !exempt {
                    shortfall(
                        "planning", policy.planning.mode, subject, 1,
                        "is not planned for the title \"\(position.title)\" in \(position.unit)")
                }
            } else if holder.yearsInPost >= policy.tenure.limit(title: position.title) {
                shortfall(
                    "tenure", policy.tenure.mode, subject, 1,
                    "keeps \(position.id) after \(holder.yearsInPost) years; the limit for \"\(position.title)\" is \(policy.tenure.limit(title: position.title))"
                )
            }
            if scenario.forbidden.contains(AssignmentPair(cadre: holderID, position: position.id)) {
                shortfall("locks", policy.locks.mode, subject, 1, "the assignment of \(holderID) to \(position.id) is forbidden")
            }
            if holder.locked && formerPostOf[holderID] == nil {
                shortfall(
                    "locks", policy.locks.mode, subject, 1, "\(holderID) is locked out of the round but is appointed to \(position.id)")
            }
        }
        for cadre in scenario.cadres where cadre.locked {
            guard let former = formerPostOf[cadre.id], postOf[cadre.id] != former else { continue }
            shortfall(
                "locks", policy.locks.mode, "\(cadre.id) stays in \(former)", 1, "\(cadre.id) is locked in \(former) but does not stay")
        }
        for pin in scenario.pinned where holderOf[pin.position] != pin.cadre {
            shortfall(
                "locks", policy.locks.mode, "\(pin.cadre) pinned to \(pin.position)", 1,
                "\(pin.cadre) is pinned to \(pin.position) but does not hold it")
        }
        for position in scenario.positions where position.mustFill && holderOf[position.id] == nil {
            shortfall("mustFill", policy.mustFill.mode, position.id, 1, "\(position.id) must be filled but is vacant")
        }
        checkRelease()
        checkNonLocal()
        checkTeams()
        checkWomenShare()
        checkMoves()
        checkRelatives()
    }

    mutating func checkRelease() {
        guard policy.release.mode == .hard else { return }
        for position in scenario.positions {
            guard let incumbent = position.incumbent, let cadre = cadres[incumbent], !retiring(cadre), postOf[incumbent] == nil else {
                continue
            }
            violate("release", incumbent, "\(incumbent) held \(position.id) and is left without a post; the policy does not allow releases")
        }
    }

    mutating func checkNonLocal() {
        let rule = policy.nonLocalHeads
        guard rule.mode != .off else { return }
        var filled = 0
        var nonLocal = 0
        var locals: [String] = []
        for position in scenario.positions where rule.titles.contains(position.title) {
            guard let holderID = holderOf[position.id], let holder = cadres[holderID], let unit = units[position.unit] else { continue }
            filled += 1
            if isLocal(holder, to: unit) { locals.append("\(holderID) in \(position.id)") } else { nonLocal += 1 }
        }
        let missing = shareShortfall(count: nonLocal, total: filled, share: rule.minShare)
        shortfall(
            "nonLocalHeads", rule.mode, "listed head posts", missing,
            "\(nonLocal) of \(filled) listed heads are non-local; the policy asks for \(rule.minShare * 100) % (local: \(locals.joined(separator: ", ")))"
        )
    }

    mutating func checkTeams() {
        for unit in scenario.units {
            let team = scenario.positions.filter { $0.unit == unit.id && $0.leadership }
            guard !team.isEmpty else { continue }
            let members = team.compactMap { holderOf[$0.id] }.compactMap { cadres[$0] }
            let subject = "unit \(unit.id)"
            if unit.grassroots && policy.youth.mode != .off {
                let needed = Swift.min(policy.youth.minPerTeam, team.count)
                let young = members.filter { age($0) < policy.youth.age }.count
                shortfall(
                    "youth", policy.youth.mode, subject, needed - young,
                    "the team has \(young) members under \(policy.youth.age); it needs \(needed)")
            }
            if policy.womenPerTeam.mode != .off && !members.contains(where: { $0.gender == .female }) {
                shortfall("womenPerTeam", policy.womenPerTeam.mode, subject, 1, "the team has no woman")
            }
            if policy.ageBalance.mode != .off && team.count >= policy.ageBalance.minTeamSize {
                let needed = Swift.min(policy.ageBalance.minBands, policy.ageBalance.bandStarts.count + 1, team.count)
                let spanned = Set(members.map(band)).count
                shortfall(
                    "ageBalance", policy.ageBalance.mode, subject, needed - spanned,
                    "the team spans \(spanned) age bands; it needs \(needed)")
            }
        }
    }

    mutating func checkWomenShare() {
        guard policy.women.mode != .off else { return }
        let holders = scenario.positions.filter(\.leadership).compactMap { holderOf[$0.id] }.compactMap { cadres[$0] }
        let women = holders.filter { $0.gender == .female }.count
        let missing = shareShortfall(count: women, total: holders.count, share: policy.women.minShare)
        shortfall(
            "women", policy.women.mode, "leadership posts", missing,
            "\(women) of \(holders.count) filled leadership posts are held by women; the policy asks for \(policy.women.minShare * 100) %")
    }

    var moveCount: Int {
        scenario.cadres.filter { cadre in
            guard let former = formerPostOf[cadre.id], let now = postOf[cadre.id] else { return false }
            return former != now
        }.count
    }

    mutating func checkMoves() {
        guard policy.moves.mode != .off else { return }
        let inRound = scenario.positions.compactMap(\.incumbent).compactMap { cadres[$0] }.filter { !retiring($0) }.count
        let limit = policy.moves.max ?? Int((policy.moves.maxShare * Double(inRound) + 1e-9).rounded(.down))
        shortfall("moves", policy.moves.mode, "moves", moveCount - limit, "\(moveCount) incumbents change post; the limit is \(limit)")
    }

    mutating func checkRelatives() {
        guard policy.relatives.mode != .off else { return }
        var seen = Set<[String]>()
        for cadre in scenario.cadres {
            for relative in cadre.relatives where relative != cadre.id {
                let pair = [cadre.id, relative].sorted()
                guard seen.insert(pair).inserted,
                    let postA = postOf[pair[0]], let postB = postOf[pair[1]],
                    let unitA = positions[postA]?.unit, unitA == positions[postB]?.unit
                else { continue }
                shortfall(
                    "relatives", policy.relatives.mode, "\(pair[0]) and \(pair[1]) in \(unitA)", 1,
                    "relatives \(pair[0]) and \(pair[1]) both serve in unit \(unitA)")
            }
        }
    }

    mutating func checkObjective() {
        let weights = scenario.objective
        var fit = 0.0
        var vacancyCost = 0.0
        for position in scenario.positions {
            guard let holderID = holderOf[position.id], let holder = cadres[holderID] else {
                vacancyCost += weights.vacancyPrice * position.weight
                continue
            }
            let matches = !position.requirements.fields.isEmpty && !Set(position.requirements.fields).isDisjoint(with: holder.fields)
            let continues = formerPostOf[holderID] == position.id
            fit +=
                position.weight
                * (weights.rating * holder.rating / 100 + (matches ? weights.fieldMatch : 0) + (continues ? weights.continuity : 0))
        }
        var releaseCost = 0.0
        if case .soft(let price) = policy.release.mode {
            let released = scenario.positions.compactMap(\.incumbent).compactMap { cadres[$0] }.filter {
                !retiring($0) && postOf[$0.id] == nil
            }
            releaseCost = Double(released.count) * price
        }
        let recomputed = fit - Double(moveCount) * weights.movePrice - vacancyCost - releaseCost - penalties.reduce(0) { $0 + $1.cost }
        objective = recomputed
        guard let stated = plan.objective else {
            violate("plan", "objective", "a plan with status \(plan.status.rawValue) must state its objective")
            return
        }
        // Summed in another order than the planner's: agreement to 10⁻⁹ of the objective. The
        // objective moves in steps of at least 0.005 on every shipped round, so an objective
        // off by a hundredth never passes.
        let tolerance = 1e-9 * Swift.max(1, abs(recomputed))
        if abs(stated - recomputed) > tolerance {
            violate("objective", "objective", "the plan states \(stated); recomputed from the scenario it is \(recomputed)")
        }
        checkBreakdown(
            fit: fit, moveCost: Double(moveCount) * weights.movePrice, vacancyCost: vacancyCost, releaseCost: releaseCost,
            total: recomputed, tolerance: tolerance)
        checkBoundAndGap(objective: stated)
    }

    /// The breakdown, term by term, and each soft-rule shortfall with its price and cost.
    mutating func checkBreakdown(fit: Double, moveCost: Double, vacancyCost: Double, releaseCost: Double, total: Double, tolerance: Double)
    {
        guard let breakdown = plan.objectiveBreakdown else {
            violate("plan", "objectiveBreakdown", "a plan with status \(plan.status.rawValue) must state its objective breakdown")
            return
        }
        for (name, stated, derived) in [
            ("fit", breakdown.fit, fit), ("moveCost", breakdown.moveCost, moveCost),
            ("vacancyCost", breakdown.vacancyCost, vacancyCost), ("releaseCost", breakdown.releaseCost, releaseCost),
            ("total", breakdown.total, total),
        ]
        where !(abs(stated - derived) <= tolerance) {
            violate("plan", "objectiveBreakdown.\(name)", "the plan states \(stated); recomputed from the scenario it is \(derived)")
        }
        let stated = breakdown.penalties.sorted()
        let derived = penalties.sorted()
        let same =
            stated.count == derived.count
            && zip(stated, derived).allSatisfy { a, b in
                a.rule == b.rule && a.subject == b.subject && a.shortfall == b.shortfall && a.price == b.price
                    && abs(a.cost - b.cost) <= tolerance
            }
        if !same {
            let missing = derived.filter { !stated.contains($0) }.map { "\($0.rule) (\($0.subject)) short by \($0.shortfall)" }
            let extra = stated.filter { !derived.contains($0) }.map { "\($0.rule) (\($0.subject)) short by \($0.shortfall)" }
            violate(
                "plan", "objectiveBreakdown.penalties",
                "the stated soft-rule shortfalls differ from the recomputed ones"
                    + (missing.isEmpty ? "" : "; not stated: " + missing.prefix(5).joined(separator: ", "))
                    + (extra.isEmpty ? "" : "; stated but not found: " + extra.prefix(5).joined(separator: ", ")))
        }
    }

    /// The bound is never below the plan; the gap is (bound − objective) / max(1, |objective|),
    /// never negative; "optimal" means a gap within the one asked for.
    mutating func checkBoundAndGap(objective: Double) {
        for problem in Self.boundAndGapProblems(
            objective: objective, bound: plan.bound, gap: plan.gap, optimal: plan.status == .optimal, gapForOptimal: gapForOptimal)
        {
            violate("plan", problem.key, problem.message)
        }
    }

    /// What is wrong with a stated bound and gap for a maximised objective (a rotation plan's
    /// or slates'): each problem's key and message, none when they hold.
    static func boundAndGapProblems(
        objective: Double, bound: Double?, gap stated: Double?, optimal: Bool, gapForOptimal: Double
    ) -> [(key: String, message: String)] {
        var problems: [(key: String, message: String)] = []
        let scale = Swift.max(1, abs(objective))
        if let bound {
            if !bound.isFinite || bound < objective - 1e-9 * scale {
                problems.append(("bound", "the stated bound \(bound) is below the plan's own objective \(objective)"))
            }
            let gap = Swift.max(0, bound - objective) / scale
            if let stated, !(abs(stated - gap) <= 1e-9) {
                problems.append(("gap", "the plan states a gap of \(stated); its bound and objective give \(gap)"))
            }
        }
        if let stated {
            if !(stated >= 0) { problems.append(("gap", "the stated gap \(stated) is negative")) }
            if bound == nil { problems.append(("gap", "a gap is stated without the bound it is measured from")) }
        }
        if optimal {
            guard let stated, bound != nil else {
                problems.append(("status", "an optimal plan states the bound and gap that prove it"))
                return problems
            }
            if stated > gapForOptimal + 1e-9 {
                problems.append(("status", "the plan claims \"optimal\" with a gap of \(stated), more than the \(gapForOptimal) asked for"))
            }
        }
        return problems
    }

    /// The values the plan records for the stated order among equal plans (docs/model.md, "One
    /// plan among equals"), derived again from the assignments: the number of people whose
    /// post changes (moves, appointments, releases; kept negated, as the key is maximised) and
    /// Σ rank(post) · rank(cadre), posts by weight then id, cadres by rating then id, rank 1 the
    /// lowest. Whether they are the best among equal plans takes solving: not checked here.
    mutating func checkPreference() {
        guard let preference = plan.preference else { return }
        // The order is stated, not the plan's to choose: a record in another order, or with its
        // stages out of that order, describes a choice the solver did not make (a review's edit).
        let statedOrder = ["fewestChanges", "ratingByRank"]
        if preference.order != statedOrder {
            violate(
                "preference", "order",
                "the stated order is \(statedOrder.joined(separator: ", ")); the plan records \(preference.order.joined(separator: ", "))")
        } else if preference.stages.map(\.key) != Array(statedOrder.prefix(preference.stages.count)) {
            violate(
                "preference", "stages",
                "the stages run in the stated order, each once: the plan records \(preference.stages.map(\.key).joined(separator: ", "))")
        }
        let changes = -Double(given.moves + given.appointments + given.releases)
        let postRank = Dictionary(
            uniqueKeysWithValues: scenario.positions.sorted { ($0.weight, $1.id) < ($1.weight, $0.id) }.enumerated().map { ($1.id, $0 + 1) }
        )
        let cadreRank = Dictionary(
            uniqueKeysWithValues: scenario.cadres.sorted { ($0.rating, $1.id) < ($1.rating, $0.id) }.enumerated().map { ($1.id, $0 + 1) })
        var rankScore = 0.0
        for (position, holder) in holderOf {
            if let p = postRank[position], let c = cadreRank[holder] { rankScore += Double(p * c) }
        }
        for stage in preference.stages {
            let derived: Double
            switch stage.key {
            case "fewestChanges": derived = changes
            case "ratingByRank": derived = rankScore
            default:
                violate("preference", stage.key, "unknown key \"\(stage.key)\" in the plan's preference record")
                continue
            }
            if abs(derived - stage.value) >= 0.5 {
                violate(
                    "preference", stage.key,
                    "the plan records \(stage.key) = \(Int(stage.value)), but its assignments give \(Int(derived))")
            }
        }
    }

    /// The leadership teams' figures when `holder` (position id → cadre) holds the posts:
    /// teams, those with a woman, grassroots teams, their young members and the teams that
    /// meet the youth rule, the teams the age-balance rule counts and those that meet it.
    func teamCounts(
        _ holder: [String: Cadre]
    ) -> (
        teams: Int, withWoman: Int, grassroots: Int, young: Int, youthMet: Int, balanceTeams: Int, balanceMet: Int
    ) {
        var counts = (teams: 0, withWoman: 0, grassroots: 0, young: 0, youthMet: 0, balanceTeams: 0, balanceMet: 0)
        for unit in scenario.units {
            let team = scenario.positions.filter { $0.unit == unit.id && $0.leadership }
            guard !team.isEmpty else { continue }
            counts.teams += 1
            let members = team.compactMap { holder[$0.id] }
            if members.contains(where: { $0.gender == .female }) { counts.withWoman += 1 }
            if unit.grassroots {
                counts.grassroots += 1
                let youngMembers = members.filter { age($0) < policy.youth.age }.count
                counts.young += youngMembers
                if youngMembers >= Swift.min(policy.youth.minPerTeam, team.count) { counts.youthMet += 1 }
            }
            if team.count >= policy.ageBalance.minTeamSize {
                counts.balanceTeams += 1
                let needed = Swift.min(policy.ageBalance.minBands, policy.ageBalance.bandStarts.count + 1, team.count)
                if Set(members.map(band)).count >= needed { counts.balanceMet += 1 }
            }
        }
        return counts
    }

    /// Every figure the plan states, derived again from the assignments.
    mutating func checkFigures() {
        guard let figures = plan.figures else {
            violate("plan", "figures", "a plan with status \(plan.status.rawValue) must state its figures")
            return
        }
        let leadership = scenario.positions.filter(\.leadership)
        let leadershipHolders = leadership.compactMap { holderOf[$0.id] }.compactMap { cadres[$0] }
        let women = leadershipHolders.filter { $0.gender == .female }.count
        var listedFilled = 0
        var nonLocal = 0
        for position in scenario.positions where policy.nonLocalHeads.titles.contains(position.title) {
            guard let holder = holderOf[position.id].flatMap({ cadres[$0] }), let unit = units[position.unit] else { continue }
            listedFilled += 1
            if !isLocal(holder, to: unit) { nonLocal += 1 }
        }
        let (teams, withWoman, grassroots, young, youthMet, balanceTeams, balanceMet) = teamCounts(
            holderOf.compactMapValues { cadres[$0] })
        let counts: [(String, Int, Int)] = [
            ("leadershipPosts", figures.leadershipPosts, leadership.count),
            ("leadershipPostsFilled", figures.leadershipPostsFilled, leadershipHolders.count),
            ("womenInLeadership", figures.womenInLeadership, women),
            ("leadershipTeams", figures.leadershipTeams, teams),
            ("teamsWithAWoman", figures.teamsWithAWoman, withWoman),
            ("grassrootsTeams", figures.grassrootsTeams, grassroots),
            ("youngInGrassrootsTeams", figures.youngInGrassrootsTeams, young),
            ("grassrootsTeamsMeetingYouth", figures.grassrootsTeamsMeetingYouth, youthMet),
            ("listedHeadPostsFilled", figures.listedHeadPostsFilled, listedFilled),
            ("nonLocalListedHeads", figures.nonLocalListedHeads, nonLocal),
            ("ageBalanceTeams", figures.ageBalanceTeams, balanceTeams),
            ("ageBalanceTeamsMet", figures.ageBalanceTeamsMet, balanceMet),
            ("moves", figures.moves, given.moves),
            ("appointments", figures.appointments, given.appointments),
            ("stays", figures.stays, given.stays),
            ("vacancies", figures.vacancies, given.vacancies),
            ("releases", figures.releases, given.releases),
            ("retirements", figures.retirements, given.retirements),
        ]
        for (name, stated, derived) in counts where stated != derived {
            violate("plan", "figures.\(name)", "the plan states \(stated); the assignments give \(derived)")
        }
        func share(_ part: Int, _ whole: Int) -> Double? { whole > 0 ? Double(part) / Double(whole) : nil }
        let inRound = scenario.positions.compactMap(\.incumbent).compactMap { cadres[$0] }.filter { !retiring($0) }.count
        let limit = policy.moves.max ?? Int((policy.moves.maxShare * Double(inRound) + 1e-9).rounded(.down))
        let optional: [(String, Double?, Double?)] = [
            ("womenShare", figures.womenShare, share(women, leadershipHolders.count)),
            ("womenShareTarget", figures.womenShareTarget, policy.women.mode.isActive ? policy.women.minShare : nil),
            ("nonLocalShare", figures.nonLocalShare, share(nonLocal, listedFilled)),
            ("movesLimit", figures.movesLimit.map(Double.init), policy.moves.mode.isActive ? Double(limit) : nil),
        ]
        for (name, stated, derived) in optional {
            let same =
                switch (stated, derived) {
                case (nil, nil): true
                case (let a?, let b?): abs(a - b) <= 1e-12
                default: false
                }
            if !same {
                violate(
                    "plan", "figures.\(name)",
                    "the plan states \(stated.map { "\($0)" } ?? "none"); the assignments give \(derived.map { "\($0)" } ?? "none")")
            }
        }
    }
}
