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

/// Which of the method's columns (the model's, then added ones) GLPK holds, and in which of its
/// 1-based slots. A problem loaded with every column has slot = index + 1 throughout.
struct ColumnSlots {
    /// Per method column: its GLPK slot, or 0 when GLPK does not hold it.
    private var slotOfColumn: [Int32]
    /// Per GLPK slot (1-based; index 0 unused): the method's column.
    private var columnOfSlot: [Int]

    init(held: [Bool]) {
        slotOfColumn = [Int32](repeating: 0, count: held.count)
        columnOfSlot = [0]
        for (column, isHeld) in held.enumerated() where isHeld {
            columnOfSlot.append(column)
            slotOfColumn[column] = Int32(columnOfSlot.count - 1)
        }
    }

    /// Method columns, held or not.
    var count: Int { slotOfColumn.count }
    var heldCount: Int { columnOfSlot.count - 1 }

    func slot(of column: Int) -> Int32 { column < slotOfColumn.count ? slotOfColumn[column] : 0 }

    /// Records that GLPK now holds `column` (an existing method column, or the next new one) in `slot`.
    mutating func hold(_ column: Int, at slot: Int32) {
        precondition(Int(slot) == columnOfSlot.count, "GLPK adds columns at the end")
        if column == slotOfColumn.count { slotOfColumn.append(0) }
        slotOfColumn[column] = slot
        columnOfSlot.append(column)
    }

    /// The method's column in GLPK slot `slot`.
    func column(at slot: Int32) -> Int { columnOfSlot[Int(slot)] }

    /// Records that GLPK deleted `deleted` (slots, ascending) and renumbered the rest in order.
    mutating func forget(_ deleted: [Int32]) {
        let gone = Set(deleted)
        var kept = [0]
        for slot in 1..<columnOfSlot.count {
            let column = columnOfSlot[slot]
            if gone.contains(Int32(slot)) {
                slotOfColumn[column] = 0
            } else {
                kept.append(column)
                slotOfColumn[column] = Int32(kept.count - 1)
            }
        }
        columnOfSlot = kept
    }

    /// A value per method column (0 for those GLPK does not hold), read from GLPK by slot.
    func values(count: Int, _ read: (Int32) -> Double) -> [Double] {
        var values = [Double](repeating: 0, count: count)
        for slot in 1..<columnOfSlot.count where columnOfSlot[slot] < count {
            values[columnOfSlot[slot]] = read(Int32(slot))
        }
        return values
    }

    /// Method values as GLPK's 1-based vector over its `columns` slots (a column beyond
    /// `values` is 0); nil when a column GLPK does not hold has a value other than 0.
    func glpkVector(_ values: [Double], columns: Int) -> [Double]? {
        for (column, value) in values.enumerated() where value != 0 && slot(of: column) == 0 { return nil }
        var vector = [Double](repeating: 0, count: columns + 1)
        for slot in 1..<min(columns + 1, columnOfSlot.count) {
            let column = columnOfSlot[slot]
            if column < values.count { vector[slot] = values[column] }
        }
        return vector
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
