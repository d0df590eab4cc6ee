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
        return "\(cadre.id) \(retires(cadre, words)) retirement age in \(words.facts.retirementYear(cadre)) and may hold no post"
    }

    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int, in words: RuleWording) -> String? {
        let cadre = words.scenario.cadres[c]
        return "\(retires(cadre, words)) retirement age in \(words.facts.retirementYear(cadre))"
    }

    func retires(_ cadre: Cadre, _ words: RuleWording) -> String {
        words.facts.retirementYear(cadre) < words.scenario.planningYear ? "reached" : "reaches"
    }
}
