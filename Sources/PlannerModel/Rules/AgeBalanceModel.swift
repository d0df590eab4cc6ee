import PlannerCore

/// Rule 6 in the model: age bands spanned by a team. A 0–1 column per band a team can cover
/// says whether it does; the team's covered bands must reach the number asked.
struct AgeBalanceModel: RotationRuleModel {
    var definition: PolicyRule<Policy> { PolicyRules.ageBalance }

    func addTeamRows(unit u: Int, team: [Int], to builder: inout RotationModelBuilder) {
        let policy = builder.policy
        let facts = builder.facts
        let unit = builder.scenario.units[u]
        let bandsNeeded = min(policy.ageBalance.minBands, facts.ageBandCount, team.count)
        let balance = builder.mode(.team(rule: key, unit: u), policy.ageBalance.mode)
        guard balance.isActive, team.count >= policy.ageBalance.minTeamSize, bandsNeeded > 0 else { return }
        var coverage: [LinearModel.Term] = []
        for band in 0..<facts.ageBandCount {
            let members = builder.teamTerms(team) { facts.ageBand($0) == band ? 1 : 0 }
            guard !members.isEmpty else { continue }
            let z = builder.column("z[\(unit.id),\(band)]", .bandCovered(unit: u, band: band), kind: .binary, upper: 1)
            builder.model.setBranchingPriority(z, 1)
            builder.model.addRow(
                "band[\(unit.id),\(band)]",
                terms: [.init(column: z, coefficient: 1)] + members.map { .init(column: $0.column, coefficient: -1) }, upper: 0)
            coverage.append(.init(column: z, coefficient: 1))
        }
        if let s = builder.shortfall(
            .team(rule: key, unit: u), balance, subject: "unit \(unit.id)", name: "s_bands[\(unit.id)]", most: bandsNeeded)
        {
            coverage.append(.init(column: s, coefficient: 1))
        }
        builder.model.addRow("bands[\(unit.id)]", terms: coverage, lower: Double(bandsNeeded))
    }

    func bindsTeamHard(unit u: Int, facts: ScenarioFacts) -> Bool {
        let policy = facts.scenario.policy
        return policy.ageBalance.mode == .hard && facts.teams[u].count >= policy.ageBalance.minTeamSize && policy.ageBalance.minBands > 0
    }

    func describe(_ instance: RuleInstance, in words: RuleWording) -> String? {
        guard case .team(_, let u) = instance else { return nil }
        let candidates = words.teamCandidates(u)
        let policy = words.policy
        let facts = words.facts
        let needed = min(policy.ageBalance.minBands, facts.ageBandCount, words.facts.teams[u].count)
        let bands = Set(candidates.map { facts.ageBand(words.scenario.cadres[$0]) }).sorted()
        let starts = [0] + policy.ageBalance.bandStarts
        let names = bands.map { b in
            b + 1 < starts.count ? "\(starts[b])–\(starts[b + 1] - 1)" : words.say("rules.ageBalance.andOver", ["age": String(starts[b])])
        }
        return words.say(
            "rules.ageBalance.needs",
            [
                "team": words.team(u), "needed": String(needed), "candidates": String(candidates.count), "bands": String(bands.count),
                "names": names.joined(separator: ", "),
            ])
    }

    func teamNeed(of cadre: Cadre, among others: [Cadre], unit u: Int, facts: ScenarioFacts, words: Words) -> String? {
        let policy = facts.scenario.policy
        guard policy.ageBalance.mode.isActive, facts.teams[u].count >= policy.ageBalance.minTeamSize,
            !others.contains(where: { facts.ageBand($0) == facts.ageBand(cadre) })
        else { return nil }
        return words("rules.ageBalance.only", ["rule": words.ruleName(key)])
    }
}
