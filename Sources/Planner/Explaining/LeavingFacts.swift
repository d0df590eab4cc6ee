import Foundation

/// What a cadre's leaving their post keeps that no rule of the pair shows: a relative who
/// serves in the post's unit after the round (rule 9 counts relatives per unit, not per pair),
/// and a head post held by someone local to its unit while the non-local rule is soft or a
/// share (the pair rules name it only when it is hard for every head post). Without these a
/// review read two moves each explained by the other ("C-06 moves: P-AL-VCH opens as C-03
/// moves"; "C-03 moves: P-KT-VCH opens as C-06 moves"), both people to a worse fit.
///
/// The plan's reasons (`Planner.reasons`, in English) and the committee's report
/// (`RoundReport`) take these facts from here, as they take the pairs' worth from `PairWorth`.
struct LeavingFacts {
    let facts: ScenarioFacts
    /// Each cadre's post after the round.
    let postAfter: [Int: Int]
    /// Each cadre's relatives in the round (both ways), in index order.
    let relativesOf: [Int: [Int]]
    var scenario: Scenario { facts.scenario }

    /// `holderAfter`: each post's holder after the round, by post index.
    init(facts: ScenarioFacts, holderAfter: [Int?]) {
        self.facts = facts
        var postAfter: [Int: Int] = [:]
        for (p, holder) in holderAfter.enumerated() { if let holder { postAfter[holder] = p } }
        self.postAfter = postAfter
        var relativesOf: [Int: [Int]] = [:]
        for (a, b) in facts.relativePairs {
            relativesOf[a, default: []].append(b)
            relativesOf[b, default: []].append(a)
        }
        self.relativesOf = relativesOf.mapValues { $0.sorted() }
    }

    /// The relatives of cadre c who serve in post p's unit after the round, when c leaves that
    /// unit (for post `next` in another unit, or for none) under an active relatives rule:
    /// staying would have put both in one unit.
    func relativesInUnit(_ c: Int, leaving p: Int, for next: Int?) -> [Int] {
        guard scenario.policy.relatives.mode.isActive else { return [] }
        let unit = facts.unitIndex(ofPosition: p)
        if let next, facts.unitIndex(ofPosition: next) == unit { return [] }
        return relativesOf[c, default: []].filter { r in postAfter[r].map { facts.unitIndex(ofPosition: $0) == unit } ?? false }
    }

    /// The locality's name when cadre c leaves head post p, local to its unit, under an active
    /// non-local rule (soft, or hard as a share; hard for every head post it is a pair rule and
    /// `mayNotStay` says it), for a post that is not such a head post too.
    func localHead(_ c: Int, leaving p: Int, for next: Int?) -> String? {
        if let next, isLocalHead(c, next) { return nil }
        guard isLocalHead(c, p) else { return nil }
        return facts.homeLocalityName(scenario.cadres[c])
    }

    func isLocalHead(_ c: Int, _ p: Int) -> Bool {
        let position = scenario.positions[p]
        let cadre = scenario.cadres[c]
        return scenario.policy.nonLocalHeads.mode.isActive && facts.isListedHead(position)
            && facts.isLocal(cadre, toUnit: facts.unit(of: position))
    }
}

extension ScenarioFacts {
    /// The name of the cadre's home locality, as the reasons give it (its id when unnamed).
    func homeLocalityName(_ cadre: Cadre) -> String {
        scenario.localities.first { $0.id == cadre.homeLocality }?.name ?? cadre.homeLocality
    }
}
