import PlannerCore

/// The rotation round as a MIP, with what each column means and what it adds to the objective,
/// so that a solution can be read back as a plan and its objective broken down term by term.
/// docs/model.md states the same formulation in mathematical form.
public struct RotationModel: Sendable {
    public enum Meaning: Sendable, Equatable {
        /// x[c,p] = 1: cadre c holds position p after the round.
        case assign(cadre: Int, position: Int)
        /// v[p] = 1: position p is vacant after the round.
        case vacant(position: Int)
        /// r[c] = 1: incumbent c holds no post after the round.
        case release(cadre: Int)
        /// z[u,b] = 1 only if unit u's team has a member in age band b.
        case bandCovered(unit: Int, band: Int)
        /// s ≥ 0: how far a soft rule instance falls short (people, bands, moves).
        case shortfall(rule: String, subject: String)
        /// An integer count of a sum of assignments (women in leadership, filled posts, …).
        case count(name: String)
    }

    public enum ContributionKind: Sendable, Hashable {
        case fit, move, vacancy, release
        case penalty(rule: String, subject: String, price: Double)
    }

    /// What one unit of a column (or the constant) adds to the objective, and why.
    public struct Contribution: Sendable, Equatable {
        public var kind: ContributionKind
        public var amount: Double
        /// For a penalty: the shortfall (people, bands, moves, broken pairs) that one unit of the
        /// column stands for. Kept apart from `amount` because a soft rule at price 0 is
        /// reported with its shortfall while it costs nothing: the shortfall cannot be read
        /// back from the cost.
        public var units: Double = 0
    }

    /// An elastic rule instance (`RuleRelaxation`) and its 0–1 column: 1 when the solution
    /// breaks it.
    public struct ElasticIndicator: Sendable, Equatable {
        public var instance: RuleInstance
        public var column: Int
    }

    public let facts: ScenarioFacts
    public internal(set) var model: LinearModel
    public internal(set) var meanings: [Meaning]
    public internal(set) var contributions: [[Contribution]]
    public internal(set) var constantContributions: [Contribution]
    public internal(set) var elasticIndicators: [ElasticIndicator] = []
    /// Rows that tie the whole round together (the moves cap, the share rules, their counts and
    /// hull rows): every other row lies within one unit, one post or one cadre.
    public internal(set) var sharedRows: Set<Int> = []
    /// The round's pairs that only elastic instances keep out, by how many instances each breaks
    /// (index 16: 16 or more), columns or not: how wide the elastic model over every pair would be.
    public internal(set) var elasticPairsByBreaks: [Int] = []

    public var scenario: Scenario { facts.scenario }

    /// The assignment column of a pair, when the model has one.
    public func column(cadre c: Int, position p: Int) -> Int? {
        meanings.firstIndex { if case .assign(c, p) = $0 { true } else { false } }
    }

    /// Requires a pair in every solution (its column fixed at 1); false when the model has no
    /// column for it.
    @discardableResult
    public mutating func require(cadre c: Int, position p: Int) -> Bool {
        guard let j = column(cadre: c, position: p) else { return false }
        model.setLowerBound(j, 1)
        return true
    }

    /// The elastic instances a solution breaks.
    public func brokenInstances(_ values: [Double]) -> [RuleInstance] {
        elasticIndicators.filter { values[$0.column] > 0.5 }.map(\.instance).sorted()
    }
}

extension RotationModel {
    /// The most the round's objective can differ between two plans, bounded from above: a
    /// plan holds one cadre per post, so each post adds at most its largest pair coefficient;
    /// every other column counts at its bound; and the constant.
    public static func objectiveSpan(for scenario: Scenario) -> Double {
        let rotation = RotationModelBuilder.build(scenario)
        let model = rotation.model
        var span = abs(model.objectiveConstant)
        var largestPair = [Double](repeating: 0, count: scenario.positions.count)
        for (j, column) in model.columns.enumerated() {
            if case .assign(_, let p) = rotation.meanings[j] {
                largestPair[p] = max(largestPair[p], abs(column.objective))
            } else {
                span += abs(column.objective) * (column.upper.isFinite ? column.upper : 1)
            }
        }
        return 2 * (span + largestPair.reduce(0, +)) + 1
    }
}

