import Foundation
import Planner
import TestSupport
import Testing

/// When the hard rules admit no slates, `planner succession` names the rules that cannot all
/// hold together (`Planner.successionConflict`), and each claim is checked here by solving.
@Suite("Succession: the hard rules in conflict, named and checked by solving")
struct SuccessionConflictTests {
    typealias F = Fixtures

    /// Four chairs, one successor each (hard: at least and at most one); X (90) is a woman, Y
    /// (50) a man; a cadre on three slates at most (hard); women only on the list (hard, 100 %).
    /// X may fill three slates and Y may not be on any: the fourth stays empty. The three rules
    /// all take part: slate size off, a slate may stay empty; slates per cadre off, X fills all
    /// four; the women's share off, Y fills the fourth. The time to serve (hard by default)
    /// takes no part: both have a full term left.
    static func scenario(_ change: (inout SuccessionPolicy) -> Void = { _ in }) -> Scenario {
        let units = (1...4).map { OrgUnit(id: "U\($0)", name: "Unit \($0)", locality: "north", grassroots: true) }
        let positions = [1.0, 0.9, 0.8, 0.7].enumerated().map { i, weight in
            F.post("P\(i + 1)", title: "chair", unit: "U\(i + 1)", weight: weight)
        }
        var policy = F.successionByRating
        policy.succession.slateSize.mode = .hard
        policy.succession.slateSize.min = 1
        policy.succession.slateSize.max = 1
        policy.succession.slatesPerCadre.mode = .hard
        policy.succession.slatesPerCadre.max = 3
        policy.succession.women.mode = .hard
        policy.succession.women.minShare = 1
        change(&policy.succession)
        return F.scenario(
            positions: positions, cadres: [F.cadre("X", rating: 90, gender: .female), F.cadre("Y", rating: 50)], policy: policy,
            units: units)
    }

    @Test("Slate size, slates per cadre and the women's share, worked by hand; each, switched off, gives slates the verifier accepts")
    func threeRules() throws {
        let scenario = Self.scenario()
        #expect(try F.succession(scenario).status == .infeasible)
        let conflict = try Planner.successionConflict(scenario, sha256: "test", deadline: .distantFuture)
        #expect(conflict.rules == ["succession.slateSize", "succession.slatesPerCadre", "succession.women"])
        #expect(conflict.notFound == nil)

        // The conflict alone: every other hard rule off, still no slates.
        let alone = Self.scenario { $0.timeToServe.mode = .off }
        #expect(try F.succession(alone).status == .infeasible)
        // Any one of its rules off as well: slates, verified (F.succession re-checks every plan).
        var withoutSize = alone
        withoutSize.policy.succession.slateSize.mode = .off
        #expect(F.slates(try F.succession(withoutSize)) == ["P1": ["X"], "P2": ["X"], "P3": ["X"], "P4": []])
        var withoutLimit = alone
        withoutLimit.policy.succession.slatesPerCadre.mode = .off
        #expect(F.slates(try F.succession(withoutLimit)) == ["P1": ["X"], "P2": ["X"], "P3": ["X"], "P4": ["X"]])
        var withoutWomen = alone
        withoutWomen.policy.succession.women.mode = .off
        #expect(F.slates(try F.succession(withoutWomen)) == ["P1": ["X"], "P2": ["X"], "P3": ["X"], "P4": ["Y"]])
    }

    @Test("Without the women's rule the conflict is slate size and slates per cadre: two people cannot fill four slates one each")
    func slateSizeAndSlatesPerCadre() throws {
        let scenario = Self.scenario {
            $0.women.mode = .off
            $0.slatesPerCadre.max = 1
        }
        let conflict = try Planner.successionConflict(scenario, sha256: "test", deadline: .distantFuture)
        #expect(conflict.rules == ["succession.slateSize", "succession.slatesPerCadre"])
        var twoEach = scenario
        twoEach.policy.succession.slatesPerCadre.max = 2
        #expect(try F.succession(twoEach).status == .optimal)
    }

    @Test("No time left: no rule is named, and the record says the time ran out")
    func noTime() throws {
        let conflict = try Planner.successionConflict(Self.scenario(), sha256: "test", deadline: Date())
        #expect(conflict.rules.isEmpty)
        #expect(conflict.notFound == .timeLimit)
    }
}
