import CGLPK
import Foundation
import PlannerModel
import PlannerSolving

/// The formats GLPK writes, under the name the rest of planner knows them by.
public typealias ModelFormat = PlannerSolving.ModelFormat

extension GLPKBackend {
    /// The model with its objective constant carried by a column fixed at 1: readers disagree
    /// on the sign of a constant written on the objective row (GLPK writes c0 there, HiGHS reads
    /// it as −c0), and a round with soft locks has one (issue 17's robustness ladder saw HiGHS
    /// "beat" a proven optimum by twice the constant). A fixed column means the same to all.
    public static func withConstantAsColumn(_ model: LinearModel) -> LinearModel {
        guard model.objectiveConstant != 0 else { return model }
        var exported = model
        let column = exported.addColumn("objective_constant", kind: .continuous, upper: 1, objective: model.objectiveConstant)
        exported.setLowerBound(column, 1)
        exported.objectiveConstant = 0
        return exported
    }

    public func write(_ model: LinearModel, format: ModelFormat, to path: String) throws(SolverError) {
        let problems = model.problems()
        guard problems.isEmpty else { throw .invalidModel(problems) }
        try checkLibrary()
        let code: Int32 = GLPKTerminal.capturing(nil) {
            let problem = GLPKProblem(Self.withConstantAsColumn(model))
            switch format {
            case .lp: return glp_write_lp(problem.pointer, nil, path)
            case .mps: return glp_write_mps(problem.pointer, GLP_MPS_FILE, nil, path)
            }
        }
        if code != 0 { throw .solverFailure("GLPK could not write the model to \(path)") }
    }
}
