import CGLPK
import Foundation
import PlannerModel
import PlannerSolving

/// The one owner of a `glp_prob`: it creates it, hands GLPK every call on it, and deletes it.
///
/// GLPK 5.0's allocator is thread-local: a problem object must be created, used and deleted on
/// the same OS thread, or the process aborts. The object records its thread and refuses a
/// solve from another; callers keep it inside one synchronous call on one thread (never
/// crossing an `await`), so the type is deliberately not `Sendable`. It may stay alive between
/// solves: a re-solve after a change of bounds starts from the basis the last one left.
public final class GLPKProblem: BackendProblem {
    let pointer: OpaquePointer
    private let owner = pthread_self()
    /// Which of the method's columns GLPK holds, and in which of its slots.
    private(set) var slots: ColumnSlots
    /// For a problem loaded with only some columns: the model and its columns, to add the
    /// others when they are brought in.
    private let source: (model: LinearModel, matrix: ColumnMajor)?
    /// Rows added after loading (`addRow`), by GLPK row slot, with each model column's
    /// coefficient: a column brought in later is given its entries in them too.
    private var addedRows: [(slot: Int32, coefficients: [Int: Double])] = []
    /// The objective set since loading (`setObjective`), for columns brought in later.
    private var objective: [Double]?

    /// Loads `model`, which must have passed `LinearModel.problems()`: every index, bound and
    /// coefficient is checked there, because GLPK aborts the process on a bad one.
    convenience init(_ model: LinearModel) {
        self.init(model, holding: nil, matrix: nil)
    }

    /// Loads the rows of `model` and the columns `held` marks (all when nil). A column left out
    /// is added when its bounds are first set to anything but 0: GLPK's simplex goes over every
    /// column it holds at each iteration, fixed or not, so a priced model of 588,000 columns of
    /// which 14,000 were in spent most of its LP time skipping the rest (docs/performance.md).
    init(_ model: LinearModel, holding held: [Bool]?, matrix: ColumnMajor?) {
        pointer = glp_create_prob()
        glp_set_prob_name(pointer, model.name)
        glp_set_obj_dir(pointer, model.direction == .maximize ? GLP_MAX : GLP_MIN)
        glp_set_obj_coef(pointer, 0, model.objectiveConstant)
        if !model.rows.isEmpty { glp_add_rows(pointer, Int32(model.rows.count)) }
        for (offset, row) in model.rows.enumerated() {
            let i = OneBased.slot(RowIndex(offset))
            glp_set_row_name(pointer, i, row.name)
            let bounds = glpkBounds(lower: row.lower, upper: row.upper)
            glp_set_row_bnds(pointer, i, bounds.type, bounds.lower, bounds.upper)
        }
        slots = ColumnSlots(held: held ?? [Bool](repeating: true, count: model.columns.count))
        source = held == nil ? nil : (model, matrix ?? ColumnMajor(model))
        if slots.heldCount > 0 { glp_add_cols(pointer, Int32(slots.heldCount)) }
        for (offset, column) in model.columns.enumerated() {
            let j = slots.slot(of: offset)
            guard j > 0 else { continue }
            describe(column, at: j)
        }
        // The matrix as GLPK's three 1-based arrays (row, column, value of each nonzero).
        var ia = OneBased.empty(dummy: Int32(0), capacity: model.nonzeroCount)
        var ja = OneBased.empty(dummy: Int32(0), capacity: model.nonzeroCount)
        var ar = OneBased.empty(dummy: 0.0, capacity: model.nonzeroCount)
        for (offset, row) in model.rows.enumerated() {
            for term in row.terms {
                let j = slots.slot(of: term.column)
                guard j > 0 else { continue }
                ia.append(OneBased.slot(RowIndex(offset)))
                ja.append(j)
                ar.append(term.coefficient)
            }
        }
        glp_load_matrix(pointer, Int32(ar.count - 1), &ia, &ja, &ar)
    }

