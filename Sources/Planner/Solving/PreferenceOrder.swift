import Foundation
import PlannerSolving

/// The stated order among plans of equal objective (docs/model.md, "One plan among equals").
///
/// A round has many optimal plans: posts of equal weight are interchangeable for the objective,
/// so which of them the simplex lands on depends on its path and on the file's row order. A
/// committee cannot defend "the solver happened to pick him". So once the objective is proven
/// optimal, it is held at that optimum (a row, not a perturbation: the objective and its proof
/// are untouched) and the plan is improved key by key, each key held at its own optimum before
/// the next is asked:
///
/// 1. `fewestChanges`: fewer people change post (moves, appointments, releases);
/// 2. `ratingByRank`: the better-rated cadre in the higher-ranked post, the sum over assignments
///    of rank(post) · rank(cadre), posts ranked by weight and then by id (the smaller id ranks
///    higher), cadres by rating and then by id. For a fixed set of people and posts this sum is
///    largest exactly when the people are paired with the posts in rank order, and it depends on
///    ids, never on where a row stands in the file.
///
/// Each stage is a MIP over the columns that can be in an optimal plan (the others are fixed out
/// by the solve's row prices, and after each stage by its own, `DualBound`), solved by the same
/// solver; its start is the plan in hand, so a stage stopped early still returns an optimal plan.
public enum PreferenceOrder {
    /// The keys after the objective, in the order they decide.
    public enum Key: String, CaseIterable, Sendable {
        case fewestChanges
        case ratingByRank

        /// The key in a committee's words.
        public var words: String {
            switch self {
            case .fewestChanges: "fewest changes of post"
            case .ratingByRank: "better-ranked cadres in better-ranked posts"
            }
        }

        /// Branch-and-bound nodes a stage may spend (`SolveOptions.nodeLimit`); past them the
        /// stage keeps the best plan it found, and the plan says the key was not proven. The
        /// rank key's values run to 10⁸ in whole units, and on some rounds no search closes its
        /// last units (mix 09 of bench/mixes: a gap of 5·10⁻⁵ after 460 nodes).
        var nodeLimit: Int {
            switch self {
            case .fewestChanges: 1000
            case .ratingByRank: 100
            }
        }

        /// Whether the stage branches first on the columns the key does not count
        /// (`ObjectiveStage.branchFirstOnUncounted`): for the fewest changes, who stays. On the
        /// women's-share cliff round its search took 90 nodes instead of 302 (3.6 s instead of
        /// 13.6 s); over the 16 optimal mixes of bench/mixes the same or fewer nodes but one,
        /// mix 24 (329 instead of 181; docs/performance.md, "The fewest-changes stage branches
        /// on who stays first"). The rank key counts every assignment: nothing to put first.
        var branchFirstOnUncounted: Bool { self == .fewestChanges }

        /// Whether the stage on the solver's problem starts from a core of each post's three best
        /// by the key (and prices the rest in), or from every column that can be in a plan of
        /// the optimum. After the columns fixed at 1 and 0 (`DualBound.columnsRequired`, bound
        /// propagation), the rank key's possible columns are few, and taking them all saves the
        /// pricing rounds (city 0.23 → 0.19 s, communes 0.67 → 0.54 s, the all-soft cliff round
        /// 1.18 → 0.76 s, the same plans); the fewest-changes stage from every possible column
        /// took 223 nodes on city where from the core it takes 3.
        var startsFromEachPostsBest: Bool { self == .fewestChanges }

        /// Nodes the stage searches without GLPK's bound tightening before it searches with it
        /// (`ObjectiveStage.nodesWithoutTightening`). The rank key's searches mostly end within a
        /// few nodes, and the tightening cost each of them half a second at the root on
        /// communes; the fewest-changes searches that run long (a women's-share round: 302
        /// nodes) needed it from the start, and the light first 20 nodes cost them 4 s
        /// (docs/performance.md, "The stages' search without GLPK's bound tightening first").
        var nodesWithoutTightening: Int? {
            switch self {
            case .fewestChanges: nil
            case .ratingByRank: 20
            }
        }
    }

