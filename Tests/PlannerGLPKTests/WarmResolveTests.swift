import Foundation
import PlannerGLPK
import PlannerModel
import PlannerSolving
import Testing

/// Warm re-solves (issue 21): a model proven optimal is kept with its basis, and a follow-up
/// that changes bounds only is solved from there, to the answer a cold solve gives.
@Suite("Warm re-solves on GLPK")
struct WarmResolveTests {
    let solver = GLPKSolver()

    /// Three people, three posts, each pair's worth; one post each, one person each.
    /// Worth (rows people, columns posts): A 9 7 1, B 8 2 6, C 3 5 4. Optimum A1 B3 C2: 9 + 6 + 5 = 20.
    /// A forced into post 2: A2 then B1 C3 (7 + 8 + 4 = 19) beats B3 C1 (7 + 6 + 3 = 16).
    func assignment() -> LinearModel {
        let worth: [[Double]] = [[9, 7, 1], [8, 2, 6], [3, 5, 4]]
        var model = LinearModel(name: "assignment", direction: .maximize)
        var x: [[Int]] = []
        for person in 0..<3 {
            x.append((0..<3).map { post in model.addColumn("x\(person)\(post)", kind: .binary, upper: 1, objective: worth[person][post]) })
        }
        for person in 0..<3 {
            model.addRow("person\(person)", terms: (0..<3).map { .init(column: x[person][$0], coefficient: 1) }, upper: 1)
        }
        for post in 0..<3 {
            model.addRow("post\(post)", terms: (0..<3).map { .init(column: x[$0][post], coefficient: 1) }, upper: 1)
        }
        return model
    }

    @Test("A forced pair re-solved warm: the same optimum and plan as solved cold, worked out by hand")
    func forcedPair() throws {
        let base = assignment()
        var options = SolveOptions()
        options.pricingCore = [true, false, false, false, false, true, false, true, false]  // the optimum's pairs only
        let (solved, kept) = try solver.solveKeeping(base, options: options)
        #expect(solved.status == .optimal)
        #expect(solved.objective == 20)
        let warm = try #require(kept)

        var forced = base
        forced.setLowerBound(1, 1)  // A in post 2
        let lines = LineCollector()
        var asked = options
        asked.log = lines.receive
        let warmResult = try #require(try warm.resolve(forced, options: asked))
        #expect(lines.lines.contains { $0.contains("warm re-solve from the kept basis, 1 column bounds changed") })
        let coldResult = try solver.solve(forced, options: options)
        #expect(warmResult.status == .optimal)
        #expect(warmResult.objective == 19)
        #expect(warmResult.objective == coldResult.objective)
        #expect(warmResult.values == [0, 1, 0, 1, 0, 0, 0, 0, 1])
        #expect(warmResult.bound == 19)

        // The kept model is unchanged by a re-solve: the next question starts from it again.
        var forbidden = base
        forbidden.setUpperBound(0, 0)  // A never in post 1
        let again = try #require(try warm.resolve(forbidden, options: options))
        #expect(again.objective == (try solver.solve(forbidden, options: options)).objective)
        #expect(again.objective == 19)  // A2 B1 C3
    }

    @Test("A follow-up that is not a bound change (a row, an objective coefficient) is refused: the caller solves it cold")
    func notABoundChange() throws {
        let base = assignment()
        let (_, kept) = try solver.solveKeeping(base, options: SolveOptions())
        let warm = try #require(kept)
        var withRow = base
        withRow.addRow("extra", terms: [.init(column: 0, coefficient: 1)], upper: 0)
        #expect(try warm.resolve(withRow, options: SolveOptions()) == nil)
        var repriced = base
        repriced.setObjective(0, 1)
        #expect(try warm.resolve(repriced, options: SolveOptions()) == nil)
    }

    /// A warm follow-up is checked only where it differs from the kept model (the changed
    /// columns' bounds), but checked there before GLPK sees it: a lower bound above the upper
    /// one is an error naming the column, not a call GLPK would abort the process on. A renamed
    /// column makes it another model, solved cold.
    @Test("A warm follow-up's changed bounds are checked before GLPK sees them; a renamed column is no bound change")
    func changedBoundsChecked() throws {
        let base = assignment()
        let (_, kept) = try solver.solveKeeping(base, options: SolveOptions())
        let warm = try #require(kept)
        var crossed = base
        crossed.setLowerBound(4, 1)
        crossed.setUpperBound(4, 0)  // B in post 2: at least 1 and at most 0
        do {
            _ = try warm.resolve(crossed, options: SolveOptions())
            Issue.record("a crossed bound was solved")
        } catch {
            guard case .invalidModel(let problems) = error else { throw error }
            #expect(problems == ["column 5 (x11): lower bound 1.0 exceeds upper bound 0.0"], "\(problems)")
        }
        var renamed = LinearModel(name: base.name, direction: base.direction)
        for (j, column) in base.columns.enumerated() {
            _ = renamed.addColumn(j == 4 ? "x11_renamed" : column.name, kind: column.kind, upper: column.upper, objective: column.objective)
        }
        for row in base.rows { renamed.addRow(row.name, terms: row.terms, lower: row.lower, upper: row.upper) }
        #expect(try warm.resolve(renamed, options: SolveOptions()) == nil)
    }

    @Test("An infeasible follow-up is proven infeasible warm, as cold")
    func infeasibleFollowUp() throws {
        var base = assignment()
        base.addRow("fill_post0", terms: (0..<3).map { .init(column: $0 * 3, coefficient: 1) }, lower: 1)
        let (_, kept) = try solver.solveKeeping(base, options: SolveOptions())
        let warm = try #require(kept)
        var none = base
        for person in 0..<3 { none.setUpperBound(person * 3, 0) }  // nobody may fill the post that must be filled
        let result = try #require(try warm.resolve(none, options: SolveOptions()))
        #expect(result.status == .infeasible)
        #expect(try solver.solve(none, options: SolveOptions()).status == .infeasible)
    }
}

/// Collects the solver's log lines, from whichever thread writes them.
final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []
    var lines: [String] { lock.withLock { collected } }
    var receive: @Sendable (String) -> Void { { line in self.lock.withLock { self.collected.append(line) } } }
}
