import PlannerCore

/// Rule 5 in the model: young members in grassroots teams.
struct YouthModel: RotationRuleModel {
    var definition: PolicyRule<Policy> { PolicyRules.youth }

    func addTeamRows(unit u: Int, team: [Int], to builder: inout RotationModelBuilder) {
        let policy = builder.policy
        let facts = builder.facts
        let unit = builder.scenario.units[u]
        let youngNeeded = min(policy.youth.minPerTeam, team.count)
        let youth = builder.mode(.team(rule: key, unit: u), policy.youth.mode)
        guard unit.grassroots, youth.isActive, youngNeeded > 0 else { return }
        var terms = builder.teamTerms(team) { facts.isYoung($0) ? 1 : 0 }
        if let s = builder.shortfall(
            .team(rule: key, unit: u), youth, subject: "unit \(unit.id)", name: "s_youth[\(unit.id)]", most: youngNeeded)
        {
            terms.append(.init(column: s, coefficient: 1))
        }
        builder.model.addRow("youth[\(unit.id)]", terms: terms, lower: Double(youngNeeded))
    }

    func bindsTeamHard(unit u: Int, facts: ScenarioFacts) -> Bool {
        let policy = facts.scenario.policy
        return facts.scenario.units[u].grassroots && policy.youth.mode == .hard && policy.youth.minPerTeam > 0
    }

    func describe(_ instance: RuleInstance, in words: RuleWording) -> String? {
        guard case .team(_, let u) = instance else { return nil }
        let candidates = words.teamCandidates(u)
        let policy = words.policy
        let needed = min(policy.youth.minPerTeam, words.facts.teams[u].count)
        let young = candidates.filter { words.facts.isYoung(words.scenario.cadres[$0]) }
        return words.say(
            "rules.youth.needs",
            [
                "team": words.team(u), "needed": String(needed), "age": String(policy.youth.age), "young": String(young.count),
                "candidates": String(candidates.count), "ids": young.isEmpty ? "" : " (\(words.ids(young)))",
            ])
    }

    func teamNeed(of cadre: Cadre, among others: [Cadre], unit u: Int, facts: ScenarioFacts, words: Words) -> String? {
        let policy = facts.scenario.policy
        guard facts.scenario.units[u].grassroots, policy.youth.mode.isActive, facts.isYoung(cadre),
            others.filter(facts.isYoung).count < policy.youth.minPerTeam
        else { return nil }
        // With two or more young members needed, the holder is one of them, not the only one.
        guard policy.youth.minPerTeam > 1 else {
            return words("rules.youth.only", ["age": String(policy.youth.age), "rule": words.ruleName(key)])
        }
        return words(
            "rules.youth.needed", ["count": String(policy.youth.minPerTeam), "age": String(policy.youth.age), "rule": words.ruleName(key)])
    }
}