/// Builds the rotation model of a valid scenario.
public struct RotationModelBuilder {
    let facts: ScenarioFacts
    var scenario: Scenario { facts.scenario }
    var policy: Policy { facts.scenario.policy }
    var model: LinearModel
    var meanings: [RotationModel.Meaning] = []
    var contributions: [[RotationModel.Contribution]] = []
    var constants: [RotationModel.Contribution] = []
    /// Position index → [(cadre index, column)], cadres in file order.
    var columnsOfPosition: [[(cadre: Int, column: Int)]]
    /// Cadre index → [(position index, column)].
    var columnsOfCadre: [[(position: Int, column: Int)]]

    public static func build(_ scenario: Scenario, relaxation: RuleRelaxation = .none) -> RotationModel {
        build(facts: ScenarioFacts(scenario), relaxation: relaxation)
    }

    /// The same, from the scenario's facts worked out once (a diagnosis builds some sixty
    /// models of one round).
    public static func build(facts: ScenarioFacts, relaxation: RuleRelaxation = .none) -> RotationModel {
        build(facts: facts, relaxation: relaxation, pairTestsOnTwoThreads: true)
    }

    /// `pairTestsOnTwoThreads`: false tests every pair on the calling thread, for a build that
    /// itself runs beside other work (the diagnosis's model built while an LP runs) or a test
    /// that compares.
    public static func build(facts: ScenarioFacts, relaxation: RuleRelaxation, pairTestsOnTwoThreads: Bool) -> RotationModel {
        var builder = RotationModelBuilder(facts: facts, relaxation: relaxation)
        builder.pairTestsOnTwoThreads = pairTestsOnTwoThreads
        builder.addAssignmentColumns()
        builder.addPostAndCadreRows()
        builder.addPins()
        builder.addTeamRules()
        for rule in RotationRules.all { rule.addRoundRows(to: &builder) }
        builder.addEligibilityIndicators()
        builder.model.objectiveConstant = relaxation.objectiveScale * builder.constants.reduce(0) { $0 + $1.amount }
        return RotationModel(
            facts: builder.facts, model: builder.model, meanings: builder.meanings,
            contributions: builder.contributions, constantContributions: builder.constants, elasticIndicators: builder.indicators,
            sharedRows: builder.sharedRows, elasticPairsByBreaks: builder.elasticPairsByBreaks)
    }

    /// The cadres whose pair with each post gets a column in `build(scenario)`, in the order of
    /// the post's columns, found by the same pair tests without building the model, post by post
    /// when a text asks (`RuleWording.eligible`).
    public static func admittedCadres(_ scenario: Scenario, facts: ScenarioFacts? = nil) -> AdmittedCadres {
        let builder = RotationModelBuilder(facts: facts ?? ScenarioFacts(scenario))
        let byEntry = builder.candidatesByPlanningEntry()
        return AdmittedCadres { p in
            let candidates =
                byEntry.flatMap { builder.planningBinds(p) ? builder.candidates(for: scenario.positions[p], $0) : nil }
                ?? Array(scenario.cadres.indices)
            return candidates.filter { c in
                if case .admissible = builder.pairStatus(cadre: c, position: p) { return true }
                return false
            }
        }
    }

    /// By cadre index: each post the cadre is forbidden from, with the index of the first entry
    /// of `scenario.forbidden` naming the pair. (Looked up by index: every pair test asks.)
    let forbidden: [[(position: Int, index: Int)]]
    let relaxation: RuleRelaxation
    var indicators: [RotationModel.ElasticIndicator] = []
    var indicatorOf: [RuleInstance: Int] = [:]
    var sharedRows = Set<Int>()

    /// Adds a row that spans the whole round.
    mutating func addSharedRow(_ name: String, terms: [LinearModel.Term], lower: Double? = nil, upper: Double? = nil) {
        sharedRows.insert(model.rows.count)
        model.addRow(name, terms: terms, lower: lower, upper: upper)
    }
    /// The pair columns each elastic eligibility instance would let in.
    var elasticPairColumns: [RuleInstance: [Int]] = [:]
    /// The round's pairs that only elastic instances keep out, by how many they break (the last
    /// entry: that many or more), whether or not they got a column.
    var elasticPairsByBreaks = [Int](repeating: 0, count: 17)

