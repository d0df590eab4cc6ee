import Foundation
import Planner
import TestSupport
import Testing

/// The generated rounds the benchmark ladder runs on: valid files, the city's figures, some tens
/// of candidates per post, and a plan that keeps every hard rule, checked by the verifier.
@Suite("Generated rounds")
struct GeneratorTests {
    static let cases: [(ScenarioGenerator.Size, UInt64)] =
        [1, 2, 3, 4, 5, 6, 7, 8].map { (.tutorial, $0) } + [1, 2, 3, 4, 5, 6, 7].map { (.small, $0) } + [
            (.city, 2026), (.city, 7), (.communes, 2026),
        ]

    @Test("Every generated round has a plan that the independent verifier accepts: never infeasible", arguments: cases)
    func witnessKeepsEveryHardRule(size: ScenarioGenerator.Size, seed: UInt64) throws {
        let round = ScenarioGenerator.round(size: size, seed: seed)
        let plan = try #require(Planner.plan(holding: round.witness, in: round.scenario, sha256: "test"))
        #expect(Dictionary(uniqueKeysWithValues: plan.assignments.compactMap { a in a.cadre.map { (a.position, $0) } }) == round.witness)
        let check = PlanVerifier.verify(plan, against: round.scenario)
        #expect(check.violations.isEmpty, "\(check.violations.prefix(5).map(\.description))")
        // Every must-fill post is filled, and nobody moves: the witness needs no solver.
        #expect(round.scenario.positions.filter(\.mustFill).allSatisfy { round.witness[$0.id] != nil })
        #expect(plan.moves.isEmpty)
    }

    @Test("The rounds written to a file read back without a problem", arguments: [ScenarioGenerator.Size.tutorial, .city, .communes])
    func writtenRoundsAreValid(size: ScenarioGenerator.Size) throws {
        let scenario = ScenarioGenerator.generate(size: size, seed: 2026)
        let data = ScenarioWriter.encode(scenario)
        let result = try ScenarioReader.read(data: data, file: "\(size.rawValue).json")
        #expect(result.scenario.positions.count == scenario.positions.count)
        #expect(result.scenario.cadres.count == scenario.cadres.count)
    }

    @Test("The city rung has the 583 cadres' figures; the communes rung the 3,261 committee members'")
    func figures() {
        func count(_ scenario: Scenario) -> (incumbents: Int, women: Int, young: Int, master: Int, doctorate: Int) {
            let ids = Set(scenario.positions.compactMap(\.incumbent))
            let incumbents = scenario.cadres.filter { ids.contains($0.id) }
            return (
                incumbents.count, incumbents.count { $0.gender == .female }, incumbents.count { scenario.planningYear - $0.birthYear < 42 },
                incumbents.count { $0.education == .master }, incumbents.count { $0.education == .doctorate }
            )
        }
        let city = ScenarioGenerator.generate(size: .city, seed: 2026)
        #expect(city.positions.count == 606)
        let c = count(city)
        #expect(c.incumbents == 583 && c.women == 112 && c.young == 45 && c.master == 454 && c.doctorate == 52)
        let communes = ScenarioGenerator.generate(size: .communes, seed: 2026)
        #expect((3_200...3_400).contains(communes.positions.count))
        let m = count(communes)
        #expect(m.incumbents == 3261 && m.women == 991 && m.young == 689 && m.master == 1506 && m.doctorate == 34)
    }

    @Test("Each post has some tens of eligible candidates, not everyone", arguments: [ScenarioGenerator.Size.city, .communes])
    func someTensOfCandidates(size: ScenarioGenerator.Size) {
        let scenario = ScenarioGenerator.generate(size: size, seed: 2026)
        let rotation = Planner.buildModel(scenario)
        var candidates = [Int](repeating: 0, count: scenario.positions.count)
        for meaning in rotation.meanings { if case .assign(_, let p) = meaning { candidates[p] += 1 } }
        let median = candidates.sorted()[candidates.count / 2]
        #expect((15...60).contains(median), "median \(median) candidates per post")
        #expect(candidates.max()! < scenario.cadres.count / 4)
    }

    @Test("A round over several cities plans each city's cadres for its own posts")
    func citiesPlanTheirOwn() {
        let scenario = ScenarioGenerator.generate(size: .region, seed: 1)
        #expect(!scenario.policy.planning.exemptSameTitle)
        let entries = scenario.cadres.flatMap(\.plannedFor)
        #expect(!entries.isEmpty && entries.allSatisfy { $0.contains("@") })
        #expect(Set(entries.map { PlanningEntry($0).locality! }).count == 5)
    }
}
