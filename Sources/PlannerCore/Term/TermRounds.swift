/// The rounds of a term planned one after another, and what carries from one round to the next.
///
/// docs/model.md ("The term, round by round") states the same rules.
public struct TermSettings: Codable, Sendable, Equatable {
    /// The rounds' years, increasing; the first is the scenario's planning year or later.
    public var rounds: [Int]
    /// The last year the view reaches (figures and posts at risk, year by year).
    public var until: Int
    /// Years a cadre moved or appointed in a round stays put before another move: one who would
    /// be moved again sooner is held in their post in the next round, as a lock (rule 10). 0: off.
    public var minimumStay: Int
    /// Before each round after the first, successor slates for the key posts are drawn on the
    /// office as the round before left it (as `planner succession` draws them), and the round
    /// may appoint their candidates: each is planned for the posts whose slate they are on.
    public var slates: Bool
    /// At most this many moves over the whole term (incumbents who change post, counted as
    /// the moves rule counts them, summed over the rounds); nil: no cap but each round's own.
    /// Hard: each round may move at most what the rounds before left (`Scenario.cappingMoves`).
    public var maxMoves: Int?

    public static let defaultUntil = 2035
    public static let defaultMinimumStay = 2

    public init(
        rounds: [Int], until: Int? = nil, minimumStay: Int = TermSettings.defaultMinimumStay, slates: Bool = false, maxMoves: Int? = nil
    ) {
        self.rounds = rounds
        self.until = until ?? max(TermSettings.defaultUntil, rounds.last ?? TermSettings.defaultUntil)
        self.minimumStay = minimumStay
        self.slates = slates
        self.maxMoves = maxMoves
    }

    /// What is wrong with these settings for `scenario`: `problems(planningYear:)`, and a cap
    /// on the term's moves where the scenario's moves rule is soft (the term's cap is hard; a
    /// round's cap cannot be both).
    public func problems(for scenario: Scenario) -> [String] {
        var problems = problems(planningYear: scenario.planningYear)
        if maxMoves != nil, case .soft = scenario.policy.moves.mode {
            problems.append(
                "--max-term-moves is a hard cap, and the scenario's moves rule is soft: make the rule hard or off (policy.moves.mode)")
        }
        return problems
    }

    /// What is wrong with these settings for a scenario planned in `planningYear`; empty when nothing.
    public func problems(planningYear: Int) -> [String] {
        var problems: [String] = []
        if rounds.isEmpty { problems.append("--rounds names no year") }
        if let first = rounds.first, first < planningYear {
            problems.append("the first round, \(first), is before the scenario's planning year, \(planningYear)")
        }
        for (earlier, later) in zip(rounds, rounds.dropFirst()) where later <= earlier {
            problems.append("the rounds must be in increasing years: \(later) comes after \(earlier)")
        }
        if let last = rounds.last, until < last { problems.append("--until \(until) is before the last round, \(last)") }
        // Thirty years: a scenario file keeps ages under 100, and the office carried further
        // would not be one (a review's round of 2076 was refused by `validate`).
        if let last = rounds.last, last > planningYear + 30 || until > planningYear + 30 {
            problems.append(
                "the term reaches more than 30 years past the planning year, \(planningYear): --rounds and --until go to \(planningYear + 30) at most"
            )
        }
        if minimumStay < 0 || minimumStay > 20 { problems.append("--minimum-stay \(minimumStay) is not within 0 to 20 years") }
        if let maxMoves, maxMoves < 0 || maxMoves > 1_000_000 {
            problems.append("--max-term-moves \(maxMoves) is not within 0 to 1000000")
        }
        return problems
    }
}

extension Scenario {
    /// Who holds each post before the round: position id → incumbent id (vacant posts left out),
    /// the `holders` a term starts from.
    public var incumbents: [String: String] {
        var holders: [String: String] = [:]
        for position in positions { if let incumbent = position.incumbent { holders[position.id] = incumbent } }
        return holders
    }

    /// The office as the round in `year` finds it: every post held as `holders` says (position
    /// id → cadre id; a post not listed is vacant), ages and years in post counted to `year`.
    ///
    /// A cadre who keeps their post adds the years between the rounds to their years in post;
    /// one who took a post in the round (moved or appointed) has held it since that round; one
    /// with no post has 0. The first round's locks and pins were about that round and are
    /// dropped; forbidden pairs stand. A cadre who took the post they hold in a round of the
    /// term (`takenInTerm`: cadre id → that round's year) less than `minimumStay` years before
    /// `year`, and who does not reach retirement age by `year`, is locked (rule 10) for this round.
    public func nextRound(year: Int, holders: [String: String], takenInTerm: [String: Int], minimumStay: Int) -> Scenario {
        var next = self
        let gap = year - planningYear
        next.planningYear = year
        var heldBy: [String: String] = [:]  // cadre id → position id after the round
        for (position, cadre) in holders { heldBy[cadre] = position }
        var ownBefore: [String: String] = [:]
        for position in positions { if let incumbent = position.incumbent { ownBefore[incumbent] = position.id } }
        for p in next.positions.indices { next.positions[p].incumbent = holders[next.positions[p].id] }
        let retirementRule = policy.retirement
        for c in next.cadres.indices {
            let cadre = next.cadres[c]
            let held = heldBy[cadre.id]
            if held == nil {
                next.cadres[c].yearsInPost = 0
            } else if ownBefore[cadre.id] != held {
                next.cadres[c].yearsInPost = gap
            } else {
                next.cadres[c].yearsInPost = cadre.yearsInPost + gap
            }
            let retires =
                retirementRule.mode.isActive
                && RetirementSchedule.year(gender: cadre.gender, birthYear: cadre.birthYear, rule: retirementRule) <= year
            let taken = takenInTerm[cadre.id]
            next.cadres[c].locked = held != nil && taken.map { year - $0 < minimumStay } == true && !retires
        }
        next.pinned = []
        return next
    }

    /// This round's office under a cap on the term's moves with `left` moves still allowed (the
    /// cap less the moves of the rounds before): a hard moves rule whose own cap is higher gets
    /// `left` as its `max`; a moves rule that is off becomes hard with `max` = `left`. A hard
    /// rule whose own cap is already `left` or lower, or nil `left`, leaves the office as it is.
    /// (A soft rule is refused by `TermSettings.problems(for:)`.)
    public func cappingMoves(left: Int?) -> Scenario {
        guard var left else { return self }
        // A term whose rounds moved more than its cap (a forged one) leaves none.
        left = max(0, left)
        var capped = self
        switch policy.moves.mode {
        case .hard:
            if ScenarioFacts(self).movesLimit > left { capped.policy.moves.max = left }
        case .off:
            capped.policy.moves.mode = .hard
            capped.policy.moves.max = left
        case .soft: break
        }
        return capped
    }

    /// Who holds a post after this round (`holders`) that they took in a round of the term,
    /// and that round's year: `before` (the same before this round) with this round's moves
    /// and appointments added at this round's year, and everyone who now holds nothing dropped.
    public func takenInTerm(_ before: [String: Int], holders: [String: String]) -> [String: Int] {
        var ownBefore: [String: String] = [:]
        for position in positions { if let incumbent = position.incumbent { ownBefore[incumbent] = position.id } }
        var taken: [String: Int] = [:]
        for (position, cadre) in holders {
            taken[cadre] = ownBefore[cadre] == position ? before[cadre] : planningYear
        }
        return taken.compactMapValues { $0 }
    }
}
