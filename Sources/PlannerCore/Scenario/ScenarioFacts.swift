/// Facts derived from a valid scenario that the model builder and the plan's figures share:
/// ages, retirement, teams, who is local where. (The verifier derives its own, on purpose.)
public struct ScenarioFacts: Sendable {
    public let scenario: Scenario
    public let cadreIndex: [String: Int]
    public let positionIndex: [String: Int]
    public let unitIndex: [String: Int]
    /// Cadre id → index of the position they hold before the round.
    public let postOfIncumbent: [String: Int]
    /// For each unit (same order as `scenario.units`): indices of its leadership positions.
    public let teams: [[Int]]
    /// For each unit: indices of all its positions.
    public let positionsOfUnit: [[Int]]
    /// For each position: the index of its unit.
    private let unitOfPosition: [Int]
    /// Locality id → itself and every locality that contains it.
    private let enclosing: [String: Set<String>]
    /// By cadre index, worked out once: the model builder asks these of every (cadre, post) pair
    /// it tests, 150,000 at the communes rung, where deriving them per pair (string-keyed
    /// lookups, the retirement schedule, parsing planning entries) took most of its time.
    public let ownPosition: [Int?]
    public let retirementYears: [Int]
    private let planningEntries: [[PlanningEntry]]

    public init(_ scenario: Scenario) {
        self.scenario = scenario
        cadreIndex = Dictionary(scenario.cadres.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        positionIndex = Dictionary(scenario.positions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let unitIndex = Dictionary(scenario.units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.unitIndex = unitIndex
        var incumbents: [String: Int] = [:]
        var teams = [[Int]](repeating: [], count: scenario.units.count)
        var positionsOfUnit = [[Int]](repeating: [], count: scenario.units.count)
        var unitOfPosition = [Int](repeating: 0, count: scenario.positions.count)
        for (index, position) in scenario.positions.enumerated() {
            if let cadre = position.incumbent { incumbents[cadre] = index }
            if let unit = unitIndex[position.unit] {
                unitOfPosition[index] = unit
                positionsOfUnit[unit].append(index)
                if position.leadership { teams[unit].append(index) }
            }
        }
        postOfIncumbent = incumbents
        self.teams = teams
        self.positionsOfUnit = positionsOfUnit
        self.unitOfPosition = unitOfPosition
        let parent = Dictionary(scenario.localities.compactMap { l in l.within.map { (l.id, $0) } }, uniquingKeysWith: { a, _ in a })
        var enclosing: [String: Set<String>] = [:]
        for locality in scenario.localities {
            var chain: Set<String> = [locality.id]
            var current = locality.id
            while let next = parent[current], !chain.contains(next) {
                chain.insert(next)
                current = next
            }
            enclosing[locality.id] = chain
        }
        self.enclosing = enclosing
        ownPosition = scenario.cadres.map { incumbents[$0.id] }
        retirementYears = scenario.cadres.map {
            RetirementSchedule.year(gender: $0.gender, birthYear: $0.birthYear, rule: scenario.policy.retirement)
        }
        planningEntries = scenario.cadres.map { $0.plannedFor.map(PlanningEntry.init) }
    }

    public func age(_ cadre: Cadre) -> Int { scenario.planningYear - cadre.birthYear }

    /// The calendar year in which the cadre reaches retirement age.
    ///
    /// With fixed ages in the policy: birth year + the age rounded up. Otherwise the statutory
    /// schedule, evaluated in whole numbers so that every reader of docs/model.md gets the same
    /// year: a man retires in the first year Y with 4·(Y − born) ≥ 240 + min(Y − 2020, 8)
    /// (60 years 3 months in 2021, +3 months a year, 62 from 2028); a woman in the first Y with
    /// 3·(Y − born) ≥ 165 + min(Y − 2020, 15) (55 years 4 months in 2021, +4 months, 60 from 2035).
    public func retirementYear(_ cadre: Cadre) -> Int {
        RetirementSchedule.year(gender: cadre.gender, birthYear: cadre.birthYear, rule: scenario.policy.retirement)
    }

    /// Whole years between the planning year and the retirement year.
    public func serviceYearsLeft(_ cadre: Cadre) -> Int { retirementYear(cadre) - scenario.planningYear }
    public func serviceYearsLeft(cadre c: Int) -> Int { retirementYears[c] - scenario.planningYear }

    /// At or over retirement age in the planning year.
    public func isRetiring(_ cadre: Cadre) -> Bool { retirementYear(cadre) <= scenario.planningYear }
    public func isRetiring(cadre c: Int) -> Bool { retirementYears[c] <= scenario.planningYear }

    /// Retiring under an active retirement rule: leaving frees the post at no price (hard: must leave).
    public func retiresInRound(_ cadre: Cadre) -> Bool { scenario.policy.retirement.mode.isActive && isRetiring(cadre) }

    public func isYoung(_ cadre: Cadre) -> Bool { age(cadre) < scenario.policy.youth.age }

    /// Index of the cadre's age band: how many band starts their age has reached.
    public func ageBand(_ cadre: Cadre) -> Int {
        let age = age(cadre)
        return scenario.policy.ageBalance.bandStarts.filter { age >= $0 }.count
    }

    public var ageBandCount: Int { scenario.policy.ageBalance.bandStarts.count + 1 }

    /// A cadre is local to a unit when the unit's locality is their home locality or contains it.
    public func isLocal(_ cadre: Cadre, toUnit unit: OrgUnit) -> Bool {
        enclosing[cadre.homeLocality]?.contains(unit.locality) ?? (cadre.homeLocality == unit.locality)
    }

    public func unitIndex(ofPosition position: Int) -> Int { unitOfPosition[position] }

    public func unit(of position: Position) -> OrgUnit { scenario.units[unitIndex[position.unit]!] }
    public func unit(ofPosition p: Int) -> OrgUnit { scenario.units[unitOfPosition[p]] }

    /// Whether one of the cadre's planning entries covers the position (without the exemption
    /// for a post of the title already held, which is the planning rule's to apply).
    public func isPlanned(_ cadre: Cadre, for position: Position) -> Bool {
        isPlanned(cadre.plannedFor.map(PlanningEntry.init), for: position, unit: unit(of: position))
    }

    /// `isPlanned` for the cadre and position at these indices, from the entries parsed once.
    public func isPlanned(cadre c: Int, position p: Int) -> Bool {
        isPlanned(planningEntries[c], for: scenario.positions[p], unit: unit(ofPosition: p))
    }

    private func isPlanned(_ entries: [PlanningEntry], for position: Position, unit: OrgUnit) -> Bool {
        entries.contains { planning in
            if let post = planning.position { return post == position.id }
            guard planning.title == position.title else { return false }
            guard let locality = planning.locality else { return true }
            return enclosing[unit.locality]?.contains(locality) ?? false
        }
    }

    /// The locality and every locality that contains it.
    public func localityAndEnclosing(_ locality: String) -> Set<String> { enclosing[locality] ?? [locality] }

    public func isListedHead(_ position: Position) -> Bool { scenario.policy.nonLocalHeads.titles.contains(position.title) }

    /// Unordered pairs of relatives (by cadre index, smaller first), each once, in file order.
    public var relativePairs: [(Int, Int)] {
        var seen = Set<[Int]>()
        var pairs: [(Int, Int)] = []
        for (index, cadre) in scenario.cadres.enumerated() {
            for relative in cadre.relatives {
                guard let other = cadreIndex[relative], other != index else { continue }
                let pair = [min(index, other), max(index, other)]
                if seen.insert(pair).inserted { pairs.append((pair[0], pair[1])) }
            }
        }
        return pairs.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    }

    /// Incumbents who stay in the round (not retiring under an active retirement rule).
    public var incumbentsInRound: Int {
        scenario.positions.compactMap(\.incumbent).filter { id in
            guard let c = cadreIndex[id] else { return false }
            return !retiresInRound(scenario.cadres[c])
        }.count
    }

    /// The most incumbents who may change post (rule 8).
    public var movesLimit: Int {
        let rule = scenario.policy.moves
        if let max = rule.max { return max }
        return Self.movesLimit(share: rule.maxShare, incumbents: incumbentsInRound)
    }

    /// ⌊share · incumbents⌋, with room for the product's rounding: 0.58 · 50 is
    /// 28.999999999999996 in floating point, and the cap is 29 (ShareHull.needed rounds the
    /// other way with the same room).
    public static func movesLimit(share: Double, incumbents: Int) -> Int {
        max(0, Int((share * Double(incumbents) + 1e-9).rounded(.down)))
    }
}

public enum RetirementSchedule {
    public static func year(gender: Gender, birthYear: Int, rule: RetirementRule) -> Int {
        switch gender {
        case .male:
            if let age = rule.maleAge { return birthYear + Int(age.rounded(.up)) }
        case .female:
            if let age = rule.femaleAge { return birthYear + Int(age.rounded(.up)) }
        }
        var year = birthYear + 40
        while true {
            let age = year - birthYear
            let step = max(0, year - 2020)
            switch gender {
            case .male: if 4 * age >= 240 + min(step, 8) { return year }
            case .female: if 3 * age >= 165 + min(step, 15) { return year }
            }
            year += 1
        }
    }
}
