import PlannerCore

// Rules whose rows are bounds on the builder's own columns: the vacancy column of a post
// that must be filled, the release column of an incumbent (`addPostAndCadreRows`).

/// Rule 11 in the model: a must-fill post is not vacant.
struct MustFillModel: RotationRuleModel {
    var definition: PolicyRule<Policy> { PolicyRules.mustFill }

    func describe(_ instance: RuleInstance, in words: RuleWording) -> String? {
        guard case .mustFill(let p) = instance else { return nil }
        let candidates = words.eligible[p]
        let who =
            candidates.isEmpty
            ? words.say("rules.mustFill.nobody")
            : words.say(
                candidates.count == 1 ? "rules.mustFill.passOne" : "rules.mustFill.pass",
                ["cadres": words.people(candidates.count), "ids": words.ids(candidates)])
        return words.say("rules.mustFill.must", ["post": words.post(p), "who": who])
    }
}

/// Rule 1 in the model: an incumbent who stays in the round keeps a post unless released.
struct ReleaseModel: RotationRuleModel {
    var definition: PolicyRule<Policy> { PolicyRules.release }

    func describe(_ instance: RuleInstance, in words: RuleWording) -> String? {
        guard case .release(let c) = instance else { return nil }
        let cadre = words.scenario.cadres[c]
        let own = words.facts.postOfIncumbent[cadre.id].map(words.post) ?? words.say("rules.release.aPost")
        return words.say("rules.release.keeps", ["cadre": cadre.id, "post": own])
    }
}