    /// A column's name, kind, bounds and objective, in GLPK slot `j`.
    private func describe(_ column: LinearModel.Column, at j: Int32) {
        glp_set_col_name(pointer, j, column.name)
        // GLP_BV would reset the bounds to [0, 1] and lose a pinned lower bound of 1, so
        // binaries are integer columns with explicit bounds.
        glp_set_col_kind(pointer, j, column.kind == .continuous ? GLP_CV : GLP_IV)
        let bounds = glpkBounds(lower: column.lower, upper: column.upper.isFinite ? column.upper : nil)
        glp_set_col_bnds(pointer, j, bounds.type, bounds.lower, bounds.upper)
        glp_set_obj_coef(pointer, j, column.objective)
    }

    public func addRow(_ terms: [LinearModel.Term], lower: Double?, upper: Double?) {
        let i = glp_add_rows(pointer, 1)
        let bounds = glpkBounds(lower: lower, upper: upper)
        glp_set_row_bnds(pointer, i, bounds.type, bounds.lower, bounds.upper)
        var coefficients: [Int: Double] = [:]
        var held: [(slot: Int32, value: Double)] = []
        for term in terms where term.coefficient != 0 {
            coefficients[term.column] = term.coefficient
            let j = slots.slot(of: term.column)
            if j > 0 { held.append((j, term.coefficient)) }
        }
        addedRows.append((i, coefficients))
        var columns = OneBased.array(held.map(\.slot), dummy: 0, filler: 0)
        var values = OneBased.array(held.map(\.value), dummy: 0, filler: 0)
        glp_set_mat_row(pointer, i, Int32(held.count), &columns, &values)
    }

    public func setObjective(_ coefficients: [Double], constant: Double) {
        glp_set_obj_coef(pointer, 0, constant)
        for (offset, value) in coefficients.enumerated() {
            let j = slots.slot(of: offset)
            if j > 0 { glp_set_obj_coef(pointer, j, value) }
        }
        objective = coefficients
    }

    private init(copying other: GLPKProblem) {
        pointer = glp_create_prob()
        glp_copy_prob(pointer, other.pointer, GLP_OFF)
        slots = other.slots
        source = other.source
        addedRows = other.addedRows
        objective = other.objective
    }

    deinit {
        // Deleting from another thread would abort the process; leaking the problem does not.
        if onOwnerThread { glp_delete_prob(pointer) }
    }

    /// Whether the calling thread is the one GLPK's memory for this problem belongs to.
    private var onOwnerThread: Bool { pthread_equal(owner, pthread_self()) != 0 }
    private static let wrongThread = "a GLPK problem was used on a thread other than its own; GLPK would have aborted the process"

    public var columnCount: Int { slots.count }

    public func setColumnBounds(_ column: ColumnIndex, lower: Double?, upper: Double?) {
        var j = slots.slot(of: column.offset)
        if j == 0 {
            // Not held: it is at 0 already; anything else brings it in.
            guard lower != 0 || upper != 0, let source else { return }
            j = glp_add_cols(pointer, 1)
            slots.hold(column.offset, at: j)
            describe(source.model.columns[column.offset], at: j)
            if let objective { glp_set_obj_coef(pointer, j, objective[column.offset]) }
            var entries = source.matrix.entries(of: column.offset).map { (row: OneBased.slot(RowIndex($0.row)), value: $0.coefficient) }
            for added in addedRows {
                if let value = added.coefficients[column.offset] { entries.append((added.slot, value)) }
            }
            var rows = OneBased.array(entries.map(\.row), dummy: 0, filler: 0)
            var values = OneBased.array(entries.map(\.value), dummy: 0, filler: 0)
            glp_set_mat_col(pointer, j, Int32(entries.count), &rows, &values)
        }
        let bounds = glpkBounds(lower: lower, upper: upper)
        glp_set_col_bnds(pointer, j, bounds.type, bounds.lower, bounds.upper)
    }

