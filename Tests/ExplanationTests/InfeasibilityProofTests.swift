import Foundation
import Planner
import TestSupport
import Testing

/// "No plan" is an answer only with its proof: conflicts the scenario makes evident are named
/// before any model is solved, and what only the LP shows is certified by row prices checked in
/// Swift. Each answer is confirmed by solving: the conflicts conflict, and the round without one
/// rule of each has a plan (issue 17).
@Suite("No plan, proven: evident conflicts before solving, LP certificates after")
struct InfeasibilityProofTests {
    typealias F = Fixtures

    /// Three incumbents locked where the hard rules forbid them (retirement age, tenure, a local
    /// head), and one locked where nothing forbids it.
    func impossibleLocks() -> Scenario {
        F.scenario(
            positions: [
                F.post("P1", title: "chair", incumbent: "C1"), F.post("P2", incumbent: "C2"),
                F.post("P3", title: "secretary", incumbent: "C3"), F.post("P4", incumbent: "C4"),
            ],
            cadres: [
                F.cadre("C1", rating: 80, age: 66, locked: true), F.cadre("C2", rating: 70, yearsInPost: 12, locked: true),
                F.cadre("C3", rating: 75, home: "north", locked: true), F.cadre("C4", rating: 60, locked: true),
                F.cadre("C5", rating: 65),
            ],
            policy: F.policy {
                $0.retirement.mode = .hard
                $0.locks.mode = .hard
                $0.tenure.mode = .hard
                $0.tenure.maxYears = 10
                $0.nonLocalHeads.mode = .hard
            })
    }

