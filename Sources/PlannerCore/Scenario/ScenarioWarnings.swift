/// Things a valid scenario may hold but a person probably did not mean: each one makes a hard
/// rule impossible to satisfy, so `solve` would report "no feasible plan".
enum ScenarioWarnings {
    static func find(in scenario: Scenario) -> [ScenarioProblem] {
        let facts = ScenarioFacts(scenario)
        var warnings: [ScenarioProblem] = []
        let policy = scenario.policy
        for (index, cadre) in scenario.cadres.enumerated() where cadre.locked {
            guard let post = facts.postOfIncumbent[cadre.id] else { continue }
            let path = "cadres[\(index)].locked"
            if policy.retirement.mode == .hard && facts.isRetiring(cadre) {
                warnings.append(
                    ScenarioProblem(
                        path: path, location: nil, entity: "cadre \(cadre.id)",
                        message:
                            "locked, but reaches retirement age in \(facts.retirementYear(cadre)) and must leave under the hard retirement rule"
                    ))
            }
            let position = scenario.positions[post]
            if policy.nonLocalHeads.mode == .hard && policy.nonLocalHeads.minShare >= 1 && facts.isListedHead(position)
                && facts.isLocal(cadre, toUnit: facts.unit(of: position))
            {
                warnings.append(
                    ScenarioProblem(
                        path: path, location: nil, entity: "cadre \(cadre.id)",
                        message:
                            "locked as \(position.title) of \(position.unit), but is local there; the hard non-local rule moves local heads"
                    ))
            }
            if policy.tenure.mode == .hard && cadre.yearsInPost >= policy.tenure.maxYears {
                warnings.append(
                    ScenarioProblem(
                        path: path, location: nil, entity: "cadre \(cadre.id)",
                        message:
                            "locked in \(scenario.positions[post].id), but has \(cadre.yearsInPost) years there; the hard tenure limit is \(policy.tenure.maxYears)"
                    ))
            }
        }
        return warnings
    }
}
