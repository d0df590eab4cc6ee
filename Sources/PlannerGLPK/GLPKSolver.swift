import CGLPK
import Foundation
import PlannerModel

/// GLPK's branch and cut behind the `MIPSolver` protocol.
///
/// How it is driven, and why (docs/model.md "Solving", docs/performance.md): the LP
/// relaxation is solved with `glp_simplex` over a restricted model whose other columns are
/// priced in from the LP's row prices; an LP dive looks for a plan at the LP bound; columns
/// that cannot improve on it are fixed out; `glp_intopt` branches, with presolve off, only
/// when the plan in hand is not yet proven. Every claim of optimality is certified over all
/// columns by `DualBound`. Cuts are off.
public struct GLPKSolver: MIPSolver {
    public init() {}

    public var name: String { "GLPK" }
    public var version: String { GLPKSolver.libraryVersion }

    public static let method = "LP by primal simplex with columns priced in from a restricted model, an LP dive, reduced-cost fixing, then GLPK branch and bound if still needed (counts and shortfalls first, then Driebeck-Tomlin; best-projection backtracking), presolve off; optimality certified over every column by LP prices and the objective step"

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

    /// What one call of `glp_simplex` ended with.
    enum LPOutcome { case optimal, infeasible, unbounded, timeLimit }

    static func solveLP(_ problem: GLPKProblem, options: SolveOptions, since start: Date) throws(SolverError) -> LPOutcome {
        var simplex = glp_smcp()
        glp_init_smcp(&simplex)
        simplex.msg_lev = options.log != nil ? GLP_MSG_ON : GLP_MSG_OFF
        // Primal simplex. Measured on the city round with the share hull rows (docs/performance.md):
        // the dual simplex took 21.2 s and 35,657 iterations to the LP optimum, the primal 4.4 s and
        // 9,851; before the hull rows the dual's vertex had made branching shorter, now both
        // need a handful of nodes. Re-solves after pricing start from a primal feasible basis,
        // which is the primal simplex's case.
        simplex.meth = GLP_PRIMAL
        simplex.presolve = GLP_OFF
        simplex.tm_lim = milliseconds(options.timeLimit, since: start)
        let code = glp_simplex(problem.pointer, &simplex)
        switch code {
        case 0: break
        case GLP_ETMLIM, GLP_EITLIM: return .timeLimit
        default: throw .solverFailure("the LP relaxation failed: " + GLPKReturnCode.describe(code))
        }
        switch glp_get_status(problem.pointer) {
        case GLP_OPT: return .optimal
        case GLP_NOFEAS: return .infeasible
        case GLP_UNBND: return .unbounded
        default:
            if glp_get_prim_stat(problem.pointer) == GLP_NOFEAS { return .infeasible }
            if glp_get_dual_stat(problem.pointer) == GLP_NOFEAS && glp_get_prim_stat(problem.pointer) != GLP_FEAS { return .infeasible }
            throw .solverFailure("the LP relaxation ended without a status GLPK documents for this case")
        }
    }

    /// The restricted model: which columns GLPK may use. A column left out is fixed at 0,
    /// which GLPK's simplex skips at no cost; bringing it in restores its bounds.
    struct Restriction {
        var active: [Bool]
        var leftOut: Int

        init(_ model: LinearModel, core: [Bool]?, start: [Double]?) {
            var active = core ?? [Bool](repeating: true, count: model.columns.count)
            if model.direction != .maximize || active.count != model.columns.count {
                active = [Bool](repeating: true, count: model.columns.count)
            }
            for (j, column) in model.columns.enumerated() {
                // Only a whole-number column at 0 can be left out: using it means x ≥ 1, which
                // is what the certificate prices. A warm start's columns come in with it.
                if column.kind == .continuous || column.lower > 0 || (start.map { j < $0.count && $0[j] != 0 } ?? false) { active[j] = true }
            }
            self.active = active
            leftOut = active.count { !$0 }
        }

        mutating func bringIn(_ columns: some Sequence<Int>, _ problem: GLPKProblem, _ model: LinearModel) {
            for j in columns where !active[j] {
                active[j] = true
                leftOut -= 1
                let column = model.columns[j]
                let upper: Double? = column.upper.isFinite ? column.upper : nil
                let (type, lower, upperBound) = GLPKProblem.boundType(lower: column.lower, upper: upper)
                glp_set_col_bnds(problem.pointer, Int32(j + 1), type, lower, upperBound)
            }
        }

