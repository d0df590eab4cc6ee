/// Upper bounds on a maximisation model from any row prices, computed in Swift.
///
/// For row prices y (one per row) and any x within the column bounds that meets every row,
///
///     c·x = Σ_i y_i · (a_i·x) + Σ_j d_j · x_j,   d_j = c_j − Σ_i y_i a_ij,
///
/// and each row's activity lies within its bounds, so
///
///     c·x ≤ Σ_i max_{r ∈ [lo_i, up_i]} y_i · r + Σ_j max_{x_j ∈ [l_j, u_j]} d_j · x_j = L(y).
///
/// This holds for every y (a price pointing at an absent bound is set to 0 first), so the
/// bound is sound whatever the LP solver's tolerances were: prices from an optimal LP basis only
/// make it tight. It is what certifies that columns priced out of a restricted model cannot
/// improve a plan: any plan using column j is worth at most `L − best_j + (d_j at x_j ≥ 1)`.
public struct DualBound: Sendable {
    /// L(y), constant included.
    public let value: Double
    /// d_j for every column.
    public let reducedCosts: [Double]
    /// max d_j·x_j over column j's bounds: its share of `value`.
    let columnTerms: [Double]
    /// The row prices used, after a price pointing at an absent bound was set to 0.
    public let rowPrices: [Double]

    /// The best any solution with x_j ≥ 1 can reach (j integer with lower bound 0).
    public func valueUsing(_ j: Int, in model: LinearModel) -> Double {
        let d = reducedCosts[j]
        let column = model.columns[j]
        let least = max(1, column.lower)
        return value - columnTerms[j] + max(d * least, d * column.upper)
    }

    public init(model: LinearModel, columns: ColumnMajor, rowPrices: [Double]) {
        precondition(model.direction == .maximize && rowPrices.count == model.rows.count)
        var total = model.objectiveConstant
        var prices = rowPrices
        for (i, row) in model.rows.enumerated() {
            var y = prices[i]
            if !y.isFinite || (y > 0 && row.upper == nil) || (y < 0 && row.lower == nil) { y = 0 }
            prices[i] = y
            if y > 0 { total += y * row.upper! } else if y < 0 { total += y * row.lower! }
        }
        var reduced = [Double](repeating: 0, count: model.columns.count)
        var terms = [Double](repeating: 0, count: model.columns.count)
        // Over buffers: called after every LP on models of up to 800,000 columns, where copying
        // each column (its name a heap string) and slicing its entries retained and released
        // twice per column, a tenth of the whole solve on a soft round (bench/mixes, mix 03).
        model.columns.withUnsafeBufferPointer { modelColumns in
            columns.start.withUnsafeBufferPointer { start in
                columns.entries.withUnsafeBufferPointer { entries in
                    prices.withUnsafeBufferPointer { y in
                        for j in 0..<modelColumns.count {
                            var d = modelColumns[j].objective
                            for k in start[j]..<start[j + 1] { d -= y[entries[k].row] * entries[k].coefficient }
                            reduced[j] = d
                            let term = d > 0 ? d * modelColumns[j].upper : d * modelColumns[j].lower
                            terms[j] = term
                            total += term
                        }
                    }
                }
            }
        }
        value = total
        reducedCosts = reduced
        columnTerms = terms
        self.rowPrices = prices
    }
}

extension DualBound {
    /// Which columns some solution worth at least `threshold` may use: every column but the
    /// whole ones at 0 in `plan` whose every use these prices bound below `threshold`
    /// (`valueUsing`). What the stated order's stages keep after each proof.
    public func columns(reaching threshold: Double, in model: LinearModel, plan: [Double]) -> [Bool] {
        model.columns.indices.map { j in
            let column = model.columns[j]
            guard column.kind != .continuous, column.lower == 0, plan[j] == 0 else { return true }
            return valueUsing(j, in: model) >= threshold
        }
    }

    /// Which columns every solution worth at least `threshold` must use: the whole ones within
    /// [0, 1] at 1 in `plan` whose absence these prices bound below `threshold` (the bound with
    /// x_j = 0 is `value` less the column's own term). The counterpart of `columns(reaching:)`:
    /// after a proof whose LP bound is the optimum (the city round's is), most of the plan is in
    /// every plan of the optimum, and the stated order's stages need not choose it again.
    public func columnsRequired(reaching threshold: Double, in model: LinearModel, plan: [Double]) -> [Bool] {
        model.columns.indices.map { j in
            let column = model.columns[j]
            guard column.kind != .continuous, column.lower == 0, column.upper == 1, plan[j] == 1 else { return false }
            return value - columnTerms[j] < threshold
        }
    }

