import PlannerCore

/// The rounds of a term as one MIP: every round's rules as the round's own model states them,
/// and rows that link each round to the one before (who may stay, who moves, who is released,
/// tenure counted over the rounds, the minimum stay). Its optimum is the best sequence of round
/// plans, each of which keeps every hard rule of its round's office as the rounds before leave
/// it; the objective is the sum of the rounds' objectives. docs/model.md ("The term planned
/// together") states the same formulation in mathematical form.
public struct TermModel: Sendable {
    /// How an assignment column of a round after the first reached its pair.
    public enum Entry: Sendable, Equatable {
        /// The cadre held the post after the round before and keeps it.
        case stays
        /// The cadre did not hold the post after the round before (moved or appointed).
        case takes
        /// As `takes`, under the planning rule's exemption for a cadre who held another post
        /// of the same title after the round before.
        case takesSameTitle
        /// A column of the first round, whose office is known: its own model decides.
        case firstRound
    }

    public struct Assignment: Sendable, Equatable {
        public var cadre: Int
        public var position: Int
        public var column: Int
        public var entry: Entry
    }

    /// The rounds' years.
    public let years: [Int]
    public internal(set) var model: LinearModel
    /// Each round's assignment columns (indices into `model`), cadres and posts by their index
    /// in the scenario (the same in every round).
    public internal(set) var assignments: [[Assignment]]

    /// Each round's holders (position index → cadre index) in a solution.
    public func holders(_ values: [Double]) -> [[Int: Int]] {
        assignments.map { round in
            var holders: [Int: Int] = [:]
            for a in round where values[a.column] > 0.5 { holders[a.position] = a.cadre }
            return holders
        }
    }

    /// The model with its assignment columns fixed to `holders`, each round's (position index →
    /// cadre index): for each pair held, the column that says how it was reached (kept if the
    /// cadre held the post after the round before; else taken, under the same-title exemption
    /// only where taking it plainly has no column) at 1, every other at 0.
    public func fixingAssignments(to holders: [[Int: Int]]) -> LinearModel {
        var fixed = model
        for (k, round) in assignments.enumerated() {
            var chosen = Set<Int>()
            var byPair: [PairKey: [Assignment]] = [:]
            for a in round { byPair[PairKey(cadre: a.cadre, position: a.position), default: []].append(a) }
            for (p, c) in k < holders.count ? holders[k] : [:] {
                let columns = byPair[PairKey(cadre: c, position: p)] ?? []
                let kept = k > 0 && holders[k - 1][p] == c
                let entries: [Entry] = k == 0 ? [.firstRound] : kept ? [.stays] : [.takes, .takesSameTitle]
                if let column = entries.lazy.compactMap({ entry in columns.first { $0.entry == entry }?.column }).first {
                    chosen.insert(column)
                }
            }
            for a in round {
                let value: Double = chosen.contains(a.column) ? 1 : 0
                fixed.setLowerBound(a.column, value)
                fixed.setUpperBound(a.column, value)
            }
        }
        return fixed
    }
}

