import PlannerCore

/// Who may be planned for which key post, and how ready they are: the succession rules 3 to 5
/// and 7 applied pair by pair (docs/model.md, "The succession model"). The model builder and
/// the plan's report read this; the verifier derives its own.
public struct SuccessionCandidates: Sendable {
    public struct Pair: Sendable, Equatable {
        public var cadre: Int
        public var position: Int
        public var readiness: ReadinessScore
        /// Soft rules this pair breaks, each with its price.
        public var penalties: [Penalty]
    }

    public let facts: ScenarioFacts
    /// Key posts, in the scenario's order.
    public let keyPositions: [Int]
    /// For each key post (same order as `keyPositions`): its eligible pairs, cadres in file order.
    public let pairs: [[Pair]]
    public let termStart: Int
    /// Cadres the round appoints to a new post, left out under `allowAppointedInRound: false`.
    public let excluded: Set<String>

    public var policy: SuccessionPolicy { facts.scenario.policy.succession }

    public init(_ scenario: Scenario, excluding excluded: Set<String> = []) {
        let facts = ScenarioFacts(scenario)
        self.facts = facts
        self.excluded = excluded
        let policy = scenario.policy.succession
        termStart = policy.termStart ?? scenario.planningYear
        let listed = Set(policy.keyPositions)
        let titles = Set(policy.keyTitles)
        keyPositions = scenario.positions.indices.filter { titles.contains(scenario.positions[$0].title) || listed.contains(scenario.positions[$0].id) }
        var pairs: [[Pair]] = []
        for p in keyPositions {
            var found: [Pair] = []
            for c in scenario.cadres.indices {
                if let pair = Self.pair(cadre: c, position: p, facts: facts, termStart: termStart, excluded: excluded) { found.append(pair) }
            }
            pairs.append(found)
        }
        self.pairs = pairs
    }

    /// The grade of the post a cadre holds before the round; nil for a cadre of the pool.
    public static func heldGrade(_ cadre: Cadre, facts: ScenarioFacts) -> Int? {
        facts.postOfIncumbent[cadre.id].map { facts.scenario.policy.succession.grade(ofTitle: facts.scenario.positions[$0].title) }
    }

    static func pair(cadre c: Int, position p: Int, facts: ScenarioFacts, termStart: Int, excluded: Set<String>) -> Pair? {
        let scenario = facts.scenario
        let policy = scenario.policy
        let cadre = scenario.cadres[c]
        let position = scenario.positions[p]
        // Rule 3: upward only, never the own post. Rule 7: not someone the round appoints.
        if position.incumbent == cadre.id || excluded.contains(cadre.id) { return nil }
        if let held = heldGrade(cadre, facts: facts), held >= policy.succession.grade(ofTitle: position.title) { return nil }
        // Someone at retirement age now is not planned under any mode.
        if facts.isRetiring(cadre) { return nil }
        var penalties: [Penalty] = []
        func apply(_ rule: String, _ mode: RuleMode, _ broken: Bool) -> Bool {
            guard broken else { return true }
            switch mode {
            case .hard: return false
            case .soft(let price): penalties.append(Penalty(rule: rule, subject: "\(cadre.id) for \(position.id)", shortfall: 1, price: price)); return true
            case .off: return true
            }
        }
        // Rule 4: a full term from the start of the next term.
        let yearsFromTermStart = facts.retirementYear(cadre) - termStart
        if !apply("succession.timeToServe", policy.succession.timeToServe.mode, yearsFromTermStart < policy.succession.timeToServe.years) { return nil }
        // Rule 5: qualified as for appointment.
        let req = position.requirements
        if !apply("education", policy.education.mode, req.minEducation.map { cadre.education < $0 } ?? false) { return nil }
        if !apply("fields", policy.fields.mode, !req.fields.isEmpty && !req.fields.contains(where: cadre.fields.contains)) { return nil }
        if !apply("minRating", policy.minRating.mode, req.minRating.map { cadre.rating < $0 } ?? false) { return nil }
        let local = facts.isListedHead(position) && facts.isLocal(cadre, toUnit: facts.unit(of: position))
        if !apply("nonLocalHeads", policy.nonLocalHeads.mode, local) { return nil }
        let readiness = ReadinessScore(cadre: cadre, position: position, yearsFromTermStart: yearsFromTermStart,
                                       termYears: policy.succession.timeToServe.years, weights: policy.succession.readiness)
        return Pair(cadre: c, position: p, readiness: readiness, penalties: penalties)
    }
}

