import Foundation
import PlannerModel

/// The solving method, over any `SolverBackend`.
///
/// How it goes, and why (docs/model.md "Solving", docs/performance.md): the LP relaxation is
/// solved over a restricted model whose other columns are priced in from the LP's row prices
/// (elastic columns stand in when the restricted model is infeasible); an LP dive looks for a
/// plan at the LP bound; columns that cannot improve on it are fixed out (reduced-cost fixing);
/// branch and bound runs only when the plan in hand is not yet proven. Every claim of
/// optimality is certified over all columns by `DualBound`.
public struct PricedSolver<Backend: SolverBackend>: MIPSolver {
    public let backend: Backend

    public init(backend: Backend) {
        self.backend = backend
    }

    public var name: String { backend.name }
    public var version: String { backend.version }

    public func solve(_ model: LinearModel, options: SolveOptions) throws(SolverError) -> MIPResult {
        try solve(model, options: options, keeping: false).0
    }

    public func solveKeeping(_ model: LinearModel, options: SolveOptions) throws(SolverError) -> (MIPResult, (any WarmModel)?) {
        try solve(model, options: options, keeping: true)
    }

    func solve(_ model: LinearModel, options: SolveOptions, keeping: Bool) throws(SolverError) -> (MIPResult, (any WarmModel)?) {
        try Self.check(model, options: options)
        if model.columns.isEmpty { return (Self.solveEmpty(model), nil) }
        if options.propagateBounds, let infeasible = BoundPropagation.infeasibility(of: model, log: options.log) {
            return (infeasible, nil)
        }
        try backend.checkLibrary()
        return try backend.capturingOutput(options.log) { () throws(SolverError) -> (MIPResult, (any WarmModel)?) in
            var run = PricedSolve(backend: backend, model: model, options: options)
            let (result, kept) = try run.solve(keeping: keeping)
            return (result, kept.map { PricedWarmModel(backend: backend, kept: $0) })
        }
    }

    /// Refuses, before any library call, a model or options the library could abort on.
    /// `changedColumns`: the model is one already checked but for these columns' bounds (a warm
    /// re-solve's), and only they are checked again: the whole check, column names hashed into
    /// a set, was a seventh of the Swift time of `explain`'s contrasts on the city round.
    static func check(_ model: LinearModel, options: SolveOptions, changedColumns: [Int]? = nil) throws(SolverError) {
        var problems = changedColumns.map { $0.flatMap(model.columnProblems) } ?? model.problems()
        if let limit = options.timeLimit, !(limit.isFinite && limit >= 0) {
            problems.append("time limit \(limit) must be a finite number of seconds ≥ 0")
        }
        if !(options.relativeGap.isFinite && options.relativeGap >= 0) {
            problems.append("relative gap \(options.relativeGap) must be finite and ≥ 0")
        }
        guard problems.isEmpty else { throw .invalidModel(problems) }
    }

    /// A model without columns is decided by its constant rows; no library is asked.
    static func solveEmpty(_ model: LinearModel) -> MIPResult {
        let feasible = model.rows.allSatisfy { ($0.lower ?? 0) <= 0 && 0 <= ($0.upper ?? 0) }
        guard feasible else { return MIPResult(status: .infeasible) }
        return MIPResult(status: .optimal, values: [], objective: model.objectiveConstant, bound: model.objectiveConstant)
    }
}

/// Milliseconds left of `seconds` since `start`, rounded down; `Int32.max` without a limit.
func milliseconds(_ seconds: Double?, since start: Date) -> Int32 {
    guard let seconds else { return Int32.max }
    let left = seconds - Date().timeIntervalSince(start)
    return Int32(max(0, min(Double(Int32.max), (left * 1000).rounded(.down))))
}