    init(facts: ScenarioFacts, relaxation: RuleRelaxation = .none) {
        self.facts = facts
        self.relaxation = relaxation
        var forbidden = [[(position: Int, index: Int)]](repeating: [], count: facts.scenario.cadres.count)
        for (index, pair) in facts.scenario.forbidden.enumerated() {
            guard let c = facts.cadreIndex[pair.cadre], let p = facts.positionIndex[pair.position],
                !forbidden[c].contains(where: { $0.position == p })
            else { continue }
            forbidden[c].append((p, index))
        }
        self.forbidden = forbidden
        model = LinearModel(name: "rotation", direction: .maximize)
        columnsOfPosition = Array(repeating: [], count: facts.scenario.positions.count)
        columnsOfCadre = Array(repeating: [], count: facts.scenario.cadres.count)
    }

    // MARK: Columns

    mutating func column(
        _ name: String, _ meaning: RotationModel.Meaning, kind: LinearModel.Kind, upper: Double,
        contributions items: [RotationModel.Contribution] = []
    ) -> Int {
        let objective = relaxation.objectiveScale * items.reduce(0) { $0 + $1.amount }
        let index = model.addColumn(name, kind: kind, upper: upper, objective: objective)
        meanings.append(meaning)
        contributions.append(items)
        return index
    }

    /// How an instance binds in this build: the policy's mode, unless the relaxation turns it
    /// off, or makes a hard instance elastic.
    enum Mode: Equatable {
        case hard
        case soft(Double)
        case off, elastic

        var isActive: Bool { self != .off }
    }

    func mode(_ instance: RuleInstance, _ policy: RuleMode) -> Mode {
        switch (relaxation.treatment(instance), policy) {
        case (.off, _), (_, .off): .off
        case (.elastic, .hard): .elastic
        case (_, .hard): .hard
        case (_, .soft(let price)): .soft(price)
        }
    }

    /// The 0–1 column of an elastic instance, worth −price (the solver minimises instances
    /// broken); one per instance, whether its row or its pairs (or both: a lock) ask for it.
    mutating func indicator(_ instance: RuleInstance) -> Int {
        if let known = indicatorOf[instance] { return known }
        let index = model.addColumn("broken_\(indicators.count + 1)", kind: .binary, upper: 1, objective: -relaxation.elasticPrice)
        indicatorOf[instance] = index
        // Which rules break is what a diagnosis decides: branch there first.
        model.setBranchingPriority(index, 4)
        meanings.append(.shortfall(rule: instance.rule, subject: "elastic"))
        contributions.append([])
        indicators.append(.init(instance: instance, column: index))
        return index
    }

    /// A soft rule instance's shortfall column, or nil when the rule is hard. Elastic: the
    /// shortfall is free and its indicator says whether there is one.
    mutating func shortfall(_ instance: RuleInstance, _ mode: Mode, subject: String, name: String, most: Int) -> Int? {
        let rule = instance.rule
        switch mode {
        case .hard, .off:
            return nil
        case .elastic:
            let index = column(name, .shortfall(rule: rule, subject: subject), kind: .integer, upper: Double(max(0, most)))
            let broken = indicator(instance)
            let row: [LinearModel.Term] = [.init(column: index, coefficient: 1), .init(column: broken, coefficient: -Double(max(1, most)))]
            switch instance {
            case .moves, .women, .nonLocalShare: addSharedRow("elastic_\(name)", terms: row, upper: 0)
            default: model.addRow("elastic_\(name)", terms: row, upper: 0)
            }
            return index
        case .soft(let price):
            let index = column(
                name, .shortfall(rule: rule, subject: subject), kind: .integer, upper: Double(max(0, most)),
                contributions: [Self.penalty(rule, price, subject)])
            // A fractional shortfall is where the LP relaxation gains most over whole plans (half a
            // young cadre in each of two teams): branching there first moves the bound.
            model.setBranchingPriority(index, 2)
            return index
        }
    }

    /// `units` of shortfall of a soft rule instance, at its price.
    static func penalty(_ rule: String, _ price: Double, _ subject: String, units: Double = 1) -> RotationModel.Contribution {
        .init(kind: .penalty(rule: rule, subject: subject, price: price), amount: -price * units, units: units)
    }

