import Foundation
import PlannerGLPK
import TestSupport
import Testing

@testable import Planner

/// The stated order among plans of equal objective (docs/model.md, "One plan among equals"):
/// worked by hand on rounds of two posts, checked against every plan of tiny random rounds, and
/// shown not to depend on the order of the file's lists.
@Suite("One plan among equals")
struct PreferenceTests {
    typealias F = Fixtures

    /// C1 holds P1; C2, as good, waits in the pool. Keeping C1 and appointing C2 in C1's place
    /// (C1 released, at no price: the release rule is off) are worth the same, 8 points. Kept:
    /// no one changes post. Swapped: two people do (C2 appointed, C1 released). The stated
    /// order keeps C1, whichever cadre the file lists first.
    @Test("Fewest changes first: the incumbent stays rather than an equal newcomer", arguments: [false, true])
    func fewestChanges(reversed: Bool) throws {
        var cadres = [F.cadre("C1", rating: 80), F.cadre("C2", rating: 80)]
        if reversed { cadres.reverse() }
        let scenario = F.scenario(positions: [F.post("P1", incumbent: "C1")], cadres: cadres)
        let plan = try F.solve(scenario)
        #expect(plan.objective == 8)
        #expect(F.holders(plan) == ["P1": "C1"])
        #expect(plan.preference?.stages.first?.value == 0)
    }

    /// Two vacant posts, two pool cadres of equal rating: either pairing is worth 14 points and
    /// appoints two people. The last key decides: posts ranked by weight (P-B, weight 2, above
    /// P-A), cadres of equal rating by id (C-1 above C-2), and the higher-ranked cadre goes to
    /// the higher-ranked post: C-1 to P-B (rank score 2·2 + 1·1 = 5 against 2·1 + 1·2 = 4).
    /// The objective cannot tell: 70 · 2/10 + 70 · 1/10 either way.
    @Test("Then the better-ranked cadre in the better-ranked post, by weight and then by id", arguments: 0..<4)
    func ratingByRank(order: Int) throws {
        var cadres = [F.cadre("C-1", rating: 70), F.cadre("C-2", rating: 70)]
        var posts = [F.post("P-A", weight: 1), F.post("P-B", weight: 2)]
        if order & 1 != 0 { cadres.reverse() }
        if order & 2 != 0 { posts.reverse() }
        let plan = try F.solve(F.scenario(positions: posts, cadres: cadres))
        #expect(abs((plan.objective ?? 0) - 21) < 1e-9)
        #expect(F.holders(plan) == ["P-A": "C-2", "P-B": "C-1"])
        #expect(plan.preference?.stages.map(\.key) == ["fewestChanges", "ratingByRank"])
        #expect(plan.preference?.stages.last?.value == 5)
        #expect(plan.preference?.stages.allSatisfy(\.proven) == true)
    }

    @Test("Without the stated order (--any-optimum) the plan has the same objective and no preference record")
    func anyOptimum() throws {
        let scenario = F.scenario(
            positions: [F.post("P1", incumbent: "C1")], cadres: [F.cadre("C2", rating: 80), F.cadre("C1", rating: 80)])
        var options = Planner.Options()
        options.preferAmongEquals = false
        let plan = try F.solve(scenario, options: options)
        #expect(plan.objective == 8)
        #expect(plan.preference == nil)
        #expect(try F.solve(scenario).preference != nil)
    }

    /// The keys as this test computes them, from the scenario and the holders alone: the number
    /// of cadres whose post changes (a cadre who retires this round and leaves is not a change),
    /// and Σ rank(post) · rank(cadre) with both ranked as docs/model.md states.
    static func keys(_ scenario: Scenario, holders: [String?]) -> (changes: Int, rankScore: Int) {
        let facts = ScenarioFacts(scenario)
        var after: [String: String] = [:]
        for (position, holder) in zip(scenario.positions, holders) { if let holder { after[holder] = position.id } }
        var changes = 0
        for cadre in scenario.cadres {
            let before = facts.postOfIncumbent[cadre.id].map { scenario.positions[$0].id }
            guard before != after[cadre.id] else { continue }
            if after[cadre.id] == nil, facts.retiresInRound(cadre) { continue }
            changes += 1
        }
        let postsAscending = scenario.positions.sorted { ($0.weight, $1.id) < ($1.weight, $0.id) }.map(\.id)
        let cadresAscending = scenario.cadres.sorted { ($0.rating, $1.id) < ($1.rating, $0.id) }.map(\.id)
        var score = 0
        for (position, holder) in zip(scenario.positions, holders) {
            guard let holder else { continue }
            score += (postsAscending.firstIndex(of: position.id)! + 1) * (cadresAscending.firstIndex(of: holder)! + 1)
        }
        return (changes, score)
    }

    @Test("On 60 random tiny rounds, the plan is the one the stated order prefers among every optimal plan", arguments: 0..<60)
    func bruteForce(seed: Int) throws {
        let scenario = RandomRound.make(seed: UInt64(seed))
        let accepted = RandomRound.acceptedPlans(scenario)
        guard let best = accepted.map(\.objective).max() else { return }
        let optimal = accepted.filter { abs($0.objective - best) < 1e-6 }
        // Fewer changes first, then the larger rank score.
        let preferred = optimal.map { Self.keys(scenario, holders: $0.holders) }.max {
            ($0.changes, -$0.rankScore) > ($1.changes, -$1.rankScore)
        }!
        let plan = try F.solve(scenario)
        let holders = scenario.positions.map { position in plan.assignments.first { $0.position == position.id }?.cadre }
        let mine = Self.keys(scenario, holders: holders)
        #expect(plan.status == .optimal)
        #expect(abs((plan.objective ?? .nan) - best) < 1e-6)
        #expect(
            mine.changes == preferred.changes && mine.rankScore == preferred.rankScore,
            "seed \(seed): \(optimal.count) optimal plans; the plan's keys \(mine), the preferred \(preferred)")
    }

    /// The stages run on the solver's own problem, from its proof's basis (`Planner.solve`), and
    /// as models of their own (`PreferenceOrder.prefer` on a result without them, as after a
    /// solve by parts) must reach the same proven key values: each stage is an exact optimum.
    @Test("Stages on the solver's problem and as models of their own reach the same keys", arguments: [3, 11, 29])
    func stagesInPlaceAndApart(seed: Int) throws {
        let scenario = ScenarioGenerator.generate(size: .small, seed: UInt64(seed))
        let plan = try F.solve(scenario)
        let inPlace = try #require(plan.preference)
        #expect(inPlace.stages.count == 2)
        #expect(inPlace.stages.allSatisfy { $0.proven })

        let rotation = Planner.buildModel(scenario)
        var options = Planner.Options()
        let solver = GLPKSolver()
        let primary = try Planner.solveModel(rotation, options: &options, solver: solver)
        #expect(primary.stages == nil)
        let apart = try PreferenceOrder.prefer(primary, rotation: rotation, options: options, solver: solver, since: Date()).record
        #expect(apart.stages.map(\.key) == inPlace.stages.map(\.key))
        #expect(apart.stages.map(\.value) == inPlace.stages.map(\.value), "seed \(seed)")
        #expect(apart.stages.allSatisfy { $0.proven })
    }
}
