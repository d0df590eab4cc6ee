import Foundation
import Planner
import TestSupport
import Testing

/// What `compare`, `sweep`, `succession` and `solve` do, called from Swift: values back, nothing
/// printed, and every plan one that the independent verifier accepts.
@Suite("The library: compare, sweep, succession after the round, solve then diagnose")
struct WhatIfLibraryTests {
    typealias F = Fixtures

    static let tutorial = F.packageRoot.appendingPathComponent("Scenarios/tutorial.json").path
    static let noTenure = F.packageRoot.appendingPathComponent("Scenarios/tutorial-no-tenure.json").path

    /// A variant of the tutorial round written to a temporary folder.
    static func variant(_ changes: String, in folder: URL, name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try "{\"variantOf\": \"\(tutorial)\", \"changes\": [\(changes)]}".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func verified(_ plan: Plan, _ loaded: Planner.LoadedScenario) -> Bool {
        PlanVerifier.verify(plan, against: loaded.scenario, scenarioSHA256: loaded.sha256).isValid
    }

    @Test("A Swift caller compares two scenarios: each column's plan is verified and is the plan a separate solve makes")
    func compareTwo() throws {
        let compared = Planner.compare(files: [Self.tutorial, Self.noTenure], jobs: 2)
        #expect(compared.columns.count == 2)
        for column in compared.columns {
            let loaded = try #require(column.scenario)
            let plan = try column.outcome.get()
            #expect(plan.status == .optimal)
            #expect(Self.verified(plan, loaded))
            let alone = try Planner.solve(loaded.scenario, sha256: loaded.sha256)
            #expect(alone.assignments == plan.assignments && alone.objective == plan.objective)
        }
        // Tenure off: C-05 keeps the Kiến Thụy chair and C-11 takes An Lão's (WhatIfTests has why).
        #expect(compared.report.cadres.map(\.cadre) == ["C-05", "C-11"])
        #expect(compared.report.scenarios.map(\.status) == ["optimal", "optimal"])
    }

    @Test("A file that cannot be read keeps its column and its error; the others are solved")
    func compareWithAMissingFile() throws {
        let missing = "/nonexistent/planner-\(UUID().uuidString).json"
        let compared = Planner.compare(files: [Self.tutorial, missing])
        #expect(compared.columns[1].scenario == nil)
        guard case .failure(.scenario(.unreadable(let file, _))) = compared.columns[1].outcome else {
            Issue.record("expected the missing file's error, got \(compared.columns[1].outcome)")
            return
        }
        #expect(file == missing)
        #expect(try compared.columns[0].outcome.get().status == .optimal)
        #expect(compared.report.scenarios.map(\.status) == ["optimal", "error"])
        #expect(compared.report.scenarios[1].error?.contains("no such file") == true)
    }

    @Test("A grid runs the first parameter slowest")
    func grid() throws {
        let grid = SweepParameter.grid([try SweepParameter.parse("a=1,2"), try SweepParameter.parse("b=x,y")])
        #expect(grid.map { $0.map(\.value) } == [["1", "\"x\""], ["1", "\"y\""], ["2", "\"x\""], ["2", "\"y\""]])
        #expect(grid.allSatisfy { $0.map(\.path) == ["a", "b"] })
        #expect(SweepParameter.grid([]) == [[]])
    }

    @Test("A sweep, in parallel or as a warm chain: the same verified plans, one per value")
    func sweep() throws {
        let base = try Planner.load(Self.tutorial)
        let women = try SweepParameter.parse("policy.women.minShare=0.5...0.7/0.1")
        let parallel = try Planner.sweep(base, over: [women], jobs: 2)
        let chained = try Planner.sweep(base, over: [women], chained: true)
        #expect(parallel.points.map { $0.settings.map(\.value) } == [["0.5"], ["0.6"], ["0.7"]])
        for (point, warm) in zip(parallel.points, chained.points) {
            let plan = try point.outcome.get()
            let scenario = try point.loadScenario()
            #expect(scenario.sha256 == point.sha256)
            #expect(Self.verified(plan, scenario))
            #expect(scenario.scenario.policy.women.minShare == Double(point.settings[0].value))
            let warmPlan = try warm.outcome.get()
            #expect(Self.verified(warmPlan, try warm.loadScenario()))
            #expect(warmPlan.objective == plan.objective)
        }
        // The women rule is soft at 6 a woman: 5 of 10 women meets 50 %; 60 % lacks one, 70 % two.
        #expect(parallel.report.rows.compactMap(\.objective).map { ($0 * 100).rounded() / 100 } == [162.8, 156.8, 150.8])
        #expect(parallel.report.parameters == ["policy.women.minShare"])
    }

    @Test("A sweep that keeps figures only shows the same table, with plans that hold no people")
    func sweepKeepingFigures() throws {
        let base = try Planner.load(Self.tutorial)
        let women = try SweepParameter.parse("policy.women.minShare=0.5...0.7/0.1")
        let whole = try Planner.sweep(base, over: [women], jobs: 2)
        let slim = try Planner.sweep(base, over: [women], jobs: 2, keeping: .figures)
        func withoutTiming(_ report: SweepReport) -> [String] {
            report.rows.map { "\($0.values) \($0.status) \(String(describing: $0.objective)) \(String(describing: $0.figures))" }
        }
        #expect(withoutTiming(slim.report) == withoutTiming(whole.report))
        for point in slim.points {
            let plan = try point.outcome.get()
            #expect(plan.assignments.isEmpty && plan.stays.isEmpty && plan.figures != nil)
        }
        #expect(try whole.points.allSatisfy { try !$0.outcome.get().assignments.isEmpty })
    }

    @Test("A value written as a JSON string means the same as without its quotes; a backslash reaches the reader as text")
    func sweepQuotedValues() throws {
        let quoted = try SweepParameter.parse(#"policy.tenure="off",hard"#)
        #expect(quoted.values == [#""off""#, #""hard""#])
        let base = try Planner.load(Self.tutorial)
        let swept = try Planner.sweep(base, over: [quoted], keeping: .figures)
        #expect(try swept.points.map { try $0.outcome.get().status } == [.optimal, .optimal])
        // Not a mode: the reader names the value, it does not stumble on the variant's own JSON.
        #expect {
            try Planner.sweep(base, over: [try SweepParameter.parse(#"policy.tenure=o\ff"#)])
        } throws: { error in
            let text = (error as? SweepError)?.errorDescription ?? ""
            return text.contains("policy.tenure") && !text.contains("malformed JSON")
        }
    }

    @Test("A value the scenario cannot take is refused before anything is solved")
    func sweepRefusesABadValue() throws {
        let base = try Planner.load(Self.tutorial)
        #expect(throws: SweepError.self) {
            try Planner.sweep(base, over: [try SweepParameter.parse("policy.women.minShare=0.5,2")])
        }
    }

    @Test("Succession after the round: solved first, or read from the round's plan file, which must be this scenario's")
    func successionAfterTheRound() throws {
        let folder = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let barred = try Planner.load(
            try Self.variant(#"{"set": "policy.succession.allowAppointedInRound", "to": false}"#, in: folder, name: "barred.json"))
        #expect(Planner.successionNeedsRound(barred.scenario))
        let solvedFirst = try Planner.succession(barred)
        // The round moves C-02 and C-05 and appoints C-11 and C-14 (README, the tutorial round).
        #expect(solvedFirst.excludedAsAppointed == ["C-02", "C-05", "C-11", "C-14"])
        #expect(solvedFirst.round == "solved")
        #expect(SuccessionVerifier.verify(solvedFirst, against: barred.scenario, scenarioSHA256: barred.sha256).isValid)

        let roundFile = folder.appendingPathComponent("round.json").path
        try PlanFile.encode(try Planner.solve(barred.scenario, sha256: barred.sha256)).write(to: URL(fileURLWithPath: roundFile))
        let fromFile = try Planner.succession(barred, round: .planFile(roundFile))
        #expect(fromFile.excludedAsAppointed == solvedFirst.excludedAsAppointed)
        #expect(fromFile.round?.hasPrefix("plan file SHA-256 ") == true)
        #expect(fromFile.slates == solvedFirst.slates)

        let other = try Planner.load(Self.tutorial)
        let otherFile = folder.appendingPathComponent("other.json").path
        try PlanFile.encode(try Planner.solve(other.scenario, sha256: other.sha256)).write(to: URL(fileURLWithPath: otherFile))
        #expect {
            try Planner.succession(barred, round: .planFile(otherFile))
        } throws: { error in
            if case RoundError.otherScenario = error { return true }
            return false
        }
    }

    @Test("Solve, then diagnose a round without a feasible plan, or give every change its reason")
    func solveWithExtras() throws {
        let folder = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Locked in a post that tenure forbids him to keep: no feasible plan.
        let locked = try Planner.load(
            try Self.variant(#"{"update": "cadre", "id": "C-05", "with": {"locked": true}}"#, in: folder, name: "locked.json"))
        let infeasible = try Planner.solve(locked.scenario, sha256: locked.sha256, adding: .diagnosisIfInfeasible)
        #expect(infeasible.status == .infeasible)
        #expect(infeasible.diagnosis != nil)
        #expect(try Planner.solve(locked.scenario, sha256: locked.sha256, adding: []).diagnosis == nil)

        let tutorial = try Planner.load(Self.tutorial)
        let reasoned = try Planner.solve(tutorial.scenario, sha256: tutorial.sha256, adding: [.reasons, .diagnosisIfInfeasible])
        #expect(reasoned.reasons?.isEmpty == false)
        #expect(reasoned.diagnosis == nil)
        #expect(Self.verified(reasoned, tutorial))
    }
}