    /// What the rules that look at one (cadre, post) pair alone make of it.
    enum PairStatus {
        /// A hard instance forbids the pair (no column is made): the instances it breaks.
        case inadmissible
        /// The pair gets a column: the soft penalties it pays, and the elastic instances it
        /// breaks (its column then counts against their indicators).
        case admissible(penalties: [RotationModel.Contribution], elastic: [RuleInstance])
    }

    func pairStatus(cadre c: Int, position p: Int) -> PairStatus { pairStatus(cadre: c, position: p, own: facts.ownPosition[c]) }

    /// The pair's status when the cadre holds `own` before the round (the term model asks
    /// about posts a cadre may hold after an earlier round of the term).
    func pairStatus(cadre c: Int, position p: Int, own: Int?) -> PairStatus {
        var test = PairTest(cadre: c, position: p, own: own)
        guard RotationRules.chain.testPair(&test, in: self) else { return .inadmissible }
        return .admissible(penalties: test.penalties, elastic: test.elastic)
    }

    /// Applies one instance a pair breaks (when `broken`) to the pair under test: false when
    /// it is hard and the pair gets no column; soft adds its penalty, elastic its instance.
    /// The instance is made only for a broken pair: this runs for every candidate pair.
    func apply(_ instance: @autoclosure () -> RuleInstance, _ policyMode: RuleMode, broken: Bool, to test: inout PairTest) -> Bool {
        guard broken else { return true }
        let instance = instance()
        switch mode(instance, policyMode) {
        case .hard: return false
        case .soft(let price):
            let subject = test.penaltySubject ?? "\(scenario.cadres[test.cadre].id) in \(scenario.positions[test.position].id)"
            test.penaltySubject = subject
            test.penalties.append(Self.penalty(instance.rule, price, subject))
            return true
        case .elastic:
            test.elastic.append(instance)
            return true
        case .off: return true
        }
    }

    /// Hard with a share of 1 is the same as forbidding every local pair: smaller, and tighter.
    var nonLocalIsPairRule: Bool { policy.nonLocalHeads.mode == .hard && policy.nonLocalHeads.minShare >= 1 }

    func fit(cadre c: Int, position p: Int) -> Double {
        let terms = scenario.objective.fitTerms(of: scenario.cadres[c], in: scenario.positions[p], holdsIt: facts.ownPosition[c] == p)
        return scenario.positions[p].weight * (terms.rating + terms.fieldMatch + terms.continuity)
    }

    /// The cadres worth testing for post p, in file order. When planning is hard, only those
    /// planned for p (by title, or by title in a locality that contains p's unit), holders of
    /// p's title (when exempt) and p's incumbent can hold p, so the builder tests those alone:
    /// at the region rung, 16,000 posts times 21,000 cadres would be 350 million pair tests,
    /// against some tens per post.
    func candidatesByPlanningEntry() -> [String: [Int]]? {
        guard policy.planning.mode == .hard else { return nil }
        // A post whose planning rule is relaxed takes every cadre: `addAssignmentColumns` asks per post.
        var byEntry: [String: [Int]] = [:]
        for (c, cadre) in scenario.cadres.enumerated() {
            for entry in Set(cadre.plannedFor) { byEntry[entry, default: []].append(c) }
            if policy.planning.exemptSameTitle, let own = facts.postOfIncumbent[cadre.id] {
                byEntry[scenario.positions[own].title, default: []].append(c)
            }
        }
        return byEntry
    }

    func candidates(for position: Position, _ byEntry: [String: [Int]]) -> [Int] {
        var keys = [position.title, PlanningEntry.postPrefix + position.id]
        for locality in facts.localityAndEnclosing(facts.unit(of: position).locality) { keys.append("\(position.title)@\(locality)") }
        var found = keys.flatMap { byEntry[$0] ?? [] }
        if let incumbent = position.incumbent.flatMap({ facts.cadreIndex[$0] }) { found.append(incumbent) }
        // Sorted, each once (no Set: this runs for every post).
        found.sort()
        var distinct: [Int] = []
        distinct.reserveCapacity(found.count)
        for c in found where distinct.last != c { distinct.append(c) }
        return distinct
    }

    /// Whether post p's candidates are only those its planning entries name (the index may be used).
    func planningBinds(_ p: Int) -> Bool { mode(.requirement(rule: "planning", position: p), policy.planning.mode) == .hard }