    public func forgetColumnsFixedAtZero() {
        guard let source, onOwnerThread else { return }
        var gone: [Int32] = []
        let held = glp_get_num_cols(pointer)
        guard held > 0 else { return }
        for slot in 1...held where slots.column(at: slot) < source.model.columns.count {
            if glp_get_col_type(pointer, slot) == GLP_FX, glp_get_col_lb(pointer, slot) == 0, glp_get_col_stat(pointer, slot) != GLP_BS {
                gone.append(slot)
            }
        }
        guard !gone.isEmpty else { return }
        // Non-basic columns only: the basis stays the basis.
        var list = OneBased.array(gone, dummy: 0, filler: 0)
        glp_del_cols(pointer, Int32(gone.count), &list)
        slots.forget(gone)
    }

    public func addColumn(objective: Double, lower: Double, row: RowIndex, coefficient: Double) -> ColumnIndex {
        let j = glp_add_cols(pointer, 1)
        let index = slots.count
        slots.hold(index, at: j)
        let bounds = glpkBounds(lower: lower, upper: nil)
        glp_set_col_bnds(pointer, j, bounds.type, bounds.lower, bounds.upper)
        glp_set_obj_coef(pointer, j, objective)
        var rows = OneBased.array([OneBased.slot(row)], dummy: 0, filler: 0)
        var values = OneBased.array([coefficient], dummy: 0, filler: 0)
        glp_set_mat_col(pointer, j, 1, &rows, &values)
        return ColumnIndex(index)
    }

    public func solveLP(_ parameters: LPParameters) -> LPOutcome {
        guard onOwnerThread else { return .failed(Self.wrongThread) }
        var simplex = glp_smcp()
        glp_init_smcp(&simplex)
        simplex.msg_lev = parameters.verbose ? GLP_MSG_ON : GLP_MSG_OFF
        switch parameters.method {
        case .primal: simplex.meth = GLP_PRIMAL
        case .dualThenPrimal: simplex.meth = GLP_DUALP
        }
        simplex.presolve = GLP_OFF
        simplex.tm_lim = parameters.timeLimitMilliseconds
        simplex.it_lim = parameters.iterationLimit
        if let cutoff = parameters.objectiveCutoff, cutoff.isFinite {
            if glp_get_obj_dir(pointer) == GLP_MAX { simplex.obj_ll = cutoff } else { simplex.obj_ul = cutoff }
        }
        let started = Date()
        var code = glp_simplex(pointer, &simplex)
        // Stopped by a limit or the objective cutoff is an answer, not a failure.
        func failed(_ code: Int32) -> Bool { ![0, GLP_ETMLIM, GLP_EITLIM, GLP_EOBJLL, GLP_EOBJUL].contains(code) }
        func timeLeft() {
            guard parameters.timeLimitMilliseconds != Int32.max else { return }
            let spent = Int32(min(Double(Int32.max), Date().timeIntervalSince(started) * 1000))
            simplex.tm_lim = max(0, parameters.timeLimitMilliseconds - spent)
        }
        if failed(code) {
            // The library's numerics gave up (a review's round, 2026-12-06: "basis matrix is
            // singular" in a stage's LP, under a ratio test since dropped): once more from the
            // standard basis, within the time left, before the solve is called failed.
            timeLeft()
            glp_std_basis(pointer)
            code = glp_simplex(pointer, &simplex)
        }
        switch code {
        case 0: break
        case GLP_ETMLIM, GLP_EITLIM: return .timeLimit
        case GLP_EOBJLL, GLP_EOBJUL: return .cutOff
        default: return .failed(GLPKReturnCode.describe(code))
        }
        switch glp_get_status(pointer) {
        case GLP_OPT: return .optimal
        case GLP_NOFEAS: return .infeasible
        case GLP_UNBND: return .unbounded
        default:
            if glp_get_prim_stat(pointer) == GLP_NOFEAS { return .infeasible }
            if glp_get_dual_stat(pointer) == GLP_NOFEAS && glp_get_prim_stat(pointer) != GLP_FEAS { return .infeasible }
            return .failed("the LP ended without a status GLPK documents for this case")
        }
    }

