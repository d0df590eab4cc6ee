/// A mixed-integer linear program as plain data: what the solver backends read, what tests
/// inspect, what `planner export` writes. Indices are 0-based here; the GLPK backend alone
/// deals with GLPK's 1-based arrays.
public struct LinearModel: Sendable, Equatable {
    public enum Direction: Sendable, Equatable { case maximize, minimize }

    public enum Kind: Sendable, Equatable { case continuous, integer, binary }

    public struct Column: Sendable, Equatable {
        /// Built from ids only (never people's names): exported models carry no personal data.
        public var name: String
        public var lower: Double
        public var upper: Double
        public var kind: Kind
        public var objective: Double
        /// Branch on fractional columns of higher priority first (0: leave it to the solver).
        public var branchingPriority: Int = 0
    }

    public struct Term: Sendable, Equatable {
        public var column: Int
        public var coefficient: Double

        public init(column: Int, coefficient: Double) {
            self.column = column
            self.coefficient = coefficient
        }
    }

    /// `lower ≤ Σ terms ≤ upper`; nil means unbounded on that side.
    public struct Row: Sendable, Equatable {
        public var name: String
        public var lower: Double?
        public var upper: Double?
        public var terms: [Term]
    }

    public var name: String
    public var direction: Direction
    public var objectiveConstant: Double = 0
    public private(set) var columns: [Column] = []
    public private(set) var rows: [Row] = []

    public init(name: String, direction: Direction) {
        self.name = name
        self.direction = direction
    }

    @discardableResult
    public mutating func addColumn(_ name: String, kind: Kind, lower: Double = 0, upper: Double, objective: Double = 0) -> Int {
        columns.append(Column(name: name, lower: lower, upper: upper, kind: kind, objective: objective))
        return columns.count - 1
    }

    public mutating func addRow(_ name: String, terms: [Term], lower: Double? = nil, upper: Double? = nil) {
        rows.append(Row(name: name, lower: lower, upper: upper, terms: terms))
    }

    public mutating func setLowerBound(_ column: Int, _ value: Double) { columns[column].lower = value }

    public mutating func setUpperBound(_ column: Int, _ value: Double) { columns[column].upper = value }

    public mutating func setRowBounds(_ row: Int, lower: Double?, upper: Double?) {
        rows[row].lower = lower
        rows[row].upper = upper
    }

    public mutating func setBranchingPriority(_ column: Int, _ priority: Int) { columns[column].branchingPriority = priority }

    /// Gives the integer columns that `coefficients` leave at zero (among `among`, every column
    /// when nil) a branching priority above every other column's (`ObjectiveStage.branchFirstOnUncounted`).
    public mutating func branchFirst(onUncountedBy coefficients: [Double], among: [Bool]? = nil) {
        let top = (columns.map(\.branchingPriority).max() ?? 0) + 1
        for j in columns.indices where coefficients[j] == 0 && columns[j].kind != .continuous && (among?[j] ?? true) {
            columns[j].branchingPriority = top
        }
    }

    public mutating func addObjective(_ column: Int, _ amount: Double) { columns[column].objective += amount }

    public mutating func setObjective(_ column: Int, _ value: Double) { columns[column].objective = value }

    static let nameRule = "a name has 1 to 255 printable ASCII characters and no spaces"

    /// GLPK aborts on a name over 255 bytes or holding a control character; MPS forbids spaces.
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 255 && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    public var nonzeroCount: Int { rows.reduce(0) { $0 + $1.terms.count } }

    /// Whether `values` (one per column) meets every bound, integrality and row, within `tolerance`.
    public func isFeasible(_ values: [Double], tolerance: Double = 1e-9) -> Bool {
        guard values.count == columns.count else { return false }
        let boundsHold = columns.withUnsafeBufferPointer { columns in
            for j in 0..<columns.count {
                let value = values[j]
                guard value.isFinite, value >= columns[j].lower - tolerance, value <= columns[j].upper + tolerance else { return false }
                if columns[j].kind != .continuous && abs(value - value.rounded()) > tolerance { return false }
            }
            return true
        }
        guard boundsHold else { return false }
        for row in rows {
            let activity = row.terms.reduce(0) { $0 + $1.coefficient * values[$1.column] }
            if let lower = row.lower, activity < lower - tolerance { return false }
            if let upper = row.upper, activity > upper + tolerance { return false }
        }
        return true
    }

    /// The objective of `values` (one per column).
    public func objectiveValue(_ values: [Double]) -> Double {
        // Over a buffer, like every loop here that visits each column: iterating the array copies
        // each column, and its name (a heap string) is retained and released each time.
        columns.withUnsafeBufferPointer { columns in
            zip(columns.indices, values).reduce(objectiveConstant) { $0 + columns[$1.0].objective * $1.1 }
        }
    }

