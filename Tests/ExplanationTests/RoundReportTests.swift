import Planner
import TestSupport
import Testing

/// The committee's report follows vacancy chains whole, from the post that opened to the post
/// filled from the pool or left vacant, and shows a ring of moves as a rotation.
@Suite("The report's vacancy chains")
struct RoundReportTests {
    typealias F = Fixtures

    /// Three posts of one unit; C1 holds P1, C2 holds P2, C4 holds P3, C3 is in the pool.
    static let scenario = F.scenario(
        positions: [F.post("P1", incumbent: "C1"), F.post("P2", incumbent: "C2"), F.post("P3", incumbent: "C4")],
        cadres: [F.cadre("C1", rating: 80, age: 64), F.cadre("C2", rating: 80), F.cadre("C3", rating: 80), F.cadre("C4", rating: 80)],
        policy: F.policy { $0.retirement.mode = .hard })

    static func plan(_ holders: [String?], moves: [Move], appointments: [Appointment] = [], retirements: [Retirement] = []) -> Plan {
        let outcomes = zip(["P1", "P2", "P3"], holders).map { position, cadre -> PositionAssignment in
            let own = scenario.positions.first { $0.id == position }?.incumbent
            let outcome: Outcome =
                cadre == nil ? .vacant : cadre == own ? .stay : moves.contains { $0.cadre == cadre } ? .move : .appointment
            return PositionAssignment(position: position, cadre: cadre, outcome: outcome)
        }
        return Plan(
            scenario: ScenarioIdentity(name: "test", planningYear: 2026, sha256: "test"),
            producedBy: Provenance(planner: "test", solver: "none", solverVersion: "-", parameters: SolveParameters()), status: .optimal,
            assignments: outcomes, moves: moves, appointments: appointments, retirements: retirements)
    }

    @Test("C1 retires; C2 takes P1; P2 is filled from the pool: one chain of two steps")
    func chainToThePool() {
        let plan = Self.plan(
            ["C2", "C3", "C4"], moves: [Move(cadre: "C2", from: "P2", to: "P1")], appointments: [Appointment(cadre: "C3", to: "P2")],
            retirements: [Retirement(cadre: "C1", from: "P1", year: 2026)])
        let report = RoundReport(plan: plan, scenario: Self.scenario)
        #expect(report.chains.count == 1)
        let chain = report.chains[0]
        #expect(chain.opening == .retires(cadre: 0, year: 2026))
        #expect(!chain.isRing)
        #expect(chain.steps.map(\.position) == [0, 1])
        #expect(chain.steps.map(\.holder) == [1, 2])
        #expect(chain.steps.map(\.from) == [1, nil])
        let html = HTMLReport.render(report, language: .en)
        #expect(
            html.contains(
                "<li>Vice chair, Unit one (P1) ← Person C2, from vice chair, Unit one (P2)</li><li>Vice chair, Unit one (P2) ← Person C3, from the pool</li>"
            ))
    }

    @Test("C2 and C4 swap posts: a ring, shown as a rotation")
    func ring() {
        let plan = Self.plan(
            [nil, "C4", "C2"], moves: [Move(cadre: "C2", from: "P2", to: "P3"), Move(cadre: "C4", from: "P3", to: "P2")],
            retirements: [Retirement(cadre: "C1", from: "P1", year: 2026)])
        let report = RoundReport(plan: plan, scenario: Self.scenario)
        // P1 opens and stays vacant: a chain of one step; the swap is a ring.
        #expect(report.chains.count == 2)
        #expect(report.chains[0].steps.map(\.holder) == [nil])
        #expect(report.chains[1].isRing)
        #expect(report.chains[1].steps.map(\.position) == [1, 2])
        #expect(HTMLReport.render(report, language: .vi).contains("Luân chuyển vòng"))
    }
}
