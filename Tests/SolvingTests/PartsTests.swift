import Planner
import TestSupport
import Testing

/// A round of several cities falls into independent parts, solved one by one and certified over
/// the whole model (docs/performance.md, "Parts"). Each test solves the same round whole and by
/// parts (parts are used from 0 posts up here; from 2,000 by default) and compares.
@Suite("Solving a round part by part")
struct PartsTests {
    typealias F = Fixtures

    /// Two cities (north and south), each with a chair (weight 2, vacant) and a vice-chair held
    /// by A (90) in the north and B (80) in the south; each planned for its own city's chair.
    /// Only ratings count.
    func twoCities(movesMax: Int?, extra: [Cadre] = []) -> Scenario {
        var policy = F.allOff
        policy.planning.mode = .hard
        policy.planning.exemptSameTitle = false
        if let movesMax {
            policy.moves.mode = .hard
            policy.moves.max = movesMax
        }
        let units = [
            OrgUnit(id: "UN", name: "North", locality: "north", grassroots: true),
            OrgUnit(id: "US", name: "South", locality: "south", grassroots: true),
        ]
        return F.scenario(
            positions: [
                F.post("PN1", title: "chair", unit: "UN", weight: 2), F.post("PN2", unit: "UN", incumbent: "A"),
                F.post("PS1", title: "chair", unit: "US", weight: 2), F.post("PS2", unit: "US", incumbent: "B"),
            ],
            cadres: [F.cadre("A", rating: 90, plannedFor: ["chair@north"]), F.cadre("B", rating: 80, plannedFor: ["chair@south"])] + extra,
            policy: policy, units: units)
    }

    func solve(_ scenario: Scenario, byParts: Bool) throws -> Plan {
        var options = Planner.Options()
        options.partsMinimumPosts = byParts ? 0 : .max
        return try F.solve(scenario, options: options)
    }

    @Test("The parts of a round: the posts and cadres each city's planning joins")
    func parts() {
        let parts = Planner.buildModel(twoCities(movesMax: nil)).parts()
        #expect(parts == [RoundPart(positions: [0, 1], cadres: [0]), RoundPart(positions: [2, 3], cadres: [1])])
    }

    @Test("By parts, the same optimum as whole, proven over every column")
    func sameOptimum() throws {
        // Without a moves cap both vice-chairs move up: 18 + 16 = 34.
        let round = twoCities(movesMax: nil, extra: [F.cadre("C", rating: 70, plannedFor: ["vice-chair@north"])])
        let whole = try solve(round, byParts: false)
        let parted = try solve(round, byParts: true)
        #expect(whole.status == .optimal && parted.status == .optimal)
        #expect(parted.objective == whole.objective)
        #expect(F.holders(parted) == ["PN1": "A", "PN2": "C", "PS1": "B", "PS2": "vacant"])
        #expect(parted.search?.parts == 2 && whole.search?.parts == nil)
        let search = try #require(parted.search)
        #expect((search.provenBound ?? .infinity) < (parted.objective ?? 0) + (search.objectiveStep ?? 0))
    }

    /// One move in the whole round: A's (worth 9 more) beats B's (8). Shared out by incumbents,
    /// each city's cap is ⌊1 · 1/2⌋ = 0, so the parts' plan makes no move (17): not proven
    /// against the whole model's bound, the whole round is solved from it, and finds 26.
    @Test("A moves cap the parts cannot share: the whole round takes over from the parts' plan")
    func sharedCap() throws {
        let round = twoCities(movesMax: 1)
        let whole = try solve(round, byParts: false)
        let parted = try solve(round, byParts: true)
        #expect(whole.objective == 26 && parted.objective == 26)
        #expect(parted.status == .optimal)
        #expect(F.holders(parted) == ["PN1": "A", "PN2": "vacant", "PS1": "vacant", "PS2": "B"])
        #expect(parted.search?.parts == 2)
    }
}
