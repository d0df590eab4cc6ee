import PlannerCore

/// One run of the generator: localities, units and posts, incumbents, the pool, relatives, and
/// last the planted successors that make the witness plan.
struct Generation {
    let shape: Shape
    let planningYear: Int
    var random: RandomSource
    var localities: [Locality] = []
    var cities: [City] = []
    var units: [OrgUnit] = []
    /// Unit id → index into `units`, and the index of the unit's city.
    var unitIndex: [String: Int] = [:]
    var cityOfUnit: [Int] = []
    var positions: [Position] = []
    var cadres: [Cadre] = []
    var usedNames = Set<String>()

    struct City {
        var id: String
        var name: String
        var areas: [(id: String, name: String, urban: Bool)]
    }

    init(shape: Shape, seed: UInt64, planningYear: Int) {
        self.shape = shape
        self.planningYear = planningYear
        random = RandomSource(seed: seed)
    }

    /// A round that spans several cities plans each city's cadres for that city's posts only
    /// (`title@city` planning entries), and asks for planning even for a post of the title
    /// already held: otherwise every secretary of five cities would be a candidate for every
    /// secretary post, where a real round has some tens of candidates per post.
    var spansCities: Bool { shape.cities > 1 }

    mutating func run(name: String) -> ScenarioGenerator.Round {
        makeLocalities()
        switch shape.style {
        case .leadershipTeams: makeLeadershipTeams()
        case .partyCommittees: makePartyCommittees()
        }
        makeIncumbents()
        makePool()
        makeRelatives()
        var scenario = Scenario(
            name: name, planningYear: planningYear, localities: localities, units: units, positions: positions, cadres: cadres)
        if spansCities { scenario.policy.planning.exemptSameTitle = false }
        // One forbidden assignment, as an office records a conflict of interest.
        if let vacant = positions.first(where: { $0.incumbent == nil }), let someone = cadres.last {
            scenario.forbidden = [AssignmentPair(cadre: someone.id, position: vacant.id)]
        }
        let witness = plantSuccessors(&scenario)
        return ScenarioGenerator.Round(scenario: scenario, witness: witness)
    }

    mutating func makeLocalities() {
        localities.append(Locality(id: "viet-nam", name: "Việt Nam"))
        localities.append(Locality(id: "hai-phong", name: "Hải Phòng", within: "viet-nam"))
        for area in HaiPhong.areas { localities.append(Locality(id: area.id, name: area.name, within: "hai-phong")) }
        for province in HaiPhong.otherProvinces { localities.append(Locality(id: province.id, name: province.name, within: "viet-nam")) }
        cities = [City(id: "hai-phong", name: "Hải Phòng", areas: HaiPhong.areas)]
        for index in 1..<shape.cities {
            let province = HaiPhong.regionProvinces[(index - 1) % HaiPhong.regionProvinces.count]
            let id = province.id + (index > HaiPhong.regionProvinces.count ? "-\(index)" : "")
            localities.append(Locality(id: id, name: province.name, within: "viet-nam"))
            let areas = (1...12).map { (id: "\(id)-kv\($0)", name: "\(province.name) khu vực \($0)", urban: $0 <= 4) }
            for area in areas { localities.append(Locality(id: area.id, name: area.name, within: id)) }
            cities.append(City(id: id, name: province.name, areas: areas))
        }
    }

    mutating func addUnit(_ unit: OrgUnit, city: Int) {
        unitIndex[unit.id] = units.count
        units.append(unit)
        cityOfUnit.append(city)
    }

    func city(ofPosition position: Position) -> Int { cityOfUnit[unitIndex[position.unit]!] }
    func unit(of position: Position) -> OrgUnit { units[unitIndex[position.unit]!] }

    /// A planning entry for `title`, scoped to the city when the round spans several.
    func planning(_ title: String, city: Int) -> String { spansCities ? "\(title)@\(cities[city].id)" : title }

    mutating func communeName(_ used: inout Set<String>) -> String {
        var stem: String
        repeat {
            stem = random.pick(HaiPhong.communeFirst) + " " + random.pick(HaiPhong.communeSecond)
        } while used.contains(stem)
        used.insert(stem)
        return stem
    }

    func communeKind(_ area: (id: String, name: String, urban: Bool)) -> String {
        area.id == "cat-hai" || area.id == "bach-long-vi" ? "Đặc khu" : (area.urban ? "Phường" : "Xã")
    }

    func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    mutating func personName(_ gender: Gender) -> String {
        while true {
            let family = random.pick(HaiPhong.familyNames)
            let middle = random.pick(gender == .male ? HaiPhong.maleMiddle : HaiPhong.femaleMiddle)
            let given = random.pick(gender == .male ? HaiPhong.maleGiven : HaiPhong.femaleGiven)
            let name = "\(family) \(middle) \(given)"
            if usedNames.insert(name).inserted || usedNames.count > 5000 { return name }
        }
    }

    mutating func rating() -> Double {
        let value = random.normal(mean: 76, deviation: 9)
        return (min(98, max(45, value)) * 2).rounded() / 2
    }

    mutating func fields(preferring preferred: [String], strength: Double = 0.8, from vocabulary: [String] = HaiPhong.fields) -> [String] {
        var result: [String] = []
        if !preferred.isEmpty && random.chance(strength) { result.append(random.pick(preferred)) }
        while result.count < (random.chance(0.5) ? 2 : 1) {
            let field = random.pick(vocabulary)
            if !result.contains(field) { result.append(field) }
        }
        return result
    }

    /// `count` values dealt by quota: `share` of them `special`, shuffled. Quotas, not coin
    /// flips, so the round has the city's proportions exactly, whatever the seed.
    mutating func quota<T>(_ count: Int, _ parts: [(T, Double)], otherwise rest: T) -> [T] {
        var values: [T] = []
        for (value, share) in parts { values += Array(repeating: value, count: Int((share * Double(count)).rounded())) }
        values += Array(repeating: rest, count: max(0, count - values.count))
        values = Array(values.prefix(count))
        random.shuffle(&values)
        return values
    }

    func isHead(_ title: String) -> Bool { NonLocalHeadsRule().titles.contains(title) }

    mutating func makeRelatives() {
        let pairs = max(2, cadres.count / 80)
        for _ in 0..<pairs {
            let a = random.int(0...(cadres.count - 1))
            let b = random.int(0...(cadres.count - 1))
            // A locked cadre stays put; a relative in the same unit would make the lock and the
            // relatives rule collide, which no real office records.
            guard a != b, !cadres[a].relatives.contains(cadres[b].id), !cadres[a].locked, !cadres[b].locked else { continue }
            cadres[a].relatives.append(cadres[b].id)
            cadres[b].relatives.append(cadres[a].id)
        }
    }
}
