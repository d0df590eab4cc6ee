import Foundation

/// What the committee's report of a round says, as data: the figures before and after, the
/// changes unit by unit with their reasons as structured facts, the vacancy chains, and each
/// team before and after. `HTMLReport` puts it in words, in Vietnamese or English, from these
/// facts: no sentence is made in one language and translated.
public struct RoundReport: Sendable {
    public let scenario: Scenario
    public let plan: Plan
    let facts: ScenarioFacts
    /// Position index → cadre index: every incumbent in their post (before), the plan (after).
    /// The order the office lists posts in (`ProtocolOrder`).
    let order: ProtocolOrder
    let holderBefore: [Int?]
    let holderAfter: [Int?]
    public let before: PlanFigures
    public let after: PlanFigures
    /// Unit by unit, in the scenario's order; units without a change are left out.
    public let changes: [UnitChanges]
    public let chains: [VacancyChain]
    /// The successor slates after the round, when they were asked for.
    public let succession: SuccessionPlan?

    public init(plan: Plan, scenario: Scenario, succession: SuccessionPlan? = nil) {
        self.plan = plan
        self.scenario = scenario
        self.succession = succession
        let facts = ScenarioFacts(scenario)
        self.facts = facts
        order = ProtocolOrder(scenario)
        holderBefore = scenario.positions.map { $0.incumbent.flatMap { facts.cadreIndex[$0] } }
        var after = [Int?](repeating: nil, count: scenario.positions.count)
        for assignment in plan.assignments {
            guard let p = facts.positionIndex[assignment.position], let cadre = assignment.cadre else { continue }
            after[p] = facts.cadreIndex[cadre]
        }
        holderAfter = plan.status.hasPlan ? after : holderBefore
        before = PlanFigures.compute(facts: facts, holder: holderBefore, retirements: 0)
        self.after =
            plan.figures ?? PlanFigures.compute(facts: facts, holder: holderAfter, retirements: plan.retirements.count)
        if plan.status.hasPlan {
            let reasoning = ChangeReasoning(plan: plan, facts: facts, holderAfter: after)
            changes = reasoning.unitChanges()
            chains = reasoning.chains()
        } else {
            changes = []
            chains = []
        }
    }

    /// The cadre holding post p before (or after) the round.
    func holder(_ p: Int, after: Bool) -> Cadre? {
        (after ? holderAfter[p] : holderBefore[p]).map { scenario.cadres[$0] }
    }

    /// Leadership holders by age band and sex: (women, men) per band of the age-balance rule.
    func ageStructure(after: Bool) -> [(women: Int, men: Int)] {
        var counts = [(women: Int, men: Int)](repeating: (0, 0), count: facts.ageBandCount)
        for (p, position) in scenario.positions.enumerated() where position.leadership {
            guard let cadre = holder(p, after: after) else { continue }
            let band = facts.ageBand(cadre)
            if cadre.gender == .female { counts[band].women += 1 } else { counts[band].men += 1 }
        }
        return counts
    }

    /// Per unit with a leadership team: its women, and (grassroots units) its young members.
    func teamCounts(after: Bool) -> [(unit: OrgUnit, women: Int, young: Int)] {
        scenario.units.enumerated().compactMap { u, unit in
            let team = facts.teams[u]
            guard !team.isEmpty else { return nil }
            let members = team.compactMap { after ? holderAfter[$0] : holderBefore[$0] }.map { scenario.cadres[$0] }
            return (unit, members.filter { $0.gender == .female }.count, members.filter { facts.isYoung($0) }.count)
        }
    }

    func age(_ cadre: Cadre) -> Int { facts.age(cadre) }
    /// The unit's posts as the office lists a team (`ProtocolOrder`).
    func positions(ofUnit u: Int) -> [Int] { order.sorted(facts.positionsOfUnit[u]) }
}

/// The changes a plan makes in one unit, each with its reasons.
public struct UnitChanges: Sendable {
    public var unit: Int
    public var changes: [Change]
}

