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
        // The stated order's values, recorded by the solve, are derived again from the assignments.
        #expect(broken { _ in }.isEmpty && good.preference?.stages.count == 2)
        #expect(broken { $0.preference!.stages[1].value += 1 }.contains("preference"))
        // The order is the stated one, its stages in it: a record reversed describes no solve.
        #expect(broken { $0.preference!.order.reverse() }.contains("preference"))
        #expect(broken { $0.preference!.stages.reverse() }.contains("preference"))
        #expect(!broken { $0.preference!.stages.removeLast() }.contains("preference"))
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

    /// The verifier applies a title's own tenure limit: the plan where the tax director keeps
    /// the post after 4 years passes under the general limit and fails once tax directors
    /// rotate after 3, the message naming the title and its limit.
    @Test("A plan that keeps a post past its title's periodic-rotation limit breaks tenure")
    func periodicRotation() throws {
        var policy = F.allOff
        policy.tenure.mode = .hard
        let make = { (policy: Policy) in
            F.scenario(
                positions: [F.post("TAX", title: "tax-director", incumbent: "T")], cadres: [F.cadre("T", rating: 80, yearsInPost: 4)],
                policy: policy)
        }
        let plan = try Planner.solve(make(policy), sha256: "x")
        #expect(F.holders(plan) == ["TAX": "T"])
        #expect(PlanVerifier.verify(plan, against: make(policy)).isValid)
        policy.tenure.yearsByTitle = ["tax-director": 3]
        let violations = PlanVerifier.verify(plan, against: make(policy)).violations
        #expect(violations.map(\.rule) == ["tenure"])
        #expect(violations.first?.message.contains("the limit for \"tax-director\" is 3") == true)
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