    /// The key's coefficient on every column of the round's model: the key is the sum of the
    /// columns' values times these, to be maximised.
    public static func coefficients(_ key: Key, rotation: RotationModel) -> [Double] {
        let facts = rotation.facts
        let ranks = key == .ratingByRank ? Ranks(rotation.scenario) : nil
        return rotation.meanings.map { meaning in
            switch (key, meaning) {
            case (.fewestChanges, .assign(let c, let p)): facts.ownPosition[c] == p ? 0 : -1
            case (.fewestChanges, .release(let c)): facts.retiresInRound(rotation.scenario.cadres[c]) ? 0 : -1
            case (.ratingByRank, .assign(let c, let p)): Double(ranks!.position[p] * ranks!.cadre[c])
            default: 0
            }
        }
    }

    /// The key's value for a plan given as each post's holder (post index → cadre index), and
    /// the incumbents it releases: what `explain` compares between two plans.
    public static func value(_ key: Key, holder: [Int?], scenario: Scenario, facts: ScenarioFacts? = nil) -> Double {
        switch key {
        case .fewestChanges:
            let facts = facts ?? ScenarioFacts(scenario)
            var changes = 0
            var held = Set<Int>()
            for (p, c) in holder.enumerated() {
                guard let c else { continue }
                held.insert(c)
                if facts.ownPosition[c] != p { changes += 1 }
            }
            for (c, own) in facts.ownPosition.enumerated() where own != nil && !held.contains(c) {
                if !facts.retiresInRound(scenario.cadres[c]) { changes += 1 }
            }
            return Double(-changes)
        case .ratingByRank:
            let ranks = Ranks(scenario)
            return holder.enumerated().reduce(0) { sum, item in
                item.element.map { sum + Double(ranks.position[item.offset] * ranks.cadre[$0]) } ?? sum
            }
        }
    }

    /// 1 for the lowest, n for the highest: posts by weight then id (smaller id higher), cadres by
    /// rating then id (smaller id higher).
    struct Ranks {
        var position: [Int]
        var cadre: [Int]

        init(_ scenario: Scenario) {
            position = Self.ranks(
                scenario.positions.indices.sorted {
                    let a = scenario.positions[$0]
                    let b = scenario.positions[$1]
                    return a.weight != b.weight ? a.weight < b.weight : a.id > b.id
                })
            cadre = Self.ranks(
                scenario.cadres.indices.sorted {
                    let a = scenario.cadres[$0]
                    let b = scenario.cadres[$1]
                    return a.rating != b.rating ? a.rating < b.rating : a.id > b.id
                })
        }

        static func ranks(_ ascending: [Int]) -> [Int] {
            var rank = [Int](repeating: 0, count: ascending.count)
            for (index, item) in ascending.enumerated() { rank[item] = index + 1 }
            return rank
        }
    }

