/// Things a valid scenario may hold but a person probably did not mean: each one makes a hard
/// rule impossible to satisfy, so `solve` would report "no feasible plan".
enum ScenarioWarnings {
    /// A hard rule that forbids a cadre a post, as locks and pins are checked against it.
    enum Bar {
        case retirement(year: Int)
        case localHead
        case tenure(years: Int, limit: Int)
    }

    /// The hard rules that bar `cadre` from `position` (index `p`): retirement, the non-local
    /// rule for a listed head post, and the tenure limit when it is the cadre's own post.
    static func bars(_ cadre: Cadre, from position: Position, at p: Int, facts: ScenarioFacts) -> [Bar] {
        let policy = facts.scenario.policy
        var bars: [Bar] = []
        if policy.retirement.mode == .hard && facts.isRetiring(cadre) { bars.append(.retirement(year: facts.retirementYear(cadre))) }
        if policy.nonLocalHeads.mode == .hard && policy.nonLocalHeads.minShare >= 1 && facts.isListedHead(position)
            && facts.isLocal(cadre, toUnit: facts.unit(of: position))
        {
            bars.append(.localHead)
        }
        let tenureLimit = policy.tenure.limit(title: position.title)
        if policy.tenure.mode == .hard && facts.postOfIncumbent[cadre.id] == p && cadre.yearsInPost >= tenureLimit {
            bars.append(.tenure(years: cadre.yearsInPost, limit: tenureLimit))
        }
        return bars
    }

    /// "reaches retirement age in 2027", or "reached retirement age in 2020" for a year before
    /// the planning year (a review read the present tense over a past year).
    static func reaches(_ year: Int, _ scenario: Scenario) -> String {
        year < scenario.planningYear ? "reached retirement age in \(year)" : "reaches retirement age in \(year)"
    }

    static func find(in scenario: Scenario) -> [ScenarioProblem] {
        // Locks and pins hold only while the locks rule is hard: soft, breaking one is priced,
        // not impossible; off, they are not read (a review found these warnings under both).
        guard scenario.policy.locks.mode == .hard else { return [] }
        let facts = ScenarioFacts(scenario)
        var warnings: [ScenarioProblem] = []
        for (index, cadre) in scenario.cadres.enumerated() where cadre.locked {
            guard let post = facts.postOfIncumbent[cadre.id] else { continue }
            let position = scenario.positions[post]
            for bar in bars(cadre, from: position, at: post, facts: facts) {
                let message =
                    switch bar {
                    case .retirement(let year):
                        "locked, but \(reaches(year, scenario)) and must leave under the hard retirement rule"
                    case .localHead:
                        "locked as \(position.title) of \(position.unit), but is local there; the hard non-local rule moves local heads"
                    case .tenure(let years, let limit):
                        "locked in \(position.id), but has \(years) years there; the hard tenure limit is \(limit)"
                    }
                warnings.append(
                    ScenarioProblem(path: "cadres[\(index)].locked", location: nil, entity: "cadre \(cadre.id)", message: message))
            }
        }
        // Pins, as locks: a pin a hard rule forbids, or a pin onto a post whose incumbent is
        // locked there (`diagnose` names the same conflicts; `validate` said nothing of pins
        // until 2026-12-06).
        for (index, pin) in scenario.pinned.enumerated() {
            guard let c = facts.cadreIndex[pin.cadre], let p = facts.positionIndex[pin.position] else { continue }
            let cadre = scenario.cadres[c]
            let position = scenario.positions[p]
            var messages = bars(cadre, from: position, at: p, facts: facts).map { bar in
                switch bar {
                case .retirement(let year):
                    "pinned to \(position.id), but \(reaches(year, scenario)) and must leave under the hard retirement rule"
                case .localHead:
                    "pinned as \(position.title) of \(position.unit), but is local there; the hard non-local rule keeps local cadres from head posts"
                case .tenure(let years, let limit):
                    "pinned to \(position.id), their own post, but has \(years) years there; the hard tenure limit is \(limit)"
                }
            }
            if let holder = position.incumbent, holder != cadre.id, let h = facts.cadreIndex[holder], scenario.cadres[h].locked {
                messages.append("pinned to \(position.id), but its incumbent \(holder) is locked there")
            }
            // A lock keeps the cadre in their own post: a pin elsewhere asks for both.
            if cadre.locked, let own = facts.postOfIncumbent[cadre.id], own != p {
                messages.append("pinned to \(position.id), but is locked in their own post \(scenario.positions[own].id)")
            }
            for message in messages {
                warnings.append(ScenarioProblem(path: "pinned[\(index)]", location: nil, entity: "cadre \(cadre.id)", message: message))
            }
        }
        return warnings
    }
}