/// One solve of one model on one loaded problem: the state the method carries from LP to LP.
struct PricedSolve<Problem: BackendProblem> {
    /// A warm re-solve runs on a copy of the kept problem (`PricedWarmModel`).
    var problem: Problem
    /// The model solved now: the one given, then each objective stage's (`runStages`).
    var model: LinearModel
    var options: SolveOptions
    var start = Date()
    var statistics = SolveStatistics()
    /// The larger of the model's own step and the gap asked for: either proves a plan.
    var step: Double?
    var restriction: Restriction
    let priced: Bool
    /// The model by column, for pricing (maximisation models only).
    var matrix: ColumnMajor?
    /// The elastic columns in the LP now, and how many price levels have been used.
    var elastic: [ColumnIndex] = []
    var elasticLevel = 0
    /// Whether the elastic columns cover every row that can be violated, or only the rows short at
    /// zero (tried first, once).
    var elasticCoversAll = false
    var elasticShortTried = false
    /// The best plan in hand, for an answer when the search is stopped.
    var incumbent: [Double]?
    /// The row prices of the last LP optimal over every column, and the bound they prove.
    var prices: DualBound?
    /// The last optimal LP's values over the columns in: what a solve stopped while pricing
    /// rounds into a plan (`roundLastLP`).
    var lastLPValues: [Double]?
    /// While an objective stage runs: its name, and the round's proven objective it reports
    /// as its progress in place of the stage's own values.
    var stageProgress: (name: String, objective: Double)?
    /// How the next LP starts: the dual simplex after a warm re-solve changed bounds (the basis
    /// stays dual feasible), the primal otherwise.
    var nextLPMethod: LPParameters.Method = .primal
    /// Pricing stopped because the caller's `relaxationSuffices` said so: the bound over every
    /// column it was stopped at (the LP over the columns in is not proven optimal over every
    /// column; this bound is).
    var relaxationStoppedEarly: Double?
    /// The model's "one of" rows, found when a relaxation may stop early.
    var choiceRows: ChoiceRows?
    /// Per column, how many pricing rounds in a row it has sat in the LP at 0 with a negative
    /// reduced cost, and whether it has been left out for that once already (`ageColumns`).
    var idleRounds: [UInt8] = []
    var agedOut: [Bool] = []

    init<Backend: SolverBackend>(backend: Backend, model: LinearModel, options: SolveOptions) where Backend.Problem == Problem {
        self.model = model
        self.options = options
        step = Self.proofStep(model, options)
        statistics.objectiveStep = step
        restriction = Restriction(model, core: options.pricingCore, start: options.start)
        priced = restriction.leftOut > 0
        matrix = model.direction == .maximize ? ColumnMajor(model) : nil
        incumbent = options.start
        // A priced model is loaded with its restricted columns only; the rest are added as
        // they are brought in.
        if priced, let matrix = self.matrix {
            problem = backend.load(model, holding: restriction.active, matrix: matrix)
        } else {
            problem = backend.load(model)
        }
    }

    /// The larger of the model's own step and the gap asked for (`step`).
    static func proofStep(_ model: LinearModel, _ options: SolveOptions) -> Double? {
        let ownStep = model.objectiveStep()
        return options.absoluteGap > (ownStep ?? 0) ? options.absoluteGap : ownStep
    }

    /// What one search starts from anew on the problem in hand (an objective stage's, a warm
    /// re-solve's): `start` as the plan in hand, no prices (the last ones priced another model),
    /// no elastic columns, statistics of its own.
    mutating func beginSearch(from start: [Double]?) {
        options.start = start
        incumbent = start
        prices = nil
        lastLPValues = nil
        statistics = SolveStatistics()
        statistics.objectiveStep = step
        elastic = []
        elasticLevel = 0
        elasticCoversAll = false
        elasticShortTried = false
        idleRounds = []
        agedOut = []
    }

    func note(_ line: String) { options.log?(line) }

    /// `SolveOptions.progress`; while an objective stage runs, every step is told as the stage,
    /// with the round's proven objective.
    var progressReceiver: (@Sendable (SolveProgress) -> Void)? {
        guard let progress = options.progress else { return nil }
        guard let stage = stageProgress else { return progress }
        return { _ in progress(SolveProgress(step: .stage(name: stage.name), best: stage.objective, bound: stage.objective)) }
    }

    /// Tells `SolveOptions.progress` where the solve stands.
    func report(_ step: SolveProgress.Step, best: Double?, bound: Double?) {
        progressReceiver?(SolveProgress(step: step, best: best, bound: bound))
    }

    /// The objective of the plan in hand.
    var incumbentObjective: Double? { incumbent.map { model.objectiveValue($0) } }

    var columnsUsed: Int? { priced ? model.columns.count - restriction.leftOut : nil }

    /// The answer of a search cut short: the plan in hand (feasible, or optimal when `proving`
    /// and `bound` proves it), else no plan; the bound never below the plan.
    func planInHand(bound: Double?, interrupted: Bool, proving: Bool = false) -> MIPResult {
        var result = MIPResult(status: .timeLimitWithoutSolution, bound: bound, statistics: statistics)
        if let plan = incumbent, plan.count == model.columns.count, model.isFeasible(plan) {
            let objective = model.objectiveValue(plan)
            let proven = proving && (bound.map { Proof.proves($0, incumbent: objective, step: step) } ?? false)
            result = MIPResult(
                status: proven ? .optimal : .feasible, values: plan, objective: objective,
                bound: bound.map { max($0, objective) }, statistics: statistics)
        }
        result.interrupted = interrupted && result.status != .optimal
        return result
    }

