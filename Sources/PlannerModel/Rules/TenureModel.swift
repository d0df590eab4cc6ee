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
        let values = Self.limit(of: position, words).merging([
            "cadre": position.incumbent ?? words.say("rules.tenure.theIncumbent"), "post": words.post(p), "years": String(years),
        ]) { $1 }
        return words.say(values["title"] == nil ? "rules.tenure.mayNotKeep" : "rules.tenure.mayNotKeepTitle", values)
    }

    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int, in words: RuleWording) -> String? {
        let position = words.scenario.positions[p]
        let values = Self.limit(of: position, words).merging([
            "post": position.id, "years": String(words.scenario.cadres[c].yearsInPost),
        ]) { $1 }
        return words.say(values["title"] == nil ? "rules.tenure.held" : "rules.tenure.heldTitle", values)
    }

    /// The post's limit, and its title when the title has a limit of its own (periodic
    /// rotation, `yearsByTitle`), so that the reader sees why the limit is not `maxYears`.
    static func limit(of position: Position, _ words: RuleWording) -> [String: String] {
        let tenure = words.policy.tenure
        var values = ["limit": String(tenure.limit(title: position.title))]
        if tenure.yearsByTitle[position.title] != nil { values["title"] = words.label(.title, position.title) }
        return values
    }
}