public enum TermModelBuilder {
    /// The term model over `first` (the first round's office, exactly as the round-by-round
    /// term plans it) and the later rounds' `years`. A later round's template is the office
    /// carried to its year with every post vacant: ages, retirement and the rules' years come
    /// from it; who holds what comes from the model's own columns.
    public static func build(first: Scenario, laterYears: [Int], minimumStay: Int, maxMoves: Int? = nil) -> TermModel {
        var combined = LinearModel(name: "term", direction: .maximize)
        var assignments: [[TermModel.Assignment]] = []
        var years = [first.planningYear]

        // The first round: the round's own model, as `planner solve` builds it.
        var firstBuilder = RotationModelBuilder(facts: ScenarioFacts(first))
        firstBuilder.addAssignmentColumns()
        firstBuilder.addPostAndCadreRows()
        firstBuilder.addPins()
        firstBuilder.addTeamRules()
        for rule in RotationRules.all { rule.addRoundRows(to: &firstBuilder) }
        firstBuilder.model.objectiveConstant = firstBuilder.constants.reduce(0) { $0 + $1.amount }
        let firstOffset = append(firstBuilder.model, to: &combined, prefix: "r\(first.planningYear)_")
        var previous: [TermModel.Assignment] = []
        for (index, meaning) in firstBuilder.meanings.enumerated() {
            guard case .assign(let c, let p) = meaning else { continue }
            previous.append(.init(cadre: c, position: p, column: firstOffset + index, entry: .firstRound))
        }
        assignments.append(previous)
        let firstFacts = firstBuilder.facts
        let cadreCount = first.cadres.count
        // The term's moves: the first round's incumbents in another post, then each later
        // round's move columns (a cap on the term's moves sums them below).
        var termMoves: [LinearModel.Term] = []
        if maxMoves != nil {
            for a in previous {
                guard let own = firstFacts.ownPosition[a.cadre], own != a.position else { continue }
                termMoves.append(.init(column: a.column, coefficient: 1))
            }
        }

        for year in laterYears {
            let template = first.nextRound(year: year, holders: [:], takenInTerm: [:], minimumStay: 0)
            var round = TermRound(template: template, previous: previous, cadreCount: cadreCount)
            round.countsMoves = maxMoves != nil
            round.addColumns()
            round.builder.addPostRows()
            round.builder.addTeamRules()
            // The moves cap counts moves the round's own template cannot see (it has no
            // incumbents): the term's rows below state it.
            for rule in RotationRules.all where rule.key != PolicyRules.moves.key { rule.addRoundRows(to: &round.builder) }
            round.addAuxiliaryColumns()
            round.builder.model.objectiveConstant = round.builder.constants.reduce(0) { $0 + $1.amount }
            let offset = append(round.builder.model, to: &combined, prefix: "r\(year)_")
            let current = round.columns.map {
                TermModel.Assignment(cadre: $0.cadre, position: $0.position, column: offset + $0.column, entry: $0.entry)
            }
            termMoves += round.addLinkingRows(to: &combined, offset: offset, current: current)
            assignments.append(current)
            previous = current
            years.append(year)
        }
        if let maxMoves { combined.addRow("term_moves", terms: termMoves, upper: Double(maxMoves)) }
        addTenureChains(to: &combined, assignments: assignments, years: years, first: firstFacts)
        addMinimumStay(to: &combined, assignments: assignments, years: years, first: firstFacts, minimumStay: minimumStay)
        return TermModel(years: years, model: combined, assignments: assignments)
    }

    /// Appends `model`'s columns and rows (names prefixed by the round) and objective constant;
    /// returns the offset of its first column.
    static func append(_ model: LinearModel, to combined: inout LinearModel, prefix: String) -> Int {
        let offset = combined.columns.count
        for column in model.columns {
            // The rounds' branching priorities (counts and shortfalls first) are left behind: in
            // the term model they sent GLPK's search down the shortfalls of every round, and a
            // four-round tutorial term with a cap on its moves ran 60 s unproven where without
            // them it is proven in 2 s (docs/performance.md).
            _ = combined.addColumn(
                prefix + column.name, kind: column.kind, lower: column.lower, upper: column.upper, objective: column.objective)
        }
        for row in model.rows {
            combined.addRow(
                prefix + row.name, terms: row.terms.map { .init(column: $0.column + offset, coefficient: $0.coefficient) },
                lower: row.lower, upper: row.upper)
        }
        combined.objectiveConstant += model.objectiveConstant
        return offset
    }

