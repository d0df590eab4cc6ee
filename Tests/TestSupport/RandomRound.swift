import Planner

/// Tiny random rounds (3 posts, 4 cadres, every rule in a random mode) and an exhaustive
/// search over all assignments, scored by the verifier alone: no model builder involved.
public enum RandomRound {
    public static func make(seed: UInt64) -> Scenario {
        var g = SeededRandom(seed: seed, salt: 17)
        var policy = Fixtures.allOff
        policy.retirement.mode = g.mode(5)
        policy.release.mode = g.mode(3)
        policy.education.mode = g.mode(2)
        policy.fields.mode = g.mode(2)
        policy.planning.mode = g.mode(2)
        policy.serviceLeft.mode = g.mode(2)
        policy.nonLocalHeads.mode = g.mode(2)
        policy.nonLocalHeads.minShare = [1, 0.5][g.int(2)]
        policy.tenure.mode = g.mode(2)
        policy.youth.mode = g.mode(3)
        policy.ageBalance.mode = g.mode(2)
        policy.ageBalance.minTeamSize = 2
        policy.women.mode = g.mode(2)
        policy.women.minShare = 0.4
        policy.womenPerTeam.mode = g.mode(1)
        policy.moves.mode = g.mode(1)
        policy.moves.max = g.int(2)
        policy.relatives.mode = g.mode(4)
        policy.locks.mode = g.mode(6)
        policy.mustFill.mode = g.mode(5)
        var weights = ObjectiveWeights()
        weights.movePrice = Double(g.int(3))
        weights.vacancyPrice = Double(g.int(3))
        let units = [
            OrgUnit(id: "U1", name: "North", locality: "north", grassroots: true),
            OrgUnit(id: "U2", name: "South", locality: "south", grassroots: false),
        ]
        let titles = ["secretary", "vice-chair", "chair"]
        let fields = ["law", "finance", "land"]
        var cadres: [Cadre] = []
        for i in 1...4 {
            cadres.append(
                Fixtures.cadre(
                    "C\(i)", rating: Double(50 + g.int(50)), age: [35, 45, 55, 60, 64][g.int(5)], gender: g.int(2) == 0 ? .male : .female,
                    home: ["north", "south", "city"][g.int(3)], education: [.bachelor, .master][g.int(2)], fields: [fields[g.int(3)]],
                    yearsInPost: 0, plannedFor: [titles[g.int(3)]], locked: g.int(8) == 0, relatives: []))
        }
        var positions: [Position] = []
        var incumbents = Set<Int>()
        for p in 1...3 {
            var incumbent: String?
            let c = g.int(5)
            if c < 4 && !incumbents.contains(c) {
                incumbents.insert(c)
                incumbent = cadres[c].id
                cadres[c].yearsInPost = [2, 11][g.int(2)]
            }
            positions.append(
                Position(
                    id: "P\(p)", unit: p == 3 ? "U2" : "U1", title: titles[g.int(3)],
                    requirements: Requirements(
                        minEducation: g.int(2) == 0 ? .master : nil, fields: g.int(2) == 0 ? [fields[g.int(3)]] : []),
                    incumbent: incumbent, mustFill: g.int(3) == 0, weight: Double(1 + g.int(3))))
        }
        for (i, cadre) in cadres.enumerated() where cadre.locked && !incumbents.contains(i) { cadres[i].locked = g.int(2) == 0 }
        if g.int(2) == 0 {
            cadres[0].relatives = ["C2"]
            cadres[1].relatives = ["C1"]
        }
        let pinned = g.int(5) == 0 ? [AssignmentPair(cadre: "C\(1 + g.int(4))", position: "P\(1 + g.int(3))")] : []
        var forbidden = g.int(4) == 0 ? [AssignmentPair(cadre: "C\(1 + g.int(4))", position: "P\(1 + g.int(3))")] : []
        forbidden.removeAll { pinned.contains($0) }
        return Fixtures.scenario(
            positions: positions, cadres: cadres, policy: policy, objective: weights, units: units,
            pinned: pinned, forbidden: forbidden)
    }

    /// The best objective over every assignment that the verifier accepts; nil when none is.
    public static func bestByEnumeration(_ scenario: Scenario) -> Double? {
        acceptedPlans(scenario).map(\.objective).max()
    }

    /// Every assignment of holders (post order) that the verifier accepts, with its objective.
    public static func acceptedPlans(_ scenario: Scenario) -> [(holders: [String?], objective: Double)] {
        let choices = [nil] + scenario.cadres.map { Optional($0.id) }
        var accepted: [(holders: [String?], objective: Double)] = []
        func visit(_ index: Int, _ chosen: [String?]) {
            if index == scenario.positions.count {
                let ids = chosen.compactMap { $0 }
                guard Set(ids).count == ids.count else { return }
                let check = PlanVerifier.verify(planFor(scenario, holders: chosen), against: scenario)
                let hard = check.violations.filter { $0.rule != "objective" && $0.rule != "plan" }
                guard hard.isEmpty, let objective = check.objective else { return }
                accepted.append((chosen, objective))
                return
            }
            for choice in choices { visit(index + 1, chosen + [choice]) }
        }
        visit(0, [])
        return accepted
    }

    /// A plan document for the given holders, with consistent lists, for the verifier to score.
    public static func planFor(_ scenario: Scenario, holders: [String?]) -> Plan {
        var former: [String: String] = [:]
        for position in scenario.positions { if let id = position.incumbent { former[id] = position.id } }
        var plan = Plan(
            scenario: ScenarioIdentity(name: "", planningYear: scenario.planningYear, sha256: ""),
            producedBy: Provenance(planner: "", solver: "enumeration", solverVersion: "", parameters: SolveParameters()),
            status: .feasible, objective: 0)
        for (position, holder) in zip(scenario.positions, holders) {
            guard let holder else {
                plan.assignments.append(PositionAssignment(position: position.id, cadre: nil, outcome: .vacant))
                continue
            }
            let outcome: Outcome = former[holder] == position.id ? .stay : (former[holder] == nil ? .appointment : .move)
            plan.assignments.append(PositionAssignment(position: position.id, cadre: holder, outcome: outcome))
        }
        return plan
    }
}
