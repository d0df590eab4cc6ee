import Planner
import Testing

/// `ScenarioFacts` works out some facts once per cadre, for the model builder's pair tests
/// (docs/performance.md, step 12). They must say what the facts derived from each record say.
@Suite("Facts worked out once per cadre")
struct ScenarioFactsTests {
    @Test(
        "The own post, the retirement year and every planning match agree with those derived from the records",
        arguments: [(ScenarioGenerator.Size.tutorial, UInt64(1)), (.small, 3), (.small, 5)])
    func factsPerCadreAgree(size: ScenarioGenerator.Size, seed: UInt64) {
        var scenario = ScenarioGenerator.generate(size: size, seed: seed)
        // Every kind of planning entry: one post and a title in the first unit's locality (a
        // commune: posts of that title elsewhere are not covered), a title anywhere.
        let post = scenario.positions[1]
        scenario.cadres[0].plannedFor += [PlanningEntry.postPrefix + post.id, "\(post.title)@\(scenario.units[0].locality)"]
        scenario.cadres[1].plannedFor += [post.title]
        let facts = ScenarioFacts(scenario)
        var planned = 0
        var disagreements: [String] = []
        for (c, cadre) in scenario.cadres.enumerated() {
            if facts.ownPosition[c] != facts.postOfIncumbent[cadre.id] { disagreements.append("own post of \(cadre.id)") }
            if facts.retirementYears[c] != facts.retirementYear(cadre) { disagreements.append("retirement year of \(cadre.id)") }
            for (p, position) in scenario.positions.enumerated() {
                let once = facts.isPlanned(cadre: c, position: p)
                if once != facts.isPlanned(cadre, for: position) { disagreements.append("\(cadre.id) planned for \(position.id)") }
                if once { planned += 1 }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
        #expect(facts.isPlanned(cadre: 0, position: 1))
        // The rounds plan cadres for posts, so the comparison covered both answers.
        #expect(planned > 0 && planned < scenario.cadres.count * scenario.positions.count)
    }
}