    /// Tenure over the rounds: a cadre who keeps a post in round k has held it since the round
    /// they took it in (y_k − y_s years) or, held before the term, for their years in post then
    /// plus y_k − y_0. Every such chain of columns that reaches the limit cannot be whole (hard);
    /// soft, a penalty column pays the price once for the round (docs/model.md).
    static func addTenureChains(to model: inout LinearModel, assignments: [[TermModel.Assignment]], years: [Int], first: ScenarioFacts) {
        let policy = first.scenario.policy
        guard policy.tenure.mode.isActive, assignments.count > 1 else { return }
        let scenario = first.scenario
        let byPair = assignments.map { round in
            Dictionary(grouping: round, by: { PairKey(cadre: $0.cadre, position: $0.position) })
        }
        var keptColumn: [Int: (round: Int, assignment: TermModel.Assignment)] = [:]
        for (k, round) in assignments.enumerated() { for a in round where a.entry == .stays { keptColumn[a.column] = (k, a) } }
        var guarded = Set<Int>()
        for k in 1..<assignments.count {
            for stay in assignments[k] where stay.entry == .stays {
                let pair = PairKey(cadre: stay.cadre, position: stay.position)
                let tenureLimit = policy.tenure.limit(title: scenario.positions[stay.position].title)
                var chains: [[Int]] = []
                // Every start s < k: taken in round s, then kept in rounds s+1…k.
                for s in 0..<k {
                    let starts = (byPair[s][pair] ?? []).filter { a in
                        a.entry == .takes || a.entry == .takesSameTitle
                            || (a.entry == .firstRound && first.ownPosition[a.cadre] != a.position)
                    }
                    let startYears = years[k] - years[s]
                    var kept: [Int] = []
                    var whole = true
                    for j in (s + 1)...k {
                        guard let column = byPair[j][pair]?.first(where: { $0.entry == .stays })?.column else {
                            whole = false
                            break
                        }
                        kept.append(column)
                    }
                    guard whole else { continue }
                    if startYears >= tenureLimit {
                        for start in starts { chains.append([start.column] + kept) }
                    }
                    // Held before the term: the first round's own column, kept since.
                    if s == 0, first.ownPosition[stay.cadre] == stay.position,
                        scenario.cadres[stay.cadre].yearsInPost + years[k] - years[0] >= tenureLimit,
                        let own = byPair[0][pair]?.first?.column
                    {
                        chains.append([own] + kept)
                    }
                }
                guard !chains.isEmpty else { continue }
                // A cadre who held the post after the round before keeps it, never takes it
                // anew: else taking it would start the count again. Only where a chain row
                // counts the keeping does it matter (elsewhere keeping is worth at least as
                // much: the continuity term, no move), so only there is the row written.
                for column in chains.flatMap({ $0 }) where !guarded.contains(column) {
                    guarded.insert(column)
                    guard let (j, kept) = keptColumn[column] else { continue }
                    let before = (byPair[j - 1][PairKey(cadre: kept.cadre, position: kept.position)] ?? []).map(\.column)
                    for take in byPair[j][PairKey(cadre: kept.cadre, position: kept.position)] ?? [] where take.entry != .stays {
                        model.addRow(
                            "takesAnew[\(scenario.cadres[kept.cadre].id),\(scenario.positions[kept.position].id),\(years[j])]_\(take.column)",
                            terms: ([take.column] + before).map { .init(column: $0, coefficient: 1) }, upper: 1)
                    }
                }
                let name = "tenure[\(scenario.cadres[stay.cadre].id),\(scenario.positions[stay.position].id),\(years[k])]"
                switch policy.tenure.mode {
                case .hard:
                    for (n, chain) in chains.enumerated() {
                        model.addRow(
                            "\(name)_\(n + 1)", terms: chain.map { .init(column: $0, coefficient: 1) }, upper: Double(chain.count - 1))
                    }
                case .soft(let price):
                    let broken = model.addColumn("t_" + name, kind: .continuous, upper: 1, objective: -price)
                    for (n, chain) in chains.enumerated() {
                        model.addRow(
                            "\(name)_\(n + 1)",
                            terms: chain.map { .init(column: $0, coefficient: 1) } + [.init(column: broken, coefficient: -1)],
                            upper: Double(chain.count - 1))
                    }
                case .off: break
                }
            }
        }
    }

    /// The minimum stay: a cadre who took a post in round s and held it through round k − 1,
    /// with y_k − y_s < M and not reaching retirement age by y_k (under an active retirement
    /// rule), keeps it in round k (rule 10, in the locks' mode).
    static func addMinimumStay(
        to model: inout LinearModel, assignments: [[TermModel.Assignment]], years: [Int], first facts: ScenarioFacts, minimumStay: Int
    ) {
        let first = facts.scenario
        let policy = first.policy
        guard minimumStay > 0, policy.locks.mode.isActive, assignments.count > 1 else { return }
        let byPair = assignments.map { round in
            Dictionary(grouping: round, by: { PairKey(cadre: $0.cadre, position: $0.position) })
        }
        for s in 0..<(assignments.count - 1) {
            for start in assignments[s] {
                let took =
                    start.entry == .takes || start.entry == .takesSameTitle
                    || (start.entry == .firstRound && facts.ownPosition[start.cadre] != start.position)
                guard took else { continue }
                let pair = PairKey(cadre: start.cadre, position: start.position)
                var held = [start.column]
                for k in (s + 1)..<assignments.count {
                    guard years[k] - years[s] < minimumStay else { break }
                    let cadre = first.cadres[start.cadre]
                    let retires =
                        policy.retirement.mode.isActive
                        && RetirementSchedule.year(gender: cadre.gender, birthYear: cadre.birthYear, rule: policy.retirement) <= years[k]
                    let stay = byPair[k][pair]?.first(where: { $0.entry == .stays })?.column
                    if !retires {
                        // held(s…k−1) − (k−1−s) ≤ stay_k (+ broken, soft)
                        var terms = held.map { LinearModel.Term(column: $0, coefficient: 1) }
                        if let stay { terms.append(.init(column: stay, coefficient: -1)) }
                        let name =
                            "minimumStay[\(first.cadres[start.cadre].id),\(first.positions[start.position].id),\(years[s]),\(years[k])]"
                        if case .soft(let price) = policy.locks.mode {
                            let broken = model.addColumn("l_" + name, kind: .continuous, upper: 1, objective: -price)
                            terms.append(.init(column: broken, coefficient: -1))
                        }
                        model.addRow(name, terms: terms, upper: Double(held.count - 1))
                    }
                    guard let stay else { break }
                    held.append(stay)
                }
            }
        }
    }
}

