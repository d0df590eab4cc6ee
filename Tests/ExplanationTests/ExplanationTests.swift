import Planner
import TestSupport
import Testing

/// `planner explain` on a round small enough to follow by hand: every contrast is re-solved
/// by GLPK, and its loss is the one worked out here.
///
/// P1 (chair, weight 2) and P2 (vice-chair, weight 1) both ask for a master's degree. Only the
/// rating counts (fit = weight × rating / 10). A (90), B (80) and C (60) qualify; D (95) holds a
/// bachelor's. The plan: A in P1 (18) and B in P2 (8), objective 26.
@Suite("Why this proposal: explanations re-solved, with losses known by hand")
struct ExplanationTests {
    typealias F = Fixtures

    var scenario: Scenario {
        var policy = F.allOff
        policy.education.mode = .hard
        let master = Requirements(minEducation: .master)
        return F.scenario(
            positions: [F.post("P1", title: "chair", requirements: master, weight: 2), F.post("P2", requirements: master)],
            cadres: [
                F.cadre("A", rating: 90), F.cadre("B", rating: 80), F.cadre("C", rating: 60),
                F.cadre("D", rating: 95, education: .bachelor),
            ],
            policy: policy)
    }

    func explainer() throws -> Explainer {
        let explainer = try Explainer(scenario, sha256: "test")
        #expect(explainer.plan.objective == 26)
        #expect(F.holders(explainer.plan) == ["P1": "A", "P2": "B"])
        return explainer
    }

    @Test("For a post: the holder's fit, the runners-up re-solved, the cadre one rule keeps out")
    func post() throws {
        let explainer = try explainer()
        let explanation = try explainer.explain(position: explainer.position("P1"), runnersUp: 2)
        #expect(explanation.cadre == "A" && explanation.outcome == "appointment")
        #expect(explanation.fit?.rating == 18 && explanation.fit?.total == 18)
        // B in P1 (16) with A in P2 (9): 25, one less. C in P1 (12), A in P2 (9), B out: 21, five less.
        let contrasts = Dictionary(uniqueKeysWithValues: explanation.contrasts.map { ($0.cadre, $0) })
        #expect(contrasts["B"]?.loss == 1)
        #expect(
            contrasts["B"]?.changes == [
                PostChange(cadre: "B", inPlan: "P2", instead: "P1"), PostChange(cadre: "A", inPlan: "P1", instead: "P2"),
            ])
        #expect(contrasts["C"]?.loss == 5)
        #expect(Set(contrasts["C"]?.changes.map(\.cadre) ?? []) == ["A", "B", "C"])
        #expect(explanation.contrasts.map(\.cadre) == ["B", "C"])
        // D fits best (19) but lacks the degree: the first reason, the rule and his own numbers.
        let d = try #require(explanation.leftOut.first { $0.cadre == "D" })
        #expect(!d.eligible)
        #expect(d.reason == "not eligible (education): has bachelor; P1 requires master or higher")
    }

    @Test("Fewer runners-up: the others are listed with their fit, not re-solved")
    func fewerRunnersUp() throws {
        let explainer = try explainer()
        let explanation = try explainer.explain(position: explainer.position("P1"), runnersUp: 1)
        #expect(explanation.contrasts.map(\.cadre) == ["B"])
        #expect(explanation.leftOut.first { $0.cadre == "C" }?.reason == "eligible; fit 12, the holder's 18 (not re-solved)")
    }

    @Test("Why not D in P1: forced past the education rule it breaks, the plan would gain 2")
    func whyNot() throws {
        let explainer = try explainer()
        let explanation = try explainer.whyNot(cadre: explainer.cadre("D"), position: explainer.position("P1"))
        let contrast = try #require(explanation.contrasts.first)
        #expect(contrast.brokenRules.map(\.rule) == ["education"])
        // D in P1 (19) and A in P2 (9): 28. The rule, not the plan, keeps D out.
        #expect(contrast.objective == 28 && contrast.loss == -2)
        #expect(contrast.changes.first == PostChange(cadre: "D", inPlan: nil, instead: "P1"))
        #expect(Set(contrast.changes.map(\.cadre)) == ["A", "B", "D"])
    }

    @Test("For a cadre: their post, and the other post the rules allow them, re-solved")
    func cadre() throws {
        let explainer = try explainer()
        let explanation = try explainer.explain(cadre: explainer.cadre("B"))
        #expect(explanation.position == "P2" && explanation.fit?.total == 8)
        #expect(explanation.contrasts.map(\.position) == ["P1"])
        #expect(explanation.contrasts.first?.loss == 1)
    }

    @Test("A cadre locked in their post: forcing them elsewhere names the lock")
    func lockedElsewhere() throws {
        var policy = F.allOff
        policy.locks.mode = .hard
        let locked = F.scenario(
            positions: [F.post("P1", incumbent: "A"), F.post("P2")],
            cadres: [F.cadre("A", rating: 90, locked: true), F.cadre("B", rating: 70)], policy: policy)
        let explainer = try Explainer(locked, sha256: "test")
        let contrast = try #require(try explainer.whyNot(cadre: explainer.cadre("A"), position: explainer.position("P2")).contrasts.first)
        #expect(contrast.brokenRules.map(\.text) == ["is locked in P1"])
        #expect(contrast.status == .optimal)
        #expect(contrast.changes.first == PostChange(cadre: "A", inPlan: "P1", instead: "P2"))
    }

    @Test("solve --explain: a reason for every change, from the rules and the plan")
    func reasons() throws {
        var policy = F.allOff
        policy.tenure.mode = .hard
        policy.mustFill.mode = .hard
        let round = F.scenario(
            positions: [F.post("P1", title: "chair", incumbent: "A", mustFill: true), F.post("P2", incumbent: "B")],
            cadres: [F.cadre("A", rating: 90, yearsInPost: 11), F.cadre("B", rating: 60), F.cadre("C", rating: 70)], policy: policy)
        let plan = try F.solve(round)
        let reasons = Planner.reasons(for: plan, in: round)
        let byCadre = Dictionary(uniqueKeysWithValues: reasons.compactMap { r in r.cadre.map { ($0, r) } })
        // A may not keep P1 after eleven years: he takes P2; C fills P1, which must be filled.
        #expect(F.holders(plan) == ["P1": "C", "P2": "A"])
        #expect(byCadre["A"]?.reason.hasPrefix("may not stay in P1 (tenure: has held P1 for 11 years, at or past the limit of 10)") == true)
        #expect(byCadre["C"]?.reason.hasPrefix("P1 opens: A moves to P2 (it must be filled)") == true)
        #expect(byCadre["B"]?.kind == "release")
        #expect(reasons.count == plan.moves.count + plan.appointments.count + plan.releases.count + plan.vacancies.count)
    }
}