    /// A bound without any LP, for a search stopped before its first LP was solved: each
    /// column's gain is charged to one row that caps it (a positive coefficient, a finite upper
    /// bound), at the price that makes the column worthless; on a rotation model that is "every
    /// post gets its best candidate". Two charges are tried, to the first such row of each
    /// column and to the last, and the lesser bound is kept. Valid like every `DualBound`.
    public static func withoutLP(_ model: LinearModel, columns matrix: ColumnMajor) -> DualBound {
        var best: DualBound?
        for lastRow in [false, true] {
            var prices = [Double](repeating: 0, count: model.rows.count)
            for (j, column) in model.columns.enumerated() where column.objective > 0 {
                let rows = matrix.entries(of: j).filter { $0.coefficient > 0 && (model.rows[$0.row].upper ?? -1) >= 0 }
                guard let entry = lastRow ? rows.last : rows.first else { continue }
                prices[entry.row] = max(prices[entry.row], column.objective / entry.coefficient)
            }
            let bound = DualBound(model: model, columns: matrix, rowPrices: prices)
            if best.map({ bound.value < $0.value }) ?? true { best = bound }
        }
        return best!
    }
}

/// The model's matrix by column: which rows each column appears in.
public struct ColumnMajor: Sendable {
    public struct Entry: Sendable {
        public var row: Int
        public var coefficient: Double
    }
    let start: [Int]
    let entries: [Entry]

    public init(_ model: LinearModel) {
        var counts = [Int](repeating: 0, count: model.columns.count + 1)
        for row in model.rows { for term in row.terms { counts[term.column + 1] += 1 } }
        for j in 0..<model.columns.count { counts[j + 1] += counts[j] }
        var next = counts
        var entries = [Entry](repeating: Entry(row: 0, coefficient: 0), count: counts[model.columns.count])
        for (i, row) in model.rows.enumerated() {
            for term in row.terms {
                entries[next[term.column]] = Entry(row: i, coefficient: term.coefficient)
                next[term.column] += 1
            }
        }
        start = counts
        self.entries = entries
    }

    public func entries(of column: Int) -> ArraySlice<Entry> { entries[start[column]..<start[column + 1]] }

    init(start: [Int], entries: [Entry]) {
        self.start = start
        self.entries = entries
    }

    /// The matrix with one more row, numbered `row` (after every row it holds), whose terms
    /// name each column at most once: what `init(model)` gives for the model with that row
    /// added, without going over every row again (an objective stage adds its held row to a
    /// model of 800,000 columns on the all-soft cliff round, where the rebuild took 0.18 s).
    public func adding(row: Int, terms: [LinearModel.Term]) -> ColumnMajor {
        let columns = start.count - 1
        var coefficient = [Double?](repeating: nil, count: columns)
        for term in terms { coefficient[term.column] = term.coefficient }
        var newStart = [Int](repeating: 0, count: columns + 1)
        var newEntries: [Entry] = []
        newEntries.reserveCapacity(entries.count + terms.count)
        for j in 0..<columns {
            newStart[j] = newEntries.count
            newEntries.append(contentsOf: entries[start[j]..<start[j + 1]])
            if let value = coefficient[j] { newEntries.append(Entry(row: row, coefficient: value)) }
        }
        newStart[columns] = newEntries.count
        return ColumnMajor(start: newStart, entries: newEntries)
    }
}

extension LinearModel {
    /// The step g such that every solution's objective is the constant plus a whole multiple
    /// of g: the gcd of the objective coefficients when all columns are integer and the
    /// coefficients are fractions with denominators up to 10,000 (0.025 on the city round).
    /// nil when there is no such step. With a step, a bound below incumbent + g proves the
    /// incumbent optimal: no solution lies strictly between.
    public func objectiveStep() -> Double? {
        var denominator = 1
        for column in columns where column.objective != 0 {
            guard column.kind != .continuous, let (_, d) = Self.fraction(column.objective) else { return nil }
            denominator = Self.lcm(denominator, d)
            guard denominator <= 1_000_000 else { return nil }
        }
        // The numerators over the common denominator, and their gcd.
        var g = 0
        for column in columns where column.objective != 0 {
            let scaled = column.objective * Double(denominator)
            let whole = scaled.rounded()
            guard abs(scaled - whole) <= 1e-6 * max(1, abs(whole)), abs(whole) < 1e15 else { return nil }
            g = Self.gcd(g, Int(abs(whole)))
        }
        guard g > 0 else { return nil }
        return Double(g) / Double(denominator)
    }

    /// v as n/d with d ≤ 10,000 when it is one to within 1e-9 (by continued fractions).
    static func fraction(_ v: Double) -> (Int, Int)? {
        guard v.isFinite, abs(v) < 1e12 else { return nil }
        var (h0, h1) = (0, 1)
        var (k0, k1) = (1, 0)
        var x = abs(v)
        for _ in 0..<30 {
            let a = x.rounded(.down)
            guard a < 1e12 else { return nil }
            let ai = Int(a)
            (h0, h1) = (h1, ai * h1 + h0)
            (k0, k1) = (k1, ai * k1 + k0)
            if k1 > 10_000 { return nil }
            if abs(Double(h1) / Double(k1) - abs(v)) <= 1e-9 * max(1, abs(v)) { return (v < 0 ? -h1 : h1, k1) }
            let rest = x - a
            guard rest > 1e-12 else { break }
            x = 1 / rest
        }
        return abs(Double(h1) / Double(k1) - abs(v)) <= 1e-9 * max(1, abs(v)) ? (v < 0 ? -h1 : h1, k1) : nil
    }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
    static func lcm(_ a: Int, _ b: Int) -> Int { a / gcd(a, b) * b }
}