        mutating func leave(_ columns: [Int], _ problem: GLPKProblem) {
            for j in columns where active[j] {
                active[j] = false
                leftOut += 1
                glp_set_col_bnds(problem.pointer, Int32(j + 1), GLP_FX, 0, 0)
            }
        }

        func allows(_ values: [Double]) -> Bool { zip(active, values).allSatisfy { $0 || $1 == 0 } }

        func leaveOut(_ problem: GLPKProblem) {
            for j in active.indices where !active[j] { glp_set_col_bnds(problem.pointer, Int32(j + 1), GLP_FX, 0, 0) }
        }
    }

    /// Elastic columns for a restricted LP found infeasible: one per row that x = 0 leaves
    /// short (a lower bound above 0, an upper bound below 0), at a price no plan's gain can
    /// pay. With them the restricted LP is feasible, so its row prices can price in whatever
    /// candidates a hard rule needs; they are fixed at 0 once pricing is done. Added only on
    /// need: on a feasible core they cost the city round's LP two extra solves.
    static func addElasticColumns(_ problem: GLPKProblem, model: LinearModel) -> [Int32] {
        let largest = model.columns.reduce(0) { max($0, abs($1.objective)) }
        let price = 1000 * (1 + largest)
        var added: [Int32] = []
        for (i, row) in model.rows.enumerated() {
            let sign: Double
            if let lower = row.lower, lower > 0 { sign = 1 } else if let upper = row.upper, upper < 0 { sign = -1 } else { continue }
            let j = glp_add_cols(problem.pointer, 1)
            glp_set_col_bnds(problem.pointer, j, GLP_LO, 0, 0)
            glp_set_obj_coef(problem.pointer, j, model.direction == .maximize ? -price : price)
            var index: [Int32] = [0, Int32(i + 1)]
            var value: [Double] = [0, sign]
            glp_set_mat_col(problem.pointer, j, 1, &index, &value)
            added.append(j)
        }
        return added
    }

    static func rowPrices(_ problem: GLPKProblem, count: Int) -> [Double] {
        (0..<count).map { glp_get_row_dual(problem.pointer, Int32($0 + 1)) }
    }

