import CGLPK
import PlannerSolving

/// GLPK's 1-based arrays and indices, in one place. GLPK numbers rows and columns from 1, and
/// every array it reads has a dummy slot 0 that it never reads; the rest of planner counts
/// from 0 (`ColumnIndex`, `RowIndex`). Every index and array handed to GLPK is made here.
enum OneBased {
    static func slot(_ column: ColumnIndex) -> Int32 { Int32(column.offset + 1) }
    static func slot(_ row: RowIndex) -> Int32 { Int32(row.offset + 1) }
    static func column(_ slot: Int32) -> ColumnIndex { ColumnIndex(Int(slot) - 1) }

    /// An array holding only the dummy slot 0, with room for `capacity` entries after it: the
    /// large arrays (the matrix's) are built in place this way, never copied behind a dummy.
    static func empty<Element>(dummy: Element, capacity: Int) -> [Element] {
        var array = [dummy]
        array.reserveCapacity(capacity + 1)
        return array
    }

    /// `values` behind a dummy slot 0, padded with `filler` to `count` entries after the dummy.
    static func array<Element>(_ values: [Element], dummy: Element, paddedTo count: Int = 0, filler: Element) -> [Element] {
        var array = [dummy] + values
        if array.count < count + 1 { array += [Element](repeating: filler, count: count + 1 - array.count) }
        return array
    }
}

/// GLPK's bound type for a pair of optional bounds: free, lower, upper, double, or fixed.
func glpkBounds(lower: Double?, upper: Double?) -> (type: Int32, lower: Double, upper: Double) {
    switch (lower, upper) {
    case (nil, nil): return (GLP_FR, 0, 0)
    case (let l?, nil): return (GLP_LO, l, 0)
    case (nil, let u?): return (GLP_UP, 0, u)
    case (let l?, let u?): return l == u ? (GLP_FX, l, u) : (GLP_DB, l, u)
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