    /// Each post's admissible pairs, in post order and, within a post, in cadre order: the pair
    /// tests of `addAssignmentColumns`, which read the builder and change nothing.
    func admissiblePairs(of posts: Range<Int>, _ byEntry: [String: [Int]]?) -> [[(cadre: Int, status: PairStatus)]] {
        let everyone = Array(scenario.cadres.indices)
        // Unwrapped once: bound from the optional for every pair, the closure was retained and
        // released each time, most of a diagnosis's deletion tests (353,000 pairs each on city).
        let filtersPairs = relaxation.pairs != nil
        let admits = relaxation.pairs ?? { _, _ in true }
        return posts.map { p in
            let position = scenario.positions[p]
            let candidates = byEntry.flatMap { planningBinds(p) ? self.candidates(for: position, $0) : nil } ?? everyone
            var admitted: [(cadre: Int, status: PairStatus)] = []
            for c in candidates {
                if filtersPairs, !admits(c, p) { continue }
                let status = pairStatus(cadre: c, position: p)
                if case .admissible = status { admitted.append((c, status)) }
            }
            return admitted
        }
    }

    /// Pair tests at least this many are made on two threads (the city round: 353,000 pairs;
    /// docs/performance.md), in blocks of posts of about `pairsPerBlock` pairs: the tests' results
    /// for the whole round at once, with an elastic instance list per pair, were 105 MB more for a
    /// diagnosis's model over every pair.
    static let pairsWorthASecondThread = 100_000
    var pairTestsOnTwoThreads = true
    static let pairsPerBlock = 20_000

    /// The pair tests of posts `block`: the second half on a thread of its own when `parallel`.
    func admissiblePairs(ofBlock block: Range<Int>, _ byEntry: [String: [Int]]?, parallel: Bool) -> [[(cadre: Int, status: PairStatus)]] {
        guard parallel, block.count >= 2 else { return admissiblePairs(of: block, byEntry) }
        let middle = block.lowerBound + block.count / 2
        let builder = self
        let second = SecondThread { _ in builder.admissiblePairs(of: middle..<block.upperBound, byEntry) }
        let first = admissiblePairs(of: block.lowerBound..<middle, byEntry)
        // Never cancelled, so its value is there.
        return first + (second.result() ?? [])
    }

    mutating func addAssignmentColumns() {
        let byEntry = candidatesByPlanningEntry()
        let positions = scenario.positions.count
        let cadres = max(1, scenario.cadres.count)
        // The pair tests only read the builder: the two halves of a block are tested at once,
        // and their columns added below in post order, as from one thread.
        let parallel = pairTestsOnTwoThreads && byEntry == nil && positions * cadres >= Self.pairsWorthASecondThread
        let blockSize = max(2, Self.pairsPerBlock / cadres)
        for blockStart in stride(from: 0, to: positions, by: blockSize) {
            let block = blockStart..<min(positions, blockStart + blockSize)
            let admitted = admissiblePairs(ofBlock: block, byEntry, parallel: parallel)
            for (offset, pairs) in admitted.enumerated() {
                addColumns(ofPost: block.lowerBound + offset, pairs)
            }
        }
    }

    /// Post p's columns from its admissible pairs (`admissiblePairs`).
    mutating func addColumns(ofPost p: Int, _ pairs: [(cadre: Int, status: PairStatus)]) {
        var elasticPairs: [(cadre: Int, penalties: [RotationModel.Contribution], elastic: [RuleInstance], fit: Double)] = []
        for (c, status) in pairs {
            guard case .admissible(let penalties, let elastic) = status else { continue }
            if elastic.isEmpty {
                addPair(c, p, penalties: penalties, elastic: [])
            } else {
                elasticPairs.append((c, penalties, elastic, fit(cadre: c, position: p)))
            }
        }
        // Pairs only an elastic instance keeps out: those in scope, and a sample per post of
        // the best by fit that break at most two instances.
        let chosen = elasticPairs.filter { relaxation.elasticPairs?($0.cadre, p) ?? false }
        for pair in elasticPairs { elasticPairsByBreaks[min(pair.elastic.count, elasticPairsByBreaks.count - 1)] += 1 }
        var sampled = elasticPairs.filter { $0.elastic.count <= relaxation.elasticPairsBreakingAtMost }
        if relaxation.elasticPairsPerPost < sampled.count { sampled.sort { ($0.fit, -$0.cadre) > ($1.fit, -$1.cadre) } }
        var taken = Set(chosen.map(\.cadre))
        for pair in sampled.prefix(relaxation.elasticPairsPerPost) { taken.insert(pair.cadre) }
        for pair in elasticPairs where taken.contains(pair.cadre) {
            addPair(pair.cadre, p, penalties: pair.penalties, elastic: pair.elastic)
        }
    }

