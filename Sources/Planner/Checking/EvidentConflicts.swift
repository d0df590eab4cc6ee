import PlannerModel

/// Conflicts a round's hard rules make evident before any model is built: what `validate`
/// warns about, found in milliseconds and named rule by rule, so that `solve` and `diagnose`
/// answer "no plan" at once instead of after a search (issue 17: a round with 32 impossible
/// locks took five minutes to be called infeasible).
///
/// Each conflict is irreducible by construction: its rules cannot all hold, and with any one of
/// them dropped (every other rule off) the rest can.
/// - a locked incumbent whose own post a hard rule forbids them: the lock and that rule;
/// - a pin that a hard rule forbids (a lock elsewhere, a forbidden pair, an eligibility rule),
///   or two pins of one post, or of one cadre: the pin and that rule, or the two pins;
/// - a must-fill post that no cadre may hold under the hard pair rules: the must-fill rule and
///   a smallest-found cover of rules that together keep every cadre out.
struct EvidentConflicts {
    /// Pair tests the must-fill check may make in all: a post with a candidate stops at its
    /// first one, so only posts without any scan every cadre.
    static let pairTestBudget = 2_000_000

    static func find(in scenario: Scenario) -> [[RuleInstance]] {
        let policy = scenario.policy
        let facts = ScenarioFacts(scenario)
        let rules = PairRules(scenario)
        var conflicts: [[RuleInstance]] = []
        if policy.locks.mode == .hard {
            for (c, cadre) in scenario.cadres.enumerated() where cadre.locked {
                guard let own = facts.postOfIncumbent[cadre.id], let rule = rules.broken(cadre: c, position: own).first else { continue }
                conflicts.append([.lock(cadre: c), rule])
            }
            var pinOfPost: [Int: Int] = [:]
            var pinOfCadre: [Int: Int] = [:]
            for (index, pin) in scenario.pinned.enumerated() {
                guard let c = facts.cadreIndex[pin.cadre], let p = facts.positionIndex[pin.position] else { continue }
                if let earlier = pinOfPost[p], scenario.pinned[earlier].cadre != pin.cadre {
                    conflicts.append([.pin(index: earlier), .pin(index: index)])
                } else if let earlier = pinOfCadre[c], scenario.pinned[earlier].position != pin.position {
                    conflicts.append([.pin(index: earlier), .pin(index: index)])
                } else if let rule = rules.broken(cadre: c, position: p).first {
                    conflicts.append([.pin(index: index), rule])
                } else if let holder = facts.ownPosition.indices.first(where: { facts.ownPosition[$0] == p }), holder != c,
                    scenario.cadres[holder].locked
                {
                    conflicts.append([.lock(cadre: holder), .pin(index: index)])
                }
                pinOfPost[p] = pinOfPost[p] ?? index
                pinOfCadre[c] = pinOfCadre[c] ?? index
            }
        }
        if policy.mustFill.mode == .hard {
            var budget = pairTestBudget
            for (p, position) in scenario.positions.enumerated() where position.mustFill {
                guard budget > 0 else { break }
                if let cover = keptOut(of: p, facts: facts, rules: rules, budget: &budget) {
                    conflicts.append([.mustFill(position: p)] + cover)
                }
            }
        }
        return conflicts
    }

    /// Rules that together keep every cadre from post p, when they do: nil as soon as one
    /// cadre may hold it. The incumbent is tried first, as the likeliest holder.
    static func keptOut(of p: Int, facts: ScenarioFacts, rules: PairRules, budget: inout Int) -> [RuleInstance]? {
        let cadres = facts.scenario.cadres.indices
        var order = Array(cadres)
        if let incumbent = facts.ownPosition.firstIndex(of: p) {
            order.swapAt(0, incumbent)
        }
        var brokenBy: [[RuleInstance]] = []
        for c in order {
            budget -= 1
            let broken = rules.broken(cadre: c, position: p)
            if broken.isEmpty { return nil }
            brokenBy.append(broken)
            if budget <= 0 { return nil }
        }
        // A cover: the rule that keeps out the most cadres not yet kept out, again and again
        // (ties in report order); then each rule the others make unnecessary is dropped.
        var uncovered = Set(brokenBy.indices)
        var cover: [RuleInstance] = []
        while !uncovered.isEmpty {
            var counts: [RuleInstance: Int] = [:]
            for i in uncovered { for rule in brokenBy[i] { counts[rule, default: 0] += 1 } }
            let best = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!.key
            cover.append(best)
            uncovered = uncovered.filter { !brokenBy[$0].contains(best) }
        }
        for rule in cover.reversed() {
            let rest = cover.filter { $0 != rule }
            if brokenBy.allSatisfy({ broken in broken.contains { rest.contains($0) } }) { cover = rest }
        }
        return cover.sorted()
    }
}