public struct Change: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Into a post of this unit, from `from` (any unit).
        case moveIn(cadre: Int, from: Int, to: Int)
        /// Out of a post of this unit to another unit's post (the reasons are where it arrives).
        case moveOut(cadre: Int, from: Int, to: Int)
        case appointment(cadre: Int, to: Int)
        case release(cadre: Int, from: Int)
        case retirement(cadre: Int, from: Int, year: Int)
        case vacancy(position: Int)
    }

    public var kind: Kind
    public var reasons: [Reason]
}

/// One fact behind a change, put in words by the report in either language.
public enum Reason: Sendable, Equatable {
    /// The incumbent may not keep post `position`: the rule (its key) and what makes it bind.
    case mayNotStay(position: Int, rule: String, detail: StayBar)
    /// How post `position` came open.
    case opens(position: Int, how: Opening)
    case mustFill
    case plannedFor(title: String)
    /// One of `count` cadres every rule allows in the post.
    case oneOfEligible(count: Int)
    /// A team rule the holder alone meets in the team they join (its key): the only young
    /// member, woman, or member of their age band.
    case teamNeed(rule: String)
    /// Worth more in the new post than in the old one (fits as the objective weighs them).
    case fitsBetter(new: Double, old: Double)
    /// The pair's worth in the new post, and in the old one when the cadre was free to stay
    /// there, without a claim that the new one is better (it may not be: a move that opens a
    /// post for someone else, a forced move, an appointment).
    case fitHere(new: Double, old: Double?)
    /// The successor is worth more in the post than the one released.
    case successorFitsBetter(successor: Int, successorFit: Double, ownFit: Double)
    /// The post the cadre leaves goes to `successor`, worth `worth` there (and the cadre
    /// `against` there, for a release whose successor is not worth more).
    case succeededBy(position: Int, successor: Int, worth: Double, against: Double? = nil)
    /// Others the rules allow in the post, worth exactly as much there: the stated order among
    /// equal plans decides between them.
    case equallyWorth(others: [Int])
    /// The scenario pins the cadre to the post (`Scenario.pinned`): a decision made before the
    /// round, which the plan keeps whatever it costs.
    case pinned(position: Int)
    /// The post the cadre leaves goes to `successor` because the scenario pins them there.
    case pinnedSuccessor(successor: Int, position: Int)
    /// A relative serves in the unit of the post the cadre leaves, after the round (rule 9:
    /// relatives never both in one unit), and the cadre leaves that unit (`LeavingFacts`).
    case relativeInUnit(relative: Int, unit: Int)
    /// The cadre is from `locality`, local to the unit of head post `position` they leave,
    /// under a soft or shared non-local rule (`LeavingFacts`).
    case localHead(position: Int, locality: String)
    case noPostWorthTheReleasePrice
    case reachedRetirementAge(age: Int, year: Int)
    case noEligibleCadre
    case eligibleServeElsewhere(count: Int)
}

/// What keeps an incumbent from staying, with the numbers the committee checks.
public enum StayBar: Sendable, Equatable {
    /// `title`: the post's title when it has its own limit (periodic rotation, `yearsByTitle`).
    case tenure(years: Int, limit: Int, title: String? = nil)
    case local(locality: String)
    case other
}

public enum Opening: Sendable, Equatable {
    case retires(cadre: Int, year: Int)
    case movesTo(cadre: Int, position: Int)
    case released(cadre: Int)
    case wasVacant
}

/// A vacancy chain, whole: the post that opened first (its holder retired or was released, or
/// it was vacant), who took it and from which post, who took that one, … to the post at the
/// end, filled from the pool or left vacant. A ring of moves with no opening is a rotation.
public struct VacancyChain: Sendable {
    public struct Step: Sendable {
        public var position: Int
        /// Who holds it after the round (nil: vacant).
        public var holder: Int?
        /// The post they came from; nil when appointed from the pool (or vacant).
        public var from: Int?
    }
    /// How the first post came open (`.wasVacant` for a ring's first post too).
    public var opening: Opening
    public var steps: [Step]
    public var isRing: Bool
}

