import Foundation
import PlannerModel

/// A proven solve kept for the questions that follow it (`WarmModel`, issue 21).
///
/// What it keeps is the solve as it stood after the proof: the library's problem (copied, so
/// that the objective stages that ran after it did not change it), its restricted model and the
/// columns the search fixed out. A follow-up model that differs in column bounds only (a pair
/// forced or forbidden) is solved on a copy of that problem: the changed bounds are set, the dual
/// simplex restores optimality from the kept basis, and then the method runs exactly as in a
/// cold solve: pricing over every column left out, the dive, branch and bound, the certificate,
/// and the objective stages. Columns the base's search fixed out are simply left out again: the
/// pricing brings back any the new bounds make worth having, and the certificate prices them.
final class PricedWarmModel<Backend: SolverBackend>: WarmModel {
    let backend: Backend
    /// The solve as it stood after the proof, on a problem of its own; its `model` is the round's.
    let kept: PricedSolve<Backend.Problem>

    init(backend: Backend, kept: PricedSolve<Backend.Problem>) {
        self.backend = backend
        self.kept = kept
    }

    func resolve(_ model: LinearModel, options: SolveOptions) throws(SolverError) -> MIPResult? {
        guard kept.problem.usableHere, let changed = Self.boundChanges(from: kept.model, to: model) else { return nil }
        // The kept model was checked whole before the library saw it; this one differs in the
        // changed columns' bounds alone (`boundChanges` compares everything else).
        try PricedSolver<Backend>.check(model, options: options, changedColumns: changed)
        let kept = kept
        return try backend.capturingOutput(options.log) { () throws(SolverError) -> MIPResult in
            var run = kept.rebased(on: model, options: options, changed: changed)
            run.note("planner: warm re-solve from the kept basis, \(changed.count) column bounds changed")
            let result = try run.search()
            run.note(
                "planner: warm re-solve: \(result.status) at \(result.objective.map { String($0) } ?? "-") in \(String(format: "%.3f", Date().timeIntervalSince(run.start))) s, before any stage"
            )
            return try run.stagesIfAsked(after: result)
        }
    }

    /// The columns whose bounds differ between `base` and `model`, or nil when anything else
    /// differs (rows, objective, kinds, names, sizes): such a model is no bound change of the
    /// kept one.
    static func boundChanges(from base: LinearModel, to model: LinearModel) -> [Int]? {
        guard base.columns.count == model.columns.count, base.rows.count == model.rows.count, base.direction == model.direction,
            base.objectiveConstant == model.objectiveConstant
        else { return nil }
        var changed: [Int] = []
        for (j, (old, new)) in zip(base.columns, model.columns).enumerated() {
            guard old.objective == new.objective, old.kind == new.kind, old.name == new.name else { return nil }
            if old.lower != new.lower || old.upper != new.upper { changed.append(j) }
        }
        for (old, new) in zip(base.rows, model.rows) {
            guard old.lower == new.lower, old.upper == new.upper, old.terms == new.terms, old.name == new.name else { return nil }
        }
        return changed
    }
}

extension PricedSolve {
    /// The kept solve made the start of a solve of `model` (the round with the bounds of the
    /// `changed` columns changed): a copy of its problem with those bounds set, the start's
    /// columns brought in, its own options, clock and statistics, and no prices yet (the kept
    /// ones price another model). The matrix stays: only bounds differ.
    func rebased(on model: LinearModel, options: SolveOptions, changed: [Int]) -> PricedSolve {
        var run = self
        run.problem = problem.copy()
        run.model = model
        run.options = options
        run.start = Date()
        run.step = Self.proofStep(model, options)
        run.stageProgress = nil
        run.beginSearch(from: options.start)
        var enter: [Int] = []
        for j in changed {
            let column = model.columns[j]
            if run.restriction.active[j] {
                run.problem.setColumnBounds(ColumnIndex(j), lower: column.lower, upper: column.upper.isFinite ? column.upper : nil)
            } else if column.lower > 0 {
                enter.append(j)
            }
        }
        if let start = options.start, start.count == model.columns.count {
            enter += model.columns.indices.filter { start[$0] != 0 && !run.restriction.active[$0] }
        }
        run.restriction.bringIn(enter, run.problem, model)
        // A bound change leaves the kept basis dual feasible.
        run.nextLPMethod = .dualThenPrimal
        return run
    }
}
