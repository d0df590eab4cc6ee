import PlannerCore

/// Writes realistic rotation rounds from a seed, in the city's proportions (2025 figures):
/// 19 % women and about 8 % under 42 among incumbents, 78 % master's and 9 % doctorates; a pool
/// of planned candidates that is younger and has more women; some posts vacant, some
/// incumbents past the tenure limit or retirement age, some heads local to their commune.
public enum ScenarioGenerator {
    public enum Size: String, Sendable, CaseIterable {
        /// 12 communes and 3 departments: quick, for tests.
        case small
        /// Hai Phong: 114 communes and 25 city departments, about 600 leadership posts.
        case city
    }

    struct Shape {
        var communes: Int
        var departments: Int
        /// Incumbents; the rest of the posts are vacant.
        var incumbents: Int?
        var incumbentShareOfPosts: Double
        var poolPerPost: Double
    }

    static func shape(_ size: Size) -> Shape {
        switch size {
        case .small: Shape(communes: 12, departments: 3, incumbents: nil, incumbentShareOfPosts: 0.97, poolPerPost: 0.5)
        case .city: Shape(communes: 114, departments: 25, incumbents: 583, incumbentShareOfPosts: 583.0 / 600.0, poolPerPost: 0.5)
        }
    }

    public static func generate(size: Size, seed: UInt64, planningYear: Int = 2026) -> Scenario {
        var generator = Generation(shape: shape(size), seed: seed, planningYear: planningYear)
        return generator.run(name: "Hải Phòng rotation round \(planningYear) (generated: \(size.rawValue), seed \(seed))")
    }
}

struct Generation {
    let shape: ScenarioGenerator.Shape
    let planningYear: Int
    var random: RandomSource
    var localities: [Locality] = []
    var units: [OrgUnit] = []
    var positions: [Position] = []
    var cadres: [Cadre] = []
    var usedNames = Set<String>()

    init(shape: ScenarioGenerator.Shape, seed: UInt64, planningYear: Int) {
        self.shape = shape
        self.planningYear = planningYear
        random = RandomSource(seed: seed)
    }

    /// Titles with their weight, minimum education and what holders are planned for next.
    static let communeTeam: [(title: String, weight: Double, mustFill: Bool)] = [
        ("secretary", 3, true), ("chair", 3, true), ("deputy-secretary", 2, false), ("vice-chair", 1.5, false),
    ]
    static let titleFields: [String: [String]] = [
        "secretary": ["party-building", "administration", "law", "culture", "economics"],
        "chair": ["economics", "land", "planning", "finance", "agriculture", "construction"],
        "deputy-secretary": ["party-building", "culture", "administration", "labour", "law"],
        "vice-chair": ["agriculture", "land", "environment", "construction", "transport", "health", "education", "economics"],
    ]
    static let promotion: [String: [String]] = [
        "vice-chair": ["chair", "deputy-secretary"], "deputy-secretary": ["secretary", "chair"], "chair": ["secretary"],
        "secretary": [], "deputy-director": ["director"], "director": [],
    ]

    mutating func run(name: String) -> Scenario {
        makeLocalities()
        makeUnitsAndPositions()
        makeIncumbents()
        makePool()
        makeRelatives()
        var scenario = Scenario(name: name, planningYear: planningYear, localities: localities, units: units, positions: positions, cadres: cadres)
        // One forbidden assignment, as an office records a conflict of interest.
        if let vacant = positions.first(where: { $0.incumbent == nil }), let someone = cadres.last {
            scenario.forbidden = [AssignmentPair(cadre: someone.id, position: vacant.id)]
        }
        return scenario
    }

    mutating func makeLocalities() {
        localities.append(Locality(id: "viet-nam", name: "Việt Nam"))
        localities.append(Locality(id: "hai-phong", name: "Hải Phòng", within: "viet-nam"))
        for area in HaiPhong.areas { localities.append(Locality(id: area.id, name: area.name, within: "hai-phong")) }
        for province in HaiPhong.otherProvinces { localities.append(Locality(id: province.id, name: province.name, within: "viet-nam")) }
    }

