import Planner
import TestSupport
import Testing

@Suite("The independent verifier")
struct VerifierTests {
    typealias F = Fixtures

    /// Two posts in one grassroots unit; hard youth, non-local and education rules. The optimum
    /// is unique: C1 keeps P1 (16 + 7 = 23 against 14 + 8 = 22 for the swap).
    var scenario: Scenario {
        var policy = F.allOff
        policy.youth.mode = .hard
        policy.nonLocalHeads.mode = .hard
        policy.education.mode = .hard
        return F.scenario(
            positions: [
                F.post("P1", title: "secretary", incumbent: "C1", weight: 2),
                F.post("P2", requirements: Requirements(minEducation: .master)),
            ],
            cadres: [
                F.cadre("C1", rating: 80, home: "south"), F.cadre("C2", rating: 70, age: 35),
                F.cadre("C3", rating: 90, home: "north", education: .bachelor),
            ],
            policy: policy)
    }

    @Test("A solved plan passes, and the objective it recomputes equals the solver's")
    func accepts() throws {
        let plan = try Planner.solve(scenario, sha256: "x")
        let check = PlanVerifier.verify(plan, against: scenario)
        #expect(check.isValid)
        #expect(abs((check.objective ?? 0) - (plan.objective ?? 1)) < 1e-9)
        #expect(F.holders(plan) == ["P1": "C1", "P2": "C2"])
    }

    @Test("Hand-broken plans are caught: each broken rule is named")
    func rejects() throws {
        let good = try Planner.solve(scenario, sha256: "x")
        func broken(_ edit: (inout Plan) -> Void) -> [String] {
            var plan = good
            edit(&plan)
            return PlanVerifier.verify(plan, against: scenario).violations.map(\.rule)
        }
        // The local, under-qualified C3 as secretary; the team loses its young member.
        let local = broken {
            $0.assignments[0] = PositionAssignment(position: "P1", cadre: "C3", outcome: .appointment)
        }
        #expect(local.contains("nonLocalHeads"))
        #expect(local.contains("plan"))  // the lists no longer match the assignments
        let uneducated = broken { $0.assignments[1] = PositionAssignment(position: "P2", cadre: "C3", outcome: .appointment) }
        #expect(uneducated.contains("education"))
        #expect(uneducated.contains("youth"))
        #expect(broken { $0.assignments[1] = PositionAssignment(position: "P2", cadre: "C1", outcome: .move) }.contains("assignment"))
        #expect(broken { $0.objective = (good.objective ?? 0) + 1 }.contains("objective"))
        #expect(broken { $0.assignments.removeLast() }.contains("plan"))
        #expect(broken { $0.assignments[1] = PositionAssignment(position: "P2", cadre: "C9", outcome: .appointment) }.contains("plan"))
    }

    @Test("A holder planned for the title only in another locality breaks the planning rule")
    func scopedPlanning() throws {
        var policy = F.allOff
        policy.planning.mode = .hard
        let make = { (entry: String) in
            F.scenario(positions: [F.post("P1", title: "chair")], cadres: [F.cadre("C1", rating: 80, plannedFor: [entry])], policy: policy)
        }
        let plan = try Planner.solve(make("chair@north"), sha256: "x")  // U1 lies in the north
        #expect(F.holders(plan) == ["P1": "C1"])
        #expect(PlanVerifier.verify(plan, against: make("chair@north")).isValid)
        #expect(PlanVerifier.verify(plan, against: make("chair@city")).isValid)
        #expect(PlanVerifier.verify(plan, against: make("chair@south")).violations.map(\.rule).contains("planning"))
        #expect(PlanVerifier.verify(plan, against: make("secretary@north")).violations.map(\.rule).contains("planning"))
    }

    @Test("On 60 random tiny rounds, GLPK's optimum equals the best plan found by trying every assignment", arguments: 0..<60)
    func bruteForce(seed: Int) throws {
        let scenario = RandomRound.make(seed: UInt64(seed))
        let best = RandomRound.bestByEnumeration(scenario)
        // Solved twice: from one candidate per post (most columns priced in, the optimum
        // certified by the dual bound) and from the whole model.
        for candidates in [1, 0] {
            var options = Planner.Options()
            options.candidatesPerPost = candidates
            let plan = try F.solve(scenario, options: options)
            if let best {
                #expect(plan.status == .optimal)
                #expect(
                    abs((plan.objective ?? .nan) - best) < 1e-6,
                    "seed \(seed), \(candidates) per post: GLPK \(plan.objective ?? .nan), enumeration \(best)")
            } else {
                #expect(plan.status == .infeasible)
            }
        }
    }
}

/// Tiny random rounds (3 posts, 4 cadres, every rule in a random mode) and an exhaustive
/// search over all assignments, scored by the verifier alone: no model builder involved.
enum RandomRound {
    static func make(seed: UInt64) -> Scenario {
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
    static func bestByEnumeration(_ scenario: Scenario) -> Double? {
        let choices = [nil] + scenario.cadres.map { Optional($0.id) }
        var best: Double?
        func visit(_ index: Int, _ chosen: [String?]) {
            if index == scenario.positions.count {
                let ids = chosen.compactMap { $0 }
                guard Set(ids).count == ids.count else { return }
                let plan = planFor(scenario, holders: chosen)
                let check = PlanVerifier.verify(plan, against: scenario)
                let hard = check.violations.filter { $0.rule != "objective" && $0.rule != "plan" }
                guard hard.isEmpty, let objective = check.objective else { return }
                if best == nil || objective > best! + 1e-9 { best = objective }
                return
            }
            for choice in choices { visit(index + 1, chosen + [choice]) }
        }
        visit(0, [])
        return best
    }

    /// A plan document for the given holders, with consistent lists, for the verifier to score.
    static func planFor(_ scenario: Scenario, holders: [String?]) -> Plan {
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
