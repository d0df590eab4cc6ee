import Foundation
import PlannerGLPK
import PlannerModel
import PlannerSolving
import Testing

@Suite("The GLPK backend")
struct GLPKSolverTests {
    let solver = GLPKSolver()

    /// max 5a + 4b + 3c  s.t. 2a + 3b + c ≤ 5, 4a + b + 2c ≤ 11, 3a + 4b + 2c ≤ 8, binaries: optimum 8 (a, c... checked by hand: a=1,b=0,c=1 gives 8).
    func knapsack() -> LinearModel {
        var model = LinearModel(name: "knapsack", direction: .maximize)
        let a = model.addColumn("a", kind: .binary, upper: 1, objective: 5)
        let b = model.addColumn("b", kind: .binary, upper: 1, objective: 4)
        let c = model.addColumn("c", kind: .binary, upper: 1, objective: 3)
        model.addRow(
            "r1", terms: [.init(column: a, coefficient: 2), .init(column: b, coefficient: 3), .init(column: c, coefficient: 1)], upper: 5)
        model.addRow(
            "r2", terms: [.init(column: a, coefficient: 4), .init(column: b, coefficient: 1), .init(column: c, coefficient: 2)], upper: 11)
        model.addRow(
            "r3", terms: [.init(column: a, coefficient: 3), .init(column: b, coefficient: 4), .init(column: c, coefficient: 2)], upper: 8)
        return model
    }

    @Test("A small MIP solves to its known optimum")
    func optimal() throws {
        let result = try solver.solve(knapsack(), options: SolveOptions())
        #expect(result.status == .optimal)
        // a+b: 9 but r3: 3+4=7 ≤ 8, r1: 5 ≤ 5 → feasible, 9. a+b+c: r1 6 > 5. So 9 is optimal.
        #expect(result.objective == 9)
        #expect(result.values == [1, 1, 0])
        #expect(result.bound == 9)
    }

    @Test("An infeasible model is reported as infeasible")
    func infeasible() throws {
        var model = knapsack()
        model.addRow("impossible", terms: [.init(column: 0, coefficient: 1)], lower: 2)
        let result = try solver.solve(model, options: SolveOptions())
        #expect(result.status == .infeasible)
        #expect(result.outcome == .failure(.infeasible))
        #expect(result.solution == nil)
    }

    @Test("A restricted model that cannot meet a hard row goes elastic, prices in what the row needs, and proves the whole model's optimum")
    func elasticPhase() throws {
        // max a + 5b + 2c  s.t.  b + c ≥ 1 (needs b or c), a + b ≤ 2, all 0–1; optimum a = b = c = 1, 8.
        var model = LinearModel(name: "elastic", direction: .maximize)
        let a = model.addColumn("a", kind: .binary, upper: 1, objective: 1)
        let b = model.addColumn("b", kind: .binary, upper: 1, objective: 5)
        let c = model.addColumn("c", kind: .binary, upper: 1, objective: 2)
        model.addRow("needs_b_or_c", terms: [.init(column: b, coefficient: 1), .init(column: c, coefficient: 1)], lower: 1)
        model.addRow("cap", terms: [.init(column: a, coefficient: 1), .init(column: b, coefficient: 1)], upper: 2)
        var options = SolveOptions()
        options.pricingCore = [true, false, false]  // only a: the restricted LP is infeasible
        let priced = try solver.solve(model, options: options)
        let whole = try solver.solve(model, options: SolveOptions())
        #expect(priced.status == .optimal)
        #expect(priced.objective == whole.objective)
        #expect(priced.values == [1, 1, 1])
        // The infeasible restricted LP, the elastic one, and the re-solves after pricing.
        #expect(priced.statistics.pricingRounds >= 3)
        #expect(priced.bound == 8)
    }

    @Test("A result is either a solution with its proof or no solution with the reason")
    func outcome() throws {
        let solution = try #require(try solver.solve(knapsack(), options: SolveOptions()).solution)
        #expect(solution.proof == .optimal)
        #expect(solution.values == [1, 1, 0])
        #expect(solution.objective == 9)
    }

