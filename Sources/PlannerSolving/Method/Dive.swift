import Foundation
import PlannerModel

/// A diving heuristic on a copy of the LP: fix the 0–1 columns the LP leans to, re-solve, and
/// repeat until the LP is whole.
///
/// Why: on rotation rounds the hull rows (`ShareHull`) make the LP bound equal to the best plan,
/// so a proof needs no search once that plan is in hand; finding it was what branch and bound
/// spent its nodes on (docs/performance.md). Fixing many columns per round keeps the dive to a
/// few re-solves. Each re-solve starts from the previous basis with the dual simplex, which
/// fixing bounds leaves dual feasible.
enum Dive {
    /// A solution (one value per column) the dive reached, or nil. Never touches `problem`.
    static func dive<Problem: BackendProblem>(
        _ problem: Problem, model: LinearModel, matrix: ColumnMajor,
        rounding: (@Sendable ([Double]) -> [Double]?)?, allowed: [Bool]?,
        prices: DualBound?, iterations budget: Int, deadline: Date, log debug: (String) -> Void,
        objectiveStep: Double? = nil, rounds: Int = 200
    ) -> [Double]? {
        let copy = problem.copy()
        let iterationsBefore = copy.simplexIterations
        let count = model.columns.count
        let candidates = (0..<count).filter { j in
            let column = model.columns[j]
            return column.kind != .continuous && column.lower == 0 && column.upper == 1 && column.branchingPriority == 0
                && (allowed?[j] ?? true)
        }
        var fixed = [Bool](repeating: false, count: count)
        if let prices {
            // The dive stays near the LP optimum: a column whose use costs more than 0.1 % of
            // the bound is fixed at 0 in the copy, which keeps each re-solve small.
            let floor = prices.value - 1e-3 * max(1, abs(prices.value))
            var left = 0
            for j in candidates where prices.valueUsing(j, in: model) < floor && copy.columnValue(ColumnIndex(j)) == 0 {
                copy.setColumnBounds(ColumnIndex(j), lower: 0, upper: 0)
                left += 1
            }
            debug("planner: dive: \(left) columns far from the LP optimum fixed at 0")
        }
        let capacity = model.rows.map { row in row.upper != nil && row.terms.allSatisfy { $0.coefficient >= 0 } }
        // The LP value the dive holds to, the last batch of fixes, and how many fixes a batch
        // may take: a batch that lowers the LP value below what a whole plan under it can reach
        // is undone and retried at half its size. With an objective step every plan is the
        // constant plus a whole number of steps, so an LP value between two such values is
        // worth no more to a plan than the lower one: on mix 7 of bench/mixes the LP's 8,326.8375
        // held the dive to a value no plan has, and batches that kept 8,326.825, the optimum,
        // were undone as losses.
        func floor(under value: Double) -> Double {
            let whole = bestPlanValue(atMost: value, step: objectiveStep, constant: model.objectiveConstant)
            return whole - Proof.roundingMargin(whole, step: objectiveStep)
        }
        var target: Double?
        var batch: [Int] = []
        var limit = Int.max
        // The basis of the last LP the dive kept: a batch that is undone starts its smaller
        // retry from there, not from where the failed batch's dual simplex stopped, which was
        // as far from it as the cutoff let it go. On mix 11 of bench/mixes the dive took 3,059
        // iterations instead of 8,889 (docs/performance.md, "The dive's retries").
        var keptBasis: BasisSnapshot?
        for round in 0..<rounds {
            let milliseconds = Int32(max(0, min(Double(Int32.max), deadline.timeIntervalSinceNow * 1000)))
            let iterationsLeft = budget - (copy.simplexIterations - iterationsBefore)
            guard milliseconds > 0, iterationsLeft > 0, !SolveInterruption.isRequested else {
                debug("planner: dive stopped: \(iterationsLeft > 0 ? "the time limit" : "its \(budget) simplex iterations spent")")
                return nil
            }
            var parameters = LPParameters(
                method: .dualThenPrimal, timeLimitMilliseconds: milliseconds,
                iterationLimit: Int32(min(iterationsLeft, Int(Int32.max))),
                verbose: false)
            // A batch of several fixes that lowers the LP value is undone (below): the dual
            // simplex stops as soon as its objective, which only falls, is below the target,
            // rather than solving on to learn by how much. On mix 7 of bench/mixes the failed
            // batches had taken most of the dive's iterations.
            if let target, batch.count > 1 { parameters.objectiveCutoff = floor(under: target) }
            let outcome = copy.solveLP(parameters)
            guard outcome != .timeLimit else {
                debug(
                    "planner: dive stopped: \(copy.simplexIterations - iterationsBefore >= budget ? "its \(budget) simplex iterations spent" : "the time limit")"
                )
                return nil
            }
            let solved = outcome == .optimal || outcome == .cutOff
            let value = copy.objectiveValue
            let worse = outcome == .cutOff || (target.map { value < floor(under: $0) } ?? false)
            if !solved || worse {
                let reached = outcome == .cutOff ? "stopped at \(value), below \(target!)" : "value \(value) below \(target!)"
                debug(
                    "planner: dive round \(round): \(solved ? reached : "no LP optimum"), batch \(batch.count) it \(copy.simplexIterations)"
                )
                guard batch.count > 1 || (solved && worse) else { return nil }
                if batch.count > 1 {
                    for j in batch {
                        fixed[j] = false
                        copy.setColumnBounds(ColumnIndex(j), lower: 0, upper: 1)
                    }
                    if let keptBasis { copy.restore(keptBasis) }
                    limit = max(1, batch.count / 2)
                    batch = Array(batch.prefix(limit))
                    for j in batch {
                        fixed[j] = true
                        copy.setColumnBounds(ColumnIndex(j), lower: 1, upper: 1)
                    }
                    continue
                }
                // A single fix that costs something: the dive accepts the loss and goes on.
            }
            target = value
            keptBasis = copy.basis()
            limit = limit == Int.max ? limit : limit * 2
            let values = copy.columnValues(count: count)
            let fractional = candidates.filter { !fixed[$0] && values[$0] > 1e-6 && values[$0] < 1 - 1e-6 }
            debug("planner: dive round \(round): value \(value) fractional \(fractional.count) it \(copy.simplexIterations)")
            if fractional.isEmpty {
                // Whole in the 0–1 columns: the rounding completes counts and shortfalls exactly.
                let whole = values.indices.map { model.columns[$0].kind == .continuous ? values[$0] : values[$0].rounded() }
                if model.isFeasible(whole) { return whole }
                return rounding?(values)
            }
            // Fix to 1, largest first, as many as the rows with an upper bound take: at most one
            // post per cadre and one holder per post (two halves of one post cannot both be
            // fixed), no more moves than the cap. Capacity rows (an upper bound over
            // non-negative terms, such as the moves cap) are filled by the fixes at most to
            // their bound: the columns fixed at 1 already, and this batch.
            var used = [Double](repeating: 0, count: model.rows.count)
            for j in candidates where fixed[j] {
                for entry in matrix.entries(of: j) where capacity[entry.row] { used[entry.row] += entry.coefficient }
            }
            batch = []
            for j in fractional.sorted(by: { (values[$0], -$0) > (values[$1], -$1) }) where batch.count < limit {
                let rows = matrix.entries(of: j).filter { capacity[$0.row] }
                guard rows.allSatisfy({ used[$0.row] + $0.coefficient <= model.rows[$0.row].upper! + 1e-9 }) else { continue }
                for entry in rows { used[entry.row] += entry.coefficient }
                fixed[j] = true
                batch.append(j)
                copy.setColumnBounds(ColumnIndex(j), lower: 1, upper: 1)
            }
        }
        return nil
    }

    /// The best objective a plan can have when the LP bounds it by `value`: with an objective
    /// step, the constant plus the most whole steps not above `value` (less a millionth of a
    /// step of rounding noise); without one, `value` itself.
    static func bestPlanValue(atMost value: Double, step: Double?, constant: Double) -> Double {
        guard let step, step > 0 else { return value }
        return constant + ((value - constant) / step + 1e-6).rounded(.down) * step
    }
}
