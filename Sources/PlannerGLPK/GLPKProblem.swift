import CGLPK
import PlannerModel

/// Owns one `glp_prob` for the length of one call, on one thread.
///
/// GLPK 5.0's allocator is thread-local: a problem object must be created, used and deleted on
/// the same OS thread, or the process aborts. Keeping the object inside one synchronous call
/// (never stored, never crossing an `await`) guarantees that; this type is deliberately not
/// `Sendable`.
final class GLPKProblem {
    let pointer: OpaquePointer

    /// Loads `model`, which must have passed `LinearModel.problems()`: every index, bound and
    /// coefficient is checked there, because GLPK aborts the process on a bad one.
    init(_ model: LinearModel) {
        pointer = glp_create_prob()
        glp_set_prob_name(pointer, model.name)
        glp_set_obj_dir(pointer, model.direction == .maximize ? GLP_MAX : GLP_MIN)
        glp_set_obj_coef(pointer, 0, model.objectiveConstant)
        if !model.rows.isEmpty { glp_add_rows(pointer, Int32(model.rows.count)) }
        if !model.columns.isEmpty { glp_add_cols(pointer, Int32(model.columns.count)) }
        for (offset, row) in model.rows.enumerated() {
            let i = Int32(offset + 1)
            glp_set_row_name(pointer, i, row.name)
            let (type, lower, upper) = GLPKProblem.boundType(lower: row.lower, upper: row.upper)
            glp_set_row_bnds(pointer, i, type, lower, upper)
        }
        for (offset, column) in model.columns.enumerated() {
            let j = Int32(offset + 1)
            glp_set_col_name(pointer, j, column.name)
            // GLP_BV would reset the bounds to [0, 1] and lose a pinned lower bound of 1, so
            // binaries are integer columns with explicit bounds.
            glp_set_col_kind(pointer, j, column.kind == .continuous ? GLP_CV : GLP_IV)
            let upper: Double? = column.upper.isFinite ? column.upper : nil
            let (type, lower, upperBound) = GLPKProblem.boundType(lower: column.lower, upper: upper)
            glp_set_col_bnds(pointer, j, type, lower, upperBound)
            glp_set_obj_coef(pointer, j, column.objective)
        }
        // GLPK's arrays are 1-based: slot 0 is a dummy that GLPK never reads.
        let count = model.nonzeroCount
        var rowIndex = [Int32](repeating: 0, count: count + 1)
        var columnIndex = [Int32](repeating: 0, count: count + 1)
        var values = [Double](repeating: 0, count: count + 1)
        var k = 1
        for (offset, row) in model.rows.enumerated() {
            for term in row.terms {
                rowIndex[k] = Int32(offset + 1)
                columnIndex[k] = Int32(term.column + 1)
                values[k] = term.coefficient
                k += 1
            }
        }
        glp_load_matrix(pointer, Int32(count), &rowIndex, &columnIndex, &values)
    }

    deinit {
        glp_delete_prob(pointer)
    }

    static func boundType(lower: Double?, upper: Double?) -> (Int32, Double, Double) {
        switch (lower, upper) {
        case (nil, nil): return (GLP_FR, 0, 0)
        case (let l?, nil): return (GLP_LO, l, 0)
        case (nil, let u?): return (GLP_UP, 0, u)
        case (let l?, let u?): return l == u ? (GLP_FX, l, u) : (GLP_DB, l, u)
        }
    }
}
