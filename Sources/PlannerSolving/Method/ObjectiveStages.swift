import Foundation
import PlannerModel

/// The objective stages (`SolveOptions.objectiveStages`) on the problem the proof left behind.
///
/// Once the model's objective is proven optimal, each stage holds the last objective at its
/// optimum by a row (less rounding noise: a whole plan above it has the optimum), fixes at 0
/// the columns that row prices show no plan of the optimum can use, makes its own key the
/// objective, and runs the same search as the model's from the basis in place, with no model of
/// its own to build and load. Measured (docs/performance.md, "Issue 20"): the fewest-changes key
/// is proven on policy mixes where a stage of its own was not, in a third of the time; on the
/// city round the rank stage is a little slower than from a cold start.
extension PricedSolve {
    mutating func runStages(after result: MIPResult) throws(SolverError) -> MIPResult {
        let round = model
        guard result.status == .optimal, !result.interrupted, !SolveInterruption.isRequested, let first = result.values,
            let roundPrices = prices, round.direction == .maximize
        else { return result }
        let roundStep = round.objectiveStep() ?? (options.absoluteGap > 0 ? options.absoluteGap : nil)
        let primary = round.objectiveValue(first)
        // Proven optimal, not only within a gap: holding a plan that is merely good enough would
        // choose among other plans than the optimum's.
        guard options.relativeGap == 0 || result.bound.map({ Proof.proves($0, incumbent: primary, step: roundStep) }) == true
        else { return result }
        let stages = options.objectiveStages
        guard stages.allSatisfy({ $0.coefficients.count == round.columns.count && $0.coefficients.allSatisfy(\.isFinite) })
        else { return result }
        // What counts as the same objective when a stage's plan replaces the one in hand: within
        // the proof's rounding margin on a stepped objective, within 10⁻⁹ of it without a step
        // (ratings with many decimals), where the better plan must not be given up for a key.
        let same = roundStep == nil ? 1e-9 * max(1, abs(primary)) : Proof.roundingMargin(primary, step: roundStep)
        // The held row: the optimum less rounding noise. Without a step, no looser than `same`:
        // held at 10⁻⁷ of the objective, the stages' searches chose plans a few 10⁻⁴ below it,
        // which `same` then refused, and the key's proof was of those (a review's rounds with
        // objective weights 0.013, 1.7 and 7.3).
        let floor = primary - (roundStep == nil ? same : Proof.roundingMargin(primary, step: roundStep))
        let threshold = floor - Proof.roundingMargin(floor, step: nil)
        var possible = roundPrices.columns(reaching: threshold, in: round, plan: first)
        // And the columns every plan of the optimum uses, fixed at 1 in the stages: on the city
        // round the proof's LP bound is the optimum, and most of the plan is not a choice left.
        var required = roundPrices.columnsRequired(reaching: threshold, in: round, plan: first)
        var held = (name: "held_objective", coefficients: round.columns.map(\.objective), lower: floor - round.objectiveConstant)
        var values = first
        var records: [ObjectiveStageResult] = []
        let roundStatistics = statistics
        let roundOptions = options
        for stage in stages {
            let stageStart = Date()
            let before = Self.dot(stage.coefficients, values)
            var next = model
            // Over the columns that can be in a plan of the optimum: the rest are fixed at 0 below
            // (on the all-soft cliff round 7,018 terms where the objective has 800,000).
            let terms = held.coefficients.enumerated().compactMap { j, c in
                c == 0 || !possible[j] ? nil : LinearModel.Term(column: j, coefficient: c)
            }
            next.addRow(held.name, terms: terms, lower: held.lower)
            for j in next.columns.indices {
                next.setObjective(j, stage.coefficients[j])
                if !possible[j] { next.setUpperBound(j, 0) }
            }
            next.objectiveConstant = 0
            for j in next.columns.indices where required[j] { next.setLowerBound(j, 1) }
            let propagationStart = Date()
            let (zeroed, oned, passes) = Self.propagate(&next, possible: &possible, required: &required, plan: values)
            let propagationSeconds = Date().timeIntervalSince(propagationStart)
            if stage.branchFirstOnUncounted { next.branchFirst(onUncountedBy: stage.coefficients, among: possible) }
            // The round's model was checked whole before GLPK saw it; the stage adds one row and
            // changes coefficients and bounds, and only those are checked again.
            guard next.problemsAfterAddingLastRow().isEmpty else { return result }
            note(
                "planner: stage \(stage.name): \(possible.count { $0 }) columns can be in a plan of the optimum, \(required.count { $0 }) are in every one (propagation: \(zeroed) more at 0, \(oned) at 1, \(passes) passes, \(String(format: "%.2f", propagationSeconds)) s), from \(before)"
            )

            problem.addRow(terms, lower: held.lower, upper: nil)
            problem.setObjective(stage.coefficients, constant: 0)
            model = next
            matrix = matrix?.adding(row: next.rows.count - 1, terms: terms) ?? ColumnMajor(next)
            step = next.objectiveStep()
            options = SolveOptions(timeLimit: roundOptions.timeLimit, log: roundOptions.log)
            options.progress = roundOptions.progress
            stageProgress = (stage.name, primary)
            options.dive = false  // it rounds toward the round's objective, not the key's
            options.nodeLimit = stage.nodeLimit
            options.searchWithoutTighteningFirst = stage.nodesWithoutTightening
            var core = stage.pricingCore?(possible, values) ?? possible
            // The columns GLPK holds stay in while they can be used: their basis is the start.
            // Unless they are many times the stage's core: after a certificate that had to bring
            // in every column (a plan below the LP bound, no objective step), GLPK held 104,000
            // and the stage's every LP went over them (docs/performance.md).
            let coreCount = core.indices.count { core[$0] && possible[$0] }
            let heldCount = core.indices.count { restriction.active[$0] && possible[$0] }
            let keepHeld = stage.pricingCore == nil || heldCount <= 4 * coreCount
            for j in core.indices {
                if restriction.active[j] && possible[j] && (keepHeld || values[j] > 0.5) { core[j] = true }
                if !possible[j] { core[j] = false }
            }
            let target = Restriction(model, core: core, start: values)
            restriction.leave(model.columns.indices.filter { restriction.active[$0] && !target.active[$0] }, problem)
            restriction.bringIn(model.columns.indices.filter { !restriction.active[$0] && target.active[$0] }, problem, model)
            // The columns left out are dropped from GLPK: its simplex prices every column it holds.
            problem.forgetColumnsFixedAtZero()
            for j in required.indices where required[j] { problem.setColumnBounds(ColumnIndex(j), lower: 1, upper: 1) }

            // A stage only chooses among plans of the proven optimum: when its search fails (the
            // library's numerics), the plan in hand stands and the key is not proven.
            let outcome: MIPResult
            do {
                outcome = try searchStage(from: values)
            } catch {
                note("planner: stage \(stage.name) failed (\(error)); the plan in hand stands")
                var failed = ObjectiveStageResult(
                    name: stage.name, before: before, value: before, proven: false, changedPlan: false, nodes: 0,
                    seconds: Date().timeIntervalSince(stageStart))
                failed.notProvenBecause = "its search failed in the solver"
                records.append(failed)
                break
            }
            var record = ObjectiveStageResult(
                name: stage.name, before: before, value: before, proven: outcome.status == .optimal, changedPlan: false,
                nodes: outcome.statistics.nodes, seconds: 0)
            if let found = outcome.values {
                let after = Self.dot(stage.coefficients, found)
                // Taken only when it is a plan of the round with its objective and the earlier keys held.
                if after > before + 0.5 {
                    if round.isFeasible(found), model.isFeasible(found), round.objectiveValue(found) >= primary - same {
                        values = found
                        record.value = after
                        record.changedPlan = true
                    } else {
                        // The search's best gives up some of the objective (within the held
                        // row's rounding margin, more than `same` allows): what it proved is
                        // not a proof for the plan kept. A review found rounds (objective
                        // weights 0.013, 1.7, 7.3: no step) where "proven" was claimed so.
                        record.proven = false
                        record.notProvenBecause = "the better plans it found fall short of the optimum's objective by rounding noise"
                    }
                }
            }
            record.seconds = Date().timeIntervalSince(stageStart)
            records.append(record)
            note(
                "planner: stage \(stage.name) \(record.proven ? "proven" : "not proven") at \(record.value), \(record.nodes) nodes, \(String(format: "%.2f", record.seconds)) s"
            )
            guard record.proven else { break }
            // Keys are whole numbers: held at their optimum less rounding noise, as the objective.
            held = ("held_" + stage.name, stage.coefficients, record.value - Proof.roundingMargin(record.value, step: 1))
            // The stage's row prices bound the key over plans that use a column; a column that
            // cannot reach the held value is in no plan the later stages may choose.
            guard let prices else { continue }
            let needed = record.value - 0.5 - Proof.roundingMargin(record.value, step: nil)
            let reaching = prices.columns(reaching: needed, in: model, plan: values)
            var fixed = 0
            for j in possible.indices where possible[j] && !reaching[j] {
                possible[j] = false
                fixed += 1
            }
            var kept = 0
            for (j, needs) in prices.columnsRequired(reaching: needed, in: model, plan: values).enumerated() where needs && !required[j] {
                required[j] = true
                kept += 1
            }
            note("planner: stage \(stage.name) fixed out \(fixed) more columns, and \(kept) more at 1")
        }
        statistics = roundStatistics
        stageProgress = nil
        var preferred = result
        preferred.values = values
        preferred.objective = round.objectiveValue(values)
        preferred.stages = records
        return preferred
    }

