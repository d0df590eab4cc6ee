import PlannerCore

/// Rule 9 in the model: close relatives in one unit.
struct RelativesModel: RotationRuleModel {
    var definition: PolicyRule<Policy> { PolicyRules.relatives }

    func addRoundRows(to builder: inout RotationModelBuilder) { builder.addRelatives() }

    func describe(_ instance: RuleInstance, in words: RuleWording) -> String? {
        guard case .relatives(let a, let b, let u) = instance else { return nil }
        return words.say(
            "rules.relatives.both", ["first": words.scenario.cadres[a].id, "second": words.scenario.cadres[b].id, "unit": words.unit(u)])
    }
}

extension RotationModelBuilder {
    /// Rule 9: two relatives never both hold posts in one unit.
    mutating func addRelatives() {
        guard policy.relatives.mode.isActive else { return }
        for (a, b) in facts.relativePairs {
            // Only the units where both have a column can hold a row; in unit order.
            let unitsOfB = Set(columnsOfCadre[b].map { facts.unitIndex(ofPosition: $0.position) })
            let shared = Set(columnsOfCadre[a].map { facts.unitIndex(ofPosition: $0.position) }).intersection(unitsOfB).sorted()
            for u in shared {
                let instance = RuleInstance.relatives(first: a, second: b, unit: u)
                let rule = mode(instance, policy.relatives.mode)
                guard rule.isActive else { continue }
                let unit = scenario.units[u]
                let termsA = columnsOfCadre[a].filter { facts.unitIndex(ofPosition: $0.position) == u }
                let termsB = columnsOfCadre[b].filter { facts.unitIndex(ofPosition: $0.position) == u }
                let idA = scenario.cadres[a].id
                let idB = scenario.cadres[b].id
                var terms = (termsA + termsB).map { LinearModel.Term(column: $0.column, coefficient: 1) }
                if let s = shortfall(
                    instance, rule, subject: "\(idA) and \(idB) in \(unit.id)", name: "s_rel[\(idA),\(idB),\(unit.id)]", most: 1)
                {
                    terms.append(.init(column: s, coefficient: -1))
                }
                model.addRow("relatives[\(idA),\(idB),\(unit.id)]", terms: terms, upper: 1)
            }
        }
    }
}