    static func run(_ problem: GLPKProblem, model: LinearModel, options: SolveOptions) throws(SolverError) -> MIPResult {
        let start = Date()
        let note: (String) -> Void = { options.log?($0) }
        var statistics = SolveStatistics()
        // The larger of the model's own step and the gap asked for: either proves a plan.
        let ownStep = model.objectiveStep()
        let step = options.absoluteGap > (ownStep ?? 0) ? options.absoluteGap : ownStep
        statistics.objectiveStep = step
        var restriction = Restriction(model, core: options.pricingCore, start: options.start)
        let priced = restriction.leftOut > 0
        let matrix = model.direction == .maximize ? ColumnMajor(model) : nil
        restriction.leaveOut(problem)
        var elastic: [Int32] = []
        var elasticUsed = false
        // The best plan in hand, for an answer when the search is stopped.
        var incumbent = options.start

        /// The answer of a search cut short: the plan in hand (feasible, or optimal when `proving`
        /// and `bound` proves it), else no plan; the bound never below the plan.
        func planInHand(bound: Double?, interrupted: Bool, proving: Bool = false) -> MIPResult {
            var result = MIPResult(status: .timeLimitWithoutSolution, bound: bound, statistics: statistics)
            if let plan = incumbent, plan.count == model.columns.count, model.isFeasible(plan) {
                let objective = model.objectiveValue(plan)
                let proven = proving && (bound.map { proves($0, incumbent: objective, step: step) } ?? false)
                result = MIPResult(status: proven ? .optimal : .feasible, values: plan, objective: objective,
                                   bound: bound.map { max($0, objective) }, statistics: statistics)
            }
            result.interrupted = interrupted && result.status != .optimal
            return result
        }

        // The LP relaxation over every column: solve the restricted LP, price the columns left
        // out with its row prices, bring in those that would improve it, until none would.
        var prices: DualBound?
        func relaxation() throws(SolverError) -> MIPResult? {
            while true {
                // Asked to stop: no new LP is started, and one that ran is not trusted as optimal.
                var outcome = SolveInterruption.isRequested ? .timeLimit : try solveLP(problem, options: options, since: start)
                if SolveInterruption.isRequested { outcome = .timeLimit }
                statistics.pricingRounds += 1
                note("planner: LP \(statistics.pricingRounds) \(outcome), value \(glp_get_obj_val(problem.pointer)), \(model.columns.count - restriction.leftOut) columns in, \(String(format: "%.2f", Date().timeIntervalSince(start))) s")
                statistics.simplexIterations = Int(glp_get_it_cnt(problem.pointer))
                switch outcome {
                case .optimal: break
                case .infeasible:
                    // The restricted model may lack the candidates a hard rule needs: make it
                    // elastic so that its prices find them (once), else bring in every column.
                    if restriction.leftOut > 0, matrix != nil, !elasticUsed {
                        elastic = addElasticColumns(problem, model: model)
                        elasticUsed = true
                        continue
                    }
                    if restriction.leftOut > 0 { restriction.bringIn(model.columns.indices, problem, model); continue }
                    return MIPResult(status: .infeasible, statistics: statistics)
                case .unbounded: return MIPResult(status: .unbounded, statistics: statistics)
                case .timeLimit:
                    // The plan given to start from (or found since) is still a plan, with the
                    // best bound any row prices give: the last LP's, or the interrupted one's.
                    return planInHand(bound: stoppedBound(problem, model: model, matrix: matrix, last: prices),
                                      interrupted: SolveInterruption.isRequested)
                }
                guard let matrix else { return nil }
                let bound = DualBound(model: model, columns: matrix, rowPrices: rowPrices(problem, count: model.rows.count))
                prices = bound
                var entering = model.columns.indices.filter { !restriction.active[$0] && bound.reducedCosts[$0] > 1e-6 }
                if entering.isEmpty {
                    guard elastic.isEmpty else {
                        // Priced out: the elastic columns retire, and the LP is solved without them.
                        for j in elastic { glp_set_col_bnds(problem.pointer, j, GLP_FX, 0, 0) }
                        elastic = []
                        continue
                    }
                    return nil
                }
                // The best columns first, at most half as many as rows per round: bringing in all
                // 50,000 that price positive on the communes round made the next LP slower
                // than two rounds of 4,000 (docs/performance.md).
                let cap = options.pricingBatch ?? max(500, model.rows.count / 2)
                if entering.count > cap {
                    entering = Array(entering.sorted { (bound.reducedCosts[$0], -$0) > (bound.reducedCosts[$1], -$1) }.prefix(cap))
                }
                restriction.bringIn(entering, problem, model)
            }
        }
        if let early = try relaxation() { statistics.lpSeconds = Date().timeIntervalSince(start); return early }
        statistics.lpSeconds = Date().timeIntervalSince(start)
        statistics.lpBound = prices?.value ?? glp_get_obj_val(problem.pointer)
        if options.relaxationOnly {
            let values = (0..<model.columns.count).map { glp_get_col_prim(problem.pointer, Int32($0 + 1)) }
            return MIPResult(status: .optimal, values: values, objective: glp_get_obj_val(problem.pointer), bound: statistics.lpBound,
                             statistics: statistics)
        }

        let branchStart = Date()
        if let matrix, options.dive, !SolveInterruption.isRequested {
            let deadline = options.timeLimit.map { start.addingTimeInterval($0) } ?? .distantFuture
            if let dived = GLPKDive.dive(problem, model: model, matrix: matrix, rounding: options.heuristic,
                                          allowed: restriction.active, prices: prices, deadline: deadline, log: note),
               model.isFeasible(dived), restriction.allows(dived),
               incumbent.map({ model.objectiveValue(dived) > model.objectiveValue($0) }) ?? true {
                incumbent = dived
            }
            note("planner: best plan after the dive \(incumbent.map { String(model.objectiveValue($0)) } ?? "none"), \(String(format: "%.2f", Date().timeIntervalSince(start))) s")
        }
        while true {
            if let incumbent, let prices {
                // Reduced-cost fixing: a column whose every use is bounded below the plan in hand
                // plus a step cannot be in a better plan; GLPK branches without it. The
                // certificate below prices it again with every column left out.
                let improving = Self.improvingValue(model.objectiveValue(incumbent), step: step)
                let dropped = model.columns.indices.filter { j in
                    restriction.active[j] && incumbent[j] == 0 && model.columns[j].kind != .continuous && model.columns[j].lower == 0
                        && prices.valueUsing(j, in: model) < improving && glp_get_col_prim(problem.pointer, Int32(j + 1)) == 0
                }
                if !dropped.isEmpty {
                    restriction.leave(dropped, problem)
                    note("planner: reduced-cost fixing left out \(dropped.count); columns in \(model.columns.count - restriction.leftOut)")
                    if let early = try relaxation() { return early }
                }
            }
            let run: BranchAndBoundRun
            if SolveInterruption.isRequested, incumbent != nil {
                // Stopped before branching: the plan in hand, with the LP bound.
                statistics.columnsUsed = priced ? model.columns.count - restriction.leftOut : nil
                return planInHand(bound: prices?.value, interrupted: true, proving: true)
            } else if let incumbent, let prices, proves(prices.value, incumbent: model.objectiveValue(incumbent), step: step) {
                // The plan in hand is within a step of the LP bound over every column: optimal
                // without a search.
                let result = MIPResult(status: .optimal, values: incumbent, objective: model.objectiveValue(incumbent), bound: prices.value)
                run = BranchAndBoundRun(result: result, status: .optimal, infeasible: false, nodes: 0)
            } else {
                run = try branchAndBound(problem, model: model, options: options, since: start, start: incumbent,
                                         allowed: restriction.active, step: step)
            }
            statistics.nodes += run.nodes
            statistics.simplexIterations = Int(glp_get_it_cnt(problem.pointer))
            statistics.branchSeconds = Date().timeIntervalSince(branchStart)
            guard var result = run.result else {
                // Stopped (by a signal, or by the time limit before GLPK took the plan in hand
                // as its incumbent): the plan in hand is still the answer, never "no plan".
                if run.interrupted || run.status == .timeLimitWithoutSolution {
                    statistics.columnsUsed = priced ? model.columns.count - restriction.leftOut : nil
                    return planInHand(bound: prices?.value, interrupted: run.interrupted)
                }
                if run.infeasible, restriction.leftOut > 0 {
                    // No plan among the columns in: the certificate needs a plan, so bring in all.
                    restriction.bringIn(model.columns.indices, problem, model)
                    if let early = try relaxation() { return early }
                    continue
                }
                statistics.columnsUsed = priced ? model.columns.count - restriction.leftOut : nil
                return MIPResult(status: run.status, statistics: statistics)
            }
            // A search cut short may end below the plan in hand (GLPK had not taken it yet).
            if result.status != .optimal, let plan = incumbent, model.isFeasible(plan),
               model.objectiveValue(plan) > (result.objective ?? -.infinity) {
                result.values = plan
                result.objective = model.objectiveValue(plan)
                result.bound = result.bound.map { max($0, result.objective!) }
            }
            // Certificate: a plan better than this one by a step (or by more than a hair,
            // without a step) would have to use a column left out; price each with the LP's
            // row prices (`DualBound.valueUsing`).
            let objective = result.objective!
            let improving = Self.improvingValue(objective, step: step)
            var outside = -Double.infinity
            var needed: [Int] = []
            if let prices {
                for j in model.columns.indices where !restriction.active[j] {
                    let best = prices.valueUsing(j, in: model)
                    outside = max(outside, best)
                    if step == nil ? best > improving : best >= improving { needed.append(j) }
                }
            }
            result.interrupted = run.interrupted
            if needed.isEmpty || result.status != .optimal || run.interrupted {
                statistics.columnsUsed = priced ? model.columns.count - restriction.leftOut : nil
                let bound = max(result.bound ?? objective, outside)
                result.bound = bound
                statistics.provenBound = bound
                result.statistics = statistics
                // Never claim a proof the bound does not carry.
                let proven = Self.proves(bound, incumbent: objective, step: step)
                if result.status == .optimal, options.relativeGap == 0, !proven { result.status = .feasible }
                result.rowPrices = prices?.rowPrices
                return result
            }
            restriction.bringIn(needed, problem, model)
            if let early = try relaxation() { return early }
            incumbent = result.values
        }
    }