    @Test("A time limit of zero returns without a plan, and never hangs")
    func timeLimit() throws {
        // 60 binaries in one knapsack row with near-equal ratios: far from instant for B&B.
        var model = LinearModel(name: "hard", direction: .maximize)
        var terms: [LinearModel.Term] = []
        for i in 0..<60 {
            let weight = Double(1000 + (i * 7919) % 997)
            let column = model.addColumn("x\(i)", kind: .binary, upper: 1, objective: weight + Double(i % 3))
            terms.append(.init(column: column, coefficient: weight))
        }
        model.addRow("capacity", terms: terms, upper: 30_000.5)
        let result = try solver.solve(model, options: SolveOptions(timeLimit: 0))
        #expect(result.status == .timeLimitWithoutSolution || result.status == .feasible)
    }

    @Test("A model GLPK would abort on is refused in Swift, with every problem named")
    func refused() {
        var model = LinearModel(name: "bad", direction: .maximize)
        let x = model.addColumn("x", kind: .binary, upper: 1, objective: .nan)
        model.addColumn("bad name", kind: .continuous, lower: 2, upper: 1)
        model.addRow(
            "dup", terms: [.init(column: x, coefficient: 1), .init(column: x, coefficient: 2), .init(column: 7, coefficient: 1)], upper: 1)
        #expect {
            try solver.solve(model, options: SolveOptions())
        } throws: { error in
            guard case SolverError.invalidModel(let problems) = error else { return false }
            return problems.count == 5
        }
    }

    @Test("The library reports its version and the solver output can be captured")
    func versionAndLog() throws {
        #expect(GLPKBackend.libraryVersion.hasPrefix("5.") || GLPKBackend.libraryVersion.hasPrefix("4."))
        final class Lines: @unchecked Sendable { var count = 0 }
        let lines = Lines()
        _ = try solver.solve(knapsack(), options: SolveOptions(log: { _ in lines.count += 1 }))
        #expect(lines.count > 0)
    }
}

@Suite("The GLPK backend's guards")
struct GLPKBackendGuardTests {
    @Test("A GLPK of another major version than the headers, or before 4.65, is refused with what to do")
    func versionCheck() {
        #expect(GLPKBackend.versionProblem(linked: "5.0", built: (5, 0)) == nil)
        #expect(GLPKBackend.versionProblem(linked: "5.1", built: (5, 0)) == nil)
        let other = GLPKBackend.versionProblem(linked: "4.65", built: (5, 0))
        #expect(other?.errorDescription?.contains("version 4.65, but planner was built with GLPK 5.0") == true)
        #expect(other?.errorDescription?.contains("apt-get install libglpk-dev") == true)
        #expect(GLPKBackend.versionProblem(linked: "4.45", built: (4, 65))?.errorDescription?.contains("too old") == true)
        #expect(GLPKBackend.versionProblem(linked: "five", built: (5, 0)) != nil)
        // The library linked into this test passes the check.
        #expect(throws: Never.self) { try GLPKBackend().checkLibrary() }
    }

    @Test("A thread's GLPK state can be released after a solve, and GLPK starts afresh on the next")
    func releaseThreadState() {
        final class Box: @unchecked Sendable { var objectives: [Double?] = [] }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            var model = LinearModel(name: "one", direction: .maximize)
            _ = model.addColumn("x", kind: .binary, upper: 1, objective: 3)
            for _ in 0..<2 {
                box.objectives.append(try? GLPKSolver().solve(model, options: SolveOptions()).objective)
                GLPKBackend.releaseThreadState()
            }
            GLPKBackend.releaseThreadState()  // twice in a row, and on a thread without GLPK state
            done.signal()
        }
        thread.start()
        done.wait()
        #expect(box.objectives == [3, 3])
    }

    @Test("A problem used from a thread other than its own is refused, not aborted on")
    func otherThread() {
        var model = LinearModel(name: "one", direction: .maximize)
        _ = model.addColumn("x", kind: .binary, upper: 1, objective: 1)
        final class Box: @unchecked Sendable {
            var problem: GLPKProblem?
            var outcome: LPOutcome?
        }
        let box = Box()
        box.problem = GLPKBackend().load(model)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.outcome = box.problem!.solveLP(LPParameters(method: .primal, timeLimitMilliseconds: 1000, verbose: false))
            box.problem = nil  // released here, on the wrong thread: leaked, not deleted
            done.signal()
        }
        thread.start()
        done.wait()
        guard case .failed(let message)? = box.outcome else {
            Issue.record("expected a refusal, got \(String(describing: box.outcome))")
            return
        }
        #expect(message.contains("thread other than its own"))
    }
}