    @Test("Three impossible locks: solve answers from the rules alone, each conflict a lock and the rule against it")
    func locksBeforeSolving() throws {
        let scenario = impossibleLocks()
        let plan = try F.solve(scenario)
        #expect(plan.status == .infeasible)
        #expect(plan.search == nil, "no model is solved")
        let proof = try #require(plan.infeasibility)
        #expect(proof.method == .conflictingRules)
        let conflicts = try #require(proof.conflicts)
        #expect(conflicts.map { $0.map(\.rule) } == [["locks", "retirement"], ["locks", "tenure"], ["locks", "nonLocalHeads"]])
        #expect(conflicts.map { $0[0].subject } == ["cadre C1", "cadre C2", "cadre C3"])
        // Each conflict conflicts, by solving, and each of its two rules alone does not.
        let instances: [[RuleInstance]] = [
            [.lock(cadre: 0), .cadreRule(rule: "retirement", cadre: 0)], [.lock(cadre: 1), .tenure(position: 1)],
            [.lock(cadre: 2), .requirement(rule: "nonLocalHeads", position: 2)],
        ]
        for conflict in instances {
            #expect(try Planner.conflicts(conflict, in: scenario) == true, "\(conflict)")
            for member in conflict { #expect(try Planner.conflicts(conflict.filter { $0 != member }, in: scenario) == false) }
        }
    }

    @Test("The diagnosis of the same round: the three locks are the fewest to relax, proven by a plan without them")
    func locksDiagnosed() throws {
        let scenario = impossibleLocks()
        let result = try Planner.diagnosis(scenario, sha256: "test")
        #expect(result.fewest == [.lock(cadre: 0), .lock(cadre: 1), .lock(cadre: 2)])
        #expect(result.document.fewestYieldsPlan == true)
        #expect(try Planner.hasPlan(dropping: result.fewest, in: scenario) == true)
        // Two of the three are not enough: the conflicts share no rule.
        #expect(try Planner.hasPlan(dropping: [.lock(cadre: 0), .lock(cadre: 1)], in: scenario) == false)
        #expect(result.conflict == [.lock(cadre: 0), .cadreRule(rule: "retirement", cadre: 0)])
        #expect(result.document.irreducible)
    }

    @Test("With the locks soft the same round has a plan: the rule changes the answer")
    func locksSoft() throws {
        var scenario = impossibleLocks()
        scenario.policy.locks.mode = .soft(price: 50)
        let plan = try F.solve(scenario)
        #expect(plan.status == .optimal)
        #expect(plan.infeasibility == nil)
    }

    @Test("A must-fill post nobody may hold: the must-fill rule and the fewest requirements that keep everyone out")
    func mustFillCover() throws {
        // C1 lacks the degree, C2 the rating, C3 both: education and rating together keep all three out.
        let scenario = F.scenario(
            positions: [F.post("P1", requirements: Requirements(minEducation: .master, minRating: 90), mustFill: true)],
            cadres: [
                F.cadre("C1", rating: 95, education: .bachelor), F.cadre("C2", rating: 80), F.cadre("C3", rating: 70, education: .bachelor),
            ],
            policy: F.policy {
                $0.mustFill.mode = .hard
                $0.education.mode = .hard
                $0.minRating.mode = .hard
            })
        let plan = try F.solve(scenario)
        #expect(plan.status == .infeasible)
        let conflicts = try #require(plan.infeasibility?.conflicts)
        #expect(conflicts.count == 1)
        #expect(Set(conflicts[0].map(\.rule)) == ["mustFill", "education", "minRating"])
        let instances: [RuleInstance] = [
            .mustFill(position: 0), .requirement(rule: "education", position: 0), .requirement(rule: "minRating", position: 0),
        ]
        #expect(try Planner.conflicts(instances, in: scenario) == true)
        for member in instances {
            #expect(try Planner.conflicts(instances.filter { $0 != member }, in: scenario) == false, "without \(member)")
        }
    }

    @Test("Two pins on one post cannot both hold")
    func pinsOnOnePost() throws {
        let scenario = F.scenario(
            positions: [F.post("P1"), F.post("P2")], cadres: [F.cadre("C1", rating: 80), F.cadre("C2", rating: 70)],
            policy: F.policy { $0.locks.mode = .hard },
            pinned: [AssignmentPair(cadre: "C1", position: "P1"), AssignmentPair(cadre: "C2", position: "P1")])
        let plan = try F.solve(scenario)
        #expect(plan.status == .infeasible)
        #expect(plan.infeasibility?.conflicts?.first?.map(\.subject).count == 2)
        #expect(try Planner.conflicts([.pin(index: 0), .pin(index: 1)], in: scenario) == true)
        #expect(try Planner.conflicts([.pin(index: 0)], in: scenario) == false)
    }

    @Test("A women's share the women cannot reach: no rule alone shows it; bound propagation does, and without it the LP's row prices")
    func shareCertified() throws {
        // Two leadership posts that must be filled, one woman among the candidates: at most half
        // the filled posts can be women's, and the share asks 60 %.
        let scenario = F.scenario(
            positions: [F.post("P1", mustFill: true), F.post("P2", mustFill: true)],
            cadres: [F.cadre("W", rating: 70, gender: .female), F.cadre("M1", rating: 80), F.cadre("M2", rating: 75)],
            policy: F.policy {
                $0.mustFill.mode = .hard
                $0.women.mode = .hard
                $0.women.minShare = 0.6
            })
        let plan = try F.solve(scenario)
        #expect(plan.status == .infeasible)
        #expect(plan.search?.lpSolves == 0 && plan.search?.simplexIterations == 0, "no LP is solved")
        let propagated = try #require(plan.infeasibility)
        #expect(propagated.method == .boundPropagation)
        let row = try #require(propagated.row)
        #expect(propagated.text.contains("row \(row)"))
        // The LP's own proof, with propagation off: row prices under which no plan meets every row.
        var options = Planner.Options()
        options.propagateBounds = false
        let proof = try #require(try F.solve(scenario, options: options).infeasibility)
        #expect(proof.method == .lpCertificate)
        #expect((proof.certificateValue ?? 0) < 0)
        // At a share of 50 % the woman and one man make a plan: the share is what decides.
        var reachable = scenario
        reachable.policy.women.minShare = 0.5
        #expect(try F.solve(reachable).status == .optimal)
    }

    /// A team that needs a woman where the rules let no woman into its posts: not one of the
    /// conflicts looked for in the scenario before a model is built, but its row in the model
    /// (at least one woman among the team's holders) has no term that can be 1, and the solve
    /// says so without an LP.
    @Test("A team that must hold a woman, with no woman eligible: bound propagation proves it, and each rule decides")
    func teamRuleByPropagation() throws {
        let scenario = F.scenario(
            positions: [F.post("P1", title: "chair"), F.post("P2", title: "secretary")],
            cadres: [F.cadre("M1", rating: 80), F.cadre("M2", rating: 75), F.cadre("W", rating: 60, age: 66, gender: .female)],
            policy: F.policy {
                $0.retirement.mode = .hard
                $0.womenPerTeam.mode = .hard
            })
        let plan = try F.solve(scenario)
        #expect(plan.status == .infeasible)
        #expect(plan.search?.lpSolves == 0 && plan.search?.simplexIterations == 0, "no LP is solved")
        let proof = try #require(plan.infeasibility)
        #expect(proof.method == .boundPropagation)
        #expect(proof.conflicts == nil)
        // The woman past retirement age is what keeps her out: with retirement soft she is let in
        // and the team has its woman; with the team rule soft the two men fill the posts.
        var retiring = scenario
        retiring.policy.retirement.mode = .soft(price: 1)
        #expect(try F.solve(retiring).status == .optimal)
        var soft = scenario
        soft.policy.womenPerTeam.mode = .soft(price: 1)
        let withMen = try F.solve(soft)
        #expect(withMen.status == .optimal)
        #expect(Set(withMen.assignments.compactMap(\.cadre)) == ["M1", "M2"])
    }

    /// With time to check the fewest by a solve, the conflict is still the evident one, and the
    /// text says it was seen in the data, not "checked by solving" (it was until 2026-12-06: the
    /// text told an evident conflict by the diagnosis having solved nothing at all).
    @Test("An evident conflict is told as evident, even when the fewest were checked by solving")
    func evidentConflictWords() throws {
        let diagnosis = try Planner.diagnosis(impossibleLocks(), sha256: "test")
        #expect(diagnosis.document.solves >= 1, "the fewest were checked by a solve")
        #expect(diagnosis.document.fewestYieldsPlan == true)
        #expect(diagnosis.document.conflictEvident)
        let text = DiagnosisReport.text(diagnosis.document)
        #expect(text.contains("(evident from the scenario's data, no solve needed)"))
        #expect(text.contains("without them the round has a plan (checked by solving)"), "the fewest were")
        #expect(!text.contains("each checked by solving"), "the conflict was not")
        let json = String(decoding: try JSONEncoder().encode(diagnosis.document), as: UTF8.self)
        #expect(json.contains("\"conflictEvident\":true"))
        // A diagnosis written before the field existed reads as one found by solving. (The key
        // removed from the object, not from the text: the encoder's key order varies by run.)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object.removeValue(forKey: "conflictEvident") != nil)
        let older = try JSONSerialization.data(withJSONObject: object)
        #expect(try JSONDecoder().decode(Diagnosis.self, from: older).conflictEvident == false)
    }

    @Test("A diagnosis with no time left starts no solve, and says what it could not check")
    func diagnosisTimeLimit() throws {
        var options = Planner.Options()
        options.timeLimit = 0
        let evident = try Planner.diagnosis(impossibleLocks(), sha256: "test", options: options)
        #expect(evident.document.solves == 0)
        #expect(evident.document.fewestYieldsPlan == nil)
        // The evident conflict needs no solve and is still given.
        #expect(evident.conflict == [.lock(cadre: 0), .cadreRule(rule: "retirement", cadre: 0)])
        #expect(evident.document.conflictEvident)

        let path = F.packageRoot.appendingPathComponent("Scenarios/city-women-per-team-hard.json").path
        let loaded = try Planner.load(path)
        let started = Date()
        let searched = try Planner.diagnosis(loaded.scenario, sha256: loaded.sha256, options: options)
        #expect(searched.document.solves == 0)
        #expect(searched.conflict.isEmpty)
        #expect(Date().timeIntervalSince(started) < 60, "no search ran")
    }
}