    mutating func addPair(_ c: Int, _ p: Int, penalties: [RotationModel.Contribution], elastic: [RuleInstance]) {
        var items: [RotationModel.Contribution] = [.init(kind: .fit, amount: fit(cadre: c, position: p))]
        if let own = facts.ownPosition[c], own != p {
            items.append(.init(kind: .move, amount: -scenario.objective.movePrice))
        }
        items += penalties
        let index = column(
            "x[\(scenario.cadres[c].id),\(scenario.positions[p].id)]", .assign(cadre: c, position: p), kind: .binary, upper: 1,
            contributions: items)
        columnsOfPosition[p].append((c, index))
        columnsOfCadre[c].append((p, index))
        for instance in elastic { elasticPairColumns[instance, default: []].append(index) }
    }

    /// An elastic eligibility instance binds pairs of one post, one cadre or one pair, so at
    /// most one of its pairs is in any plan: Σ x ≤ indicator.
    mutating func addEligibilityIndicators() {
        for (k, (instance, columns)) in elasticPairColumns.sorted(by: { $0.key < $1.key }).enumerated() {
            let broken = indicator(instance)
            model.addRow(
                "\(RotationModel.instancePairRowPrefix)\(k + 1)",
                terms: columns.map { .init(column: $0, coefficient: 1) } + [.init(column: broken, coefficient: -1)], upper: 0)
        }
    }

    // MARK: Rows

    mutating func addPostAndCadreRows() {
        addPostRows()
        addCadreRows()
    }

    /// Each post: held by one of its columns or vacant.
    mutating func addPostRows() {
        for (p, position) in scenario.positions.enumerated() {
            var items: [RotationModel.Contribution] = [.init(kind: .vacancy, amount: -scenario.objective.vacancyPrice * position.weight)]
            var upper = 1.0
            var elastic = false
            if position.mustFill {
                switch mode(.mustFill(position: p), policy.mustFill.mode) {
                case .hard: upper = 0
                case .soft(let price): items.append(Self.penalty("mustFill", price, position.id))
                case .elastic: elastic = true
                case .off: break
                }
            }
            let vacancy = column("v[\(position.id)]", .vacant(position: p), kind: .binary, upper: upper, contributions: items)
            if elastic {
                // Vacant is broken: the vacancy column is its own indicator.
                model.addObjective(vacancy, -relaxation.elasticPrice)
                indicators.append(.init(instance: .mustFill(position: p), column: vacancy))
                indicatorOf[.mustFill(position: p)] = vacancy
            }
            let terms =
                columnsOfPosition[p].map { LinearModel.Term(column: $0.column, coefficient: 1) } + [.init(column: vacancy, coefficient: 1)]
            model.addRow("post[\(position.id)]", terms: terms, lower: 1, upper: 1)
        }
    }

    /// Each cadre: at most one post; an incumbent who does not retire holds one or is released.
    mutating func addCadreRows() {
        for (c, cadre) in scenario.cadres.enumerated() {
            var terms = columnsOfCadre[c].map { LinearModel.Term(column: $0.column, coefficient: 1) }
            if facts.postOfIncumbent[cadre.id] != nil, !facts.retiresInRound(cadre) {
                var items: [RotationModel.Contribution] = []
                var upper = 1.0
                let releaseMode = mode(.release(cadre: c), policy.release.mode)
                switch releaseMode {
                case .hard: upper = 0
                case .soft(let price): items.append(.init(kind: .release, amount: -price))
                case .off, .elastic: break
                }
                let release = column("r[\(cadre.id)]", .release(cadre: c), kind: .binary, upper: upper, contributions: items)
                if releaseMode == .elastic {
                    model.addObjective(release, -relaxation.elasticPrice)
                    indicators.append(.init(instance: .release(cadre: c), column: release))
                    indicatorOf[.release(cadre: c)] = release
                }
                terms.append(.init(column: release, coefficient: 1))
                model.addRow("cadre[\(cadre.id)]", terms: terms, lower: 1, upper: 1)
            } else if terms.count > 1 {
                model.addRow("cadre[\(cadre.id)]", terms: terms, upper: 1)
            }
            // A lock holds even against retirement: a locked retiring incumbent is a conflict
            // for the office to resolve (the reader warns), not something to drop silently.
            if cadre.locked, let own = facts.postOfIncumbent[cadre.id] { lockIncumbent(c, own: own) }
        }
    }

