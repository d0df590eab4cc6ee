import PlannerModel
import Testing

@testable import PlannerSolving

/// The solving method's decisions, on small models and without any solver library: what a
/// proof needs, what each ending of a search means, where the search branches and when it
/// stops, which columns a restricted model leaves out. (Solving itself is tested on GLPK, in
/// PlannerGLPKTests and SolvingTests.)
@Suite("The solving method, apart from GLPK")
struct SolvingMethodTests {
    // MARK: Proof

    @Test("With an objective step of 1, a bound less than one step above the plan proves it")
    func proofWithStep() {
        #expect(Proof.proves(100.9, incumbent: 100, step: 1))
        #expect(!Proof.proves(101, incumbent: 100, step: 1))
        // Without a step only rounding noise is allowed above the plan.
        #expect(Proof.proves(100 + 1e-6, incumbent: 100, step: nil))
        #expect(!Proof.proves(100.01, incumbent: 100, step: nil))
    }

    @Test("The rounding margin never reaches a quarter of the step, even on a large objective")
    func marginCapped() {
        // At 513,000 (the stress rung) 10⁻⁷ of the objective is 0.0513: more than a quarter of a
        // step of 0.125, which would have let no bound prove any plan.
        #expect(Proof.roundingMargin(513_000, step: 0.125) == 0.125 / 4)
        #expect(Proof.proves(513_000.09, incumbent: 513_000, step: 0.125))
        #expect(!Proof.proves(513_000.1, incumbent: 513_000, step: 0.125))
    }

    // MARK: What a search's ending means

    /// Mix 7 of bench/mixes: the LP's bound 8,326.8375 lies between two whole values of its
    /// objective (step 0.025); its optimum is 8,326.825, and the dive holds to that, not to a
    /// value no plan has.
    @Test("The dive holds to the best value a plan can have under the LP bound: whole steps from the constant")
    func diveTarget() {
        #expect(abs(Dive.bestPlanValue(atMost: 8326.8375, step: 0.025, constant: 0) - 8326.825) < 1e-9)
        // A value on a step stays (rounding noise below it included), and the constant shifts the steps.
        #expect(abs(Dive.bestPlanValue(atMost: 11432.899999999992, step: 0.025, constant: 0) - 11432.9) < 1e-9)
        #expect(abs(Dive.bestPlanValue(atMost: 10.9, step: 1, constant: 0.5) - 10.5) < 1e-12)
        #expect(abs(Dive.bestPlanValue(atMost: -2.25, step: 1, constant: 0) - -3) < 1e-12)
        // Without a step every value is possible.
        #expect(Dive.bestPlanValue(atMost: 8326.8375, step: nil, constant: 0) == 8326.8375)
    }

    @Test("Each ending of branch and bound maps to one status, or to 'no plan among these columns'")
    func searchEndings() throws {
        func status(_ ending: SearchOutcome.Ending, _ solution: SearchOutcome.Solution, provenByStep: Bool = false) throws -> MIPStatus? {
            try SearchStatus.of(SearchOutcome(ending: ending, solution: solution), provenByStep: provenByStep)
        }
        #expect(try status(.completed, .optimal) == .optimal)
        #expect(try status(.completed, .feasible) == .feasible)
        #expect(try status(.completed, .infeasible) == nil)
        #expect(try status(.noPrimalFeasible, .undefined) == nil)
        #expect(try status(.gapReached, .feasible) == .optimal)
        #expect(try status(.gapReached, .undefined) == .timeLimitWithoutSolution)
        #expect(try status(.stoppedByGuide, .feasible, provenByStep: true) == .optimal)
        #expect(try status(.stoppedByGuide, .feasible) == .feasible)
        #expect(try status(.timeLimit, .feasible) == .feasible)
        #expect(try status(.timeLimit, .undefined) == .timeLimitWithoutSolution)
        #expect(throws: SolverError.self) { try status(.completed, .undefined) }
        #expect(throws: SolverError.solverFailure("branch and bound failed: no")) { try status(.failed("no"), .undefined) }
    }

    // MARK: The search guide

    /// A search tree at one event, recording what the guide does to it.
    final class RecordedTree: SearchTree {
        var event: SearchEvent
        var nodesCreated = 7
        var bestNodeBound: Double?
        var incumbentObjective: Double?
        var values: [Double]
        var branchable: Set<Int>
        var branched: (column: Int, upFirst: Bool)?
        var offered: [[Double]] = []
        var terminated = false

