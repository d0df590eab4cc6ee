/// Bound propagation over a model's rows: each row's least and greatest activity under the
/// columns' bounds, and the bounds on each of its columns that the rest of the row implies,
/// rounded inward for whole-number columns; repeated while a pass tightens a bound.
///
/// Why: a round whose hard rules cannot all hold is often shown so by this alone, in
/// milliseconds, where the LP with pricing took seconds (the policy mixes 16, 20, 21, 23 and 37
/// of `bench/mixes`, which HiGHS's presolve declares infeasible with no LP). A row whose least
/// activity exceeds its upper bound (or whose greatest falls short of its lower) under bounds
/// that every whole solution keeps is a proof that the model has no solution: each step is an
/// inequality every solution meets.
public struct BoundPropagation: Sendable {
    /// What the passes showed.
    public enum Outcome: Sendable, Equatable {
        /// No solution: `row` cannot hold under the bounds the passes before it implied.
        case infeasible(row: Int, passes: Int)
        /// Bounds every solution keeps (tighter than the model's, or the same).
        case bounds(lower: [Double], upper: [Double], passes: Int)
    }

    /// A row's activity must pass its bound by more than this (relative to the bound's size)
    /// before it counts as broken: rounding in the sums must not prove anything.
    static let tolerance = 1e-6

    /// Each pass goes over every row (no column-to-row index is built: on a wide model that
    /// index costs as much as a pass, and most models settle in one or two passes).
    ///
    /// `droppingFixedAtZero` first drops from each row the columns fixed at 0 (they add nothing
    /// to any activity): one pass over the matrix, after which a stage of the stated order that
    /// keeps 3,500 of the all-soft cliff round's 800,000 columns passes over those alone.
    public static func run(_ model: LinearModel, maxPasses: Int = 10, droppingFixedAtZero: Bool = false) -> Outcome {
        var lower = model.columns.map(\.lower)
        var upper = model.columns.map(\.upper)
        let rowTerms: [[LinearModel.Term]] =
            droppingFixedAtZero
            ? model.rows.map { row in row.terms.filter { lower[$0.column] != 0 || upper[$0.column] != 0 } }
            : model.rows.map(\.terms)
        let whole = model.columns.map { $0.kind != .continuous }
        var passes = 0
        while passes < maxPasses {
            passes += 1
            var changedAny = false
            for (i, row) in model.rows.enumerated() {
                guard row.lower != nil || row.upper != nil else { continue }
                // Least and greatest activity, with the count of infinite parts kept apart so
                // that a row with one unbounded column still bounds that column.
                var least = 0.0
                var greatest = 0.0
                var leastInfinite = 0
                var greatestInfinite = 0
                for term in rowTerms[i] {
                    let a = term.coefficient
                    let low = a > 0 ? lower[term.column] : upper[term.column]
                    let high = a > 0 ? upper[term.column] : lower[term.column]
                    if low.isFinite { least += a * low } else { leastInfinite += 1 }
                    if high.isFinite { greatest += a * high } else { greatestInfinite += 1 }
                }
                if let u = row.upper, leastInfinite == 0, least > u + tolerance * max(1, abs(u)) {
                    return .infeasible(row: i, passes: passes)
                }
                if let l = row.lower, greatestInfinite == 0, greatest < l - tolerance * max(1, abs(l)) {
                    return .infeasible(row: i, passes: passes)
                }
                for term in rowTerms[i] {
                    let j = term.column
                    let a = term.coefficient
                    guard a != 0 else { continue }
                    let low = a > 0 ? lower[j] : upper[j]
                    let high = a > 0 ? upper[j] : lower[j]
                    var newLower = lower[j]
                    var newUpper = upper[j]
                    // From the row's upper bound: a·x ≤ u − (least activity of the other terms).
                    if let u = row.upper {
                        let othersInfinite = leastInfinite - (low.isFinite ? 0 : 1)
                        if othersInfinite == 0 {
                            let others = least - (low.isFinite ? a * low : 0)
                            let limit = (u - others) / a
                            if a > 0 { newUpper = min(newUpper, limit) } else { newLower = max(newLower, limit) }
                        }
                    }
                    // From the row's lower bound: a·x ≥ l − (greatest activity of the other terms).
                    if let l = row.lower {
                        let othersInfinite = greatestInfinite - (high.isFinite ? 0 : 1)
                        if othersInfinite == 0 {
                            let others = greatest - (high.isFinite ? a * high : 0)
                            let limit = (l - others) / a
                            if a > 0 { newLower = max(newLower, limit) } else { newUpper = min(newUpper, limit) }
                        }
                    }
                    if whole[j] {
                        // Inward to whole numbers, with room for rounding in the sums.
                        if newUpper.isFinite { newUpper = (newUpper + tolerance * max(1, abs(newUpper))).rounded(.down) }
                        if newLower.isFinite { newLower = (newLower - tolerance * max(1, abs(newLower))).rounded(.up) }
                    }
                    var changed = false
                    // Only a tightening worth another pass: a whole step, or a real part of the range.
                    let range = upper[j] - lower[j]
                    let worth = whole[j] ? 0.5 : max(1e-3 * (range.isFinite ? range : 1), 1e-6)
                    if newUpper < upper[j] - worth {
                        upper[j] = newUpper
                        changed = true
                    }
                    if newLower > lower[j] + worth {
                        lower[j] = newLower
                        changed = true
                    }
                    if changed {
                        if lower[j] > upper[j] + tolerance * max(1, abs(upper[j])) { return .infeasible(row: i, passes: passes) }
                        changedAny = true
                    }
                }
            }
            if !changedAny { return .bounds(lower: lower, upper: upper, passes: passes) }
        }
        return .bounds(lower: lower, upper: upper, passes: passes)
    }
}

extension BoundPropagation {
    /// The answer "infeasible", with the propagation as its proof, when the passes show that a
    /// row cannot hold; nil otherwise (nothing else is taken from the passes: the solve goes on
    /// with the model as given).
    public static func infeasibility(of model: LinearModel, log: (@Sendable (String) -> Void)?) -> MIPResult? {
        guard case .infeasible(let row, let passes) = run(model) else { return nil }
        let name = model.rows[row].name
        log?(
            "planner: bound propagation: row \(name) cannot hold (\(passes) \(passes == 1 ? "pass" : "passes") over the rows); no LP is solved"
        )
        var statistics = SolveStatistics()
        statistics.infeasibilityProof = .propagation(row: name, passes: passes)
        return MIPResult(status: .infeasible, statistics: statistics)
    }
}