    /// Whether `bound` (maximising) leaves no room for a plan better than `incumbent`: less than
    /// one objective step above it, or not above it by more than rounding noise without a step.
    public static func proves(_ bound: Double, incumbent: Double, step: Double?) -> Bool {
        step == nil ? bound <= improvingValue(incumbent, step: nil) : bound < improvingValue(incumbent, step: step)
    }

    /// The least objective a plan better than `incumbent` can have, less a margin for rounding
    /// noise: one step up, or the incumbent itself without a step.
    static func improvingValue(_ incumbent: Double, step: Double?) -> Double {
        let margin = roundingMargin(incumbent, step: step)
        return step.map { incumbent + $0 - margin } ?? incumbent + margin
    }

    /// Rounding noise allowed for in a proof: 10⁻⁷ of the objective, but never more than a
    /// quarter of a step. (Uncapped, it exceeded the step at an objective of 513,000 on the
    /// stress rung, and no bound could prove a plan there.)
    static func roundingMargin(_ incumbent: Double, step: Double?) -> Double {
        let relative = 1e-7 * max(1, abs(incumbent))
        return step.map { min(relative, $0 / 4) } ?? relative
    }

    struct BranchAndBoundRun {
        var result: MIPResult?
        var status: MIPStatus
        var infeasible: Bool
        var nodes: Int
        /// Stopped by `SolveInterruption`.
        var interrupted = false
    }