    /// Rule 10 for a locked incumbent: hard fixes x[c,own] = 1; soft charges its price once
    /// when they leave their post: −price as a constant, +price on the own column.
    mutating func lockIncumbent(_ c: Int, own: Int) {
        let cadre = scenario.cadres[c]
        let ownColumn = columnsOfCadre[c].first { $0.position == own }?.column
        let subject = "\(cadre.id) stays in \(scenario.positions[own].id)"
        require(.lock(cadre: c), column: ownColumn, name: "lock[\(cadre.id)]", subject: subject)
    }

    /// A lock or a pin: the pair `column` must be in the plan. Hard fixes it at 1 (or, without
    /// a column, makes the model infeasible by an empty row); soft charges the price once when
    /// it is not (−price as a constant, +price on the column); elastic lets it go at its indicator.
    mutating func require(_ instance: RuleInstance, column: Int?, name: String, subject: String) {
        switch mode(instance, policy.locks.mode) {
        case .hard:
            if let column { model.setLowerBound(column, 1) } else { impossible(name) }
        case .soft(let price):
            constants.append(Self.penalty("locks", price, subject))
            if let column {
                let credit = Self.penalty("locks", price, subject, units: -1)
                contributions[column].append(credit)
                model.addObjective(column, relaxation.objectiveScale * price)
            }
        case .elastic:
            // x + broken ≥ 1.
            let broken = indicator(instance)
            model.addRow(
                "elastic_\(name)",
                terms: (column.map { [LinearModel.Term(column: $0, coefficient: 1)] } ?? []) + [.init(column: broken, coefficient: 1)],
                lower: 1)
        case .off:
            break
        }
    }

    /// A hard requirement no column can meet: an empty row 0 ≥ 1 makes the model infeasible,
    /// and names the requirement in an exported model.
    mutating func impossible(_ name: String) {
        model.addRow(name, terms: [], lower: 1)
    }

    mutating func addPins() {
        for (index, pin) in scenario.pinned.enumerated() {
            guard let c = facts.cadreIndex[pin.cadre], let p = facts.positionIndex[pin.position] else { continue }
            let column = columnsOfCadre[c].first { $0.position == p }?.column
            require(
                .pin(index: index), column: column, name: "pin[\(pin.cadre),\(pin.position)]",
                subject: "\(pin.cadre) pinned to \(pin.position)")
        }
    }

    /// Terms Σ x[c,p] over the team's posts and the cadres for which `include` holds.
    func teamTerms(_ team: [Int], coefficient: (Cadre) -> Double) -> [LinearModel.Term] {
        team.flatMap { p in
            columnsOfPosition[p].compactMap { entry in
                let value = coefficient(scenario.cadres[entry.cadre])
                return value == 0 ? nil : LinearModel.Term(column: entry.column, coefficient: value)
            }
        }
    }

    /// The team rules' rows, unit by unit; within a unit, rule by rule in registry order.
    mutating func addTeamRules() {
        for u in scenario.units.indices {
            let team = facts.teams[u]
            guard !team.isEmpty else { continue }
            for rule in RotationRules.all { rule.addTeamRows(unit: u, team: team, to: &self) }
        }
    }

    /// An integer column counting Σ terms, defined by an equality row. Branching on a count
    /// ("at most 135 women" or "at least 136") settles what the LP relaxation blurs across
    /// thousands of near-tied assignment columns; it does not change the model's optimum.
    mutating func count(_ name: String, _ terms: [LinearModel.Term], most: Int) -> Int {
        let index = column(name, .count(name: name), kind: .integer, upper: Double(most))
        model.setBranchingPriority(index, 3)
        addSharedRow(
            "def_\(name)",
            terms: terms.map { .init(column: $0.column, coefficient: -$0.coefficient) } + [.init(column: index, coefficient: 1)], lower: 0,
            upper: 0)
        return index
    }

