import PlannerCore

/// Incumbents, the pool of planned candidates, and the successors planted for the posts that
/// must change hands: who the generated round is about.
extension Generation {
    enum AgeGroup { case young, middle, retiring }

    /// The shares a generated round deals out exactly, by quota.
    struct Figures {
        var women: Double
        var young: Double
        var retiring = 0.03
        var master: Double
        var doctorate: Double
        var longServing = 0.05
    }

    /// The city's 2025 figures: of the 583 cadres the Standing Committee manages, 19.2 % women,
    /// 7.7 % under 42, 77.9 % master's, 9 % doctorates; of the 3,261 commune committee members,
    /// 991 women, 689 young, 1,506 master's and 34 doctorates. About 3 % reach retirement
    /// age in the round and 5 % are past the tenure limit.
    var figures: Figures {
        switch shape.style {
        case .leadershipTeams: Figures(women: 0.192, young: 0.077, master: 0.779, doctorate: 0.09)
        case .partyCommittees: Figures(women: 991.0 / 3261.0, young: 689.0 / 3261.0, master: 1506.0 / 3261.0, doctorate: 34.0 / 3261.0)
        }
    }

    var vocabulary: [String] { shape.style == .leadershipTeams ? HaiPhong.fields : Generation.committeeVocabulary }

    mutating func homeArea(city: Int) -> String {
        spansCities || shape.style == .partyCommittees ? random.pick(cities[city].areas).id : random.pick(HaiPhong.areas).id
    }

    mutating func makeIncumbents() {
        let filled = shape.incumbents ?? Int((Double(positions.count) * shape.incumbentShareOfPosts).rounded())
        var order = Array(positions.indices)
        random.shuffle(&order)
        let occupied = Set(order.prefix(filled))
        let figures = self.figures
        let genders = quota(filled, [(Gender.female, figures.women)], otherwise: .male)
        let ages = quota(filled, [(AgeGroup.young, figures.young), (.retiring, figures.retiring)], otherwise: .middle)
        let degrees = quota(filled, [(EducationLevel.master, figures.master), (.doctorate, figures.doctorate)], otherwise: .bachelor)
        let longServing = quota(filled, [(true, figures.longServing)], otherwise: false)
        var k = 0
        for index in positions.indices where occupied.contains(index) {
            defer { k += 1 }
            let position = positions[index]
            let unit = unit(of: position)
            let city = city(ofPosition: position)
            let gender = genders[k]
            let age: Int
            switch ages[k] {
            case .young: age = random.int(35...41)
            case .middle: age = random.int(42...(gender == .male ? 60 : 56))
            case .retiring: age = gender == .male ? random.int(62...63) : random.int(57...58)
            }
            let preferred =
                position.requirements.fields.isEmpty ? [] : (Generation.titleFields[position.title] ?? position.requirements.fields)
            // About a fifth of commune leaders are local to their commune's area (the non-local
            // rule moves the heads among them); a few cadres come from other provinces.
            let home: String
            if unit.grassroots && random.chance(0.22) {
                home = unit.locality
            } else if random.chance(0.05) {
                home = random.pick(HaiPhong.otherProvinces).id
            } else {
                home = homeArea(city: city)
            }
            let years = longServing[k] ? random.int(10...12) : random.int(0...9)
            var planned = random.chance(0.6) ? (Generation.promotion[position.title] ?? []).map { planning($0, city: city) } : []
            if spansCities && random.chance(0.5) { planned.append(planning(position.title, city: city)) }
            let id = "C-\(pad(cadres.count + 1, shape.style == .leadershipTeams ? 4 : 6))"
            cadres.append(
                Cadre(
                    id: id, name: personName(gender), gender: gender, birthYear: planningYear - age, homeLocality: home,
                    education: degrees[k],
                    fields: fields(preferring: preferred, strength: 0.6, from: vocabulary), rating: rating(), yearsInPost: years,
                    plannedFor: planned,
                    // Locks an office would record: never on someone the hard rules must move.
                    locked: random.chance(0.012) && years < 10 && age < 55 && !(home == unit.locality && isHead(position.title))))
            positions[index].incumbent = id
        }
    }