        init(_ event: SearchEvent, values: [Double] = [], branchable: Set<Int> = []) {
            self.event = event
            self.values = values
            self.branchable = branchable
        }

        func relaxationValues(count: Int) -> [Double] { Array(values.prefix(count)) }
        func relaxationValue(_ column: ColumnIndex) -> Double { values[column.offset] }
        func canBranch(on column: ColumnIndex) -> Bool { branchable.contains(column.offset) }
        func branch(on column: ColumnIndex, upFirst: Bool) { branched = (column.offset, upFirst) }
        func offer(_ values: [Double]) -> Bool {
            offered.append(values)
            return true
        }
        func terminate() { terminated = true }
    }

    @Test("The guide branches on the most fractional column of the highest priority, towards the side the LP leans to")
    func branching() {
        var guide = SearchGuide()
        // Columns 0 and 1 have priority 2, column 2 priority 1 (and is the most fractional).
        guide.prioritized = [(ColumnIndex(0), 2), (ColumnIndex(1), 2), (ColumnIndex(2), 1)]
        let tree = RecordedTree(.branch, values: [0.9, 0.6, 0.5], branchable: [0, 1, 2])
        guide.handle(tree)
        #expect(tree.branched?.column == 1)
        #expect(tree.branched?.upFirst == true)
        #expect(guide.nodes == 7)

        // Nothing of the first priority can be branched on: the next priority is used.
        let lower = RecordedTree(.branch, values: [1, 0, 0.3], branchable: [2])
        guide.handle(lower)
        #expect(lower.branched?.column == 2)
        #expect(lower.branched?.upFirst == false)
    }

    @Test("The guide stops the search once no open node can beat the plan by a step")
    func stopsByStep() {
        var guide = SearchGuide()
        guide.step = 1
        let open = RecordedTree(.select)
        open.bestNodeBound = 101.5
        open.incumbentObjective = 100
        guide.handle(open)
        #expect(!open.terminated)
        #expect(guide.bound == 101.5)

        let closed = RecordedTree(.select)
        closed.bestNodeBound = 100.5
        closed.incumbentObjective = 100
        guide.handle(closed)
        #expect(closed.terminated)
        #expect(guide.provenByStep)
    }

    @Test("A warm start is offered once, and only when it meets every row and uses allowed columns only")
    func warmStart() {
        var model = LinearModel(name: "pick one", direction: .maximize)
        let a = model.addColumn("a", kind: .binary, upper: 1, objective: 2)
        let b = model.addColumn("b", kind: .binary, upper: 1, objective: 3)
        model.addRow("one", terms: [.init(column: a, coefficient: 1), .init(column: b, coefficient: 1)], upper: 1)

        var guide = SearchGuide()
        guide.model = model
        guide.start = [1, 1]  // breaks the row
        let first = RecordedTree(.heuristic, values: [0.5, 0.5])
        guide.handle(first)
        #expect(first.offered.isEmpty)

        guide.start = [0, 1]
        guide.allowed = [true, false]  // b is not in the restricted model
        let second = RecordedTree(.heuristic, values: [0.5, 0.5])
        guide.handle(second)
        #expect(second.offered.isEmpty)

        guide.start = [1, 0]
        let third = RecordedTree(.heuristic, values: [0.5, 0.5])
        guide.handle(third)
        #expect(third.offered == [[1, 0]])
        let fourth = RecordedTree(.heuristic, values: [0.5, 0.5])
        guide.handle(fourth)
        #expect(fourth.offered.isEmpty)
    }

    // MARK: The restricted model

