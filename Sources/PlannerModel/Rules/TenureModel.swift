import PlannerCore

/// Rule 4 in the model: an incumbent at the limit does not keep their post (a pair test on
/// the incumbent and their own post).
struct TenureModel: RotationRuleModel {
    var definition: PolicyRule<Policy> { PolicyRules.tenure }

    var testsPairs: Bool { true }
    @inline(__always)
    func testPair(_ test: inout PairTest, in builder: RotationModelBuilder) -> Bool {
        guard test.keepsOwnPost else { return true }
        let p = test.position
        let tenure = builder.policy.tenure
        return builder.apply(
            .tenure(position: p), tenure.mode,
            broken: builder.scenario.cadres[test.cadre].yearsInPost >= tenure.limit(title: builder.scenario.positions[p].title),
            to: &test)
    }

    func describe(_ instance: RuleInstance, in words: RuleWording) -> String? {
        guard case .tenure(let p) = instance else { return nil }
        let scenario = words.scenario
        let position = scenario.positions[p]
        let years = position.incumbent.flatMap { words.facts.cadreIndex[$0] }.map { scenario.cadres[$0].yearsInPost } ?? 0
        return words.say(
            "rules.tenure.mayNotKeep",
            [
                "cadre": position.incumbent ?? words.say("rules.tenure.theIncumbent"), "post": words.post(p), "years": String(years),
                "limit": String(words.policy.tenure.limit(title: position.title)),
            ])
    }

    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int, in words: RuleWording) -> String? {
        words.say(
            "rules.tenure.held",
            [
                "post": words.scenario.positions[p].id, "years": String(words.scenario.cadres[c].yearsInPost),
                "limit": String(words.policy.tenure.limit(title: words.scenario.positions[p].title)),
            ])
    }
}