    /// Everything a solver library could choke on, checked in Swift: GLPK aborts the whole
    /// process on a bad index or a duplicate entry, and silently accepts NaN or lower > upper.
    /// What `problems()` would find in a model made from a checked one by adding its last row,
    /// changing objective coefficients and tightening bounds (an objective stage, `PricedSolve.runStages`):
    /// that row, and every column's coefficient and bounds, without the names of every column
    /// again. On the all-soft cliff round (800,000 columns) the whole check took 0.4 s a stage.
    public func problemsAfterAddingLastRow() -> [String] {
        var problems: [String] = []
        if !objectiveConstant.isFinite { problems.append("the objective constant is not finite") }
        let bad = columns.withUnsafeBufferPointer { columns in
            columns.indices.filter { j in
                !columns[j].objective.isFinite || !columns[j].lower.isFinite || columns[j].upper.isNaN
                    || columns[j].lower > columns[j].upper
            }
        }
        for index in bad {
            let column = columns[index]
            problems.append(
                "column \(index + 1) (\(column.name)): objective \(column.objective), bounds \(column.lower) to \(column.upper)")
        }
        guard let row = rows.last else { return problems + ["no row was added"] }
        let label = "row \(rows.count) (\(row.name))"
        if !LinearModel.isValidName(row.name) { problems.append("\(label): \(LinearModel.nameRule)") }
        if rows.dropLast().contains(where: { $0.name == row.name }) { problems.append("row name \(row.name) is used twice") }
        if let lower = row.lower, !lower.isFinite { problems.append("\(label): lower bound must be finite or absent") }
        if let upper = row.upper, !upper.isFinite { problems.append("\(label): upper bound must be finite or absent") }
        if let lower = row.lower, let upper = row.upper, lower > upper {
            problems.append("\(label): lower bound \(lower) exceeds upper bound \(upper)")
        }
        var seen = Set<Int>(minimumCapacity: row.terms.count)
        for term in row.terms {
            if term.column < 0 || term.column >= columns.count {
                problems.append("\(label): refers to column \(term.column + 1), which does not exist")
            } else if !seen.insert(term.column).inserted {
                problems.append("\(label): column \(columns[term.column].name) appears twice")
            }
            if !term.coefficient.isFinite { problems.append("\(label): coefficient \(term.coefficient) is not finite") }
        }
        return problems
    }

    /// What is wrong with column `index` alone (its name, objective and bounds): part of
    /// `problems()`, and all a model that differs from a checked one in that column's bounds
    /// needs checked again (a warm re-solve's forced pair).
    public func columnProblems(_ index: Int) -> [String] {
        let column = columns[index]
        // The label is built only for a problem: built for every column, it was a tenth of the
        // communes rung's model checks.
        var label: String { "column \(index + 1) (\(column.name))" }
        var problems: [String] = []
        if !LinearModel.isValidName(column.name) { problems.append("\(label): \(LinearModel.nameRule)") }
        if !column.objective.isFinite { problems.append("\(label): objective coefficient \(column.objective) is not finite") }
        if !column.lower.isFinite || column.lower.isNaN { problems.append("\(label): lower bound must be finite") }
        if column.upper.isNaN { problems.append("\(label): upper bound is NaN") }
        if column.lower > column.upper { problems.append("\(label): lower bound \(column.lower) exceeds upper bound \(column.upper)") }
        return problems
    }

    public func problems() -> [String] {
        var problems: [String] = []
        if !objectiveConstant.isFinite { problems.append("the objective constant is not finite") }
        for index in columns.indices { problems += columnProblems(index) }
        // The last row each column appeared in: a duplicate within a row, without a set per row.
        var lastRow = [Int](repeating: -1, count: columns.count)
        for (index, row) in rows.enumerated() {
            var label: String { "row \(index + 1) (\(row.name))" }
            if !LinearModel.isValidName(row.name) { problems.append("\(label): \(LinearModel.nameRule)") }
            if let lower = row.lower, !lower.isFinite { problems.append("\(label): lower bound must be finite or absent") }
            if let upper = row.upper, !upper.isFinite { problems.append("\(label): upper bound must be finite or absent") }
            if let lower = row.lower, let upper = row.upper, lower > upper {
                problems.append("\(label): lower bound \(lower) exceeds upper bound \(upper)")
            }
            for term in row.terms {
                if term.column < 0 || term.column >= columns.count {
                    problems.append("\(label): refers to column \(term.column + 1), which does not exist")
                } else if lastRow[term.column] == index {
                    problems.append("\(label): column \(columns[term.column].name) appears twice")
                } else {
                    lastRow[term.column] = index
                }
                if !term.coefficient.isFinite { problems.append("\(label): coefficient \(term.coefficient) is not finite") }
            }
        }
        var columnNames = Set<String>(minimumCapacity: columns.count)
        for column in columns where !columnNames.insert(column.name).inserted {
            problems.append("column name \(column.name) is used twice")
        }
        var rowNames = Set<String>(minimumCapacity: rows.count)
        for row in rows where !rowNames.insert(row.name).inserted {
            problems.append("row name \(row.name) is used twice")
        }
        return problems
    }
}
