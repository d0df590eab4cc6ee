import Foundation

/// What one (cadre, post) pair is worth to a plan, as `planner explain` totals it: the fit, less
/// the move price when the cadre leaves another post for it, less the prices of the soft rules
/// the pair breaks. The plan's reasons (`Planner.reasons`, in English) and the committee's
/// report (`RoundReport`, in either language) quote the same numbers from here, and name the
/// same equally good alternatives: a review read facts in English that the Vietnamese report
/// left out.
struct PairWorth {
    let facts: ScenarioFacts
    let rules: PairRules
    var scenario: Scenario { facts.scenario }

    init(facts: ScenarioFacts, rules: PairRules) {
        self.facts = facts
        self.rules = rules
    }

    /// The fit as the objective weighs it (the post's weight times rating, field match and
    /// continuity).
    func fit(_ c: Int, _ p: Int) -> Double {
        let cadre = scenario.cadres[c]
        let position = scenario.positions[p]
        let terms = scenario.objective.fitTerms(of: cadre, in: position, holdsIt: facts.postOfIncumbent[cadre.id] == p)
        return position.weight * (terms.rating + terms.fieldMatch + terms.continuity)
    }

    /// The move price the pair pays: the cadre holds another post before the round.
    func movePrice(_ c: Int, _ p: Int) -> Double {
        facts.postOfIncumbent[scenario.cadres[c].id].map { $0 != p ? scenario.objective.movePrice : 0 } ?? 0
    }

    /// The pair's worth: fit less the move price and the soft rules' prices.
    func worth(_ c: Int, _ p: Int) -> Double {
        fit(c, p) - movePrice(c, p) - rules.penalties(cadre: c, position: p).reduce(0) { $0 + $1.cost }
    }

    /// The others every hard rule allows in post p who are worth exactly as much there as its
    /// holder c, in file order: where the plan may have an equal alternative, which the stated
    /// order among equal plans decides (docs/model.md, "One plan among equals").
    func equallyWorth(as c: Int, in p: Int) -> [Int] {
        let own = worth(c, p)
        return scenario.cadres.indices.filter { other in
            // The fit less the move price bounds the worth from above (prices are not negative):
            // most cadres are ruled out without testing the pair's rules.
            other != c && fit(other, p) - movePrice(other, p) >= own - 1e-9 && abs(worth(other, p) - own) < 1e-9
                && rules.broken(cadre: other, position: p).isEmpty
        }
    }
}