    mutating func makePool() {
        let count = Int((Double(positions.count) * shape.poolPerPost).rounded())
        switch shape.style {
        case .leadershipTeams:
            let departmentFields = HaiPhong.departments.flatMap(\.fields)
            for _ in 0..<count {
                // The pool is the commune-level and department staff planned for promotion:
                // younger (a quarter under 42), 31 % women as at commune level.
                let gender: Gender = random.chance(0.31) ? .female : .male
                let age = random.chance(0.27) ? random.int(32...41) : random.int(42...52)
                let education: EducationLevel = random.pick([(EducationLevel.master, 0.55), (.doctorate, 0.05), (.bachelor, 0.40)])
                let towardsDepartments = random.chance(0.3)
                let planned: [String] = towardsDepartments ? ["deputy-director"] : random.pick(Generation.poolPlanning)
                let home = random.chance(0.04) ? random.pick(HaiPhong.otherProvinces).id : random.pick(HaiPhong.areas).id
                cadres.append(
                    Cadre(
                        id: "C-\(pad(cadres.count + 1, 4))", name: personName(gender), gender: gender, birthYear: planningYear - age,
                        homeLocality: home,
                        education: education, fields: fields(preferring: towardsDepartments ? departmentFields : []), rating: rating(),
                        plannedFor: planned))
            }
        case .partyCommittees:
            for _ in 0..<count {
                // Commune staff planned for committee seats: a third young, a third women.
                let city = random.int(0...(cities.count - 1))
                let gender: Gender = random.chance(0.35) ? .female : .male
                let age = random.chance(0.35) ? random.int(30...41) : random.int(42...52)
                let education: EducationLevel = random.pick([(EducationLevel.master, 0.35), (.doctorate, 0.01), (.bachelor, 0.64)])
                let titles = random.pick(Generation.committeePoolPlanning)
                let preferred = titles.flatMap { Generation.titleFields[$0] ?? [] }
                let home = random.chance(0.04) ? random.pick(HaiPhong.otherProvinces).id : homeArea(city: city)
                cadres.append(
                    Cadre(
                        id: "C-\(pad(cadres.count + 1, 6))", name: personName(gender), gender: gender, birthYear: planningYear - age,
                        homeLocality: home,
                        education: education, fields: fields(preferring: preferred, strength: 0.7, from: vocabulary), rating: rating(),
                        plannedFor: titles.map { planning($0, city: city) }))
            }
        }
    }

    /// Makes the round feasible by construction and returns the plan that shows it.
    ///
    /// The witness keeps every incumbent the hard rules let stay (not at retirement age, not
    /// past the tenure limit, not a local head of a listed post, no relative kept in the same
    /// unit) and leaves every other post vacant, except the must-fill posts: for each of those,
    /// a successor is planted in the pool, eligible by construction (education, one of the
    /// asked fields, rating, age, a full term left, planned for the title, not local). The
    /// office's own planning lists hold such a successor for the posts it knows will open. The
    /// witness makes no moves, so the moves cap holds; releases and vacancies are soft.
    mutating func plantSuccessors(_ scenario: inout Scenario) -> [String: String] {
        let facts = ScenarioFacts(scenario)
        let policy = scenario.policy
        var witness: [String: String] = [:]
        for position in scenario.positions {
            guard let id = position.incumbent, let c = facts.cadreIndex[id] else { continue }
            let cadre = scenario.cadres[c]
            let canStay =
                !facts.retiresInRound(cadre) && cadre.yearsInPost < policy.tenure.limit(title: position.title)
                && !(facts.isListedHead(position) && facts.isLocal(cadre, toUnit: facts.unit(of: position)))
            if canStay { witness[position.id] = id }
        }
        // Relatives kept in one unit: release one of them (never a locked one; two relatives
        // are never both locked).
        var held: [String: String] = [:]  // cadre → position
        for (position, cadre) in witness { held[cadre] = position }
        for (a, b) in facts.relativePairs {
            let idA = scenario.cadres[a].id
            let idB = scenario.cadres[b].id
            guard let postA = held[idA], let postB = held[idB],
                scenario.positions[facts.positionIndex[postA]!].unit == scenario.positions[facts.positionIndex[postB]!].unit
            else { continue }
            let (leaving, post) = scenario.cadres[b].locked ? (idA, postA) : (idB, postB)
            witness[post] = nil
            held[leaving] = nil
        }
        for position in scenario.positions where position.mustFill && witness[position.id] == nil {
            let successor = plantedSuccessor(for: position, in: scenario, facts: facts)
            scenario.cadres.append(successor)
            witness[position.id] = successor.id
        }
        return witness
    }

    mutating func plantedSuccessor(for position: Position, in scenario: Scenario, facts: ScenarioFacts) -> Cadre {
        let unit = facts.unit(of: position)
        let city = city(ofPosition: position)
        let gender: Gender = random.chance(0.3) ? .female : .male
        let age = random.int(38...50)
        let required = position.requirements.minEducation ?? .bachelor
        let education = max(required, random.pick([(EducationLevel.master, 0.6), (.bachelor, 0.35), (.doctorate, 0.05)]))
        var fields = position.requirements.fields.isEmpty ? [] : [random.pick(position.requirements.fields)]
        if random.chance(0.5) {
            let other = random.pick(vocabulary)
            if !fields.contains(other) { fields.append(other) }
        }
        let rating = min(98, (position.requirements.minRating ?? 60) + Double(random.int(2...16)))
        // Home in another area of the same city, so that the non-local rule never bars them.
        let areas = cities[city].areas.map(\.id).filter { $0 != unit.locality }
        let id = "C-\(pad(scenario.cadres.count + 1, shape.style == .leadershipTeams ? 4 : 6))"
        return Cadre(
            id: id, name: personName(gender), gender: gender, birthYear: planningYear - age, homeLocality: random.pick(areas),
            education: education, fields: fields, rating: rating, plannedFor: [planning(position.title, city: city)])
    }
}
