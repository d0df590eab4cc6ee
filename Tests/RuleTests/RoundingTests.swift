import Foundation
import Planner
import TestSupport
import Testing

/// The rounding heuristic handed to GLPK: it must return only solutions that satisfy every row,
/// and give back an integral solution unchanged.
@Suite("Rounding an LP relaxation to a plan")
struct RoundingTests {
    static let tutorial = try! Planner.load(Fixtures.packageRoot.appendingPathComponent("Scenarios/tutorial.json").path).scenario

    @Test("The optimal solution, rounded, keeps every assignment and the objective")
    func integralStaysPut() throws {
        let rotation = Planner.buildModel(Self.tutorial)
        let result = try GLPKSolverAccess.solve(rotation.model)
        let values = try #require(result.values)
        let rounded = try #require(rotation.rounded(values))
        for (index, meaning) in rotation.meanings.enumerated() {
            if case .assign = meaning { #expect(rounded[index] == values[index]) }
        }
        // Band indicators cost nothing, so they may differ; the objective may not.
        #expect(abs(rotation.model.objectiveValue(rounded) - rotation.model.objectiveValue(values)) < 1e-9)
    }

    @Test("Any relaxation rounds to a feasible solution or to nothing", arguments: 0..<20)
    func feasibleOrNothing(seed: Int) {
        let rotation = Planner.buildModel(Self.tutorial)
        var state = UInt64(seed + 1)
        let relaxation = rotation.model.columns.map { _ -> Double in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 40) / Double(1 << 24)
        }
        if let plan = rotation.rounded(relaxation) {
            #expect(rotation.model.isFeasible(plan))
        }
    }
}

enum GLPKSolverAccess {
    static func solve(_ model: LinearModel) throws -> MIPResult {
        try Planner.defaultSolver.solve(model, options: SolveOptions())
    }
}