    /// The LP relaxation over every column: solve the restricted LP, price the columns left
    /// out with its row prices, bring in those that would improve it, until none would.
    /// Returns an answer when the LP alone decides the solve (infeasible, unbounded, stopped).
    /// `leavingIdleColumns`: columns that stopped paying leave the LP (`ageColumns`); asked for
    /// the round's first relaxation only (`search`).
    mutating func relaxation(leavingIdleColumns: Bool = false) throws(SolverError) -> MIPResult? {
        while true {
            // Asked to stop: no new LP is started, and one that ran is not trusted as optimal.
            var outcome: LPOutcome = .timeLimit
            if !SolveInterruption.isRequested {
                outcome = problem.solveLP(
                    LPParameters(
                        method: nextLPMethod, timeLimitMilliseconds: milliseconds(options.timeLimit, since: start),
                        verbose: options.log != nil))
            }
            nextLPMethod = .primal
            if case .failed(let message) = outcome { throw .solverFailure("the LP relaxation failed: " + message) }
            if SolveInterruption.isRequested { outcome = .timeLimit }
            statistics.pricingRounds += 1
            note(
                "planner: LP \(statistics.pricingRounds) \(outcome), value \(problem.objectiveValue), \(model.columns.count - restriction.leftOut) columns in, \(String(format: "%.2f", Date().timeIntervalSince(start))) s"
            )
            statistics.simplexIterations = problem.simplexIterations
            switch outcome {
            case .optimal: break
            case .infeasible:
                // The restricted model may lack the candidates a hard rule needs, or the round
                // may have no plan at all: make every row that can be violated elastic, so that
                // the LP is feasible and its row prices either price in what the rows need or
                // certify that nothing can (`settleElastic`).
                if matrix != nil, elasticLevel < ElasticColumn.priceLevels, elastic.isEmpty || !elasticCoversAll {
                    retireElasticColumns()
                    addElasticColumns()
                    continue
                }
                retireElasticColumns()
                if restriction.leftOut > 0 {
                    restriction.bringIn(model.columns.indices, problem, model)
                    continue
                }
                statistics.infeasibilityProof = .relaxation(columns: model.columns.count)
                return MIPResult(status: .infeasible, statistics: statistics)
            case .unbounded: return MIPResult(status: .unbounded, statistics: statistics)
            case .timeLimit, .failed, .cutOff:  // no cutoff is asked for here
                // The plan given to start from (or found since) is still a plan, with the
                // best bound any row prices give: the last LP's, or the interrupted one's.
                roundLastLP()
                return planInHand(bound: stoppedBound(), interrupted: SolveInterruption.isRequested)
            }
            guard let matrix else { return nil }
            if options.heuristic != nil, elastic.isEmpty { lastLPValues = problem.columnValues(count: model.columns.count) }
            // Whether the LP meets every row without an elastic column: its values are the model's.
            let meetsEveryRow = !elastic.contains { problem.columnValue($0) > 1e-9 }
            // A feasibility question needs a plan, not the LP's optimum: the LP over the columns
            // in, rounded, may already be one (docs/performance.md, "A feasibility question
            // rounds each LP"). This round's values: `lastLPValues` is kept only without elastic columns.
            if options.anyPlan, meetsEveryRow, let heuristic = options.heuristic,
                let plan = heuristic(problem.columnValues(count: model.columns.count)), model.isFeasible(plan)
            {
                incumbent = plan
                note("planner: the LP over the columns in, rounded, is a plan: a feasibility question answered")
                if let answer = anyPlanInHand() { return answer }
            }
            let rowPrices = problem.rowPrices(count: model.rows.count)
            if !meetsEveryRow {
                // Rows still unmet: the prices may already prove that no columns can meet them
                // (checked over every column, so no need to price the rest in first).
                let certificate = InfeasibilityCertificate(model: model, columns: matrix, rowPrices: rowPrices)
                if certificate.proves {
                    note("planner: the elastic LP's prices prove the rows cannot all hold; certificate value \(certificate.value)")
                    retireElasticColumns()
                    statistics.infeasibilityProof = .certificate(value: certificate.value, columns: model.columns.count)
                    return MIPResult(status: .infeasible, statistics: statistics)
                }
            }
            let bound = DualBound(model: model, columns: matrix, rowPrices: rowPrices)
            prices = bound
            report(.relaxation(round: statistics.pricingRounds), best: incumbentObjective, bound: bound.value)
            if options.relaxationOnly, meetsEveryRow, let suffices = options.relaxationSuffices {
                // The bound with the "one of" rows kept (`ChoiceRows`): the plain one charges every
                // column left out, and stays far above the LP until nearly all are in.
                let choiceRows = self.choiceRows ?? ChoiceRows(model)
                self.choiceRows = choiceRows
                let tight = choiceRows.bound(bound, in: model)
                if suffices(problem.objectiveValue, tight) {
                    note(
                        "planner: the LP over the columns in suffices: its value \(problem.objectiveValue), bound over every column \(tight)"
                    )
                    relaxationStoppedEarly = tight
                    return nil
                }
            }
            if leavingIdleColumns { ageColumns(bound) }
            var entering = model.columns.indices.filter { !restriction.active[$0] && bound.reducedCosts[$0] > 1e-6 && canEnter($0) }
            if entering.isEmpty {
                guard elastic.isEmpty else {
                    if let proof = settleElastic(matrix) {
                        statistics.infeasibilityProof = proof
                        return MIPResult(status: .infeasible, statistics: statistics)
                    }
                    continue
                }
                return nil
            }
            // The best columns first, at most half as many as rows per round (docs/performance.md:
            // bringing in every column that prices positive made the next LP slower).
            let cap = options.pricingBatch ?? max(500, model.rows.count / 2)
            if entering.count > cap {
                entering = Array(entering.sorted { (bound.reducedCosts[$0], -$0) > (bound.reducedCosts[$1], -$1) }.prefix(cap))
            }
            restriction.bringIn(entering, problem, model)
        }
    }