    /// Rounds a share rule up to whole people in the LP relaxation. `count + shortfall ≥
    /// share · total` holds for whole numbers only when `count + shortfall ≥ ⌈share · total⌉`;
    /// the LP relaxation instead meets it with half a woman (151.5 of 606 posts), 3 points
    /// above any plan. Over the totals the round can reach, the lower convex hull of the points
    /// (total, ⌈share · total⌉) is the strongest set of linear rows that every whole plan keeps;
    /// each edge of it that the share row does not already state becomes a row. No plan is cut
    /// off, so the optimum is unchanged; the LP bound drops to the whole-people value.
    mutating func addShareHull(_ rule: String, share: Double, count: Int, shortfall: Int?, total: Int, posts: [Int]) {
        // The total counts filled posts: at least the hard must-fill ones, at most those with a candidate.
        let least = posts.count { scenario.positions[$0].mustFill && mode(.mustFill(position: $0), policy.mustFill.mode) == .hard }
        let most = posts.count { !columnsOfPosition[$0].isEmpty }
        guard least <= most else { return }
        model.setLowerBound(total, Double(least))
        model.setUpperBound(total, Double(most))
        for edge in ShareHull.edges(share: share, totals: least...most) {
            // rise · (count + shortfall) − run · total ≥ rise·… : the edge through (t1, n1), (t2, n2)
            // is run · n ≥ run · n1 + rise · (t − t1), with run = t2 − t1 and rise = n2 − n1.
            var terms: [LinearModel.Term] = [
                .init(column: count, coefficient: Double(edge.run)), .init(column: total, coefficient: -Double(edge.rise)),
            ]
            if let shortfall { terms.append(.init(column: shortfall, coefficient: Double(edge.run))) }
            addSharedRow(
                "hull_\(rule)[\(edge.from.total)]", terms: terms, lower: Double(edge.run * edge.from.needed - edge.rise * edge.from.total))
        }
    }

}

/// One independent part of a round: posts and cadres that no row but the round's shared rows
/// (`RotationModel.sharedRows`) ties to the others. A round of several cities, whose cadres are
/// planned for their own city's posts, falls into one part per city.
public struct RoundPart: Sendable, Equatable {
    /// Indices into the scenario's positions and cadres, in file order.
    public var positions: [Int]
    public var cadres: [Int]

    public init(positions: [Int], cadres: [Int]) {
        self.positions = positions
        self.cadres = cadres
    }
}

extension RotationModel {
    /// The round's parts, largest first: posts and cadres joined by a candidate pair, by
    /// incumbency, by sharing a unit (team rules, relatives), or by a pin.
    /// Cadres with no pair and no post belong to none.
    public func parts() -> [RoundPart] {
        let posts = scenario.positions.count
        var parent = Array(0..<(posts + scenario.cadres.count))
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        func union(_ a: Int, _ b: Int) {
            let ra = find(a)
            let rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var linked = [Bool](repeating: false, count: scenario.cadres.count)
        for meaning in meanings {
            if case .assign(let c, let p) = meaning {
                union(p, posts + c)
                linked[c] = true
            }
        }
        for (p, position) in scenario.positions.enumerated() {
            if let c = position.incumbent.flatMap({ facts.cadreIndex[$0] }) {
                union(p, posts + c)
                linked[c] = true
            }
        }
        for unit in facts.positionsOfUnit where unit.count > 1 { for p in unit.dropFirst() { union(unit[0], p) } }
        // A pin is a requirement that joins its cadre and post. A forbidden pair only removes a
        // column: if the pair is a candidate, the column joined them already; if not, nothing does.
        for pair in scenario.pinned {
            guard let c = facts.cadreIndex[pair.cadre], let p = facts.positionIndex[pair.position] else { continue }
            union(p, posts + c)
            linked[c] = true
        }
        var byRoot: [Int: RoundPart] = [:]
        for p in 0..<posts { byRoot[find(p), default: RoundPart(positions: [], cadres: [])].positions.append(p) }
        for c in scenario.cadres.indices where linked[c] { byRoot[find(posts + c)]?.cadres.append(c) }
        return byRoot.values.sorted { ($0.positions.count, -$0.positions[0]) > ($1.positions.count, -$1.positions[0]) }
    }
}
