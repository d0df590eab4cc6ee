import PlannerCore

/// Rule 8 in the model: the cap on incumbents who change post.
struct MovesModel: RotationRuleModel {
    var definition: PolicyRule<Policy> { PolicyRules.moves }

    func addRoundRows(to builder: inout RotationModelBuilder) { builder.addMovesCap() }

    func describe(_ instance: RuleInstance, in words: RuleWording) -> String? {
        words.say("rules.moves.atMost", ["limit": String(words.facts.movesLimit)])
    }
}

extension RotationModelBuilder {
    /// Rule 8: incumbents who change post ≤ limit.
    mutating func addMovesCap() {
        let cap = mode(.moves, policy.moves.mode)
        guard cap.isActive else { return }
        var terms: [LinearModel.Term] = []
        for (c, cadre) in scenario.cadres.enumerated() {
            guard let own = facts.postOfIncumbent[cadre.id] else { continue }
            terms += columnsOfCadre[c].filter { $0.position != own }.map { .init(column: $0.column, coefficient: 1) }
        }
        if let s = shortfall(.moves, cap, subject: "moves", name: "s_moves", most: terms.count) {
            terms.append(.init(column: s, coefficient: -1))
        }
        addSharedRow("moves", terms: terms, upper: Double(facts.movesLimit))
    }

}