    public var objectiveValue: Double { glp_get_obj_val(pointer) }

    public func columnValue(_ column: ColumnIndex) -> Double {
        let j = slots.slot(of: column.offset)
        return j == 0 ? 0 : glp_get_col_prim(pointer, j)
    }

    public func columnValues(count: Int) -> [Double] {
        slots.values(count: count) { glp_get_col_prim(pointer, $0) }
    }

    public func rowPrices(count: Int) -> [Double] {
        (0..<count).map { glp_get_row_dual(pointer, OneBased.slot(RowIndex($0))) }
    }

    public var simplexIterations: Int { Int(glp_get_it_cnt(pointer)) }

    public func basis() -> BasisSnapshot {
        let rows = Int(glp_get_num_rows(pointer))
        let columns = Int(glp_get_num_cols(pointer))
        return BasisSnapshot(
            rows: rows == 0 ? [] : (1...rows).map { glp_get_row_stat(pointer, Int32($0)) },
            columns: columns == 0 ? [] : (1...columns).map { glp_get_col_stat(pointer, Int32($0)) })
    }

    public func restore(_ basis: BasisSnapshot) {
        // GLPK takes any status for any row or column (it turns a bound status the variable's
        // bounds do not have into the one they do), but the counts must be the problem's own:
        // a snapshot from before rows or columns were added is not a basis of this problem.
        guard basis.rows.count == Int(glp_get_num_rows(pointer)), basis.columns.count == Int(glp_get_num_cols(pointer)) else { return }
        for (offset, status) in basis.rows.enumerated() { glp_set_row_stat(pointer, Int32(offset + 1), status) }
        for (offset, status) in basis.columns.enumerated() { glp_set_col_stat(pointer, Int32(offset + 1), status) }
    }

    public func copy() -> GLPKProblem { GLPKProblem(copying: self) }

    public var usableHere: Bool { onOwnerThread }

    public func branchAndBound(_ parameters: SearchParameters, guide: inout SearchGuide) -> SearchOutcome {
        guard onOwnerThread else { return SearchOutcome(ending: .failed(Self.wrongThread), solution: .undefined) }
        var integer = glp_iocp()
        glp_init_iocp(&integer)
        integer.msg_lev = parameters.verbose ? GLP_MSG_ON : GLP_MSG_OFF
        integer.presolve = GLP_OFF  // branch from the optimal basis in place
        integer.tm_lim = parameters.timeLimitMilliseconds
        integer.mip_gap = parameters.relativeGap
        integer.mir_cuts = parameters.roundingCuts ? GLP_ON : GLP_OFF
        if parameters.everyCut {
            integer.gmi_cuts = GLP_ON
            integer.cov_cuts = GLP_ON
            integer.clq_cuts = GLP_ON
        }
        switch parameters.preprocessing {
        case .none: integer.pp_tech = GLP_PP_NONE
        case .root: integer.pp_tech = GLP_PP_ROOT
        case .everyNode: integer.pp_tech = GLP_PP_ALL
        }
        switch parameters.branching {
        case .driebeckTomlin: integer.br_tech = GLP_BR_DTH
        case .mostFractional: integer.br_tech = GLP_BR_MFV
        }
        switch parameters.backtracking {
        case .bestProjection: integer.bt_tech = GLP_BT_BPH
        }
        if parameters.proximitySearch {
            integer.ps_heur = GLP_ON
            // Never longer than the search may take, nor than GLPK's own default of a minute.
            integer.ps_tm_lim = min(parameters.timeLimitMilliseconds, 60_000)
        }
        var context = SearchContext(guide: guide, slots: slots)
        let code: Int32 = withUnsafeMutablePointer(to: &context) { contextPointer in
            integer.cb_info = UnsafeMutableRawPointer(contextPointer)
            integer.cb_func = { tree, info in
                guard let tree, let info else { return }
                let context = info.assumingMemoryBound(to: SearchContext.self)
                context.pointee.guide.handle(GLPKSearchTree(tree: tree, slots: context.pointee.slots))
            }
            return glp_intopt(pointer, &integer)
        }
        guide = context.guide
        let ending: SearchOutcome.Ending
        switch code {
        case 0: ending = .completed
        case GLP_EMIPGAP: ending = .gapReached
        case GLP_ESTOP: ending = .stoppedByGuide
        case GLP_ETMLIM: ending = .timeLimit
        case GLP_ENOPFS: ending = .noPrimalFeasible
        default: ending = .failed(GLPKReturnCode.describe(code))
        }
        let solution: SearchOutcome.Solution
        switch glp_mip_status(pointer) {
        case GLP_OPT: solution = .optimal
        case GLP_FEAS: solution = .feasible
        case GLP_NOFEAS: solution = .infeasible
        default: solution = .undefined
        }
        var outcome = SearchOutcome(ending: ending, solution: solution)
        if outcome.hasSolution {
            outcome.values = slots.values(count: slots.count) { glp_mip_col_val(pointer, $0) }
            outcome.objective = glp_mip_obj_val(pointer)
        }
        return outcome
    }
}