    /// A backend problem that records bound changes and added columns, and solves nothing.
    final class RecordedProblem: BackendProblem {
        var bounds: [Int: (Double?, Double?)] = [:]
        var added: [(objective: Double, row: Int, coefficient: Double)] = []
        var columnCount = 3
        func setColumnBounds(_ column: ColumnIndex, lower: Double?, upper: Double?) { bounds[column.offset] = (lower, upper) }
        func addColumn(objective: Double, lower: Double, row: RowIndex, coefficient: Double) -> ColumnIndex {
            added.append((objective, row.offset, coefficient))
            columnCount += 1
            return ColumnIndex(columnCount - 1)
        }
        func forgetColumnsFixedAtZero() {}
        func addRow(_ terms: [LinearModel.Term], lower: Double?, upper: Double?) {}
        func setObjective(_ coefficients: [Double], constant: Double) {}
        func solveLP(_ parameters: LPParameters) -> LPOutcome { .failed("not a solver") }
        var objectiveValue: Double { 0 }
        func columnValue(_ column: ColumnIndex) -> Double { 0 }
        func columnValues(count: Int) -> [Double] { [] }
        func rowPrices(count: Int) -> [Double] { [] }
        var simplexIterations: Int { 0 }
        func basis() -> BasisSnapshot { BasisSnapshot(rows: [], columns: []) }
        func restore(_ basis: BasisSnapshot) {}
        func copy() -> Self { self }
        var usableHere: Bool { true }
        func branchAndBound(_ parameters: SearchParameters, guide: inout SearchGuide) -> SearchOutcome {
            SearchOutcome(ending: .failed("not a solver"), solution: .undefined)
        }
    }

    func threeColumns() -> LinearModel {
        var model = LinearModel(name: "three", direction: .maximize)
        _ = model.addColumn("whole", kind: .binary, upper: 1, objective: 1)
        _ = model.addColumn("share", kind: .continuous, upper: 5, objective: 1)
        let pinned = model.addColumn("pinned", kind: .binary, upper: 1, objective: 1)
        model.setLowerBound(pinned, 1)
        model.addRow("at least one", terms: [.init(column: 0, coefficient: 1)], lower: 1)
        model.addRow("at most four", terms: [.init(column: 1, coefficient: 1)], upper: -4)
        model.addRow("free", terms: [.init(column: 2, coefficient: 1)], upper: 3)
        return model
    }

    @Test("Only a whole-number column at 0 can be left out of the restricted model; bringing it in restores its bounds")
    func restriction() {
        let model = threeColumns()
        var restriction = Restriction(model, core: [false, false, false], start: nil)
        #expect(restriction.active == [false, true, true])
        #expect(restriction.leftOut == 1)
        let problem = RecordedProblem()
        restriction.leaveOut(problem)
        #expect(problem.bounds[0]! == (0, 0))
        restriction.bringIn([0], problem, model)
        #expect(problem.bounds[0]! == (0, 1))
        #expect(restriction.leftOut == 0)

        // A warm start's columns come in with it.
        let warm = Restriction(model, core: [false, false, false], start: [1, 0, 1])
        #expect(warm.active == [true, true, true])
    }

    @Test("Elastic columns cover every row and side some column values could violate, at a price no plan can pay")
    func elasticColumns() {
        let elastic = ElasticColumn.covering(threeColumns())
        #expect(elastic.map(\.row.offset) == [0, 1])
        #expect(elastic.map(\.sign) == [1, -1])
        #expect(elastic.allSatisfy { $0.objective == -2000 })
        // The next price level is a thousand times higher.
        #expect(ElasticColumn.covering(threeColumns(), level: 1).allSatisfy { $0.objective == -2_000_000 })

        // A pinned column overfills a row that x = 0 meets: covered too (issue 17's first round
        // had its elastic LP infeasible for want of this).
        var model = threeColumns()
        model.addRow("pinned holds nothing", terms: [.init(column: 2, coefficient: 1)], upper: 0)
        #expect(ElasticColumn.covering(model).map(\.row.offset) == [0, 1, 3])
    }

    @Test("Row prices certify infeasibility only when no column values can meet the rows")
    func infeasibilityCertificate() {
        // Two yes/no columns cannot sum to 3.
        var model = LinearModel(name: "too few", direction: .maximize)
        _ = model.addColumn("a", kind: .binary, upper: 1, objective: 5)
        _ = model.addColumn("b", kind: .binary, upper: 1, objective: 1)
        model.addRow("at least three", terms: [.init(column: 0, coefficient: 1), .init(column: 1, coefficient: 1)], lower: 3)
        let columns = ColumnMajor(model)
        // A price on the lower bound: F = -3 + 1 + 1 = -1 (scaled to a largest price of 1).
        let proof = InfeasibilityCertificate(model: model, columns: columns, rowPrices: [-7])
        #expect(proof.proves)
        #expect(abs(proof.value - -1) < 1e-12)
        // A price pointing at the absent upper bound counts as 0, and proves nothing.
        #expect(!InfeasibilityCertificate(model: model, columns: columns, rowPrices: [1]).proves)

        // With a lower bound of 2 the row can hold, and no prices prove otherwise.
        var holds = LinearModel(name: "enough", direction: .maximize)
        _ = holds.addColumn("a", kind: .binary, upper: 1, objective: 5)
        _ = holds.addColumn("b", kind: .binary, upper: 1, objective: 1)
        holds.addRow("at least two", terms: [.init(column: 0, coefficient: 1), .init(column: 1, coefficient: 1)], lower: 2)
        for price in [-1.0, -0.5, 1] {
            #expect(!InfeasibilityCertificate(model: holds, columns: ColumnMajor(holds), rowPrices: [price]).proves)
        }
    }