    /// Improves a proven optimal `result` of `rotation` key by key (see the type's comment).
    /// Returns the result with the preferred plan's values, and the record of each stage.
    static func prefer(
        _ result: MIPResult, rotation: RotationModel, options: SolveOptions, solver: any MIPSolver, since start: Date
    ) throws(PlannerError) -> (result: MIPResult, record: PreferenceRecord) {
        var record = PreferenceRecord(order: Key.allCases.map(\.rawValue))
        let model = rotation.model
        let step = model.objectiveStep() ?? (options.absoluteGap > 0 ? options.absoluteGap : nil)
        // Proven optimal, not only within a `--gap`: the order chooses among the plans of the
        // optimum, and holding a plan that is merely good enough would choose among others.
        guard result.status == .optimal, let first = result.values,
            options.relativeGap == 0 || result.bound.map({ Proof.proves($0, incumbent: model.objectiveValue(first), step: step) }) == true
        else {
            record.note = "not applied: the plan is proven only within the gap asked for (--gap), not optimal"
            return (result, record)
        }
        if let stages = result.stages {
            // Run by the solver on its problem, from the proof's basis (`Planner.solve` asked).
            return (result, preferenceRecord(of: stages, options: options, since: start))
        }
        let primary = model.objectiveValue(first)
        // What counts as the same objective when a stage's plan replaces the one in hand: within
        // the proof's rounding margin on a stepped objective (plans differ by whole steps), and
        // within 10⁻⁹ of it without a step, where two plans can differ by less than the margin
        // (ratings with many decimals) and the better one must not be given up for a key.
        let same = step == nil ? 1e-9 * max(1, abs(primary)) : Proof.roundingMargin(primary, step: step)
        // Held at the optimum less rounding noise (never more than a quarter step): a whole plan
        // above the floor has the optimum. Holding half a step lower is as exact for whole plans
        // but lets the LP trade objective for key: the rank stage of city-declines took 2216
        // nodes from there and 12 from here.
        let floor = primary - Proof.roundingMargin(primary, step: step)
        var keep = columnsThatCanBeOptimal(
            model: model, plan: first, floor: floor, rowPrices: result.rowPrices, options: options, solver: solver)
        var held: [(name: String, coefficients: [Double], constant: Double, lower: Double)] = [
            ("held_objective", model.columns.map(\.objective), model.objectiveConstant, floor)
        ]
        var values = first
        var changed = false
        for key in Key.allCases {
            let coefficients = coefficients(key, rotation: rotation)
            let before = zip(coefficients, values).reduce(0) { $0 + $1.0 * $1.1 }
            var stageOptions = SolveOptions(log: options.log)
            stageOptions.partsMinimumPosts = .max
            // The dive rounds toward the round's objective, not the key's: on the city round
            // it found nothing in a third of a second that branch and bound found at once.
            stageOptions.dive = false
            stageOptions.nodeLimit = key.nodeLimit
            if let limit = options.timeLimit { stageOptions.timeLimit = max(0, limit - Date().timeIntervalSince(start)) }
            var stage = StageModel(model: model, keep: keep, held: held, objective: coefficients)
            if key.branchFirstOnUncounted { stage.model.branchFirst(onUncountedBy: stage.model.columns.map(\.objective)) }
            stageOptions.start = stage.restrict(values)
            // Priced like the round itself: from the plan in hand's columns, the others brought
            // in as the stage's row prices ask for them.
            stageOptions.pricingCore = stageCore(stage, start: stageOptions.start!, coefficients: coefficients, rotation: rotation)
            options.log?("planner: preference stage \(key.rawValue): \(stage.model.columns.count) columns, from \(before)")
            let outcome: MIPResult
            do {
                outcome = try solver.solve(stage.model, options: stageOptions)
            } catch {
                throw .solver(error)
            }
            var stageRecord = PreferenceStageRecord(key: key.rawValue, value: before, proven: false, changedPlan: false)
            stageRecord.nodes = outcome.statistics.nodes
            if let found = outcome.values {
                let full = stage.expand(found)
                let after = zip(coefficients, full).reduce(0) { $0 + $1.0 * $1.1 }
                // Taken only when it is a plan of the whole model with the objective held.
                if after > before + 0.5, model.isFeasible(full), model.objectiveValue(full) >= primary - same {
                    values = full
                    stageRecord.value = after
                    stageRecord.changedPlan = true
                    changed = true
                }
            }
            stageRecord.proven = outcome.status == .optimal
            record.stages.append(stageRecord)
            guard stageRecord.proven else {
                record.note = unprovenNote(key, options: options, since: start)
                break
            }
            // Keys are whole numbers: held at their optimum less rounding noise, as the objective.
            held.append(("held_\(key.rawValue)", coefficients, 0, stageRecord.value - Proof.roundingMargin(stageRecord.value, step: 1)))
            // The stage's row prices bound the key over plans that use a column; a column that
            // cannot reach the held value is in no plan the later stages may choose.
            if let prices = outcome.rowPrices, prices.count == stage.model.rows.count {
                let bound = DualBound(model: stage.model, columns: ColumnMajor(stage.model), rowPrices: prices)
                let needed = stageRecord.value - 0.5 - Proof.roundingMargin(stageRecord.value, step: nil)
                let reaching = bound.columns(reaching: needed, in: stage.model, plan: stage.restrict(values))
                var fixed = 0
                for (stageColumn, j) in stage.columns.enumerated() where !reaching[stageColumn] {
                    keep[j] = false
                    fixed += 1
                }
                options.log?("planner: preference stage \(key.rawValue) fixed out \(fixed) more columns")
            }
        }
        record.equalOptimaFound = changed ? true : nil
        var preferred = result
        preferred.values = values
        preferred.objective = model.objectiveValue(values)
        return (preferred, record)
    }