/// GLPK's search tree during a callback, as the method's `SearchGuide` sees it.
struct GLPKSearchTree: SearchTree {
    let tree: OpaquePointer
    let slots: ColumnSlots

    var event: SearchEvent {
        switch glp_ios_reason(tree) {
        case GLP_IBRANCH: return .branch
        case GLP_IHEUR: return .heuristic
        case GLP_ISELECT: return .select
        default: return .other
        }
    }

    var nodesCreated: Int {
        var created: Int32 = 0
        glp_ios_tree_size(tree, nil, nil, &created)
        return Int(created)
    }

    var bestNodeBound: Double? {
        let node = glp_ios_best_node(tree)
        return node == 0 ? nil : glp_ios_node_bound(tree, node)
    }

    var incumbentObjective: Double? {
        let problem = glp_ios_get_prob(tree)
        return glp_mip_status(problem) == GLP_FEAS ? glp_mip_obj_val(problem) : nil
    }

    func relaxationValues(count: Int) -> [Double] {
        let problem = glp_ios_get_prob(tree)
        return slots.values(count: count) { glp_get_col_prim(problem, $0) }
    }

    func relaxationValue(_ column: ColumnIndex) -> Double {
        let j = slots.slot(of: column.offset)
        return j == 0 ? 0 : glp_get_col_prim(glp_ios_get_prob(tree), j)
    }

    func canBranch(on column: ColumnIndex) -> Bool {
        let j = slots.slot(of: column.offset)
        return j != 0 && glp_ios_can_branch(tree, j) != 0
    }

    func branch(on column: ColumnIndex, upFirst: Bool) {
        glp_ios_branch_upon(tree, slots.slot(of: column.offset), upFirst ? GLP_UP_BRNCH : GLP_DN_BRNCH)
    }

    /// GLPK reads a value for every one of its columns, in its own slots; a shorter array would
    /// be read past its end. A plan that uses a column GLPK does not hold is not offered.
    @discardableResult
    func offer(_ values: [Double]) -> Bool {
        guard let vector = slots.glpkVector(values, columns: Int(glp_get_num_cols(glp_ios_get_prob(tree)))) else { return false }
        var slotted = vector
        return glp_ios_heur_sol(tree, &slotted) == 0
    }

    func terminate() { glp_ios_terminate(tree) }
}

/// The guide and the column map, handed to GLPK's callback as one pointer.
private struct SearchContext {
    var guide: SearchGuide
    let slots: ColumnSlots
}