    /// A bound for a search stopped before its LP was solved: the least of what the last
    /// optimal LP's prices, the interrupted LP's current prices, and prices found without an
    /// LP give (`DualBound` holds for any prices).
    static func stoppedBound(_ problem: GLPKProblem, model: LinearModel, matrix: ColumnMajor?, last: DualBound?) -> Double? {
        guard let matrix else { return last?.value }
        var best = last?.value ?? .infinity
        best = min(best, DualBound(model: model, columns: matrix, rowPrices: rowPrices(problem, count: model.rows.count)).value)
        best = min(best, DualBound.withoutLP(model, columns: matrix).value)
        return best.isFinite ? best : nil
    }

    /// One `glp_intopt` from the optimal basis in place, over the columns currently in.
    static func branchAndBound(_ problem: GLPKProblem, model: LinearModel, options: SolveOptions, since start: Date,
                               start warm: [Double]?, allowed: [Bool]?, step: Double?) throws(SolverError) -> BranchAndBoundRun {
        var tree = BranchAndBoundRecord()
        tree.heuristic = options.heuristic
        tree.model = options.heuristic == nil && warm == nil ? nil : model
        tree.start = warm
        tree.allowed = allowed
        tree.step = step
        tree.maximize = model.direction == .maximize
        // Columns with a branching priority, highest first, 1-based for GLPK.
        tree.prioritized = model.columns.indices.filter { model.columns[$0].branchingPriority > 0 }
            .sorted { (model.columns[$0].branchingPriority, -$0) > (model.columns[$1].branchingPriority, -$1) }
            .map { (Int32($0 + 1), model.columns[$0].branchingPriority) }
        var integer = glp_iocp()
        glp_init_iocp(&integer)
        integer.msg_lev = options.log != nil ? GLP_MSG_ON : GLP_MSG_OFF
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
                if SolveInterruption.isRequested {
                    record.pointee.interrupted = true
                    glp_ios_terminate(treePointer)
                    return
                }
                switch glp_ios_reason(treePointer) {
                case GLP_IBRANCH:
                    record.pointee.branch(treePointer)
                case GLP_IHEUR:
                    record.pointee.offerHeuristicPlan(treePointer)
                default:
                    record.pointee.trackBound(treePointer)
                }
            }
            return glp_intopt(problem.pointer, &integer)
        }

        let mipStatus = glp_mip_status(problem.pointer)
        let hasSolution = mipStatus == GLP_OPT || mipStatus == GLP_FEAS
        let status: MIPStatus
        switch intCode {
        case 0:
            switch mipStatus {
            case GLP_OPT: status = .optimal
            case GLP_FEAS: status = .feasible
            case GLP_NOFEAS: return BranchAndBoundRun(status: .infeasible, infeasible: true, nodes: tree.nodes)
            default: throw .solverFailure("branch and bound ended without a solution status")
            }
        case GLP_EMIPGAP:
            // Stopped because the requested relative gap was reached: optimal as asked.
            status = hasSolution ? .optimal : .timeLimitWithoutSolution
        case GLP_ESTOP where tree.provenByStep:
            // Stopped by the callback: every open node's bound is below the plan plus one step.
            status = .optimal
        case GLP_ETMLIM, GLP_ESTOP:
            status = hasSolution ? .feasible : .timeLimitWithoutSolution
        case GLP_ENOPFS:
            return BranchAndBoundRun(status: .infeasible, infeasible: true, nodes: tree.nodes)
        default:
            throw .solverFailure("branch and bound failed: " + GLPKReturnCode.describe(intCode))
        }
        guard hasSolution else { return BranchAndBoundRun(status: status, infeasible: false, nodes: tree.nodes, interrupted: tree.interrupted) }

        var values = [Double](repeating: 0, count: model.columns.count)
        for (offset, column) in model.columns.enumerated() {
            let value = glp_mip_col_val(problem.pointer, Int32(offset + 1))
            values[offset] = column.kind == .continuous ? value : value.rounded()
        }
        let objective = glp_mip_obj_val(problem.pointer)
        var bound: Double
        if status == .optimal && options.relativeGap == 0 && !tree.provenByStep {
            bound = objective
        } else {
            bound = tree.bound ?? objective
            // A recorded node bound can lag behind the final incumbent; never report a bound
            // on the wrong side of the plan actually found.
            bound = model.direction == .maximize ? max(bound, objective) : min(bound, objective)
        }
        let result = MIPResult(status: status, values: values, objective: objective, bound: bound)
        return BranchAndBoundRun(result: result, status: status, infeasible: false, nodes: tree.nodes, interrupted: tree.interrupted)
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
    /// In a priced solve, the columns GLPK may use; a plan using another is not offered.
    var allowed: [Bool]?
    /// The objective step (see `LinearModel.objectiveStep`), and whether the search was
    /// stopped because the best open bound fell below the plan plus one step.
    var step: Double?
    var provenByStep = false
    /// The search was stopped by `SolveInterruption`.
    var interrupted = false
    var maximize = true
    /// (GLPK column index, priority), highest priority first.
    var prioritized: [(Int32, Int)] = []

    /// At a request for a heuristic solution: rounds the node's LP relaxation with the
    /// application's heuristic and, when the result passes every row and bound (GLPK checks
    /// nothing it is given), offers it as a new incumbent. Tried at the first requests and then
    /// at every 25th, so that it costs little on long searches.
    mutating func offerHeuristicPlan(_ tree: OpaquePointer) {
        if let start, let model {
            self.start = nil
            if start.count == model.columns.count, usesAllowedColumnsOnly(start), model.isFeasible(start) { _ = glp_ios_heur_sol(tree, Self.oneBased(start, tree)) }
        }
        guard let heuristic, let model else { return }
        heuristicCalls += 1
        guard heuristicCalls <= 3 || heuristicCalls % 25 == 0 else { return }
        let problem = glp_ios_get_prob(tree)
        let relaxation = (0..<model.columns.count).map { glp_get_col_prim(problem, Int32($0 + 1)) }
        guard let plan = heuristic(relaxation), usesAllowedColumnsOnly(plan), model.isFeasible(plan) else { return }
        _ = glp_ios_heur_sol(tree, Self.oneBased(plan, tree))  // non-zero: no better than the incumbent
    }

    /// GLPK's 1-based vector over all of its columns: the model's, then the elastic ones
    /// (fixed at 0), which GLPK reads too; a shorter array would be read past its end.
    static func oneBased(_ values: [Double], _ tree: OpaquePointer) -> [Double] {
        let columns = Int(glp_get_num_cols(glp_ios_get_prob(tree)))
        var vector = [0] + values
        if vector.count < columns + 1 { vector += [Double](repeating: 0, count: columns + 1 - vector.count) }
        return vector
    }

    func usesAllowedColumnsOnly(_ values: [Double]) -> Bool {
        guard let allowed else { return true }
        return zip(allowed, values).allSatisfy { $0 || $1 == 0 }
    }

    /// Records the best open node's bound and, when the objective moves in whole steps and
    /// that bound is less than one step above the plan in hand, stops the search: no better
    /// plan exists among the open nodes.
    mutating func trackBound(_ tree: OpaquePointer) {
        let node = glp_ios_best_node(tree)
        guard node != 0 else { return }
        let bound = glp_ios_node_bound(tree, node)
        self.bound = bound
        guard let step, glp_ios_reason(tree) == GLP_ISELECT else { return }
        let problem = glp_ios_get_prob(tree)
        guard glp_mip_status(problem) == GLP_FEAS else { return }
        let incumbent = glp_mip_obj_val(problem)
        let margin = GLPKSolver.roundingMargin(incumbent, step: step)
        if maximize ? bound < incumbent + step - margin : bound > incumbent - step + margin {
            provenByStep = true
            glp_ios_terminate(tree)
        }
    }

    /// At a branching request, picks among the fractional columns of the highest priority the
    /// most fractional one; when none is fractional, GLPK's own rule (Driebeck–Tomlin) decides.
    func branch(_ tree: OpaquePointer) {
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
