import PlannerCore

/// Rule 7 in the model, per team: at least one woman.
struct WomenPerTeamModel: RotationRuleModel {
    var definition: PolicyRule<Policy> { PolicyRules.womenPerTeam }

    func addTeamRows(unit u: Int, team: [Int], to builder: inout RotationModelBuilder) {
        let unit = builder.scenario.units[u]
        let womanNeeded = builder.mode(.team(rule: key, unit: u), builder.policy.womenPerTeam.mode)
        guard womanNeeded.isActive else { return }
        var terms = builder.teamTerms(team) { $0.gender == .female ? 1 : 0 }
        if let s = builder.shortfall(
            .team(rule: key, unit: u), womanNeeded, subject: "unit \(unit.id)", name: "s_woman[\(unit.id)]", most: 1)
        {
            terms.append(.init(column: s, coefficient: 1))
        }
        builder.model.addRow("woman[\(unit.id)]", terms: terms, lower: 1)
    }

    func bindsTeamHard(unit u: Int, facts: ScenarioFacts) -> Bool { facts.scenario.policy.womenPerTeam.mode == .hard }

    func describe(_ instance: RuleInstance, in words: RuleWording) -> String? {
        guard case .team(_, let u) = instance else { return nil }
        let candidates = words.teamCandidates(u)
        let women = candidates.filter { words.scenario.cadres[$0].gender == .female }
        return words.say(
            women.count == 1 ? "rules.womenPerTeam.needs.one" : "rules.womenPerTeam.needs",
            [
                "team": words.team(u), "women": String(women.count), "candidates": String(candidates.count),
                "ids": women.isEmpty ? "" : " (\(words.ids(women)))",
            ])
    }

    func teamNeed(of cadre: Cadre, among others: [Cadre], unit u: Int, facts: ScenarioFacts, words: Words) -> String? {
        guard facts.scenario.policy.womenPerTeam.mode.isActive, cadre.gender == .female, !others.contains(where: { $0.gender == .female })
        else { return nil }
        return words("rules.womenPerTeam.only")
    }
}