/// Derives each change's reasons from the rules and the plan alone, as `Planner.reasons` does,
/// but as facts instead of English sentences.
struct ChangeReasoning {
    let plan: Plan
    let facts: ScenarioFacts
    let holderAfter: [Int?]
    let rules: PairRules
    let pairs: PairWorth
    let pins: Set<AssignmentPair>
    let leaving: LeavingFacts
    var scenario: Scenario { facts.scenario }

    init(plan: Plan, facts: ScenarioFacts, holderAfter: [Int?]) {
        self.plan = plan
        self.facts = facts
        self.holderAfter = holderAfter
        rules = PairRules(facts.scenario)
        pairs = PairWorth(facts: facts, rules: rules)
        pins = Set(facts.scenario.pinned)
        leaving = LeavingFacts(facts: facts, holderAfter: holderAfter)
    }

    /// `LeavingFacts` as the report's facts: what leaving post p keeps that no pair rule shows.
    func leavingReasons(_ c: Int, from p: Int, to next: Int?, barred: Bool) -> [Reason] {
        let unit = facts.unitIndex(ofPosition: p)
        var reasons = leaving.relativesInUnit(c, leaving: p, for: next).map { Reason.relativeInUnit(relative: $0, unit: unit) }
        if !barred, let locality = leaving.localHead(c, leaving: p, for: next) {
            reasons.append(.localHead(position: p, locality: locality))
        }
        return reasons
    }

    /// Whether the scenario pins cadre c to post p: said first, since no fit decided it (a
    /// review's pinned appointee was given a fit and "worth as much here: …" as the reasons).
    func isPinned(_ c: Int, _ p: Int) -> Bool {
        pins.contains(AssignmentPair(cadre: scenario.cadres[c].id, position: scenario.positions[p].id))
    }

    /// `Reason.pinnedSuccessor` when the post's new holder is there by a pin.
    func successorPin(_ successor: Int, _ p: Int) -> [Reason] {
        isPinned(successor, p) ? [.pinnedSuccessor(successor: successor, position: p)] : []
    }

    func cadre(_ id: String) -> Int? { facts.cadreIndex[id] }
    func post(_ id: String) -> Int? { facts.positionIndex[id] }

    /// Better as the reasons print fits, to two decimals: "fits better (26.40 against 26.40)"
    /// was said of a difference of rounding noise (a review's post weight 3.6410257).
    static func better(_ a: Double, than b: Double) -> Bool { (a * 100).rounded() > (b * 100).rounded() }

    /// What the pair is worth to the plan, as `planner explain` and the plan's reasons total it.
    func worth(_ c: Int, _ p: Int) -> Double { pairs.worth(c, p) }

    /// The first hard rule that keeps cadre c from keeping post p, if any.
    func mayNotStay(_ c: Int, _ p: Int) -> Reason? {
        guard let instance = rules.broken(cadre: c, position: p).first else { return nil }
        let cadre = scenario.cadres[c]
        let detail: StayBar
        switch instance.rule {
        case "tenure":
            let title = scenario.positions[p].title
            detail = .tenure(
                years: cadre.yearsInPost, limit: scenario.policy.tenure.limit(title: title),
                title: scenario.policy.tenure.yearsByTitle[title] == nil ? nil : title)
        case "nonLocalHeads":
            let locality = facts.homeLocalityName(cadre)
            detail = .local(locality: locality)
        default: detail = .other
        }
        return .mayNotStay(position: p, rule: instance.rule, detail: detail)
    }

    func opening(of p: Int) -> Opening {
        guard let incumbentID = scenario.positions[p].incumbent, let incumbent = cadre(incumbentID) else { return .wasVacant }
        if let retirement = plan.retirements.first(where: { $0.cadre == incumbentID }) {
            return .retires(cadre: incumbent, year: retirement.year)
        }
        if let move = plan.moves.first(where: { $0.cadre == incumbentID }), let to = post(move.to) {
            return .movesTo(cadre: incumbent, position: to)
        }
        return .released(cadre: incumbent)
    }