    /// Columns that have sat in the LP at 0 with a negative reduced cost for `Self.idleRoundsBeforeLeaving`
    /// pricing rounds in a row are left out again (fixed at 0, as before they came in), so that
    /// the simplex does not carry every column pricing ever brought in. A policy mix whose LP
    /// starts far from its optimum brings in 1,200 columns a round for 22 rounds, and each LP took
    /// longer than the last (docs/performance.md, "Columns that stopped paying leave the LP").
    /// A column left out is priced after every LP like any other and comes back when it pays, so
    /// nothing changes what is proven; each leaves once per search at most, so pricing still ends.
    /// Only while pricing the round's first LP, before any search: in an objective stage, or in
    /// the relaxations between a search and the next, which columns the LP holds steers the branch
    /// and bound (with aging there, mix 43's fewest-changes stage took 155 nodes instead of 65,
    /// and a small round's joint term 7.8 s instead of 2.6, each search redone without columns it
    /// had used).
    mutating func ageColumns(_ bound: DualBound) {
        guard priced else { return }
        if idleRounds.count != model.columns.count {
            idleRounds = [UInt8](repeating: 0, count: model.columns.count)
            agedOut = [Bool](repeating: false, count: model.columns.count)
        }
        let values = problem.columnValues(count: model.columns.count)
        // The plan in hand keeps its columns (a start of another length, which only the library's
        // callers can give, keeps none: it is no plan of this model).
        let plan = incumbent.flatMap { $0.count == model.columns.count ? $0 : nil }
        var leaving: [Int] = []
        for j in model.columns.indices where restriction.active[j] && !agedOut[j] {
            let idle =
                model.columns[j].kind != .continuous && model.columns[j].lower == 0 && values[j] == 0 && (plan?[j] ?? 0) == 0
                && bound.reducedCosts[j] < -1e-6
            guard idle else {
                idleRounds[j] = 0
                continue
            }
            idleRounds[j] += 1
            if Int(idleRounds[j]) >= Self.idleRoundsBeforeLeaving {
                leaving.append(j)
                agedOut[j] = true
            }
        }
        guard !leaving.isEmpty else { return }
        restriction.leave(leaving, problem)
        note("planner: \(leaving.count) columns idle for \(Self.idleRoundsBeforeLeaving) rounds left the LP")
    }

    static var idleRoundsBeforeLeaving: Int { 2 }

    /// Stopped while pricing or diving (the time limit, a signal): the last optimal LP over the
    /// columns in is rounded by the application's heuristic, and the plan kept when it meets every row and
    /// beats the plan in hand. On communes with `--time-limit 3` the plan in hand was the one where
    /// everyone stays, 35 % below the optimum; the LP stopped at had most of the way done.
    /// `allowedOnly`: the plan must use the columns in only (it becomes the search's start).
    mutating func roundLastLP(allowedOnly: Bool = false) {
        guard let values = lastLPValues, let heuristic = options.heuristic, let plan = heuristic(values),
            plan.count == model.columns.count, model.isFeasible(plan), !allowedOnly || restriction.allows(plan),
            incumbentObjective.map({ model.objectiveValue(plan) > $0 }) ?? true
        else { return }
        note("planner: stopped (time limit or signal); the last LP rounded to a plan of \(model.objectiveValue(plan))")
        incumbent = plan
    }

    /// For a feasibility question: the plan in hand, when there is one, as the answer.
    func anyPlanInHand() -> MIPResult? {
        guard let plan = incumbent, plan.count == model.columns.count, model.isFeasible(plan) else { return nil }
        var result = MIPResult(
            status: .feasible, values: plan, objective: model.objectiveValue(plan), bound: prices?.value, statistics: statistics)
        result.statistics.columnsUsed = columnsUsed
        return result
    }

