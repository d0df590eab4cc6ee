import CGLPK
import Foundation
import PlannerModel

/// Writes a model in a format other solvers read, as GLPK itself writes it.
public enum ModelFormat: String, Sendable, CaseIterable {
    /// CPLEX LP. GLPK rewrites characters LP names cannot hold ('-' becomes '~', '[' '(' ).
    case lp
    /// Free MPS.
    case mps
}

public enum GLPKExport {
    /// Writes `model` to `path`. Names come from the model (ids only, never people's names).
    public static func write(_ model: LinearModel, format: ModelFormat, to path: String) throws(SolverError) {
        let problems = model.problems()
        guard problems.isEmpty else { throw .invalidModel(problems) }
        try GLPKBackend().checkLibrary()
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
