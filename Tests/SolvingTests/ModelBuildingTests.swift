import Planner
import TestSupport
import Testing

@testable import PlannerModel

/// The builder tests a large round's pairs on two threads (`RotationModelBuilder`, the halves of
/// each block of posts at once) and adds their columns in post order: the model must be the one a
/// single thread builds, column for column, or a plan could depend on the threads' timing.
@Suite("Building the model: the pair tests on two threads")
struct ModelBuildingTests {
    typealias F = Fixtures

    @Test("The city round's model, and a diagnosis's elastic model over every pair, are the same built on one thread or two")
    func sameModelOnTwoThreads() throws {
        let loaded = try Planner.load(F.packageRoot.appendingPathComponent("Scenarios/city.json").path)
        let facts = ScenarioFacts(loaded.scenario)
        // 606 posts and 583 cadres: past the pairs worth a second thread.
        #expect(facts.scenario.positions.count * facts.scenario.cadres.count >= RotationModelBuilder.pairsWorthASecondThread)
        let relaxations = [
            RuleRelaxation.none,
            RuleRelaxation(treatment: { _ in .elastic }, elasticPairsPerPost: .max, elasticPairsBreakingAtMost: 2, elasticPrice: 100),
        ]
        for relaxation in relaxations {
            let two = RotationModelBuilder.build(facts: facts, relaxation: relaxation, pairTestsOnTwoThreads: true)
            let one = RotationModelBuilder.build(facts: facts, relaxation: relaxation, pairTestsOnTwoThreads: false)
            #expect(two.model.columns.count > 10_000)
            #expect(two.model == one.model)
            #expect(two.meanings == one.meanings)
            #expect(two.elasticIndicators.map(\.instance) == one.elasticIndicators.map(\.instance))
            #expect(two.elasticPairsByBreaks == one.elasticPairsByBreaks)
        }
    }
}