    /// The team rules the holder alone meets in the team they join, as each rule judges it
    /// (`RotationRuleModel.teamNeed`, which the plan's English reasons word too): the only
    /// young member, woman, or member of their age band.
    func teamNeeds(_ c: Int, _ p: Int) -> [Reason] {
        let u = facts.unitIndex(ofPosition: p)
        let team = facts.teams[u]
        guard team.contains(p) else { return [] }
        let others = team.compactMap { holderAfter[$0] }.filter { $0 != c }.map { scenario.cadres[$0] }
        let cadre = scenario.cadres[c]
        return RotationRules.all.compactMap { rule in
            rule.teamNeed(of: cadre, among: others, unit: u, facts: facts, words: .english) == nil ? nil : .teamNeed(rule: rule.key)
        }
    }

    /// Others as good in the post, when there are: `Reason.equallyWorth`.
    func equalAlternatives(_ c: Int, _ p: Int) -> [Reason] {
        let others = pairs.equallyWorth(as: c, in: p)
        return others.isEmpty ? [] : [.equallyWorth(others: others)]
    }

    func eligibleCount(_ p: Int) -> Int { scenario.cadres.indices.filter { rules.broken(cadre: $0, position: p).isEmpty }.count }

    func arrivalReasons(_ c: Int, to p: Int) -> [Reason] {
        var reasons: [Reason] = [.opens(position: p, how: opening(of: p))]
        if scenario.positions[p].mustFill { reasons.append(.mustFill) }
        return reasons
    }

    func unitChanges() -> [UnitChanges] {
        var byUnit = [[Change]](repeating: [], count: scenario.units.count)
        func add(_ change: Change, at p: Int) { byUnit[facts.unitIndex(ofPosition: p)].append(change) }
        for move in plan.moves {
            guard let c = cadre(move.cadre), let from = post(move.from), let to = post(move.to) else { continue }
            let bar = mayNotStay(c, from)
            var reasons = (isPinned(c, to) ? [Reason.pinned(position: to)] : []) + [bar].compactMap { $0 }
            reasons += leavingReasons(c, from: from, to: to, barred: bar != nil) + arrivalReasons(c, to: to)
            // Free to stay, they move because the plan is worth more with them in the new post:
            // the new post's fit less the move price, as `explain` totals it and the plan's own
            // reasons quote it (a review read 32.55 in Vietnamese and 30.55 in English).
            // Worth less there, the move is the plan's (it opens the old post for someone, or a
            // team needs them): the numbers are given without the claim (a review read "fits the
            // post better" of a worse fit).
            let worthMoving = worth(c, to)
            if bar == nil {
                let worthStaying = worth(c, from)
                reasons.append(
                    Self.better(worthMoving, than: worthStaying)
                        ? .fitsBetter(new: worthMoving, old: worthStaying) : .fitHere(new: worthMoving, old: worthStaying))
            } else {
                reasons.append(.fitHere(new: worthMoving, old: nil))
            }
            if bar == nil, let successor = holderAfter[from] {
                reasons.append(.succeededBy(position: from, successor: successor, worth: worth(successor, from)))
                reasons += successorPin(successor, from)
            }
            if facts.isPlanned(cadre: c, position: to) { reasons.append(.plannedFor(title: scenario.positions[to].title)) }
            reasons += teamNeeds(c, to)
            // A pin decided it, not the stated order among equals (a review read "the stated
            // order decides" of a pinned appointee).
            if !isPinned(c, to) { reasons += equalAlternatives(c, to) }
            add(Change(kind: .moveIn(cadre: c, from: from, to: to), reasons: reasons), at: to)
            if facts.unitIndex(ofPosition: from) != facts.unitIndex(ofPosition: to) {
                add(Change(kind: .moveOut(cadre: c, from: from, to: to), reasons: []), at: from)
            }
        }
        for appointment in plan.appointments {
            guard let c = cadre(appointment.cadre), let to = post(appointment.to) else { continue }
            var reasons = (isPinned(c, to) ? [Reason.pinned(position: to)] : []) + arrivalReasons(c, to: to)
            reasons.append(.fitHere(new: worth(c, to), old: nil))
            if facts.isPlanned(cadre: c, position: to) { reasons.append(.plannedFor(title: scenario.positions[to].title)) }
            reasons.append(.oneOfEligible(count: eligibleCount(to)))
            reasons += teamNeeds(c, to)
            // A pin decided it, not the stated order among equals (a review read "the stated
            // order decides" of a pinned appointee).
            if !isPinned(c, to) { reasons += equalAlternatives(c, to) }
            add(Change(kind: .appointment(cadre: c, to: to), reasons: reasons), at: to)
        }
        for release in plan.releases {
            guard let c = cadre(release.cadre), let from = post(release.from) else { continue }
            var reasons: [Reason] = []
            let bar = mayNotStay(c, from)
            // What binds their leaving first, then who takes the post (`Planner.reasons` alike).
            reasons += [bar].compactMap { $0 } + leavingReasons(c, from: from, to: nil, barred: bar != nil)
            if bar == nil, let successor = holderAfter[from] {
                // "Fits better" only when it does: a successor worth less is there for another
                // reason (a soft team rule's price), and the numbers are given without the claim.
                let theirs = worth(successor, from)
                let own = worth(c, from)
                reasons.append(
                    Self.better(theirs, than: own)
                        ? .successorFitsBetter(successor: successor, successorFit: theirs, ownFit: own)
                        : .succeededBy(position: from, successor: successor, worth: theirs, against: own))
                reasons += successorPin(successor, from)
            }
            reasons.append(.noPostWorthTheReleasePrice)
            add(Change(kind: .release(cadre: c, from: from), reasons: reasons), at: from)
        }
        for retirement in plan.retirements {
            guard let c = cadre(retirement.cadre), let from = post(retirement.from) else { continue }
            let reasons: [Reason] = [.reachedRetirementAge(age: facts.age(scenario.cadres[c]), year: retirement.year)]
            add(Change(kind: .retirement(cadre: c, from: from, year: retirement.year), reasons: reasons), at: from)
        }
        for vacancy in plan.vacancies {
            guard let p = post(vacancy) else { continue }
            let eligible = eligibleCount(p)
            var reasons: [Reason] = [.opens(position: p, how: opening(of: p))]
            reasons.append(eligible == 0 ? .noEligibleCadre : .eligibleServeElsewhere(count: eligible))
            add(Change(kind: .vacancy(position: p), reasons: reasons), at: p)
        }
        return byUnit.enumerated().compactMap { u, changes in changes.isEmpty ? nil : UnitChanges(unit: u, changes: changes) }
    }

