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
        // Pins, as locks: a pin a hard rule forbids, or a pin onto a post whose incumbent is
        // locked there (`diagnose` names the same conflicts; `validate` said nothing of pins
        // until 2026-12-06). Pins hold only while the locks rule is hard.
        guard policy.locks.mode == .hard else { return warnings }
        for (index, pin) in scenario.pinned.enumerated() {
            guard let c = facts.cadreIndex[pin.cadre], let p = facts.positionIndex[pin.position] else { continue }
            let cadre = scenario.cadres[c]
            let position = scenario.positions[p]
            func warn(_ message: String) {
                warnings.append(ScenarioProblem(path: "pinned[\(index)]", location: nil, entity: "cadre \(cadre.id)", message: message))
            }
            if policy.retirement.mode == .hard && facts.isRetiring(cadre) {
                warn(
                    "pinned to \(position.id), but reaches retirement age in \(facts.retirementYear(cadre)) and must leave under the hard retirement rule"
                )
            }
            if policy.nonLocalHeads.mode == .hard && policy.nonLocalHeads.minShare >= 1 && facts.isListedHead(position)
                && facts.isLocal(cadre, toUnit: facts.unit(of: position))
            {
                warn(
                    "pinned as \(position.title) of \(position.unit), but is local there; the hard non-local rule keeps local cadres from head posts"
                )
            }
            if policy.tenure.mode == .hard && facts.postOfIncumbent[cadre.id] == p && cadre.yearsInPost >= policy.tenure.maxYears {
                warn(
                    "pinned to \(position.id), their own post, but has \(cadre.yearsInPost) years there; the hard tenure limit is \(policy.tenure.maxYears)"
                )
            }
            if let holder = position.incumbent, holder != cadre.id, let h = facts.cadreIndex[holder], scenario.cadres[h].locked {
                warn("pinned to \(position.id), but its incumbent \(holder) is locked there")
            }
        }
        return warnings
    }
}
