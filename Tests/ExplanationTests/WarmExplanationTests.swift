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
                #expect(x.changes.count == y.changes.count, "\(post) \(x.cadre): as few other changes")
                if x.brokenRules.isEmpty, x.objective != nil { forced += 1 }
                try verifyForcedPlan(x, plan: warm.plan, scenario: scenario)
                try verifyForcedPlan(y, plan: cold.plan, scenario: scenario)
            }
        }
        #expect(forced > 0)
        // Every contrast the rules allow was re-solved warm.
        #expect(lines.lines.count { $0.contains("warm re-solve from the kept basis") } == forced)
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