struct PairKeyTitle: Hashable {
    var cadre: Int
    var title: String
}

struct PairKey: Hashable {
    var cadre: Int
    var position: Int
}

/// One round after the first, built on its template (the office carried to its year with every
/// post vacant) by the round model's own builder, and the columns that link it to the round before.
struct TermRound {
    var builder: RotationModelBuilder
    let previous: [TermModel.Assignment]
    /// The round's assignment columns, by index into the round's own model.
    var columns: [(cadre: Int, position: Int, column: Int, entry: TermModel.Entry)] = []
    /// Columns of the round before, by pair and by cadre.
    let previousOfPair: [PairKey: [Int]]
    let previousOfCadre: [[TermModel.Assignment]]
    /// The posts each cadre may hold after the round before.
    let previousPosts: [[Int]]
    var release: [Int: Int] = [:]
    var move: [Int: Int] = [:]
    var movesShortfall: Int?
    var movesLimit: Int?
    /// Whether the term's moves are capped: every move then has its column, priced or not.
    var countsMoves = false

    init(template: Scenario, previous: [TermModel.Assignment], cadreCount: Int) {
        builder = RotationModelBuilder(facts: ScenarioFacts(template))
        self.previous = previous
        var ofPair: [PairKey: [Int]] = [:]
        var ofCadre = [[TermModel.Assignment]](repeating: [], count: cadreCount)
        var posts = [[Int]](repeating: [], count: cadreCount)
        for a in previous {
            ofPair[PairKey(cadre: a.cadre, position: a.position), default: []].append(a.column)
            ofCadre[a.cadre].append(a)
            if !posts[a.cadre].contains(a.position) { posts[a.cadre].append(a.position) }
        }
        previousOfPair = ofPair
        previousOfCadre = ofCadre
        previousPosts = posts
    }

    var scenario: Scenario { builder.scenario }

    /// For each post and candidate: a column for keeping it (the cadre may hold it after the
    /// round before), for taking it, and for taking it under the planning rule's same-title
    /// exemption, each as the pair test finds it with that post held before.
    mutating func addColumns() {
        let byEntry = builder.candidatesByPlanningEntry()
        let everyone = Array(scenario.cadres.indices)
        let exempt = builder.policy.planning.exemptSameTitle
        var holdersBefore = [[Int]](repeating: [], count: scenario.positions.count)
        for (c, posts) in previousPosts.enumerated() { for p in posts { holdersBefore[p].append(c) } }
        var holdersOfTitle: [String: [Int]] = [:]
        for (p, position) in scenario.positions.enumerated() { holdersOfTitle[position.title, default: []] += holdersBefore[p] }
        for (p, position) in scenario.positions.enumerated() {
            var candidates = byEntry.flatMap { builder.planningBinds(p) ? builder.candidates(for: position, $0) : nil } ?? everyone
            if byEntry != nil {
                candidates = Array(Set(candidates + holdersBefore[p] + (exempt ? holdersOfTitle[position.title] ?? [] : []))).sorted()
            }
            for c in candidates {
                let heldBefore = previousOfPair[PairKey(cadre: c, position: p)] != nil
                if heldBefore, case .admissible(let penalties, _) = builder.pairStatus(cadre: c, position: p, own: p) {
                    add(c, p, .stays, penalties: penalties)
                }
                let plain = builder.pairStatus(cadre: c, position: p, own: nil)
                var plainPenalties: [RotationModel.Contribution]?
                if case .admissible(let penalties, _) = plain {
                    plainPenalties = penalties
                    add(c, p, .takes, penalties: penalties)
                }
                if exempt, let sameTitle = previousPosts[c].first(where: { $0 != p && scenario.positions[$0].title == position.title }),
                    case .admissible(let penalties, _) = builder.pairStatus(cadre: c, position: p, own: sameTitle),
                    penalties != plainPenalties
                {
                    add(c, p, .takesSameTitle, penalties: penalties)
                }
            }
        }
    }

