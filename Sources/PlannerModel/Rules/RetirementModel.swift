import PlannerCore

/// Rule 1 in the model: a cadre at or over retirement age holds no post (a cadre rule: it
/// keeps them from every post).
struct RetirementModel: RotationRuleModel {
    var definition: PolicyRule<Policy> { PolicyRules.retirement }

    var testsPairs: Bool { true }
    @inline(__always)
    func testPair(_ test: inout PairTest, in builder: RotationModelBuilder) -> Bool {
        let c = test.cadre
        return builder.apply(
            .cadreRule(rule: key, cadre: c), builder.policy.retirement.mode, broken: builder.facts.isRetiring(cadre: c), to: &test)
    }

    func describe(_ instance: RuleInstance, in words: RuleWording) -> String? {
        guard case .cadreRule(_, let c) = instance else { return nil }
        let cadre = words.scenario.cadres[c]
        return words.say(retires(cadre, words) + ".noPost", ["cadre": cadre.id, "year": String(words.facts.retirementYear(cadre))])
    }

    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int, in words: RuleWording) -> String? {
        let cadre = words.scenario.cadres[c]
        return words.say(retires(cadre, words), ["year": String(words.facts.retirementYear(cadre))])
    }

    /// The key of the phrase: retirement age reached before the round, or in its year.
    func retires(_ cadre: Cadre, _ words: RuleWording) -> String {
        words.facts.retirementYear(cadre) < words.scenario.planningYear ? "rules.retirement.reached" : "rules.retirement.reaches"
    }
}