    // MARK: The check of a stage's model

    /// A stage adds a row and changes coefficients and bounds on a model checked whole; its
    /// narrower check must find every problem those changes can bring, and nothing else.
    @Test("A stage's check finds what the whole check finds in its row, its coefficients and its bounds")
    func stageCheck() {
        var base = LinearModel(name: "m", direction: .maximize)
        for j in 0..<4 { _ = base.addColumn("x\(j)", kind: .binary, lower: 0, upper: 1, objective: Double(j)) }
        base.addRow("one", terms: [.init(column: 0, coefficient: 1), .init(column: 1, coefficient: 1)], upper: 1)
        #expect(base.problems().isEmpty)
        let held: [LinearModel.Term] = [.init(column: 2, coefficient: 1), .init(column: 3, coefficient: 2)]
        func staged(
            _ name: String = "held", _ terms: [LinearModel.Term]? = nil, lower: Double = 1, _ change: (inout LinearModel) -> Void = { _ in }
        ) -> [Int] {
            var model = base
            model.addRow(name, terms: terms ?? held, lower: lower)
            change(&model)
            return [model.problems().count, model.problemsAfterAddingLastRow().count]
        }
        #expect(staged() == [0, 0])
        #expect(staged { $0.setUpperBound(1, 0) } == [0, 0])
        #expect(staged { $0.setObjective(2, .infinity) } == [1, 1])
        #expect(
            staged {
                $0.setLowerBound(0, 1)
                $0.setUpperBound(0, 0)
            } == [1, 1])
        #expect(staged(lower: .nan) == [1, 1])
        #expect(staged("held", held + [.init(column: 3, coefficient: 1)]) == [1, 1])
        #expect(staged("held", held + [.init(column: 9, coefficient: 1)]) == [1, 1])
        #expect(staged("held", [.init(column: 2, coefficient: .infinity)]) == [1, 1])
        #expect(staged("one") == [1, 1])
        #expect(staged("held row") == [1, 1])
    }

    @Test("A matrix with one row added is the matrix of the model with that row")
    func matrixWithARowAdded() {
        var model = LinearModel(name: "m", direction: .maximize)
        for j in 0..<7 { _ = model.addColumn("x\(j)", kind: .binary, upper: 1, objective: 1) }
        model.addRow(
            "a", terms: [.init(column: 0, coefficient: 1), .init(column: 3, coefficient: 2), .init(column: 6, coefficient: -1)], upper: 1)
        model.addRow("b", terms: [.init(column: 3, coefficient: 4), .init(column: 1, coefficient: 0.5)], lower: 0)
        let before = ColumnMajor(model)
        let added: [LinearModel.Term] = [
            .init(column: 6, coefficient: 3), .init(column: 2, coefficient: -2), .init(column: 3, coefficient: 1),
        ]
        model.addRow("held", terms: added, lower: 1)
        let rebuilt = ColumnMajor(model)
        let extended = before.adding(row: 2, terms: added)
        for j in 0..<7 {
            #expect(
                extended.entries(of: j).map { [Double($0.row), $0.coefficient] }
                    == rebuilt.entries(of: j).map { [Double($0.row), $0.coefficient] })
        }
        #expect(extended.entries(of: 3).map(\.row) == [0, 1, 2] && extended.entries(of: 5).isEmpty)
    }

    // MARK: Bound propagation

    /// Propagation claims two things: bounds every solution keeps, and "no solution" when a row
    /// cannot hold. Both are checked here against every solution of 400 random small models
    /// (whole-number columns, rows with mixed signs and fractional coefficients), enumerated.
    @Test("Bound propagation is sound: every solution keeps its bounds, and a model it calls infeasible has none")
    func propagationIsSound() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let coefficients: [Double] = [-2, -1, -0.5, 0.3, 1, 1, 2]
        var infeasibleFound = 0
        var tightened = 0
        for _ in 0..<400 {
            var model = LinearModel(name: "random", direction: .maximize)
            let count = 3 + next(3)
            var uppers: [Int] = []
            for j in 0..<count {
                let upper = 1 + next(2)
                uppers.append(upper)
                _ = model.addColumn("x\(j)", kind: upper == 1 ? .binary : .integer, upper: Double(upper), objective: 1)
            }
            for i in 0..<(2 + next(3)) {
                var terms: [LinearModel.Term] = []
                for j in 0..<count where next(3) > 0 { terms.append(.init(column: j, coefficient: coefficients[next(coefficients.count)])) }
                let low = Double(next(5)) - 2
                switch next(3) {
                case 0: model.addRow("r\(i)", terms: terms, lower: low)
                case 1: model.addRow("r\(i)", terms: terms, upper: low + 1)
                default: model.addRow("r\(i)", terms: terms, lower: low, upper: low + Double(next(3)))
                }
            }
            // Every whole x within the columns' bounds, and those that meet every row.
            var solutions: [[Double]] = []
            var x = [Int](repeating: 0, count: count)
            while true {
                let values = x.map(Double.init)
                if model.isFeasible(values) { solutions.append(values) }
                var j = 0
                while j < count, x[j] == uppers[j] {
                    x[j] = 0
                    j += 1
                }
                if j == count { break }
                x[j] += 1
            }
            switch BoundPropagation.run(model) {
            case .infeasible(let row, _):
                infeasibleFound += 1
                #expect(solutions.isEmpty, "row \(row) called broken, yet \(solutions.count) solutions")
            case .bounds(let lower, let upper, _):
                if zip(upper, uppers).contains(where: { $0 < Double($1) }) || lower.contains(where: { $0 > 0 }) { tightened += 1 }
                for solution in solutions {
                    for j in 0..<count { #expect(lower[j] <= solution[j] && solution[j] <= upper[j]) }
                }
            }
        }
        // Both claims were made, often enough to mean something.
        #expect(infeasibleFound > 20 && tightened > 20)
    }

    @Test(
        "A column row prices call required is in every solution that reaches the threshold; dropping the columns fixed at 0 changes no propagated bound"
    )
    func requiredColumnsAreSound() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var required = 0
        var samePropagation = 0
        for _ in 0..<400 {
            var model = LinearModel(name: "random", direction: .maximize)
            let count = 3 + next(4)
            for j in 0..<count {
                // Some columns fixed at 0, as the stages fix the columns no optimal plan can use.
                _ = model.addColumn("x\(j)", kind: .binary, upper: next(5) == 0 ? 0 : 1, objective: Double(next(9)) - 2)
            }
            for i in 0..<(1 + next(3)) {
                var terms: [LinearModel.Term] = []
                for j in 0..<count where next(2) == 0 { terms.append(.init(column: j, coefficient: Double(1 + next(2)))) }
                model.addRow("r\(i)", terms: terms, upper: Double(1 + next(3)))
            }
            var solutions: [[Double]] = []
            for mask in 0..<(1 << count) {
                let values = (0..<count).map { Double((mask >> $0) & 1) }
                if model.isFeasible(values) { solutions.append(values) }
            }
            guard let best = solutions.map(model.objectiveValue).max() else { continue }
            let plan = solutions.first { model.objectiveValue($0) == best }!
            // Any prices give a valid bound: none, and small random ones.
            let prices = model.rows.map { _ in next(2) == 0 ? 0 : Double(next(4)) * 0.5 }
            let bound = DualBound(model: model, columns: ColumnMajor(model), rowPrices: prices)
            let threshold = best - Double(next(2))
            for (j, needed) in bound.columnsRequired(reaching: threshold, in: model, plan: plan).enumerated() where needed {
                required += 1
                for solution in solutions where model.objectiveValue(solution) >= threshold {
                    #expect(
                        solution[j] == 1,
                        "column \(j) called required, yet a solution worth \(model.objectiveValue(solution)) leaves it at 0")
                }
            }
            if BoundPropagation.run(model) == BoundPropagation.run(model, droppingFixedAtZero: true) { samePropagation += 1 }
        }
        #expect(required > 50)
        #expect(samePropagation == 400)
    }
}