/// A certificate that a model's rows cannot all hold, checked in Swift over every column.
///
/// For any row prices y, every x within the column bounds that meets every row satisfies
///
///     0 = Σ_i y_i · (a_i·x) − Σ_j (Σ_i y_i a_ij) · x_j ≤ Σ_i max_{r ∈ [lo_i, up_i]} y_i · r + Σ_j max_{x_j ∈ [l_j, u_j]} −(y·a_j) · x_j = F(y)
///
/// (Farkas' lemma in the form of `DualBound` with a zero objective). So F(y) < 0 proves that no
/// such x exists: the LP relaxation, and with it every plan, is infeasible. Prices from an
/// elastic LP whose violations could not be priced away make F negative; they are scaled so that
/// the largest is 1 before the test, so the margin means the same on every model.
public struct InfeasibilityCertificate: Sendable, Equatable {
    /// F(y) for the scaled prices: negative when it proves infeasibility.
    public let value: Double
    /// The margin below 0 that F must clear (rounding in the sums).
    public static let margin = 1e-6

    public var proves: Bool { value < -Self.margin }

    public init(model: LinearModel, columns: ColumnMajor, rowPrices: [Double]) {
        var prices = rowPrices
        for (i, row) in model.rows.enumerated() {
            let y = prices[i]
            if !y.isFinite || (y > 0 && row.upper == nil) || (y < 0 && row.lower == nil) { prices[i] = 0 }
        }
        let scale = prices.reduce(0) { max($0, abs($1)) }
        guard scale > 0 else {
            value = 0
            return
        }
        var total = 0.0
        for (i, row) in model.rows.enumerated() {
            let y = prices[i] / scale
            prices[i] = y
            if y > 0 { total += y * row.upper! } else if y < 0 { total += y * row.lower! }
        }
        for (j, column) in model.columns.enumerated() {
            var d = 0.0
            for entry in columns.entries(of: j) { d -= prices[entry.row] * entry.coefficient }
            if d > 1e-12 {
                guard column.upper.isFinite else {
                    value = .infinity
                    return
                }
                total += d * column.upper
            } else if d < -1e-12 {
                total += d * column.lower
            }
        }
        value = total
    }
}

/// Rows that say "at most one of these": every coefficient 1, every column within [0, 1] from 0,
/// an upper bound of 1; each column belongs to the first such row it is in (on a rotation model,
/// a post's candidates). Kept as constraints instead of priced, they tighten a `DualBound`:
///
///     c·x ≤ Σ_{other rows} max_r y_i · r + Σ_{other columns} max d_j·x_j + Σ_{choice rows k} max(0, max_{j ∈ k} d_j + y_k),
///
/// the Lagrangian bound with the choice rows left in the inner problem, whose best is then one
/// column per row (d_j + y_k is the column's reduced cost without its own row's price). Valid for
/// any prices, like every `DualBound`. Where a restricted model leaves most columns out, each with
/// a small positive reduced cost, `DualBound` charges every one of them and this charges each row's
/// best: on the city's elastic model over every pair, 1.4 · 10⁸ against 1.6 · 10¹⁰ after the first LP,
/// −5.0 · 10⁵ against −1.7 · 10⁵ after the sixth (`--verbose`, docs/performance.md).
public struct ChoiceRows: Sendable {
    /// The choice row each column belongs to, or −1.
    let rowOfColumn: [Int]
    let choiceRows: [Int]

    public init(_ model: LinearModel) {
        var rowOfColumn = [Int](repeating: -1, count: model.columns.count)
        var choiceRows: [Int] = []
        for (i, row) in model.rows.enumerated() where row.upper == 1 && !row.terms.isEmpty {
            let qualifies = row.terms.allSatisfy { term in
                let column = model.columns[term.column]
                return term.coefficient == 1 && rowOfColumn[term.column] < 0 && column.lower == 0 && column.upper <= 1
            }
            guard qualifies, Set(row.terms.map(\.column)).count == row.terms.count else { continue }
            for term in row.terms { rowOfColumn[term.column] = i }
            choiceRows.append(i)
        }
        self.rowOfColumn = rowOfColumn
        self.choiceRows = choiceRows
    }

    /// The bound from `prices`' row prices with the choice rows kept as constraints; never above
    /// `prices.value`'s own terms for the same rows (so at most `prices.value`).
    public func bound(_ prices: DualBound, in model: LinearModel) -> Double {
        var value = prices.value
        var best = [Double](repeating: 0, count: model.rows.count)
        for k in choiceRows {
            let y = prices.rowPrices[k]
            let row = model.rows[k]
            value -= y > 0 ? y * row.upper! : (y < 0 ? y * (row.lower ?? 0) : 0)
        }
        for (j, k) in rowOfColumn.enumerated() where k >= 0 {
            value -= prices.columnTerms[j]
            best[k] = max(best[k], prices.reducedCosts[j] + prices.rowPrices[k])
        }
        for k in choiceRows { value += best[k] }
        return min(value, prices.value)
    }
}
