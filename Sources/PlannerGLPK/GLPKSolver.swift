import PlannerModel
import PlannerSolving

/// The planner's solver: the solving method (`PricedSolver`) over GLPK (`GLPKBackend`).
public struct GLPKSolver: MIPSolver {
    private let method = PricedSolver(backend: GLPKBackend())

    public init() {}

    public var name: String { method.name }
    public var version: String { method.version }

    /// Recorded in every plan: what the method does, in words a reader of the plan can follow.
    public static let method =
        "LP by primal simplex with columns priced in from a restricted model, an LP dive, reduced-cost fixing, then GLPK branch and bound if still needed (counts and shortfalls first, then Driebeck-Tomlin; best-projection backtracking), presolve off; optimality certified over every column by LP prices and the objective step"

    public func solve(_ model: LinearModel, options: SolveOptions) throws(SolverError) -> MIPResult {
        try method.solve(model, options: options)
    }

    public func solveKeeping(_ model: LinearModel, options: SolveOptions) throws(SolverError) -> (MIPResult, (any WarmModel)?) {
        try method.solveKeeping(model, options: options)
    }
}
