import CGLPK
import Foundation
import PlannerModel

/// GLPK's branch and cut behind the `MIPSolver` protocol.
///
/// How it is driven, and why (docs/model.md, "Solving"): the root LP is solved first with
/// `glp_simplex`, then `glp_intopt` branches from that optimal basis with presolve off.
/// Letting `glp_intopt` presolve instead re-solves the root LP its own way, which was 14 times
/// slower on a 600-post round (../shared/design/ecosystem.md). Cuts are off.
public struct GLPKSolver: MIPSolver {
    public init() {}

    public var name: String { "GLPK" }
    public var version: String { GLPKSolver.libraryVersion }

    public static let method = "root LP by dual simplex (flip ratio test), then GLPK branch and bound (branching on counts and shortfalls first, then Driebeck-Tomlin; best-projection backtracking), presolve off"

    /// The linked library's own version string, e.g. "5.0".
    public static var libraryVersion: String { String(cString: glp_version()) }

    public func solve(_ model: LinearModel, options: SolveOptions) throws(SolverError) -> MIPResult {
        var problems = model.problems()
        if let limit = options.timeLimit, !(limit.isFinite && limit >= 0) { problems.append("time limit \(limit) must be a finite number of seconds ≥ 0") }
        if !(options.relativeGap.isFinite && options.relativeGap >= 0) { problems.append("relative gap \(options.relativeGap) must be finite and ≥ 0") }
        guard problems.isEmpty else { throw .invalidModel(problems) }
        if model.columns.isEmpty { return Self.solveEmpty(model) }
        return try GLPKTerminal.capturing(options.log) { () throws(SolverError) -> MIPResult in
            try Self.run(GLPKProblem(model), model: model, options: options)
        }
    }

    /// A model without columns is decided by its constant rows; GLPK is not asked.
    static func solveEmpty(_ model: LinearModel) -> MIPResult {
        let feasible = model.rows.allSatisfy { ($0.lower ?? 0) <= 0 && 0 <= ($0.upper ?? 0) }
        guard feasible else { return MIPResult(status: .infeasible) }
        return MIPResult(status: .optimal, values: [], objective: model.objectiveConstant, bound: model.objectiveConstant)
    }

    static func milliseconds(_ seconds: Double?, since start: Date) -> Int32 {
        guard let seconds else { return Int32.max }
        let left = seconds - Date().timeIntervalSince(start)
        return Int32(max(0, min(Double(Int32.max), (left * 1000).rounded(.down))))
    }

