import PlannerCore

/// Rule 3 in the model. Hard with a share of 1, it is a test on each pair
/// (`RotationModelBuilder.pairStatus`); otherwise a share row over the round.
struct NonLocalHeadsModel: RotationRuleModel {
    var definition: PolicyRule<Policy> { PolicyRules.nonLocalHeads }

    var testsPairs: Bool { true }
    @inline(__always)
    func testPair(_ test: inout PairTest, in builder: RotationModelBuilder) -> Bool {
        let facts = builder.facts
        let p = test.position
        guard builder.nonLocalIsPairRule, facts.isListedHead(builder.scenario.positions[p]),
            facts.isLocal(builder.scenario.cadres[test.cadre], toUnit: facts.unit(ofPosition: p))
        else { return true }
        return builder.apply(.requirement(rule: key, position: p), .hard, broken: true, to: &test)
    }

    func addRoundRows(to builder: inout RotationModelBuilder) { builder.addNonLocalShare() }

    func describe(_ instance: RuleInstance, in words: RuleWording) -> String? {
        switch instance {
        case .requirement(_, let p):
            return words.say(
                "rules.nonLocalHeads.headPost", ["locality": words.locality(words.facts.unit(of: words.scenario.positions[p]).locality)])
        case .nonLocalShare:
            return words.say("rules.nonLocalHeads.share", ["share": words.number(words.policy.nonLocalHeads.minShare * 100)])
        default: return nil
        }
    }

    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int, in words: RuleWording) -> String? {
        guard case .requirement = instance else { return nil }
        return words.say(
            "rules.nonLocalHeads.local",
            ["home": words.locality(words.scenario.cadres[c].homeLocality), "post": words.scenario.positions[p].id])
    }
}

extension RotationModelBuilder {
    /// Rule 3 in share form: non-local holders ≥ share × filled listed posts.
    mutating func addNonLocalShare() {
        let rule = mode(.nonLocalShare, policy.nonLocalHeads.mode)
        guard rule.isActive, !nonLocalIsPairRule else { return }
        let share = policy.nonLocalHeads.minShare
        let listed = scenario.positions.indices.filter { facts.isListedHead(scenario.positions[$0]) }
        guard !listed.isEmpty else { return }
        var nonLocalTerms: [LinearModel.Term] = []
        for p in listed {
            let unit = facts.unit(of: scenario.positions[p])
            for entry in columnsOfPosition[p] where !facts.isLocal(scenario.cadres[entry.cadre], toUnit: unit) {
                nonLocalTerms.append(.init(column: entry.column, coefficient: 1))
            }
        }
        let nonLocal = count("n_nonlocal", nonLocalTerms, most: listed.count)
        let filled = count("n_listed", teamTerms(listed) { _ in 1 }, most: listed.count)
        var terms: [LinearModel.Term] = [.init(column: nonLocal, coefficient: 1), .init(column: filled, coefficient: -share)]
        let s = shortfall(.nonLocalShare, rule, subject: "listed head posts", name: "s_nonlocal", most: listed.count)
        if let s { terms.append(.init(column: s, coefficient: 1)) }
        addSharedRow("nonlocal", terms: terms, lower: 0)
        addShareHull("nonlocal", share: share, count: nonLocal, shortfall: s, total: filled, posts: listed)
    }

}
