import Foundation
import Planner
import TestSupport
import Testing

/// `explain` re-solves each runner-up forced into the post from the round kept alive after the
/// plan's proof (issue 21). Warm or cold, a contrast must say the same thing: the same loss, the
/// same tie and deciding key, as few other changes; and every forced plan is a plan of the round
/// the independent verifier accepts, with the objective the contrast states.
@Suite("Explanations re-solved warm: the contrasts a cold re-solve gives")
struct WarmExplanationTests {
    @Test("Generated rounds, three posts each: warm and cold contrasts agree, every forced plan verified", arguments: [3, 11])
    func warmAndCold(seed: Int) throws {
        let scenario = ScenarioGenerator.generate(size: .small, seed: UInt64(seed))
        let lines = LineCollector()
        var options = Planner.Options()
        options.log = lines.receive
        let warm = try Explainer(scenario, sha256: "test", options: options)
        let cold = try Explainer(scenario, sha256: "test", warmResolves: false)
        #expect(warm.plan.assignments == cold.plan.assignments)
        let posts = warm.plan.assignments.filter { $0.cadre != nil }.map(\.position).sorted().prefix(3)
        var forced = 0
        for post in posts {
            let a = try warm.explain(position: try warm.position(post), runnersUp: 3)
            let b = try cold.explain(position: try cold.position(post), runnersUp: 3)
            #expect(a.contrasts.map(\.cadre) == b.contrasts.map(\.cadre))
            for (x, y) in zip(a.contrasts, b.contrasts) {
                #expect(x.status == y.status, "\(post) \(x.cadre)")
                #expect(abs((x.loss ?? .nan) - (y.loss ?? .nan)) < 1e-6 || (x.loss == nil && y.loss == nil), "\(post) \(x.cadre)")
                #expect(x.tie?.key == y.tie?.key, "\(post) \(x.cadre)")
                // The same people, not only as many: the stated order's last key decides among
                // equally few changes, whichever path the solver took (warm or cold).
                #expect(x.changes == y.changes, "\(post) \(x.cadre): the same other changes")
                if x.brokenRules.isEmpty, x.objective != nil { forced += 1 }
                try verifyForcedPlan(x, plan: warm.plan, scenario: scenario)
                try verifyForcedPlan(y, plan: cold.plan, scenario: scenario)
            }
        }
        #expect(forced > 0)
        // Every contrast the rules allow was re-solved warm.
        #expect(lines.lines.count { $0.contains("warm re-solve from the kept basis") } == forced)
    }

    /// Which forced plan a contrast shows is the stated order's, not the solver's path: with the
    /// pricing in batches of 50 columns, or every column in from the start, the LPs visit other
    /// vertices, and every contrast must still list the same changes. On the city round, before
    /// the rank key followed the closest-plan stage, the batch size changed the people two
    /// contrasts of P-C001-CHA listed; of generated rounds 1 to 12, without the key, this test
    /// failed on seeds 1 and 10 (and passed on 3 and 11, which it used to run).
    @Test("Generated rounds: the same contrasts whatever the pricing's path", arguments: [1, 10])
    func sameContrastsWhateverThePath(seed: Int) throws {
        let scenario = ScenarioGenerator.generate(size: .small, seed: UInt64(seed))
        var smallBatches = Planner.Options()
        smallBatches.pricingBatch = 50
        var everyColumn = Planner.Options()
        everyColumn.candidatesPerPost = 0
        let explainers = try [Planner.Options(), smallBatches, everyColumn].map { try Explainer(scenario, sha256: "test", options: $0) }
        let posts = explainers[0].plan.assignments.filter { $0.cadre != nil }.map(\.position).sorted().prefix(3)
        var compared = 0
        for post in posts {
            let answers = try explainers.map { try $0.explain(position: try $0.position(post), runnersUp: 3) }
            for other in answers.dropFirst() {
                #expect(other.contrasts == answers[0].contrasts, "\(post)")
            }
            for contrast in answers[0].contrasts {
                try verifyForcedPlan(contrast, plan: explainers[0].plan, scenario: scenario)
                if !contrast.changes.isEmpty { compared += 1 }
            }
        }
        #expect(compared > 0)
    }

    /// The forced plan a contrast describes (the plan with its listed changes), scored and
    /// verified on its own: it keeps every hard rule and has the contrast's objective.
    func verifyForcedPlan(_ contrast: Contrast, plan: Plan, scenario: Scenario) throws {
        guard contrast.brokenRules.isEmpty, let objective = contrast.objective else { return }
        var holders = Dictionary(plan.assignments.compactMap { a in a.cadre.map { (a.position, $0) } }, uniquingKeysWith: { a, _ in a })
        for change in contrast.changes {
            if let old = change.inPlan, holders[old] == change.cadre { holders[old] = nil }
        }
        for change in contrast.changes { if let new = change.instead { holders[new] = change.cadre } }
        #expect(holders[contrast.position] == contrast.cadre)
        let forcedPlan = try #require(
            Planner.plan(holding: holders, in: scenario, sha256: "test"), "\(contrast.position) \(contrast.cadre): no plan of the round")
        let check = PlanVerifier.verify(forcedPlan, against: scenario)
        #expect(check.isValid, "\(contrast.position) \(contrast.cadre): \(check.violations)")
        #expect(abs((forcedPlan.objective ?? .nan) - objective) < 1e-6, "\(contrast.position) \(contrast.cadre)")
    }
}

/// Collects the solver's log lines, from whichever thread writes them.
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []
    var lines: [String] { lock.withLock { collected } }
    var receive: @Sendable (String) -> Void { { line in self.lock.withLock { self.collected.append(line) } } }
}