    static func run(_ problem: GLPKProblem, model: LinearModel, options: SolveOptions) throws(SolverError) -> MIPResult {
        let start = Date()
        let verbose = options.log != nil
        var statistics = SolveStatistics()

        var simplex = glp_smcp()
        glp_init_smcp(&simplex)
        simplex.msg_lev = verbose ? GLP_MSG_ON : GLP_MSG_OFF
        // Dual simplex with the flip ratio test. Measured on the city round (22k columns,
        // `planner solve Scenarios/city.json --verbose`, release build): the primal simplex
        // solves the root LP in 2.1 s against 12.5 s, yet the whole proven-optimal solve took
        // 67.6 s after the primal against 57.6 s after the dual (one run each).
        simplex.meth = GLP_DUALP
        simplex.r_test = GLP_RT_FLIP
        simplex.presolve = GLP_OFF
        simplex.tm_lim = milliseconds(options.timeLimit, since: start)
        let lpCode = glp_simplex(problem.pointer, &simplex)
        statistics.lpSeconds = Date().timeIntervalSince(start)
        statistics.simplexIterations = Int(glp_get_it_cnt(problem.pointer))
        switch lpCode {
        case 0:
            break
        case GLP_ETMLIM, GLP_EITLIM:
            return MIPResult(status: .timeLimitWithoutSolution, statistics: statistics)
        default:
            throw .solverFailure("the LP relaxation failed: " + GLPKReturnCode.describe(lpCode))
        }
        switch glp_get_status(problem.pointer) {
        case GLP_OPT:
            statistics.lpBound = glp_get_obj_val(problem.pointer)
        case GLP_NOFEAS:
            return MIPResult(status: .infeasible, statistics: statistics)
        case GLP_UNBND:
            return MIPResult(status: .unbounded, statistics: statistics)
        default:
            // The dual simplex proves primal infeasibility through dual unboundedness.
            if glp_get_dual_stat(problem.pointer) == GLP_NOFEAS && glp_get_prim_stat(problem.pointer) != GLP_FEAS {
                return MIPResult(status: .infeasible, statistics: statistics)
            }
            throw .solverFailure("the LP relaxation ended without a status GLPK documents for this case")
        }

        let branchStart = Date()
        var tree = BranchAndBoundRecord()
        tree.heuristic = options.heuristic
        tree.model = options.heuristic == nil && options.start == nil ? nil : model
        tree.start = options.start
        // Columns with a branching priority, highest first, 1-based for GLPK.
        tree.prioritized = model.columns.indices.filter { model.columns[$0].branchingPriority > 0 }
            .sorted { (model.columns[$0].branchingPriority, -$0) > (model.columns[$1].branchingPriority, -$1) }
            .map { (Int32($0 + 1), model.columns[$0].branchingPriority) }
        var integer = glp_iocp()
        glp_init_iocp(&integer)
        integer.msg_lev = verbose ? GLP_MSG_ON : GLP_MSG_OFF
        integer.presolve = GLP_OFF  // branch from the optimal basis found above
        integer.tm_lim = milliseconds(options.timeLimit, since: start)
        integer.mip_gap = options.relativeGap
        integer.br_tech = GLP_BR_DTH
        // Best projection: on the city round the bound is proven almost at once and the time
        // goes into finding a first plan. Best-local-bound never dives and took 114 s; best
        // projection dives and backtracks by bound: 86 s (and depth first 87 s) with the other
        // core busy, same optimum. The feasibility pump did not help (115 s).
        integer.bt_tech = GLP_BT_BPH
        let intCode: Int32 = withUnsafeMutablePointer(to: &tree) { record in
            integer.cb_info = UnsafeMutableRawPointer(record)
            integer.cb_func = { treePointer, info in
                guard let treePointer, let info else { return }
                let record = info.assumingMemoryBound(to: BranchAndBoundRecord.self)
                var created: Int32 = 0
                glp_ios_tree_size(treePointer, nil, nil, &created)
                record.pointee.nodes = Int(created)
                switch glp_ios_reason(treePointer) {
                case GLP_IBRANCH:
                    record.pointee.branch(treePointer)
                case GLP_IHEUR:
                    record.pointee.offerHeuristicPlan(treePointer)
                default:
                    let node = glp_ios_best_node(treePointer)
                    if node != 0 { record.pointee.bound = glp_ios_node_bound(treePointer, node) }
                }
            }
            return glp_intopt(problem.pointer, &integer)
        }
        statistics.branchSeconds = Date().timeIntervalSince(branchStart)
        statistics.nodes = tree.nodes
        statistics.simplexIterations = Int(glp_get_it_cnt(problem.pointer))

        let mipStatus = glp_mip_status(problem.pointer)
        let hasSolution = mipStatus == GLP_OPT || mipStatus == GLP_FEAS
        let status: MIPStatus
        switch intCode {
        case 0:
            switch mipStatus {
            case GLP_OPT: status = .optimal
            case GLP_FEAS: status = .feasible
            case GLP_NOFEAS: return MIPResult(status: .infeasible, statistics: statistics)
            default: throw .solverFailure("branch and bound ended without a solution status")
            }
        case GLP_EMIPGAP:
            // Stopped because the requested relative gap was reached: optimal as asked.
            status = hasSolution ? .optimal : .timeLimitWithoutSolution
        case GLP_ETMLIM, GLP_ESTOP:
            status = hasSolution ? .feasible : .timeLimitWithoutSolution
        case GLP_ENOPFS:
            return MIPResult(status: .infeasible, statistics: statistics)
        default:
            throw .solverFailure("branch and bound failed: " + GLPKReturnCode.describe(intCode))
        }
        guard hasSolution else { return MIPResult(status: status, statistics: statistics) }

        var values = [Double](repeating: 0, count: model.columns.count)
        for (offset, column) in model.columns.enumerated() {
            let value = glp_mip_col_val(problem.pointer, Int32(offset + 1))
            values[offset] = column.kind == .continuous ? value : value.rounded()
        }
        let objective = glp_mip_obj_val(problem.pointer)
        var bound: Double
        if status == .optimal && options.relativeGap == 0 {
            bound = objective
        } else {
            bound = tree.bound ?? statistics.lpBound ?? objective
            // A recorded node bound can lag behind the final incumbent; never report a bound
            // on the wrong side of the plan actually found.
            bound = model.direction == .maximize ? max(bound, objective) : min(bound, objective)
        }
        return MIPResult(status: status, values: values, objective: objective, bound: bound, statistics: statistics)
    }
}