    /// Bound propagation over a stage's model (its held row and the columns fixed at 1 or 0):
    /// a post whose holder every plan of the optimum keeps has no other candidate left, and a
    /// cadre no other post. Every bound it implies holds for every plan of the stage, so the
    /// whole-number columns it fixes are fixed in `model`, `possible` and `required`. Returns how
    /// many it fixed at 0 and at 1, and the passes it took.
    static func propagate(
        _ model: inout LinearModel, possible: inout [Bool], required: inout [Bool], plan: [Double]
    ) -> (zeroed: Int, oned: Int, passes: Int) {
        guard case .bounds(let lower, let upper, let passes) = BoundPropagation.run(model, maxPasses: 5, droppingFixedAtZero: true) else {
            return (0, 0, 0)
        }
        var zeroed = 0
        var oned = 0
        for (j, column) in model.columns.enumerated() where column.kind != .continuous {
            if possible[j], upper[j] < 0.5, column.lower == 0, plan[j] == 0 {
                possible[j] = false
                model.setUpperBound(j, 0)
                zeroed += 1
            } else if possible[j], !required[j], lower[j] > 0.5, column.lower == 0, column.upper == 1, plan[j] == 1 {
                required[j] = true
                model.setLowerBound(j, 1)
                oned += 1
            }
        }
        return (zeroed, oned, passes)
    }

    /// One stage's search from the plan in hand, with the statistics and prices of its own.
    mutating func searchStage(from plan: [Double]) throws(SolverError) -> MIPResult {
        beginSearch(from: plan)
        return try search()
    }

    static func dot(_ coefficients: [Double], _ values: [Double]) -> Double {
        zip(coefficients, values).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
