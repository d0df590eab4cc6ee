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
    }

    public let facts: ScenarioFacts
    public internal(set) var model: LinearModel
    public internal(set) var meanings: [Meaning]
    public internal(set) var contributions: [[Contribution]]
    public internal(set) var constantContributions: [Contribution]

    public var scenario: Scenario { facts.scenario }
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

    public static func build(_ scenario: Scenario) -> RotationModel {
        var builder = RotationModelBuilder(facts: ScenarioFacts(scenario))
        builder.addAssignmentColumns()
        builder.addPostAndCadreRows()
        builder.addPins()
        builder.addTeamRules()
        builder.addWomenShare()
        builder.addNonLocalShare()
        builder.addMovesCap()
        builder.addRelatives()
        builder.model.objectiveConstant = builder.constants.reduce(0) { $0 + $1.amount }
        return RotationModel(
            facts: builder.facts, model: builder.model, meanings: builder.meanings,
            contributions: builder.contributions, constantContributions: builder.constants)
    }

    let forbidden: Set<AssignmentPair>

    init(facts: ScenarioFacts) {
        self.facts = facts
        forbidden = Set(facts.scenario.forbidden)
        model = LinearModel(name: "rotation", direction: .maximize)
        columnsOfPosition = Array(repeating: [], count: facts.scenario.positions.count)
        columnsOfCadre = Array(repeating: [], count: facts.scenario.cadres.count)
    }

    // MARK: Columns

    mutating func column(_ name: String, _ meaning: RotationModel.Meaning, kind: LinearModel.Kind, upper: Double,
                         contributions items: [RotationModel.Contribution] = []) -> Int {
        let objective = items.reduce(0) { $0 + $1.amount }
        let index = model.addColumn(name, kind: kind, upper: upper, objective: objective)
        meanings.append(meaning)
        contributions.append(items)
        return index
    }

    /// A soft rule instance's shortfall column, or nil when the rule is hard.
    mutating func shortfall(_ rule: String, _ mode: RuleMode, subject: String, name: String, most: Int) -> Int? {
        guard case .soft(let price) = mode else { return nil }
        let index = column(name, .shortfall(rule: rule, subject: subject), kind: .integer, upper: Double(max(0, most)),
                           contributions: [.init(kind: .penalty(rule: rule, subject: subject, price: price), amount: -price)])
        // A fractional shortfall is where the LP relaxation gains most over whole plans (half a
        // young cadre in each of two teams): branching there first moves the bound.
        model.setBranchingPriority(index, 2)
        return index
    }

    static func penalty(_ rule: String, _ price: Double, _ subject: String) -> RotationModel.Contribution {
        .init(kind: .penalty(rule: rule, subject: subject, price: price), amount: -price)
    }

    /// The rules that look at one (cadre, post) pair alone. Returns nil when a hard rule forbids
    /// the pair (no column is made), else the pair's penalties.
    func pairPenalties(cadre c: Int, position p: Int) -> [RotationModel.Contribution]? {
        let cadre = scenario.cadres[c]
        let position = scenario.positions[p]
        let own = facts.postOfIncumbent[cadre.id]
        var penalties: [RotationModel.Contribution] = []
        func apply(_ rule: String, _ mode: RuleMode, _ broken: Bool) -> Bool {
            guard broken else { return true }
            switch mode {
            case .hard: return false
            case .soft(let price): penalties.append(Self.penalty(rule, price, "\(cadre.id) in \(position.id)")); return true
            case .off: return true
            }
        }
        if !apply("retirement", policy.retirement.mode, facts.isRetiring(cadre)) { return nil }
        if cadre.locked {
            // A locked incumbent may hold only their own post; a locked cadre of the pool, none.
            // (Soft: leaving the own post is priced once, by the constant and own column below.)
            if own == nil, !apply("locks", policy.locks.mode, true) { return nil }
            if let own, own != p, policy.locks.mode == .hard { return nil }
        }
        if forbidden.contains(AssignmentPair(cadre: cadre.id, position: position.id)),
           !apply("locks", policy.locks.mode, true) { return nil }
        if own == p {
            if !apply("tenure", policy.tenure.mode, cadre.yearsInPost >= policy.tenure.maxYears) { return nil }
        } else {
            let req = position.requirements
            if !apply("education", policy.education.mode, req.minEducation.map { cadre.education < $0 } ?? false) { return nil }
            let fieldMiss = !req.fields.isEmpty && !req.fields.contains(where: cadre.fields.contains)
            if !apply("fields", policy.fields.mode, fieldMiss) { return nil }
            if !apply("minRating", policy.minRating.mode, req.minRating.map { cadre.rating < $0 } ?? false) { return nil }
            if !apply("maxAge", policy.maxAge.mode, req.maxAge.map { facts.age(cadre) > $0 } ?? false) { return nil }
            if !apply("serviceLeft", policy.serviceLeft.mode, facts.serviceYearsLeft(cadre) < policy.serviceLeft.years) { return nil }
            let sameTitle = own.map { scenario.positions[$0].title == position.title } ?? false
            let planned = facts.isPlanned(cadre, for: position) || (policy.planning.exemptSameTitle && sameTitle)
            if !apply("planning", policy.planning.mode, !planned) { return nil }
        }
        if nonLocalIsPairRule, facts.isListedHead(position), facts.isLocal(cadre, toUnit: facts.unit(of: position)) {
            return nil
        }
        return penalties
    }

    /// Hard with a share of 1 is the same as forbidding every local pair: smaller, and tighter.
    var nonLocalIsPairRule: Bool { policy.nonLocalHeads.mode == .hard && policy.nonLocalHeads.minShare >= 1 }

    func fit(cadre c: Int, position p: Int) -> Double {
        let cadre = scenario.cadres[c]
        let position = scenario.positions[p]
        let weights = scenario.objective
        let fieldMatch = !position.requirements.fields.isEmpty && position.requirements.fields.contains(where: cadre.fields.contains)
        let continuity = facts.postOfIncumbent[cadre.id] == p
        return position.weight * (weights.rating * cadre.rating / 100 + (fieldMatch ? weights.fieldMatch : 0) + (continuity ? weights.continuity : 0))
    }

    /// The cadres worth testing for post p, in file order. When planning is hard, only those
    /// planned for p (by title, or by title in a locality that contains p's unit), holders of
    /// p's title (when exempt) and p's incumbent can hold p, so the builder tests those alone:
    /// at the region rung, 16,000 posts times 21,000 cadres would be 350 million pair tests,
    /// against some tens per post.
    func candidatesByPlanningEntry() -> [String: [Int]]? {
        guard policy.planning.mode == .hard else { return nil }
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
        var found = Set(keys.flatMap { byEntry[$0] ?? [] })
        if let incumbent = position.incumbent.flatMap({ facts.cadreIndex[$0] }) { found.insert(incumbent) }
        return found.sorted()
    }

    mutating func addAssignmentColumns() {
        let byEntry = candidatesByPlanningEntry()
        let everyone = Array(scenario.cadres.indices)
        for (p, position) in scenario.positions.enumerated() {
            let candidates = byEntry.map { self.candidates(for: position, $0) } ?? everyone
            for c in candidates {
                let cadre = scenario.cadres[c]
                guard let penalties = pairPenalties(cadre: c, position: p) else { continue }
                var items: [RotationModel.Contribution] = [.init(kind: .fit, amount: fit(cadre: c, position: p))]
                if let own = facts.postOfIncumbent[cadre.id], own != p {
                    items.append(.init(kind: .move, amount: -scenario.objective.movePrice))
                }
                items += penalties
                let index = column("x[\(cadre.id),\(position.id)]", .assign(cadre: c, position: p), kind: .binary, upper: 1, contributions: items)
                columnsOfPosition[p].append((c, index))
                columnsOfCadre[c].append((p, index))
            }
        }
    }

    // MARK: Rows

    mutating func addPostAndCadreRows() {
        for (p, position) in scenario.positions.enumerated() {
            var items: [RotationModel.Contribution] = [.init(kind: .vacancy, amount: -scenario.objective.vacancyPrice * position.weight)]
            var upper = 1.0
            if position.mustFill {
                switch policy.mustFill.mode {
                case .hard: upper = 0
                case .soft(let price): items.append(Self.penalty("mustFill", price, position.id))
                case .off: break
                }
            }
            let vacancy = column("v[\(position.id)]", .vacant(position: p), kind: .binary, upper: upper, contributions: items)
            let terms = columnsOfPosition[p].map { LinearModel.Term(column: $0.column, coefficient: 1) } + [.init(column: vacancy, coefficient: 1)]
            model.addRow("post[\(position.id)]", terms: terms, lower: 1, upper: 1)
        }
        for (c, cadre) in scenario.cadres.enumerated() {
            var terms = columnsOfCadre[c].map { LinearModel.Term(column: $0.column, coefficient: 1) }
            if facts.postOfIncumbent[cadre.id] != nil, !facts.retiresInRound(cadre) {
                var items: [RotationModel.Contribution] = []
                var upper = 1.0
                switch policy.release.mode {
                case .hard: upper = 0
                case .soft(let price): items.append(.init(kind: .release, amount: -price))
                case .off: break
                }
                let release = column("r[\(cadre.id)]", .release(cadre: c), kind: .binary, upper: upper, contributions: items)
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
        switch policy.locks.mode {
        case .hard:
            if let ownColumn { model.setLowerBound(ownColumn, 1) } else { impossible("lock[\(cadre.id)]") }
        case .soft(let price):
            constants.append(Self.penalty("locks", price, subject))
            if let ownColumn {
                let credit = RotationModel.Contribution(kind: .penalty(rule: "locks", subject: subject, price: price), amount: price)
                contributions[ownColumn].append(credit)
                model.addObjective(ownColumn, price)
            }
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
        for pin in scenario.pinned {
            guard let c = facts.cadreIndex[pin.cadre], let p = facts.positionIndex[pin.position] else { continue }
            let column = columnsOfCadre[c].first { $0.position == p }?.column
            let subject = "\(pin.cadre) pinned to \(pin.position)"
            switch policy.locks.mode {
            case .hard:
                if let column { model.setLowerBound(column, 1) } else { impossible("pin[\(pin.cadre),\(pin.position)]") }
            case .soft(let price):
                constants.append(Self.penalty("locks", price, subject))
                if let column {
                    contributions[column].append(.init(kind: .penalty(rule: "locks", subject: subject, price: price), amount: price))
                    model.addObjective(column, price)
                }
            case .off:
                break
            }
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

    mutating func addTeamRules() {
        for (u, unit) in scenario.units.enumerated() {
            let team = facts.teams[u]
            guard !team.isEmpty else { continue }
            // Rule 5: young members in grassroots teams.
            let youngNeeded = min(policy.youth.minPerTeam, team.count)
            if unit.grassroots, policy.youth.mode.isActive, youngNeeded > 0 {
                var terms = teamTerms(team) { facts.isYoung($0) ? 1 : 0 }
                if let s = shortfall("youth", policy.youth.mode, subject: "unit \(unit.id)", name: "s_youth[\(unit.id)]", most: youngNeeded) {
                    terms.append(.init(column: s, coefficient: 1))
                }
                model.addRow("youth[\(unit.id)]", terms: terms, lower: Double(youngNeeded))
            }
            // Rule 7, per team: at least one woman.
            if policy.womenPerTeam.mode.isActive {
                var terms = teamTerms(team) { $0.gender == .female ? 1 : 0 }
                if let s = shortfall("womenPerTeam", policy.womenPerTeam.mode, subject: "unit \(unit.id)", name: "s_woman[\(unit.id)]", most: 1) {
                    terms.append(.init(column: s, coefficient: 1))
                }
                model.addRow("woman[\(unit.id)]", terms: terms, lower: 1)
            }
            // Rule 6: age bands spanned by the team.
            let bandsNeeded = min(policy.ageBalance.minBands, facts.ageBandCount, team.count)
            if policy.ageBalance.mode.isActive, team.count >= policy.ageBalance.minTeamSize, bandsNeeded > 0 {
                var coverage: [LinearModel.Term] = []
                for band in 0..<facts.ageBandCount {
                    let members = teamTerms(team) { facts.ageBand($0) == band ? 1 : 0 }
                    guard !members.isEmpty else { continue }
                    let z = column("z[\(unit.id),\(band)]", .bandCovered(unit: u, band: band), kind: .binary, upper: 1)
                    model.setBranchingPriority(z, 1)
                    model.addRow("band[\(unit.id),\(band)]", terms: [.init(column: z, coefficient: 1)] + members.map { .init(column: $0.column, coefficient: -1) }, upper: 0)
                    coverage.append(.init(column: z, coefficient: 1))
                }
                if let s = shortfall("ageBalance", policy.ageBalance.mode, subject: "unit \(unit.id)", name: "s_bands[\(unit.id)]", most: bandsNeeded) {
                    coverage.append(.init(column: s, coefficient: 1))
                }
                model.addRow("bands[\(unit.id)]", terms: coverage, lower: Double(bandsNeeded))
            }
        }
    }

    /// An integer column counting Σ terms, defined by an equality row. Branching on a count
    /// ("at most 135 women" or "at least 136") settles what the LP relaxation blurs across
    /// thousands of near-tied assignment columns; it does not change the model's optimum.
    mutating func count(_ name: String, _ terms: [LinearModel.Term], most: Int) -> Int {
        let index = column(name, .count(name: name), kind: .integer, upper: Double(most))
        model.setBranchingPriority(index, 3)
        model.addRow("def_\(name)", terms: terms.map { .init(column: $0.column, coefficient: -$0.coefficient) } + [.init(column: index, coefficient: 1)], lower: 0, upper: 0)
        return index
    }

    /// Rule 7: women ≥ share × filled leadership posts: W − share·F + s ≥ 0, with W the women
    /// and F the filled leadership posts counted by integer columns.
    mutating func addWomenShare() {
        guard policy.women.mode.isActive else { return }
        let share = policy.women.minShare
        let leadership = scenario.positions.indices.filter { scenario.positions[$0].leadership }
        let women = count("n_women", teamTerms(leadership) { $0.gender == .female ? 1 : 0 }, most: leadership.count)
        let filled = count("n_filled", teamTerms(leadership) { _ in 1 }, most: leadership.count)
        var terms: [LinearModel.Term] = [.init(column: women, coefficient: 1), .init(column: filled, coefficient: -share)]
        let s = shortfall("women", policy.women.mode, subject: "leadership posts", name: "s_women", most: leadership.count)
        if let s { terms.append(.init(column: s, coefficient: 1)) }
        model.addRow("women", terms: terms, lower: 0)
        addShareHull("women", share: share, count: women, shortfall: s, total: filled, posts: leadership)
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
        let mustFillIsHard = policy.mustFill.mode == .hard
        let least = posts.count { mustFillIsHard && scenario.positions[$0].mustFill }
        let most = posts.count { !columnsOfPosition[$0].isEmpty }
        guard least <= most else { return }
        model.setLowerBound(total, Double(least))
        model.setUpperBound(total, Double(most))
        for edge in ShareHull.edges(share: share, totals: least...most) {
            // rise · (count + shortfall) − run · total ≥ rise·… : the edge through (t1, n1), (t2, n2)
            // is run · n ≥ run · n1 + rise · (t − t1), with run = t2 − t1 and rise = n2 − n1.
            var terms: [LinearModel.Term] = [.init(column: count, coefficient: Double(edge.run)), .init(column: total, coefficient: -Double(edge.rise))]
            if let shortfall { terms.append(.init(column: shortfall, coefficient: Double(edge.run))) }
            model.addRow("hull_\(rule)[\(edge.from.total)]", terms: terms, lower: Double(edge.run * edge.from.needed - edge.rise * edge.from.total))
        }
    }

    /// Rule 3 in share form: non-local holders ≥ share × filled listed posts.
    mutating func addNonLocalShare() {
        guard policy.nonLocalHeads.mode.isActive, !nonLocalIsPairRule else { return }
        let share = policy.nonLocalHeads.minShare
        let listed = scenario.positions.indices.filter { facts.isListedHead(scenario.positions[$0]) }
        guard !listed.isEmpty else { return }
        var nonLocalTerms: [LinearModel.Term] = []
        for p in listed {
            let unit = facts.unit(of: scenario.positions[p])
            for entry in columnsOfPosition[p] where !facts.isLocal(scenario.cadres[entry.cadre], toUnit: unit) {
                nonLocalTerms.append(.init(column: entry.column, coefficient: 1))
            }
        }
        let nonLocal = count("n_nonlocal", nonLocalTerms, most: listed.count)
        let filled = count("n_listed", teamTerms(listed) { _ in 1 }, most: listed.count)
        var terms: [LinearModel.Term] = [.init(column: nonLocal, coefficient: 1), .init(column: filled, coefficient: -share)]
        let s = shortfall("nonLocalHeads", policy.nonLocalHeads.mode, subject: "listed head posts", name: "s_nonlocal", most: listed.count)
        if let s { terms.append(.init(column: s, coefficient: 1)) }
        model.addRow("nonlocal", terms: terms, lower: 0)
        addShareHull("nonlocal", share: share, count: nonLocal, shortfall: s, total: filled, posts: listed)
    }

    /// Rule 8: incumbents who change post ≤ limit.
    mutating func addMovesCap() {
        guard policy.moves.mode.isActive else { return }
        var terms: [LinearModel.Term] = []
        for (c, cadre) in scenario.cadres.enumerated() {
            guard let own = facts.postOfIncumbent[cadre.id] else { continue }
            terms += columnsOfCadre[c].filter { $0.position != own }.map { .init(column: $0.column, coefficient: 1) }
        }
        if let s = shortfall("moves", policy.moves.mode, subject: "moves", name: "s_moves", most: terms.count) {
            terms.append(.init(column: s, coefficient: -1))
        }
        model.addRow("moves", terms: terms, upper: Double(facts.movesLimit))
    }

    /// Rule 9: two relatives never both hold posts in one unit.
    mutating func addRelatives() {
        guard policy.relatives.mode.isActive else { return }
        for (a, b) in facts.relativePairs {
            // Only the units where both have a column can hold a row; in unit order.
            let unitsOfB = Set(columnsOfCadre[b].map { facts.unitIndex(ofPosition: $0.position) })
            let shared = Set(columnsOfCadre[a].map { facts.unitIndex(ofPosition: $0.position) }).intersection(unitsOfB).sorted()
            for u in shared {
                let unit = scenario.units[u]
                let termsA = columnsOfCadre[a].filter { facts.unitIndex(ofPosition: $0.position) == u }
                let termsB = columnsOfCadre[b].filter { facts.unitIndex(ofPosition: $0.position) == u }
                let idA = scenario.cadres[a].id, idB = scenario.cadres[b].id
                var terms = (termsA + termsB).map { LinearModel.Term(column: $0.column, coefficient: 1) }
                if let s = shortfall("relatives", policy.relatives.mode, subject: "\(idA) and \(idB) in \(unit.id)", name: "s_rel[\(idA),\(idB),\(unit.id)]", most: 1) {
                    terms.append(.init(column: s, coefficient: -1))
                }
                model.addRow("relatives[\(idA),\(idB),\(unit.id)]", terms: terms, upper: 1)
            }
        }
    }
}
