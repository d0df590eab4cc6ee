import PlannerCore

/// The city-level round: each commune's four heads and the city departments' leaders, with the
/// figures of the 583 cadres the city's Standing Committee manages.
extension Generation {
    static let communeTeam: [(title: String, weight: Double, mustFill: Bool)] = [
        ("secretary", 3, true), ("chair", 3, true), ("deputy-secretary", 2, false), ("vice-chair", 1.5, false),
    ]
    static let teamCodes = ["secretary": "SEC", "chair": "CHA", "deputy-secretary": "DSE", "vice-chair": "VCH"]

    mutating func makeLeadershipTeams() {
        var communeNames = Set<String>()
        for index in 0..<shape.communesPerCity {
            let area = HaiPhong.areas[index % HaiPhong.areas.count]
            let stem = communeName(&communeNames)
            let id = "U-C\(pad(index + 1, 3))"
            addUnit(OrgUnit(id: id, name: "\(communeKind(area)) \(stem)", locality: area.id, grassroots: true, level: 3), city: 0)
            for (title, weight, mustFill) in Generation.communeTeam {
                // Each post asks for two fields from those its title draws on, so that each post
                // has some tens of eligible candidates, as in a real round, not everyone.
                var asked = Generation.titleFields[title]!
                random.shuffle(&asked)
                let isHead = title == "secretary" || title == "chair"
                positions.append(
                    Position(
                        id: "P-C\(pad(index + 1, 3))-\(Generation.teamCodes[title]!)", unit: id, title: title,
                        requirements: Requirements(
                            minEducation: .bachelor, fields: Array(asked.prefix(2)).sorted(), minRating: isHead ? 72 : 65,
                            maxAge: title == "vice-chair" ? 55 : 57),
                        mustFill: mustFill, weight: weight))
            }
        }
        for index in 0..<shape.departments {
            let department = HaiPhong.departments[index % HaiPhong.departments.count]
            let id = "U-D\(pad(index + 1, 2))"
            addUnit(OrgUnit(id: id, name: department.name, locality: "hai-phong", grassroots: false, level: 2), city: 0)
            positions.append(
                Position(
                    id: "P-D\(pad(index + 1, 2))-DIR", unit: id, title: "director",
                    requirements: Requirements(minEducation: .master, fields: department.fields, minRating: 70, maxAge: 57), mustFill: true,
                    weight: 3))
            let deputies = index == 0 ? 3 : 5 + (index % 3 == 0 ? 1 : 0) - (index % 4 == 0 ? 1 : 0)
            for deputy in 1...deputies {
                positions.append(
                    Position(
                        id: "P-D\(pad(index + 1, 2))-DEP\(deputy)", unit: id, title: "deputy-director",
                        requirements: Requirements(minEducation: .master, fields: department.fields, minRating: 65, maxAge: 55), weight: 1.5
                    ))
            }
        }
    }
}