    mutating func makeUnitsAndPositions() {
        var communeNames = Set<String>()
        for index in 0..<shape.communes {
            let area = HaiPhong.areas[index % HaiPhong.areas.count]
            var stem: String
            repeat {
                stem = random.pick(HaiPhong.communeFirst) + " " + random.pick(HaiPhong.communeSecond)
            } while communeNames.contains(stem)
            communeNames.insert(stem)
            let kind = area.id == "cat-hai" || area.id == "bach-long-vi" ? "Đặc khu" : (area.urban ? "Phường" : "Xã")
            let id = "U-C\(pad(index + 1, 3))"
            units.append(OrgUnit(id: id, name: "\(kind) \(stem)", locality: area.id, grassroots: true, level: 3))
            for (title, weight, mustFill) in Generation.communeTeam {
                let suffix = ["secretary": "SEC", "chair": "CHA", "deputy-secretary": "DSE", "vice-chair": "VCH"][title]!
                // Each post asks for two fields from those its title draws on, so that each post
                // has some tens of eligible candidates, as in a real round, not everyone.
                var asked = Generation.titleFields[title]!
                random.shuffle(&asked)
                let isHead = title == "secretary" || title == "chair"
                positions.append(Position(
                    id: "P-C\(pad(index + 1, 3))-\(suffix)", unit: id, title: title,
                    requirements: Requirements(minEducation: .bachelor, fields: Array(asked.prefix(2)).sorted(), minRating: isHead ? 72 : 65,
                                               maxAge: title == "vice-chair" ? 55 : 57),
                    mustFill: mustFill, weight: weight))
            }
        }
        for index in 0..<shape.departments {
            let department = HaiPhong.departments[index % HaiPhong.departments.count]
            let id = "U-D\(pad(index + 1, 2))"
            units.append(OrgUnit(id: id, name: department.name, locality: "hai-phong", grassroots: false, level: 2))
            positions.append(Position(
                id: "P-D\(pad(index + 1, 2))-DIR", unit: id, title: "director",
                requirements: Requirements(minEducation: .master, fields: department.fields, minRating: 70, maxAge: 57), mustFill: true, weight: 3))
            let deputies = index == 0 ? 3 : 5 + (index % 3 == 0 ? 1 : 0) - (index % 4 == 0 ? 1 : 0)
            for deputy in 1...deputies {
                positions.append(Position(
                    id: "P-D\(pad(index + 1, 2))-DEP\(deputy)", unit: id, title: "deputy-director",
                    requirements: Requirements(minEducation: .master, fields: department.fields, minRating: 65, maxAge: 55), weight: 1.5))
            }
        }
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

    mutating func fields(preferring preferred: [String], strength: Double = 0.8) -> [String] {
        var result: [String] = []
        if !preferred.isEmpty && random.chance(strength) { result.append(random.pick(preferred)) }
        while result.count < (random.chance(0.5) ? 2 : 1) {
            let field = random.pick(HaiPhong.fields)
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

    enum AgeGroup { case young, middle, retiring }

    func isHead(_ title: String) -> Bool { NonLocalHeadsRule().titles.contains(title) }

    mutating func makeIncumbents() {
        let filled = shape.incumbents ?? Int((Double(positions.count) * shape.incumbentShareOfPosts).rounded())
        var order = Array(positions.indices)
        random.shuffle(&order)
        let occupied = Set(order.prefix(filled))
        // The city's 2025 figures: 19.2 % women, 7.7 % under 42, 77.9 % master's, 9 % doctorates;
        // and about 3 % at retirement age, 5 % past the tenure limit.
        let genders = quota(filled, [(Gender.female, 0.192)], otherwise: .male)
        let ages = quota(filled, [(AgeGroup.young, 0.077), (.retiring, 0.03)], otherwise: .middle)
        let degrees = quota(filled, [(EducationLevel.master, 0.779), (.doctorate, 0.09)], otherwise: .bachelor)
        let longServing = quota(filled, [(true, 0.05)], otherwise: false)
        var k = 0
        for index in positions.indices where occupied.contains(index) {
            defer { k += 1 }
            let position = positions[index]
            let unit = units.first { $0.id == position.unit }!
            let gender = genders[k]
            let age: Int
            switch ages[k] {
            case .young: age = random.int(35...41)
            case .middle: age = random.int(42...(gender == .male ? 60 : 56))
            case .retiring: age = gender == .male ? random.int(62...63) : random.int(57...58)
            }
            let departmentFields = position.requirements.fields.isEmpty ? [] : (Generation.titleFields[position.title] ?? position.requirements.fields)
            // About a fifth of commune heads are local to their commune's area (rule 3 moves
            // them); a few cadres come from other provinces.
            let home: String
            if unit.grassroots && random.chance(0.22) { home = unit.locality } else if random.chance(0.05) { home = random.pick(HaiPhong.otherProvinces).id } else { home = random.pick(HaiPhong.areas).id }
            let years = longServing[k] ? random.int(10...12) : random.int(0...9)
            let id = "C-\(pad(cadres.count + 1, 4))"
            cadres.append(Cadre(
                id: id, name: personName(gender), gender: gender, birthYear: planningYear - age, homeLocality: home, education: degrees[k],
                fields: fields(preferring: departmentFields, strength: 0.6), rating: rating(), yearsInPost: years,
                plannedFor: random.chance(0.6) ? (Generation.promotion[position.title] ?? []) : [],
                // Locks an office would record: never on someone the hard rules must move.
                locked: random.chance(0.012) && years < 10 && age < 55 && !(home == unit.locality && isHead(position.title))))
            positions[index].incumbent = id
        }
    }

    mutating func makePool() {
        let count = Int((Double(positions.count) * shape.poolPerPost).rounded())
        let departmentFields = HaiPhong.departments.flatMap(\.fields)
        for _ in 0..<count {
            // The pool is the commune-level and department staff planned for promotion:
            // younger (a quarter under 42), 31 % women as at commune level.
            let gender: Gender = random.chance(0.31) ? .female : .male
            let age = random.chance(0.27) ? random.int(32...41) : random.int(42...52)
            let education: EducationLevel = random.pick([(EducationLevel.master, 0.55), (.doctorate, 0.05), (.bachelor, 0.40)])
            let towardsDepartments = random.chance(0.3)
            let planned: [String] = towardsDepartments ? ["deputy-director"] : random.pick([(["vice-chair"], 0.45), (["vice-chair", "deputy-secretary"], 0.3), (["chair"], 0.15), (["deputy-secretary", "secretary"], 0.1)])
            let home = random.chance(0.04) ? random.pick(HaiPhong.otherProvinces).id : random.pick(HaiPhong.areas).id
            cadres.append(Cadre(
                id: "C-\(pad(cadres.count + 1, 4))", name: personName(gender), gender: gender, birthYear: planningYear - age, homeLocality: home,
                education: education, fields: fields(preferring: towardsDepartments ? departmentFields : []), rating: rating(), plannedFor: planned))
        }
    }

    mutating func makeRelatives() {
        let pairs = max(2, cadres.count / 80)
        for _ in 0..<pairs {
            let a = random.int(0...(cadres.count - 1)), b = random.int(0...(cadres.count - 1))
            guard a != b, !cadres[a].relatives.contains(cadres[b].id) else { continue }
            cadres[a].relatives.append(cadres[b].id)
            cadres[b].relatives.append(cadres[a].id)
        }
    }
}