    /// Every chain of the plan, followed from post to post: a post's new holder came from the
    /// post the chain visits next.
    func chains() -> [VacancyChain] {
        let incumbentOf = scenario.positions.map { $0.incumbent.flatMap { facts.cadreIndex[$0] } }
        let changed = scenario.positions.indices.filter {
            holderAfter[$0] != incumbentOf[$0] && !(holderAfter[$0] == nil && incumbentOf[$0] == nil)
        }
        /// The post cadre c held before the round, when they hold another one after it.
        func movedFrom(_ c: Int) -> Int? {
            guard let own = facts.postOfIncumbent[scenario.cadres[c].id], holderAfter[own] != c else { return nil }
            return own
        }
        var visited = Set<Int>()
        func follow(from start: Int) -> [VacancyChain.Step] {
            var steps: [VacancyChain.Step] = []
            var p: Int? = start
            while let current = p, !visited.contains(current) {
                visited.insert(current)
                let holder = holderAfter[current]
                let from = holder.flatMap(movedFrom)
                steps.append(VacancyChain.Step(position: current, holder: holder, from: from))
                p = from
            }
            return steps
        }
        var chains: [VacancyChain] = []
        // A chain opens where the old holder left without taking another post, or where there
        // was none; a post vacant before and after is no chain.
        for p in changed {
            let opening = opening(of: p)
            if case .movesTo = opening { continue }
            if case .wasVacant = opening, holderAfter[p] == nil { continue }
            chains.append(VacancyChain(opening: opening, steps: follow(from: p), isRing: false))
        }
        for p in changed where !visited.contains(p) {
            chains.append(VacancyChain(opening: .wasVacant, steps: follow(from: p), isRing: true))
        }
        return chains
    }
}