/// What the branch-and-bound callback keeps: the best bound among open nodes, and the columns
/// to branch on first.
struct BranchAndBoundRecord {
    var bound: Double?
    /// Nodes created so far (GLPK's t_cnt).
    var nodes = 0
    /// The application's rounding heuristic, and the model to check its answers against.
    var heuristic: (@Sendable ([Double]) -> [Double]?)?
    var model: LinearModel?
    var heuristicCalls = 0
    /// A warm start not yet offered.
    var start: [Double]?
    /// (GLPK column index, priority), highest priority first.
    var prioritized: [(Int32, Int)] = []

    /// At a request for a heuristic solution: rounds the node's LP relaxation with the
    /// application's heuristic and, when the result passes every row and bound (GLPK checks
    /// nothing it is given), offers it as a new incumbent. Tried at the first requests and then
    /// at every 25th, so that it costs little on long searches.
    mutating func offerHeuristicPlan(_ tree: OpaquePointer) {
        if let start, let model {
            self.start = nil
            if start.count == model.columns.count, model.isFeasible(start) { _ = glp_ios_heur_sol(tree, [0] + start) }
        }
        guard let heuristic, let model else { return }
        heuristicCalls += 1
        guard heuristicCalls <= 3 || heuristicCalls % 25 == 0 else { return }
        let problem = glp_ios_get_prob(tree)
        let relaxation = (0..<model.columns.count).map { glp_get_col_prim(problem, Int32($0 + 1)) }
        guard let plan = heuristic(relaxation), model.isFeasible(plan) else { return }
        let oneBased = [0] + plan
        _ = glp_ios_heur_sol(tree, oneBased)  // non-zero: no better than the incumbent
    }

    /// At a branching request, picks among the fractional columns of the highest priority the
    /// most fractional one; when none is fractional, GLPK's own rule (Driebeck–Tomlin) decides.
    func branch(_ tree: OpaquePointer) {
        guard !prioritized.isEmpty else { return }
        let problem = glp_ios_get_prob(tree)
        var best: (column: Int32, priority: Int, distance: Double)?
        for (column, priority) in prioritized {
            if let best, priority < best.priority { break }
            guard glp_ios_can_branch(tree, column) != 0 else { continue }
            let value = glp_get_col_prim(problem, column)
            let distance = abs(value - value.rounded(.down) - 0.5)
            if best == nil || distance < best!.distance { best = (column, priority, distance) }
        }
        guard let best else { return }
        let value = glp_get_col_prim(problem, best.column)
        // Explore first the branch the LP leans to.
        glp_ios_branch_upon(tree, best.column, value - value.rounded(.down) >= 0.5 ? GLP_UP_BRNCH : GLP_DN_BRNCH)
    }
}

/// GLPK's return codes in GLPK's own words, in one table (as GLPK.jl keeps them).
enum GLPKReturnCode {
    static func describe(_ code: Int32) -> String {
        let text: String
        switch code {
        case GLP_EBADB: text = "invalid basis"
        case GLP_ESING: text = "singular matrix"
        case GLP_ECOND: text = "ill-conditioned matrix"
        case GLP_EBOUND: text = "invalid bounds"
        case GLP_EFAIL: text = "solver failed"
        case GLP_EOBJLL: text = "objective lower limit reached"
        case GLP_EOBJUL: text = "objective upper limit reached"
        case GLP_EITLIM: text = "iteration limit exceeded"
        case GLP_ETMLIM: text = "time limit exceeded"
        case GLP_ENOPFS: text = "no primal feasible solution"
        case GLP_ENODFS: text = "no dual feasible solution"
        case GLP_EROOT: text = "root LP optimum not provided"
        case GLP_ESTOP: text = "search terminated by application"
        case GLP_EMIPGAP: text = "relative MIP gap tolerance reached"
        default: text = "unknown return code"
        }
        return "\(text) (GLPK code \(code))"
    }
}