    mutating func add(_ c: Int, _ p: Int, _ entry: TermModel.Entry, penalties: [RotationModel.Contribution]) {
        let cadre = scenario.cadres[c]
        let position = scenario.positions[p]
        let terms = scenario.objective.fitTerms(of: cadre, in: position, holdsIt: entry == .stays)
        let fit = position.weight * (terms.rating + terms.fieldMatch + terms.continuity)
        let suffix = entry == .stays ? "" : entry == .takes ? "_take" : "_same"
        let index = builder.column(
            "x[\(cadre.id),\(position.id)]\(suffix)", .assign(cadre: c, position: p), kind: .binary, upper: 1,
            contributions: [.init(kind: .fit, amount: fit)] + penalties)
        builder.columnsOfPosition[p].append((c, index))
        builder.columnsOfCadre[c].append((p, index))
        columns.append((c, p, index, entry))
    }

    /// Release and move columns per cadre, and the moves cap's limit and shortfall.
    mutating func addAuxiliaryColumns() {
        let policy = builder.policy
        // Cadres with a column that takes a post (each once: asked per cadre below).
        let taking = Set(columns.filter { $0.entry != .stays }.map(\.cadre))
        for (c, cadre) in scenario.cadres.enumerated() where !previousOfCadre[c].isEmpty {
            if !builder.facts.retiresInRound(cadre) {
                switch policy.release.mode {
                case .soft(let price):
                    release[c] = builder.column(
                        "r[\(cadre.id)]", .release(cadre: c), kind: .continuous, upper: 1,
                        contributions: [.init(kind: .release, amount: -price)])
                case .hard, .off: break
                }
            }
            if taking.contains(c), scenario.objective.movePrice > 0 || policy.moves.mode.isActive || countsMoves {
                move[c] = builder.column(
                    "m[\(cadre.id)]", .count(name: "move[\(cadre.id)]"), kind: .continuous, upper: 1,
                    contributions: scenario.objective.movePrice > 0 ? [.init(kind: .move, amount: -scenario.objective.movePrice)] : [])
            }
        }
        let cap = builder.mode(.moves, policy.moves.mode)
        if cap.isActive {
            if policy.moves.max == nil {
                movesLimit = builder.column(
                    "movesLimit", .count(name: "movesLimit"), kind: .integer, upper: Double(scenario.positions.count))
            }
            movesShortfall = builder.shortfall(.moves, cap, subject: "moves", name: "s_moves", most: scenario.cadres.count)
        }
    }

