import CGLPK
import Foundation
import PlannerModel
import PlannerSolving

/// GLPK as a `SolverBackend`: loads models into `GLPKProblem`s and routes GLPK's terminal.
public struct GLPKBackend: SolverBackend {
    public init() {}

    public var name: String { "GLPK" }
    public var version: String { GLPKBackend.libraryVersion }

    /// The linked library's own version string, e.g. "5.0".
    public static var libraryVersion: String { String(cString: glp_version()) }

    /// The version of GLPK's header this build was compiled against.
    public static let headerVersion = (major: Int(GLP_MAJOR_VERSION), minor: Int(GLP_MINOR_VERSION))

    /// The linked library is checked once per process: its parameter structures (glp_smcp,
    /// glp_iocp) must have the layout of the header planner was built with, and GLPK before 4.65
    /// lacks the per-thread state that solving on several threads needs.
    private static let libraryCheck: SolverError? = versionProblem(linked: libraryVersion, built: headerVersion)

    public func checkLibrary() throws(SolverError) {
        if let problem = Self.libraryCheck { throw problem }
    }

    /// Why a linked GLPK `linked` ("5.0") cannot be used by a build against `built`, or nil.
    public static func versionProblem(linked: String, built: (major: Int, minor: Int)) -> SolverError? {
        let parts = linked.split(separator: ".").map { Int($0) }
        let builtText = "\(built.major).\(built.minor)"
        let advice =
            "install the GLPK that planner was built with (Debian: apt-get install libglpk-dev, then rebuild planner with `swift build -c release`)"
        guard parts.count >= 2, let major = parts[0], let minor = parts[1] else {
            return .solverFailure("the GLPK library reports an unreadable version \"\(linked)\"; \(advice)")
        }
        if major != built.major {
            return .solverFailure(
                "the GLPK library loaded is version \(linked), but planner was built with GLPK \(builtText) headers; \(advice)")
        }
        if (major, minor) < (4, 65) {
            return .solverFailure("GLPK \(linked) is too old: planner needs GLPK 4.65 or later; \(advice)")
        }
        return nil
    }

    public func load(_ model: LinearModel) -> GLPKProblem { GLPKProblem(model) }

    public func load(_ model: LinearModel, holding held: [Bool], matrix: ColumnMajor) -> GLPKProblem {
        GLPKProblem(model, holding: held, matrix: matrix)
    }

    /// Frees GLPK's state on the calling thread (its environment and memory pools), which GLPK
    /// keeps per thread until the process ends: a worker thread calls this as its last act, so
    /// that a sweep of many points does not keep one environment per finished thread. Safe on a
    /// thread where GLPK was never used; GLPK starts afresh if it is used again. No problem of
    /// this thread may be alive.
    public static func releaseThreadState() {
        _ = glp_free_env()
    }

    public func capturingOutput<T, Failure: Error>(
        _ log: (@Sendable (String) -> Void)?, _ body: () throws(Failure) -> T
    ) throws(Failure) -> T {
        try GLPKTerminal.capturing(log, body)
    }
}