    /// Adds elastic columns at the current level's price: on every row that some column values
    /// could violate (`ElasticColumn.covering`), or, when `SolveOptions.elasticShortRowsFirst`
    /// asks, first only on the rows that the all-zero plan leaves short
    /// (`ElasticColumn.shortAtZero`), and on every row when that LP is infeasible too or leaves
    /// rows unmet.
    mutating func addElasticColumns() {
        let level = elasticLevel + 1  // as the log counts them
        var columns: [ElasticColumn] = []
        if options.elasticShortRowsFirst, !elasticShortTried {
            elasticShortTried = true
            columns = ElasticColumn.shortAtZero(model, level: elasticLevel)
            elasticCoversAll = false
        }
        if columns.isEmpty {
            columns = ElasticColumn.covering(model, level: elasticLevel)
            elasticCoversAll = true
            elasticLevel += 1
        }
        elastic = columns.map { problem.addColumn(objective: $0.objective, lower: 0, row: $0.row, coefficient: $0.sign) }
        note(
            "planner: \(elastic.count) elastic columns (\(elasticCoversAll ? "every row that can be violated" : "rows short at zero"), price level \(level))"
        )
    }

    /// Fixes the elastic columns at 0: the LP is solved without them.
    mutating func retireElasticColumns() {
        for j in elastic { problem.setColumnBounds(j, lower: 0, upper: 0) }
        elastic = []
    }

    /// The elastic LP is optimal over every column. No violation left: the elastic columns
    /// retire and the LP goes on from this basis. A violation left: its row prices either
    /// certify that no column values meet every row (the answer: infeasible, with the proof),
    /// or the elastic price was too low for this model, and it is raised; past the last level,
    /// the LP solver decides over every column.
    mutating func settleElastic(_ matrix: ColumnMajor) -> InfeasibilityProof? {
        let violation = elastic.reduce(0) { $0 + problem.columnValue($1) }
        retireElasticColumns()
        guard violation > 1e-9 else { return nil }
        let certificate = InfeasibilityCertificate(model: model, columns: matrix, rowPrices: problem.rowPrices(count: model.rows.count))
        note("planner: elastic LP leaves \(violation) of the rows unmet; certificate value \(certificate.value)")
        if certificate.proves { return .certificate(value: certificate.value, columns: model.columns.count) }
        if elasticLevel < ElasticColumn.priceLevels {
            addElasticColumns()
        } else {
            restriction.bringIn(model.columns.indices, problem, model)
        }
        return nil
    }

    /// A bound for a search stopped before its LP was solved: the least of what the last
    /// optimal LP's prices, the interrupted LP's current prices, and prices found without an
    /// LP give (`DualBound` holds for any prices), each also with the "one of" rows kept
    /// (`ChoiceRows`): a post has one holder, so a plan gains at most its best column's worth
    /// there, where the plain bound adds up every column that prices positive. On communes stopped
    /// by `--time-limit 6` in its fourth LP: 45,257 where the plain bounds gave 48,592 at best, for
    /// a plan of 34,238 (optimum 35,866).
    func stoppedBound() -> Double? {
        guard let matrix else { return prices?.value }
        let choices = choiceRows ?? ChoiceRows(model)
        let bounds = [
            prices, DualBound(model: model, columns: matrix, rowPrices: problem.rowPrices(count: model.rows.count)),
            DualBound.withoutLP(model, columns: matrix),
        ]
        var best = Double.infinity
        for bound in bounds.compactMap({ $0 }) { best = min(best, bound.value, choices.bound(bound, in: model)) }
        return best.isFinite ? best : nil
    }

    /// A column the model fixes at 0 is in no plan: never priced in, nothing to certify.
    func canEnter(_ j: Int) -> Bool {
        let column = model.columns[j]
        return column.lower != 0 || column.upper != 0
    }

    mutating func solve() throws(SolverError) -> MIPResult {
        try solve(keeping: false).0
    }

    /// Solves; when `keeping` and the model is proven optimal, also returns the solve kept for
    /// warm re-solves (`PricedWarmModel`): as it stands after the proof, on a copy of its
    /// problem, before any objective stage changes it (its `model` and `matrix` the round's). Tried and not kept (docs/performance.md): the copy
    /// taken after the stages, with their rows freed and the round's objective restored (forced
    /// re-solves of `explain` on the city round took 0.07 to 0.17 s against 0.02 to 0.05 s); the
    /// basis moved to the plan the stages chose (the forced plans were no nearer to it).
    mutating func solve(keeping: Bool) throws(SolverError) -> (MIPResult, PricedSolve?) {
        restriction.leaveOut(problem)
        let result = try search()
        var kept: PricedSolve?
        if keeping, result.status == .optimal, !result.interrupted, !SolveInterruption.isRequested, problem.usableHere {
            kept = self
            kept?.problem = problem.copy()
        }
        return (try stagesIfAsked(after: result), kept)
    }

