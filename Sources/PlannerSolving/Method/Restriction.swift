import Foundation
import PlannerModel

/// The restricted model: which columns the backend may use. A column left out is fixed at 0,
/// which the simplex skips at no cost; bringing it in restores its bounds.
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

    mutating func bringIn(_ columns: some Sequence<Int>, _ problem: some BackendProblem, _ model: LinearModel) {
        for j in columns where !active[j] {
            active[j] = true
            leftOut -= 1
            let column = model.columns[j]
            problem.setColumnBounds(ColumnIndex(j), lower: column.lower, upper: column.upper.isFinite ? column.upper : nil)
        }
    }

    mutating func leave(_ columns: [Int], _ problem: some BackendProblem) {
        for j in columns where active[j] {
            active[j] = false
            leftOut += 1
            problem.setColumnBounds(ColumnIndex(j), lower: 0, upper: 0)
        }
    }

    func allows(_ values: [Double]) -> Bool { zip(active, values).allSatisfy { $0 || $1 == 0 } }

    func leaveOut(_ problem: some BackendProblem) {
        for j in active.indices where !active[j] { problem.setColumnBounds(ColumnIndex(j), lower: 0, upper: 0) }
    }
}

/// Elastic columns for an LP found infeasible: one per row and side that some column values
/// within their bounds could violate (a lower bound the row's least activity falls short of, an
/// upper bound its greatest activity exceeds), at a price no plan's gain can pay. With them the
/// LP is always feasible, so its row prices can price in whatever candidates the rows need, or
/// certify that none can (`InfeasibilityCertificate`). Covering only the rows that the all-zero
/// plan leaves short was not enough: a lock or pin fixed at 1 can overfill a row that 0 meets,
/// and the LP with elastic columns was then infeasible too (issue 17). Added only on need: on a
/// feasible core they cost the city round's LP two extra solves.
struct ElasticColumn: Equatable {
    var row: RowIndex
    /// +1 covers a row short of its lower bound, −1 one over its upper bound.
    var sign: Double
    var objective: Double

    /// Prices tried, each 1000 times the last, before the LP solver decides over every column.
    static let priceLevels = 2

    /// An elastic column's objective at a price level: 1000 · (1 + the largest objective
    /// coefficient) per unit, times 1000 per level, against the model's direction.
    static func objective(_ model: LinearModel, level: Int) -> Double {
        let largest = model.columns.reduce(0) { max($0, abs($1.objective)) }
        let price = 1000 * (1 + largest) * pow(1000, Double(level))
        return model.direction == .maximize ? -price : price
    }

    /// One column per row that the all-zero plan leaves short (a lower bound above 0, an upper
    /// bound below 0): the cover tried first (`PricedSolve.addElasticColumns` says why).
    static func shortAtZero(_ model: LinearModel, level: Int = 0) -> [ElasticColumn] {
        let objective = objective(model, level: level)
        var columns: [ElasticColumn] = []
        for (i, row) in model.rows.enumerated() {
            if let lower = row.lower, lower > 0 {
                columns.append(ElasticColumn(row: RowIndex(i), sign: 1, objective: objective))
            } else if let upper = row.upper, upper < 0 {
                columns.append(ElasticColumn(row: RowIndex(i), sign: -1, objective: objective))
            }
        }
        return columns
    }

    static func covering(_ model: LinearModel, level: Int = 0) -> [ElasticColumn] {
        let objective = objective(model, level: level)
        var columns: [ElasticColumn] = []
        for (i, row) in model.rows.enumerated() {
            var least = 0.0
            var most = 0.0
            for term in row.terms {
                let column = model.columns[term.column]
                let ends = (term.coefficient * column.lower, term.coefficient * column.upper)
                least += min(ends.0, ends.1)
                most += max(ends.0, ends.1)
            }
            if let lower = row.lower, least < lower - 1e-9 {
                columns.append(ElasticColumn(row: RowIndex(i), sign: 1, objective: objective))
            }
            if let upper = row.upper, most > upper + 1e-9 {
                columns.append(ElasticColumn(row: RowIndex(i), sign: -1, objective: objective))
            }
        }
        return columns
    }
}
