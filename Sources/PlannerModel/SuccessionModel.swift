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
        keyPositions = scenario.positions.indices.filter {
            titles.contains(scenario.positions[$0].title) || listed.contains(scenario.positions[$0].id)
        }
        // What the pair test asks of each cadre whatever the post, once: it runs for every cadre
        // and key post (583 × 367 on the city round), and by id per pair it was a fifth of the
        // `planner succession` command's own work (perf, 2026-12-07).
        let cadres = scenario.cadres.map { cadre in
            CadreFacts(
                excluded: excluded.contains(cadre.id), heldGrade: Self.heldGrade(cadre, facts: facts),
                retirementYear: facts.retirementYear(cadre))
        }
        var pairs: [[Pair]] = []
        for p in keyPositions {
            var found: [Pair] = []
            let grade = policy.grade(ofTitle: scenario.positions[p].title)
            for c in scenario.cadres.indices {
                if let pair = Self.pair(cadre: c, position: p, grade: grade, facts: facts, termStart: termStart, cadreFacts: cadres[c]) {
                    found.append(pair)
                }
            }
            pairs.append(found)
        }
        self.pairs = pairs
    }

    /// The grade of the post a cadre holds before the round; nil for a cadre of the pool.
    public static func heldGrade(_ cadre: Cadre, facts: ScenarioFacts) -> Int? {
        facts.postOfIncumbent[cadre.id].map { facts.scenario.policy.succession.grade(ofTitle: facts.scenario.positions[$0].title) }
    }

    /// A cadre's part of the pair test, the same for every key post.
    struct CadreFacts {
        /// Appointed in the round, and kept off the slates (rule 7).
        let excluded: Bool
        let heldGrade: Int?
        let retirementYear: Int
    }

    static func pair(cadre c: Int, position p: Int, grade: Int, facts: ScenarioFacts, termStart: Int, cadreFacts: CadreFacts) -> Pair? {
        let scenario = facts.scenario
        let policy = scenario.policy
        let cadre = scenario.cadres[c]
        let position = scenario.positions[p]
        let retirementYear = cadreFacts.retirementYear
        // Rule 3: upward only, never the own post. Rule 7: not someone the round appoints.
        if position.incumbent == cadre.id || cadreFacts.excluded { return nil }
        if let held = cadreFacts.heldGrade, held >= grade { return nil }
        // Someone at retirement age now is not planned under any mode.
        if retirementYear <= scenario.planningYear { return nil }
        var penalties: [Penalty] = []
        func apply(_ rule: String, _ mode: RuleMode, _ broken: Bool) -> Bool {
            guard broken else { return true }
            switch mode {
            case .hard: return false
            case .soft(let price):
                penalties.append(Penalty(rule: rule, subject: "\(cadre.id) for \(position.id)", shortfall: 1, price: price))
                return true
            case .off: return true
            }
        }
        // Rule 4: a full term from the start of the next term.
        let yearsFromTermStart = retirementYear - termStart
        if !apply("succession.timeToServe", policy.succession.timeToServe.mode, yearsFromTermStart < policy.succession.timeToServe.years) {
            return nil
        }
        // Rule 5: qualified as for appointment.
        let req = position.requirements
        if !apply("education", policy.education.mode, req.minEducation.map { cadre.education < $0 } ?? false) { return nil }
        if !apply("fields", policy.fields.mode, !req.fields.isEmpty && !req.fields.contains(where: cadre.fields.contains)) { return nil }
        if !apply("minRating", policy.minRating.mode, req.minRating.map { cadre.rating < $0 } ?? false) { return nil }
        let local = facts.isListedHead(position) && facts.isLocal(cadre, toUnit: facts.unit(of: position))
        if !apply("nonLocalHeads", policy.nonLocalHeads.mode, local) { return nil }
        let heldUnit = facts.postOfIncumbent[cadre.id].map { scenario.positions[$0].unit }
        let readiness = ReadinessScore(
            cadre: cadre, position: position, heldUnit: heldUnit, yearsFromTermStart: yearsFromTermStart,
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

/// The succession plan as a MIP (docs/model.md, "The succession model", states it in
/// mathematical form), built in one of two forms:
///
/// - **The network** (`countingPeople: false`): slates and cadres only. Every pair column has
///   one entry in its post's row and one in its cadre's row, and every other column is a single
///   entry: the matrix of a bipartite b-matching, totally unimodular, so the LP relaxation has a
///   whole optimum and GLPK's simplex returns it without branching. The slate minimum is folded
///   into the value of the first slots for that reason, rather than written as a second row over
///   the same pairs.
/// - **With the people counted** (`countingPeople: true`): a 0–1 column y[c] per cadre who can be
///   on a slate, counts of people, women and young, and the share rows (rule 6), which count
///   each person once however many slates they are on.
///
/// The network is a relaxation of the whole model (it drops the share rows), so when its
/// optimum meets the shares it is optimal for the whole model; `Planner.succession` solves the
/// network first and builds the second form only when a share binds.
public struct SuccessionModel: Sendable {
    public enum Meaning: Sendable, Equatable {
        /// x[c,p] = 1: cadre c is on key post p's slate (`pair` indexes `candidates.pairs[post]`).
        case plan(post: Int, pair: Int)
        /// The k-th place of a slate is filled (0–1; values decrease with k, so places fill in order).
        case slot(post: Int, slot: Int)
        /// Slates of a cadre beyond the first (up to the allowed number), and beyond the allowed number (soft).
        case extraSlates(cadre: Int)
        case overSlates(cadre: Int)
        /// y[c] = 1: cadre c is on the list (counted once in the shares).
        case onList(cadre: Int)
        /// People on the list, and the women or young among them.
        case count(name: String)
        /// People the women or young share lacks (soft).
        case shareShort(rule: String)
    }

    public let candidates: SuccessionCandidates
    public let countsPeople: Bool
    public internal(set) var model: LinearModel
    public internal(set) var meanings: [Meaning]
    /// For each key post: the column of each of its pairs.
    public internal(set) var pairColumns: [[Int]]
    /// For each cadre: their pair columns, and their y column when people are counted.
    public internal(set) var columnsOfCadre: [[Int]]
    public internal(set) var onListColumn: [Int?]

    /// - Parameter strengthening: when people are counted, pairs (post, pair index) for which
    ///   the row x[c,p] ≤ y[c] is written. Every plan keeps these rows (y[c] = 1 whenever c is on
    ///   a slate), so any subset is valid; they only tighten the LP relaxation, and are worth
    ///   writing for the pairs a plan is likely to use.
    public static func build(
        _ candidates: SuccessionCandidates, countingPeople: Bool = false,
        strengthening: Set<[Int]> = []
    ) -> SuccessionModel {
        let cadres = candidates.facts.scenario.cadres.count
        var builder = SuccessionModel(
            candidates: candidates, countsPeople: countingPeople,
            model: LinearModel(name: "succession", direction: .maximize), meanings: [], pairColumns: [],
            columnsOfCadre: Array(repeating: [], count: cadres), onListColumn: Array(repeating: nil, count: cadres))
        builder.addSlates()
        builder.addCadres(strengthening: strengthening)
        if countingPeople { builder.addShares() }
        return builder
    }

    mutating func column(
        _ name: String, _ meaning: Meaning, kind: LinearModel.Kind, lower: Double = 0, upper: Double, objective: Double
    ) -> Int {
        meanings.append(meaning)
        // Whole columns throughout: the network's optimum is whole anyway, and whole columns let
        // the solver use the objective step (`LinearModel.objectiveStep`) to prove optimality.
        return model.addColumn(name, kind: kind, lower: lower, upper: upper, objective: objective)
    }

    /// The shares that bind the list as a whole: active, with a share above 0.
    var activeShares: [(name: String, rule: ListShareRule, counts: (Cadre) -> Bool)] {
        let policy = candidates.policy
        let candidates = self.candidates
        return [
            ("women", policy.women, { (c: Cadre) in c.gender == .female }),
            ("young", policy.young, { (c: Cadre) in candidates.isYoung(c) }),
        ].filter { $0.1.mode.isActive && $0.1.minShare > 0 }
    }

    /// Rule 1 and the spreading preference: Σ_c x[c,p] = Σ_k slot[p,k] with each place valued
    /// weight(p) · slotValue(k); a soft minimum adds its price to the value of each of the first
    /// `least` places (and takes price · least off as a constant), a hard one fixes them at 1.
    mutating func addSlates() {
        let scenario = candidates.facts.scenario
        let policy = candidates.policy
        for (k, p) in candidates.keyPositions.enumerated() {
            let position = scenario.positions[p]
            var columns: [Int] = []
            for (i, pair) in candidates.pairs[k].enumerated() {
                let value = position.weight * pair.readiness.value - pair.penalties.reduce(0) { $0 + $1.cost }
                let j = column(
                    "x[\(scenario.cadres[pair.cadre].id),\(position.id)]", .plan(post: k, pair: i), kind: .binary, upper: 1,
                    objective: value)
                columns.append(j)
                columnsOfCadre[pair.cadre].append(j)
            }
            pairColumns.append(columns)
            guard !columns.isEmpty else { continue }
            let least = slateMinimum(policy.slateSize, eligible: columns.count)
            var terms = columns.map { LinearModel.Term(column: $0, coefficient: 1) }
            for slot in 0..<min(policy.slateSize.max, columns.count) {
                var value = position.weight * slotValue(policy.readiness, slot)
                var lower = 0.0
                if slot < least {
                    switch policy.slateSize.mode {
                    case .hard: lower = 1
                    case .soft(let price):
                        value += price
                        model.objectiveConstant -= price
                    case .off: break
                    }
                }
                let s = column(
                    "slot[\(position.id),\(slot + 1)]", .slot(post: k, slot: slot), kind: .binary, lower: lower, upper: 1, objective: value)
                terms.append(.init(column: s, coefficient: -1))
            }
            model.addRow("slate[\(position.id)]", terms: terms, lower: 0, upper: 0)
        }
    }

    /// Rule 2 and the spreading price. The network: Σ_p x[c,p] − extra[c] − over[c] ≤ 1, extra
    /// priced per slate beyond the first up to the allowed number, over (soft) per slate beyond
    /// it. With people counted the 1 becomes y[c], and Σ_p x[c,p] ≤ n·y[c], y[c] ≤ Σ_p x[c,p]
    /// tie y[c] to "on some slate".
    mutating func addCadres(strengthening: Set<[Int]>) {
        let scenario = candidates.facts.scenario
        let policy = candidates.policy
        let rule = policy.slatesPerCadre
        var pairOfColumn: [Int: [Int]] = [:]
        if countsPeople {
            for (k, columns) in pairColumns.enumerated() { for (i, j) in columns.enumerated() { pairOfColumn[j] = [k, i] } }
        }
        for (c, columns) in columnsOfCadre.enumerated() where !columns.isEmpty {
            let id = scenario.cadres[c].id
            let allowed = rule.mode == .off ? columns.count : min(rule.max, columns.count)
            var terms = columns.map { LinearModel.Term(column: $0, coefficient: 1) }
            if allowed > 1 {
                let extra = column(
                    "extra[\(id)]", .extraSlates(cadre: c), kind: .integer, upper: Double(allowed - 1),
                    objective: -policy.readiness.extraSlatePrice)
                terms.append(.init(column: extra, coefficient: -1))
            }
            var most = allowed
            if case .soft(let price) = rule.mode, columns.count > allowed {
                // Each slate over the limit is also a slate beyond the first: both prices.
                let over = column(
                    "over[\(id)]", .overSlates(cadre: c), kind: .integer, upper: Double(columns.count - allowed),
                    objective: -(price + policy.readiness.extraSlatePrice))
                terms.append(.init(column: over, coefficient: -1))
                most = columns.count
            }
            guard countsPeople else {
                if terms.count > 1 { model.addRow("slates[\(id)]", terms: terms, upper: 1) }
                continue
            }
            let y = column("y[\(id)]", .onList(cadre: c), kind: .binary, upper: 1, objective: 0)
            onListColumn[c] = y
            model.addRow("slates[\(id)]", terms: terms + [.init(column: y, coefficient: -1)], upper: 0)
            model.addRow(
                "listed_most[\(id)]",
                terms: columns.map { .init(column: $0, coefficient: 1) } + [.init(column: y, coefficient: -Double(most))], upper: 0)
            model.addRow(
                "listed_least[\(id)]", terms: [.init(column: y, coefficient: 1)] + columns.map { .init(column: $0, coefficient: -1) },
                upper: 0)
            for j in columns where strengthening.contains(pairOfColumn[j]!) {
                model.addRow(
                    "listed[\(model.columns[j].name)]", terms: [.init(column: j, coefficient: 1), .init(column: y, coefficient: -1)],
                    upper: 0)
            }
        }
    }

    /// Rule 6: people counted once. N = Σ y, and for each share G = Σ_{c in the group} y;
    /// G + s ≥ share · N, with the hull rows that round it up to whole people (`ShareHull`).
    mutating func addShares() {
        let scenario = candidates.facts.scenario
        let listable = onListColumn.enumerated().compactMap { c, y in y.map { (cadre: c, column: $0) } }
        guard !activeShares.isEmpty, !listable.isEmpty else { return }
        let people = count("n_people", listable.map(\.column), most: listable.count)
        for (name, rule, counts) in activeShares {
            let members = listable.filter { counts(scenario.cadres[$0.cadre]) }.map(\.column)
            let group = count("n_\(name)", members, most: members.count)
            var shortfall: Int?
            if case .soft(let price) = rule.mode {
                shortfall = column(
                    "short_\(name)", .shareShort(rule: name), kind: .integer, upper: Double(listable.count), objective: -price)
            }
            var terms: [LinearModel.Term] = [.init(column: group, coefficient: 1), .init(column: people, coefficient: -rule.minShare)]
            if let shortfall { terms.append(.init(column: shortfall, coefficient: 1)) }
            model.addRow("share_\(name)", terms: terms, lower: 0)
            for edge in ShareHull.edges(share: rule.minShare, totals: 0...listable.count) {
                var hull: [LinearModel.Term] = [
                    .init(column: group, coefficient: Double(edge.run)), .init(column: people, coefficient: -Double(edge.rise)),
                ]
                if let shortfall { hull.append(.init(column: shortfall, coefficient: Double(edge.run))) }
                model.addRow(
                    "hull_\(name)[\(edge.from.total)]", terms: hull,
                    lower: Double(edge.run * edge.from.needed - edge.rise * edge.from.total))
            }
        }
    }

    /// An integer column equal to Σ columns (branching on a count settles what the LP blurs).
    mutating func count(_ name: String, _ columns: [Int], most: Int) -> Int {
        let index = column(name, .count(name: name), kind: .integer, upper: Double(most), objective: 0)
        model.setBranchingPriority(index, 3)
        model.addRow(
            "def_\(name)", terms: [.init(column: index, coefficient: 1)] + columns.map { .init(column: $0, coefficient: -1) }, lower: 0,
            upper: 0)
        return index
    }

    /// The columns a priced solve starts from: each key post's `perPost` best pairs by value,
    /// and every column that is not a pair.
    public func pricingCore(perPost: Int) -> [Bool] {
        var core = meanings.map { if case .plan = $0 { false } else { true } }
        for columns in pairColumns {
            let best = columns.sorted { (model.columns[$0].objective, -$0) > (model.columns[$1].objective, -$1) }
            for j in best.prefix(perPost) { core[j] = true }
        }
        return core
    }

    /// Slates filled greedily: pairs by value, best first, each taken while its post has a
    /// place and its cadre a slate left under the rules. A plan to start from, whose pairs
    /// join a priced solve's restricted model: every post's best pairs are the same
    /// best-rated people, who can be on only so many slates, so the greedy plan brings in the
    /// next ones at once instead of over many pricing rounds.
    public func greedySlates() -> [[Int]] {
        let policy = candidates.policy
        let rule = policy.slatesPerCadre
        var order: [(post: Int, pair: Int, value: Double)] = []
        for (k, columns) in pairColumns.enumerated() {
            for (i, j) in columns.enumerated() { order.append((k, i, model.columns[j].objective)) }
        }
        order.sort { ($0.value, -$0.post, -$0.pair) > ($1.value, -$1.post, -$1.pair) }
        var slates = [[Int]](repeating: [], count: pairColumns.count)
        var onSlates = [Int](repeating: 0, count: columnsOfCadre.count)
        for entry in order where entry.value > 0 {
            let cadre = candidates.pairs[entry.post][entry.pair].cadre
            let allowed = rule.mode == .hard ? rule.max : 1 + Int.max / 2
            guard slates[entry.post].count < min(policy.slateSize.max, pairColumns[entry.post].count), onSlates[cadre] < allowed else {
                continue
            }
            // Beyond the first slate a place is worth its value less the spreading price.
            if onSlates[cadre] >= 1, entry.value <= policy.readiness.extraSlatePrice { continue }
            if rule.mode != .hard, onSlates[cadre] >= rule.max { continue }
            slates[entry.post].append(entry.pair)
            onSlates[cadre] += 1
        }
        return slates.map { $0.sorted() }
    }

    /// The slates a solution holds: for each key post, the indices of its pairs on the slate.
    public func slates(from values: [Double]) -> [[Int]] {
        pairColumns.map { columns in columns.indices.filter { values[columns[$0]] > 0.5 } }
    }

    /// The whole solution that holds exactly `slates` (as `slates(from:)` returns them): places,
    /// extra slates, people and counts follow, and the least shortfalls. nil when it breaks a
    /// hard rule of this model (`LinearModel.isFeasible` decides).
    public func solution(holding slates: [[Int]]) -> [Double]? {
        var values = [Double](repeating: 0, count: model.columns.count)
        var onSlates = [Int](repeating: 0, count: columnsOfCadre.count)
        for (k, chosen) in slates.enumerated() {
            for i in chosen {
                values[pairColumns[k][i]] = 1
                onSlates[candidates.pairs[k][i].cadre] += 1
            }
        }
        let scenario = candidates.facts.scenario
        var filled = slates.map(\.count)
        var people = 0
        var inGroup: [String: Int] = [:]
        let shares = activeShares
        for (c, count) in onSlates.enumerated() where count > 0 {
            people += 1
            for share in shares where share.counts(scenario.cadres[c]) { inGroup[share.name, default: 0] += 1 }
        }
        let rule = candidates.policy.slatesPerCadre
        for (j, meaning) in meanings.enumerated() {
            switch meaning {
            case .plan: break
            case .slot(let post, _):
                if filled[post] > 0 {
                    values[j] = 1
                    filled[post] -= 1
                }
            case .extraSlates(let c):
                let allowed = rule.mode == .off ? columnsOfCadre[c].count : min(rule.max, columnsOfCadre[c].count)
                values[j] = Double(max(0, min(onSlates[c], allowed) - 1))
            case .overSlates(let c):
                let allowed = min(rule.max, columnsOfCadre[c].count)
                values[j] = Double(max(0, onSlates[c] - allowed))
            case .onList(let c): values[j] = onSlates[c] > 0 ? 1 : 0
            case .count(let name): values[j] = Double(name == "n_people" ? people : inGroup[String(name.dropFirst(2)), default: 0])
            case .shareShort(let name):
                let share = shares.first { $0.name == name }!.rule.minShare
                values[j] = Double(max(0, ShareHull.needed(share: share, total: people) - inGroup[name, default: 0]))
            }
        }
        return model.isFeasible(values) ? values : nil
    }
}

extension SuccessionCandidates {
    public func isYoung(_ cadre: Cadre) -> Bool { facts.age(cadre) < facts.scenario.policy.youth.age }
}