    /// The objective stages asked for: `objectiveStages`, or `objectiveStagesOtherwise` when
    /// the objective falls short of `objectiveStagesFrom`.
    mutating func stagesIfAsked(after result: MIPResult) throws(SolverError) -> MIPResult {
        if let from = options.objectiveStagesFrom, let objective = result.objective,
            objective < from - Proof.roundingMargin(from, step: step)
        {
            options.objectiveStages = options.objectiveStagesOtherwise
        }
        guard !options.objectiveStages.isEmpty else { return result }
        return try runStages(after: result)
    }

    /// The LP relaxation, the dive, reduced-cost fixing, branch and bound and the certificate,
    /// over the model in hand from the problem's state.
    mutating func search() throws(SolverError) -> MIPResult {
        let iterationsBefore = problem.simplexIterations
        if let early = try relaxation(leavingIdleColumns: stageProgress == nil) {
            statistics.lpSeconds = Date().timeIntervalSince(start)
            return early
        }
        statistics.lpSeconds = Date().timeIntervalSince(start)
        statistics.lpBound = relaxationStoppedEarly ?? prices?.value ?? problem.objectiveValue
        if options.relaxationOnly {
            var relaxation = MIPResult(
                status: relaxationStoppedEarly == nil ? .optimal : .feasible, values: problem.columnValues(count: model.columns.count),
                objective: problem.objectiveValue,
                bound: statistics.lpBound, statistics: statistics)
            relaxation.rowPrices = prices?.rowPrices
            return relaxation
        }

        let branchStart = Date()
        if options.anyPlan, let plan = anyPlanInHand() { return plan }
        if let matrix, options.dive, !SolveInterruption.isRequested {
            // The dive gets as many simplex iterations as the LP took, and at least 1,000: on a
            // round whose LP leans nowhere it re-solved for eight seconds and found less than
            // branch and bound finds in two (issue 17's first round). Counted in iterations, not
            // seconds, so that it stops at the same place on every machine: by a time budget
            // mix 24 of bench/mixes found its plan or none as the machine's load went.
            let lpIterations = problem.simplexIterations - iterationsBefore
            report(.dive, best: incumbentObjective, bound: prices?.value)
            let deadline = options.timeLimit.map { start.addingTimeInterval($0) } ?? .distantFuture
            if let dived = Dive.dive(
                problem, model: model, matrix: matrix, rounding: options.heuristic, allowed: restriction.active,
                prices: prices, iterations: max(1000, lpIterations), deadline: deadline, log: note,
                objectiveStep: options.absoluteGap > 0 ? model.objectiveStep() : step),
                model.isFeasible(dived), restriction.allows(dived),
                incumbent.map({ model.objectiveValue(dived) > model.objectiveValue($0) }) ?? true
            {
                incumbent = dived
            }
            // The time limit stopped the dive: the LP optimum over every column, rounded, may
            // still beat the plan in hand, which the search has no time left to improve.
            if Date() >= deadline { roundLastLP(allowedOnly: true) }
            note(
                "planner: best plan after the dive \(incumbent.map { String(model.objectiveValue($0)) } ?? "none"), \(String(format: "%.2f", Date().timeIntervalSince(start))) s"
            )
        }
        if options.anyPlan, let plan = anyPlanInHand() { return plan }
        while true {
            if let incumbent, let prices {
                // Reduced-cost fixing: a column whose every use is bounded below the plan in hand
                // plus a step cannot be in a better plan; the search goes without it. The
                // certificate below prices it again with every column left out.
                let improving = Proof.improvingValue(model.objectiveValue(incumbent), step: step)
                let dropped = model.columns.indices.filter { j in
                    restriction.active[j] && incumbent[j] == 0 && model.columns[j].kind != .continuous && model.columns[j].lower == 0
                        && prices.valueUsing(j, in: model) < improving && problem.columnValue(ColumnIndex(j)) == 0
                }
                if !dropped.isEmpty {
                    restriction.leave(dropped, problem)
                    note("planner: reduced-cost fixing left out \(dropped.count); columns in \(model.columns.count - restriction.leftOut)")
                    if let early = try relaxation() { return early }
                }
            }
            let run: BranchAndBoundRun
            if SolveInterruption.isRequested, incumbent != nil {
                // Stopped before branching: the plan in hand, with the LP bound.
                statistics.columnsUsed = columnsUsed
                return planInHand(bound: prices?.value, interrupted: true, proving: true)
            } else if let incumbent, let prices, Proof.proves(prices.value, incumbent: model.objectiveValue(incumbent), step: step) {
                // The plan in hand is within a step of the LP bound over every column: optimal
                // without a search.
                let result = MIPResult(status: .optimal, values: incumbent, objective: model.objectiveValue(incumbent), bound: prices.value)
                run = BranchAndBoundRun(result: result, status: .optimal, infeasible: false, nodes: 0)
            } else if let first = options.searchWithoutTighteningFirst, first < options.nodeLimit ?? .max {
                run = try branchAndBoundWithoutTighteningFirst(nodes: first)
            } else {
                run = try branchAndBound()
            }
            statistics.nodes += run.nodes
            statistics.simplexIterations = problem.simplexIterations
            statistics.branchSeconds = Date().timeIntervalSince(branchStart)
            if var answer = run.answer {
                answer.statistics.nodes = statistics.nodes
                answer.statistics.branchSeconds = statistics.branchSeconds
                return answer
            }
            guard var result = run.result else {
                // Stopped (by a signal, or by the time limit before the search took the plan in
                // hand as its incumbent): the plan in hand is still the answer, never "no plan".
                if run.interrupted || run.status == .timeLimitWithoutSolution {
                    statistics.columnsUsed = columnsUsed
                    return planInHand(bound: prices?.value, interrupted: run.interrupted)
                }
                if run.infeasible, restriction.leftOut > 0 {
                    // No plan among the columns in: the certificate needs a plan, so bring in all.
                    restriction.bringIn(model.columns.indices, problem, model)
                    if let early = try relaxation() { return early }
                    continue
                }
                statistics.columnsUsed = columnsUsed
                if run.status == .infeasible { statistics.infeasibilityProof = .search(nodes: statistics.nodes) }
                return MIPResult(status: run.status, statistics: statistics)
            }
            if options.anyPlan, result.values != nil {
                result.status = .feasible
                statistics.columnsUsed = columnsUsed
                result.statistics = statistics
                return result
            }
            // A search cut short may end below the plan in hand (it had not taken it yet).
            if result.status != .optimal, let plan = incumbent, model.isFeasible(plan),
                model.objectiveValue(plan) > (result.objective ?? -.infinity)
            {
                result.values = plan
                result.objective = model.objectiveValue(plan)
                result.bound = result.bound.map { max($0, result.objective!) }
            }
            // Certificate: a plan better than this one by a step (or by more than a hair,
            // without a step) would have to use a column left out; price each with the LP's
            // row prices (`DualBound.valueUsing`).
            let objective = result.objective!
            let improving = Proof.improvingValue(objective, step: step)
            var outside = -Double.infinity
            var needed: [Int] = []
            if let prices {
                for j in model.columns.indices where !restriction.active[j] && canEnter(j) {
                    let best = prices.valueUsing(j, in: model)
                    outside = max(outside, best)
                    if step == nil ? best > improving : best >= improving { needed.append(j) }
                }
            }
            result.interrupted = run.interrupted
            if needed.isEmpty || result.status != .optimal || run.interrupted {
                statistics.columnsUsed = columnsUsed
                let bound = max(result.bound ?? objective, outside)
                result.bound = bound
                statistics.provenBound = bound
                result.statistics = statistics
                // Never claim a proof the bound does not carry.
                let proven = Proof.proves(bound, incumbent: objective, step: step)
                if result.status == .optimal, options.relativeGap == 0, !proven { result.status = .feasible }
                result.rowPrices = prices?.rowPrices
                return result
            }
            restriction.bringIn(needed, problem, model)
            if let early = try relaxation() { return early }
            incumbent = result.values
        }
    }