    /// The keys as the solver's objective stages, for a solver that runs them on the problem of
    /// its proof (`SolveOptions.objectiveStages`).
    static func stages(_ rotation: RotationModel) -> [ObjectiveStage] {
        let posts = postOfColumn(rotation)
        let positions = rotation.scenario.positions.count
        return Key.allCases.map { key in
            let coefficients = coefficients(key, rotation: rotation)
            let eachPostsBest: @Sendable ([Bool], [Double]) -> [Bool] = { possible, plan in
                core(possible: possible, plan: plan, coefficients: coefficients, postOfColumn: posts, positions: positions)
            }
            return ObjectiveStage(
                name: key.rawValue, coefficients: coefficients, nodeLimit: key.nodeLimit,
                nodesWithoutTightening: key.nodesWithoutTightening, branchFirstOnUncounted: key.branchFirstOnUncounted,
                pricingCore: key.startsFromEachPostsBest ? eachPostsBest : nil)
        }
    }

    /// The record of stages the solver ran, as `prefer` keeps it.
    static func preferenceRecord(of stages: [ObjectiveStageResult], options: SolveOptions, since start: Date) -> PreferenceRecord {
        var record = PreferenceRecord(order: Key.allCases.map(\.rawValue))
        for stage in stages {
            var stageRecord = PreferenceStageRecord(
                key: stage.name, value: stage.value, proven: stage.proven, changedPlan: stage.changedPlan)
            stageRecord.nodes = stage.nodes
            record.stages.append(stageRecord)
        }
        if let unproven = stages.first(where: { !$0.proven }), let key = Key(rawValue: unproven.name) {
            record.note = unprovenNote(key, because: unproven.notProvenBecause, options: options, since: start)
        } else if stages.count < Key.allCases.count {
            record.note = "not applied: " + Key.allCases.dropFirst(stages.count).map(\.words).joined(separator: ", ")
        }
        record.equalOptimaFound = stages.contains(where: \.changedPlan) ? true : nil
        return record
    }

    /// Why a stage's key is the best found and not proven, and the keys after it not applied.
    static func unprovenNote(_ key: Key, because reason: String? = nil, options: SolveOptions, since start: Date) -> String {
        let cause =
            reason
            ?? (SolveInterruption.isRequested
                ? "a signal stopped its search"
                : (options.timeLimit.map { Date().timeIntervalSince(start) >= $0 - 0.01 } == true
                    ? "the time limit stopped its search" : "its search stopped at \(key.nodeLimit) nodes"))
        let skipped = Key.allCases.drop { $0 != key }.dropFirst().map(\.words)
        return "\(key.words): the best found, not proven (\(cause))"
            + (skipped.isEmpty ? "" : "; not applied: \(skipped.joined(separator: ", "))")
    }

    /// Where a stage's pricing starts, among the columns that can be in a plan of the optimum:
    /// the plan in hand's columns, every column that is not an assignment, and each post's best
    /// three assignments by the stage's key (on the city round the stages took 0.85 s from three,
    /// 2.1 s from one, and 270 s from none).
    static func core(possible: [Bool], plan: [Double], coefficients: [Double], postOfColumn: [Int?], positions: Int) -> [Bool] {
        var core = [Bool](repeating: false, count: possible.count)
        var byPosition = [[Int]](repeating: [], count: positions)
        for j in possible.indices where possible[j] {
            guard let p = postOfColumn[j], plan[j] == 0 else {
                core[j] = true
                continue
            }
            byPosition[p].append(j)
        }
        for columns in byPosition {
            let best = columns.sorted { (coefficients[$0], -$0) > (coefficients[$1], -$1) }
            for j in best.prefix(3) { core[j] = true }
        }
        return core
    }

