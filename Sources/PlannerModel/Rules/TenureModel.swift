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
        var values = [
            "cadre": position.incumbent ?? words.say("rules.tenure.theIncumbent"), "post": words.post(p), "years": String(years),
        ]
        return words.say(Self.phrase("rules.tenure.mayNotKeep", position, words, into: &values), values)
    }

    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int, in words: RuleWording) -> String? {
        let position = words.scenario.positions[p]
        var values = ["post": position.id, "years": String(words.scenario.cadres[c].yearsInPost)]
        return words.say(Self.phrase("rules.tenure.held", position, words, into: &values), values)
    }

    /// The phrase's key and the limit: a title with its own limit (periodic rotation,
    /// `yearsByTitle`) is named with it, so the reader sees why the limit is not `maxYears`.
    static func phrase(_ key: String, _ position: Position, _ words: RuleWording, into values: inout [String: String]) -> String {
        let tenure = words.policy.tenure
        values["limit"] = String(tenure.limit(title: position.title))
        guard tenure.yearsByTitle[position.title] != nil else { return key }
        values["title"] = words.label(.title, position.title)
        return key == "rules.tenure.held" ? "rules.tenure.heldTitle" : "rules.tenure.mayNotKeepTitle"
    }
}