    struct BranchAndBoundRun {
        var result: MIPResult?
        var status: MIPStatus
        var infeasible: Bool
        var nodes: Int
        /// Stopped by `SolveInterruption`.
        var interrupted = false
        /// Stopped by the node limit it was given.
        var stoppedAtNodeLimit = false
        /// The solve's answer as it stands, when the LP between two searches ended it (the
        /// time limit, a signal, or an LP that proves what the search would have): returned
        /// as it is, never taken for a search's result (it may carry no plan).
        var answer: MIPResult? = nil
    }

    /// `SolveOptions.searchWithoutTighteningFirst`: a search without the library's bound
    /// tightening for up to `nodes` nodes and, if it ends there, a search with it from the LP
    /// optimum again, starting from the best plan the first found; the node limit counts both.
    mutating func branchAndBoundWithoutTighteningFirst(nodes: Int) throws(SolverError) -> BranchAndBoundRun {
        let light = try branchAndBound(tightening: .none, nodeLimit: nodes)
        guard light.stoppedAtNodeLimit, !light.interrupted else { return light }
        if let found = light.result?.values, model.isFeasible(found), restriction.allows(found),
            incumbentObjective.map({ model.objectiveValue(found) > $0 }) ?? true
        {
            incumbent = found
        }
        note("planner: no answer in \(light.nodes) nodes without bound tightening; searching with it")
        // GLPK's search leaves the problem's basis where its last node was.
        if let early = try relaxation() {
            return BranchAndBoundRun(status: early.status, infeasible: false, nodes: light.nodes, answer: early)
        }
        var full = try branchAndBound(tightening: .everyNode, nodeLimit: options.nodeLimit.map { max(1, $0 - light.nodes) })
        full.nodes += light.nodes
        return full
    }