    /// The rows between this round (`current`, combined indices) and the one before; returns
    /// the round's move columns (combined indices), each 1 for a cadre who moves.
    func addLinkingRows(to model: inout LinearModel, offset: Int, current: [TermModel.Assignment]) -> [LinearModel.Term] {
        let policy = builder.policy
        let year = scenario.planningYear
        var currentOfCadre = [[TermModel.Assignment]](repeating: [], count: scenario.cadres.count)
        for a in current { currentOfCadre[a.cadre].append(a) }
        func ones(_ columns: [Int]) -> [LinearModel.Term] { columns.map { .init(column: $0, coefficient: 1) } }
        // Taken under the same-title exemption only by a cadre who held a post of the title after
        // the round before: one row per cadre and title, Σ same[c,p,k] over the title's posts ≤
        // Σ X[c,q,k−1] over them (a row per column, each summing the title's other posts, held 1.2
        // million of the city term model's 2.2 million nonzeros). It also lets a cadre take anew
        // the very post they held, which keeping it always beats, as for a plain take (tenure's
        // chains say where it must not: `TermModelBuilder.addTenureChains`).
        var sameTitle: [PairKeyTitle: [Int]] = [:]
        for a in current {
            let cadre = scenario.cadres[a.cadre]
            let position = scenario.positions[a.position]
            let before = previousOfPair[PairKey(cadre: a.cadre, position: a.position)] ?? []
            let name = "[\(cadre.id),\(position.id)]"
            switch a.entry {
            case .stays:
                // Kept only if held after the round before.
                model.addRow(
                    "r\(year)_keeps\(name)",
                    terms: [.init(column: a.column, coefficient: 1)] + before.map { .init(column: $0, coefficient: -1) },
                    upper: 0)
            case .takes, .takesSameTitle:
                if a.entry == .takesSameTitle {
                    sameTitle[PairKeyTitle(cadre: a.cadre, title: position.title), default: []].append(a.column)
                }
            case .firstRound: break
            }
        }
        for (key, columns) in sameTitle.sorted(by: { ($0.key.cadre, $0.key.title) < ($1.key.cadre, $1.key.title) }) {
            let held = previousOfCadre[key.cadre].filter { scenario.positions[$0.position].title == key.title }.map(\.column)
            model.addRow(
                "r\(year)_sameTitle[\(scenario.cadres[key.cadre].id),\(key.title)]",
                terms: ones(columns) + held.map { .init(column: $0, coefficient: -1) }, upper: 0)
        }
        var movesTerms: [LinearModel.Term] = []
        var incumbents: [LinearModel.Term] = []
        for (c, cadre) in scenario.cadres.enumerated() {
            let now = currentOfCadre[c].map(\.column)
            let before = previousOfCadre[c].map(\.column)
            if now.count > 1 { model.addRow("r\(year)_cadre[\(cadre.id)]", terms: ones(now), upper: 1) }
            guard !before.isEmpty else { continue }
            // Whether c held a post after the round before: their one column there, or a column
            // h = Σ X[c,·,k−1] that the release, move and cap rows share (each summing every
            // column instead made them the term model's densest rows after the same-title ones).
            var held = before[0]
            if before.count > 1 {
                held = model.addColumn("r\(year)_held[\(cadre.id)]", kind: .continuous, upper: 1)
                model.addRow(
                    "r\(year)_held[\(cadre.id)]",
                    terms: [.init(column: held, coefficient: 1)] + before.map { .init(column: $0, coefficient: -1) },
                    lower: 0, upper: 0)
            }
            let heldBefore = LinearModel.Term(column: held, coefficient: -1)
            if !builder.facts.retiresInRound(cadre) {
                incumbents.append(.init(column: held, coefficient: 1))
                // Held a post after the round before and holds none now: released.
                switch policy.release.mode {
                case .hard:
                    model.addRow("r\(year)_release[\(cadre.id)]", terms: ones(now) + [heldBefore], lower: 0)
                case .soft:
                    if let r = release[c] {
                        model.addRow("r\(year)_release[\(cadre.id)]", terms: ones(now + [offset + r]) + [heldBefore], lower: 0)
                    }
                case .off: break
                }
            }
            if let m = move[c] {
                // Held a post after the round before and takes another: a move.
                let takes = currentOfCadre[c].filter { $0.entry != .stays }.map(\.column)
                model.addRow(
                    "r\(year)_move[\(cadre.id)]",
                    terms: [.init(column: offset + m, coefficient: 1)] + takes.map { .init(column: $0, coefficient: -1) } + [heldBefore],
                    lower: -1)
                movesTerms.append(.init(column: offset + m, coefficient: 1))
            }
        }
        let moves = movesTerms
        let cap = builder.mode(.moves, policy.moves.mode)
        guard cap.isActive else { return moves }
        if let s = movesShortfall { movesTerms.append(.init(column: offset + s, coefficient: -1)) }
        if let limit = movesLimit {
            // ⌊share · incumbents⌋, incumbents being the posts held after the round before by
            // cadres who do not retire in this round (as `ScenarioFacts.movesLimit` counts them).
            model.addRow(
                "r\(year)_movesLimit",
                terms: [.init(column: offset + limit, coefficient: 1)]
                    + incumbents.map { .init(column: $0.column, coefficient: -policy.moves.maxShare) }, upper: 1e-9)
            model.addRow("r\(year)_moves", terms: movesTerms + [.init(column: offset + limit, coefficient: -1)], upper: 0)
        } else {
            model.addRow("r\(year)_moves", terms: movesTerms, upper: Double(builder.facts.movesLimit))
        }
        return moves
    }
}