    /// `core` for a stage model of its own (the cold path): in the stage's columns.
    static func stageCore(_ stage: StageModel, start: [Double], coefficients: [Double], rotation: RotationModel) -> [Bool] {
        var possible = [Bool](repeating: false, count: stage.roundColumns)
        for j in stage.columns { possible[j] = true }
        let round = core(
            possible: possible, plan: stage.expand(start), coefficients: coefficients, postOfColumn: postOfColumn(rotation),
            positions: rotation.scenario.positions.count)
        return stage.columns.map { round[$0] }
    }

    /// The post of each assignment column, nil for the other columns.
    static func postOfColumn(_ rotation: RotationModel) -> [Int?] {
        rotation.meanings.map { meaning in
            if case .assign(_, let p) = meaning { return p }
            return nil
        }
    }

    /// The columns that some plan with objective ≥ `floor` may use: every column but the whole
    /// ones at 0 in `plan` whose every use is bounded below `floor` by the row prices (one LP over
    /// every column when the solve did not leave its prices).
    static func columnsThatCanBeOptimal(
        model: LinearModel, plan: [Double], floor: Double, rowPrices: [Double]?, options: SolveOptions, solver: any MIPSolver
    ) -> [Bool] {
        var prices = rowPrices
        if prices == nil {
            var lpOptions = SolveOptions(log: options.log)
            lpOptions.relaxationOnly = true
            lpOptions.start = plan
            prices = (try? solver.solve(model, options: lpOptions))?.rowPrices
        }
        guard let prices, prices.count == model.rows.count, model.direction == .maximize else {
            return [Bool](repeating: true, count: model.columns.count)
        }
        let bound = DualBound(model: model, columns: ColumnMajor(model), rowPrices: prices)
        return bound.columns(reaching: floor - Proof.roundingMargin(floor, step: nil), in: model, plan: plan)
    }
}

/// One stage's model: the round's model over the columns kept, with each earlier key held at its
/// optimum by a row, and this stage's key as the objective.
struct StageModel {
    var model: LinearModel
    /// Stage column → round column.
    var columns: [Int]
    var roundColumns: Int

    init(
        model round: LinearModel, keep: [Bool], held: [(name: String, coefficients: [Double], constant: Double, lower: Double)],
        objective: [Double]
    ) {
        var model = LinearModel(name: round.name + "_preference", direction: .maximize)
        var index = [Int](repeating: -1, count: round.columns.count)
        var columns: [Int] = []
        for (j, column) in round.columns.enumerated() where keep[j] {
            index[j] = model.addColumn(column.name, kind: column.kind, lower: column.lower, upper: column.upper, objective: objective[j])
            model.setBranchingPriority(index[j], column.branchingPriority)
            columns.append(j)
        }
        for row in round.rows {
            let terms = row.terms.compactMap { term in
                index[term.column] >= 0 ? LinearModel.Term(column: index[term.column], coefficient: term.coefficient) : nil
            }
            // A row left without columns holds at zero: the plan in hand, zero on every column
            // left out, meets it.
            if !terms.isEmpty { model.addRow(row.name, terms: terms, lower: row.lower, upper: row.upper) }
        }
        for key in held {
            let terms = columns.enumerated().compactMap { stageColumn, j in
                key.coefficients[j] == 0 ? nil : LinearModel.Term(column: stageColumn, coefficient: key.coefficients[j])
            }
            model.addRow(key.name, terms: terms, lower: key.lower - key.constant)
        }
        self.model = model
        self.columns = columns
        roundColumns = round.columns.count
    }

    func restrict(_ values: [Double]) -> [Double] { columns.map { values[$0] } }

    func expand(_ values: [Double]) -> [Double] {
        var full = [Double](repeating: 0, count: roundColumns)
        for (stageColumn, j) in columns.enumerated() { full[j] = values[stageColumn] }
        return full
    }
}