/// The fewest a slate must hold: `min`, capped at the cadres eligible for the post.
public func slateMinimum(_ rule: SlateSizeRule, eligible: Int) -> Int {
    rule.mode.isActive ? min(rule.min, eligible, rule.max) : 0
}

/// Value of the k-th successor (0-based) on a slate, per unit of post weight.
public func slotValue(_ weights: ReadinessWeights, _ k: Int) -> Double {
    k < weights.slotValues.count ? weights.slotValues[k] : (weights.slotValues.last ?? 0)
}

/// The succession plan as a MIP (docs/model.md states it in mathematical form).
public struct SuccessionModel: Sendable {
    public enum Meaning: Sendable, Equatable {
        /// x[c,p] = 1: cadre c is on key post p's slate (`pair` indexes `candidates.pairs[post]`).
        case plan(post: Int, pair: Int)
        /// Filled slots of a slate, valued by `slotValues` (continuous; concave, so filled in order).
        case slot(post: Int, slot: Int)
        /// Slates of a cadre beyond the first, and beyond the allowed number (soft).
        case extraSlates(cadre: Int)
        case overSlates(cadre: Int)
        /// y[c] = 1: cadre c is on the list (counted once in the shares).
        case onList(cadre: Int)
        /// Successors a slate lacks of its minimum (soft).
        case slateShort(post: Int)
        /// People the women or young share lacks (soft).
        case shareShort(rule: String)
    }

    public let candidates: SuccessionCandidates
    public internal(set) var model: LinearModel
    public internal(set) var meanings: [Meaning]
    /// For each key post: the column of each of its pairs.
    public internal(set) var pairColumns: [[Int]]

    public static func build(_ candidates: SuccessionCandidates) -> SuccessionModel {
        var builder = SuccessionModel(candidates: candidates, model: LinearModel(name: "succession", direction: .maximize), meanings: [],
                                      pairColumns: [])
        builder.addRows()
        return builder
    }

    mutating func column(_ name: String, _ meaning: Meaning, kind: LinearModel.Kind, upper: Double, objective: Double) -> Int {
        meanings.append(meaning)
        return model.addColumn(name, kind: kind, lower: 0, upper: upper, objective: objective)
    }

