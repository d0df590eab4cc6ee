import CGLPK
import Foundation
import PlannerModel
import PlannerSolving

/// The formats GLPK writes, under the name the rest of planner knows them by.
public typealias ModelFormat = PlannerSolving.ModelFormat

extension GLPKBackend {
    public func write(_ model: LinearModel, format: ModelFormat, to path: String) throws(SolverError) {
        let problems = model.problems()
        guard problems.isEmpty else { throw .invalidModel(problems) }
        try checkLibrary()
        let code: Int32 = GLPKTerminal.capturing(nil) {
            let problem = GLPKProblem(model)
            switch format {
            case .lp: return glp_write_lp(problem.pointer, nil, path)
            case .mps: return glp_write_mps(problem.pointer, GLP_MPS_FILE, nil, path)
            }
        }
        if code != 0 { throw .solverFailure("GLPK could not write the model to \(path)") }
    }
}