    /// One branch and bound from the optimal basis in place, over the columns currently in.
    func branchAndBound(
        tightening: SearchParameters.Preprocessing = .everyNode, nodeLimit: Int? = nil
    ) throws(SolverError)
        -> BranchAndBoundRun
    {
        var guide = SearchGuide()
        guide.heuristic = options.heuristic
        guide.model = options.heuristic == nil && incumbent == nil ? nil : model
        guide.start = incumbent
        guide.allowed = restriction.active
        guide.step = step
        guide.maximize = model.direction == .maximize
        if let receive = progressReceiver {
            // What the search's node bound says of the whole model: in a priced solve a plan may
            // also use a column left out, worth at most its `valueUsing`; never above the LP's.
            var outside = -Double.infinity
            if let prices, model.direction == .maximize {
                for j in model.columns.indices where !restriction.active[j] && canEnter(j) {
                    outside = max(outside, prices.valueUsing(j, in: model))
                }
            }
            let lpBound = prices?.value
            let before = incumbentObjective
            let maximize = model.direction == .maximize
            guide.progress = { nodes, incumbent, nodeBound in
                var bound = nodeBound
                if maximize, let nodeBound {
                    bound = max(nodeBound, outside)
                    if let lpBound { bound = min(bound!, lpBound) }
                }
                receive(SolveProgress(step: .search(nodes: nodes), best: incumbent ?? before, bound: bound))
            }
        }
        guide.nodeLimit = nodeLimit ?? options.nodeLimit
        guide.prioritized = model.columns.indices.filter { model.columns[$0].branchingPriority > 0 }
            .sorted { (model.columns[$0].branchingPriority, -$0) > (model.columns[$1].branchingPriority, -$1) }
            .map { (ColumnIndex($0), model.columns[$0].branchingPriority) }
        // Driebeck–Tomlin branching where the guide leaves the choice, but the most fractional
        // column in an objective stage, where Driebeck–Tomlin's tables cost 40 % of a hard
        // round's time and found no better plans; best-projection backtracking
        // (docs/performance.md has the measurements behind each).
        var parameters = SearchParameters(
            timeLimitMilliseconds: milliseconds(options.timeLimit, since: start),
            relativeGap: options.anyPlan ? 1e9 : options.relativeGap,
            branching: stageProgress == nil ? .driebeckTomlin : .mostFractional,
            backtracking: .bestProjection, verbose: options.log != nil)
        parameters.proximitySearch = options.proximitySearchWithoutPlan && incumbent == nil
        parameters.everyCut = options.everyCut
        parameters.preprocessing = tightening
        let outcome = problem.branchAndBound(parameters, guide: &guide)
        guard let status = try SearchStatus.of(outcome, provenByStep: guide.provenByStep) else {
            return BranchAndBoundRun(status: .infeasible, infeasible: true, nodes: guide.nodes)
        }
        guard outcome.hasSolution, let raw = outcome.values, let objective = outcome.objective else {
            return BranchAndBoundRun(
                status: status, infeasible: false, nodes: guide.nodes, interrupted: guide.interrupted,
                stoppedAtNodeLimit: guide.stoppedAtNodeLimit)
        }
        let values = model.columns.indices.map { model.columns[$0].kind == .continuous ? raw[$0] : raw[$0].rounded() }
        var bound: Double
        if status == .optimal && options.relativeGap == 0 && !guide.provenByStep {
            bound = objective
        } else {
            bound = guide.bound ?? objective
            // A recorded node bound can lag behind the final incumbent; never report a bound
            // on the wrong side of the plan actually found.
            bound = model.direction == .maximize ? max(bound, objective) : min(bound, objective)
        }
        let result = MIPResult(status: status, values: values, objective: objective, bound: bound)
        return BranchAndBoundRun(
            result: result, status: status, infeasible: false, nodes: guide.nodes, interrupted: guide.interrupted,
            stoppedAtNodeLimit: guide.stoppedAtNodeLimit)
    }
}