    mutating func addRows() {
        let scenario = candidates.facts.scenario
        let policy = candidates.policy
        var pairsOfCadre = [[Int]](repeating: [], count: scenario.cadres.count)
        for (k, p) in candidates.keyPositions.enumerated() {
            let position = scenario.positions[p]
            var columns: [Int] = []
            for (i, pair) in candidates.pairs[k].enumerated() {
                let value = position.weight * pair.readiness.value - pair.penalties.reduce(0) { $0 + $1.cost }
                let j = column("x[\(scenario.cadres[pair.cadre].id),\(position.id)]", .plan(post: k, pair: i), kind: .binary, upper: 1, objective: value)
                columns.append(j)
                pairsOfCadre[pair.cadre].append(j)
            }
            pairColumns.append(columns)
            guard !columns.isEmpty else { continue }
            // Rule 1 and the spreading preference: Σ x = Σ slots, each slot in [0, 1] at its value.
            var terms = columns.map { LinearModel.Term(column: $0, coefficient: 1) }
            for slot in 0..<min(policy.slateSize.max, columns.count) {
                let s = column("slot[\(position.id),\(slot + 1)]", .slot(post: k, slot: slot), kind: .continuous, upper: 1,
                               objective: position.weight * slotValue(policy.readiness, slot))
                terms.append(.init(column: s, coefficient: -1))
            }
            model.addRow("slate[\(position.id)]", terms: terms, lower: 0, upper: 0)
            let least = slateMinimum(policy.slateSize, eligible: columns.count)
            guard least > 0 else { continue }
            var minimum = columns.map { LinearModel.Term(column: $0, coefficient: 1) }
            if case .soft(let price) = policy.slateSize.mode {
                let s = column("short[\(position.id)]", .slateShort(post: k), kind: .integer, upper: Double(least), objective: -price)
                minimum.append(.init(column: s, coefficient: 1))
            }
            model.addRow("slate_min[\(position.id)]", terms: minimum, lower: Double(least))
        }
        // Rule 2 and the spreading price: Σ_p x[c,p] ≤ 1 + extra + over, extra ≤ max − 1.
        let candidates = self.candidates
        let shares = [("women", policy.women, { (c: Cadre) in c.gender == .female }),
                      ("young", policy.young, { (c: Cadre) in candidates.isYoung(c) })].filter { $0.1.mode.isActive && $0.1.minShare > 0 }
        var onList: [Int: Int] = [:]
        for (c, columns) in pairsOfCadre.enumerated() where !columns.isEmpty {
            let id = scenario.cadres[c].id
            if columns.count > 1 {
                let rule = policy.slatesPerCadre
                let allowed = rule.mode == .off ? columns.count : min(rule.max, columns.count)
                var terms = columns.map { LinearModel.Term(column: $0, coefficient: 1) }
                if allowed > 1 {
                    let extra = column("extra[\(id)]", .extraSlates(cadre: c), kind: .continuous, upper: Double(allowed - 1),
                                       objective: -policy.readiness.extraSlatePrice)
                    terms.append(.init(column: extra, coefficient: -1))
                }
                if case .soft(let price) = rule.mode, columns.count > allowed {
                    // Each slate over the limit is also a slate beyond the first: both prices.
                    let over = column("over[\(id)]", .overSlates(cadre: c), kind: .integer, upper: Double(columns.count - allowed),
                                      objective: -(price + policy.readiness.extraSlatePrice))
                    terms.append(.init(column: over, coefficient: -1))
                }
                model.addRow("slates[\(id)]", terms: terms, upper: 1)
            }
            guard !shares.isEmpty else { continue }
            // y[c] = 1 exactly when c is on some slate: x ≤ y for each pair, and y ≤ Σ x.
            let y = column("y[\(id)]", .onList(cadre: c), kind: .binary, upper: 1, objective: 0)
            onList[c] = y
            for j in columns { model.addRow("on_list[\(id),\(j)]", terms: [.init(column: j, coefficient: 1), .init(column: y, coefficient: -1)], upper: 0) }
            model.addRow("on_list[\(id)]", terms: [.init(column: y, coefficient: 1)] + columns.map { .init(column: $0, coefficient: -1) }, upper: 0)
        }
        // Rule 6: people counted once; count + shortfall ≥ share · people.
        for (name, rule, counts) in shares {
            var terms: [LinearModel.Term] = onList.sorted { $0.key < $1.key }.map { c, y in
                .init(column: y, coefficient: (counts(scenario.cadres[c]) ? 1 : 0) - rule.minShare)
            }
            if case .soft(let price) = rule.mode {
                let s = column("short_\(name)", .shareShort(rule: name), kind: .integer, upper: Double(onList.count), objective: -price)
                terms.append(.init(column: s, coefficient: 1))
            }
            model.addRow("share_\(name)", terms: terms.filter { $0.coefficient != 0 }, lower: 0)
        }
    }

    /// The plan with every slate empty and every shortfall it causes: feasible whenever the
    /// hard rules allow empty slates.
    public func emptyPlan() -> [Double] {
        var values = [Double](repeating: 0, count: model.columns.count)
        for (j, meaning) in meanings.enumerated() {
            if case .slateShort = meaning { values[j] = model.columns[j].upper }
        }
        return values
    }

    /// The slates a solution holds: for each key post, the indices of its pairs on the slate.
    public func slates(from values: [Double]) -> [[Int]] {
        pairColumns.map { columns in columns.indices.filter { values[columns[$0]] > 0.5 } }
    }
}

extension SuccessionCandidates {
    public func isYoung(_ cadre: Cadre) -> Bool { facts.age(cadre) < facts.scenario.policy.youth.age }
}

