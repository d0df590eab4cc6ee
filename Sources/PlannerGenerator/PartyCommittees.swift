import PlannerCore

/// The commune-level round: every commune's party committee in full (about 29 members, 3,261
/// in Hai Phong's 114 communes), with the commune level's own figures.
extension Generation {
    struct CommitteeSeat {
        var title: String
        var code: String
        var weight: Double
        var mustFill: Bool
        var count: Int
    }

    /// The seats every commune committee has: 22 of them.
    static let committeeCore: [CommitteeSeat] = [
        .init(title: "secretary", code: "SEC", weight: 3, mustFill: true, count: 1),
        .init(title: "chair", code: "CHA", weight: 3, mustFill: true, count: 1),
        .init(title: "deputy-secretary", code: "DSE", weight: 2, mustFill: false, count: 2),
        .init(title: "vice-chair", code: "VCH", weight: 1.5, mustFill: false, count: 2),
        .init(title: "council-chair", code: "HDC", weight: 2, mustFill: false, count: 1),
        .init(title: "inspection-chair", code: "UKT", weight: 1.5, mustFill: false, count: 1),
        .init(title: "police-chief", code: "CAX", weight: 1.5, mustFill: false, count: 1),
        .init(title: "military-commander", code: "QSX", weight: 1, mustFill: false, count: 1),
        .init(title: "front-chair", code: "MTT", weight: 1.5, mustFill: false, count: 1),
        .init(title: "organisation-head", code: "BTC", weight: 1, mustFill: false, count: 1),
        .init(title: "propaganda-head", code: "BTG", weight: 1, mustFill: false, count: 1),
        .init(title: "office-chief", code: "VPH", weight: 1, mustFill: false, count: 1),
        .init(title: "economy-head", code: "KTE", weight: 1, mustFill: false, count: 1),
        .init(title: "culture-head", code: "VHX", weight: 1, mustFill: false, count: 1),
        .init(title: "public-service-head", code: "HCC", weight: 1, mustFill: false, count: 1),
        .init(title: "women-union-chair", code: "HPN", weight: 1, mustFill: false, count: 1),
        .init(title: "youth-union-secretary", code: "DTN", weight: 1, mustFill: false, count: 1),
        .init(title: "farmers-union-chair", code: "HND", weight: 1, mustFill: false, count: 1),
        .init(title: "veterans-chair", code: "CCB", weight: 1, mustFill: false, count: 1),
        .init(title: "trade-union-chair", code: "CDO", weight: 1, mustFill: false, count: 1),
    ]
    /// Seats some committees add: 5 to 9 of these, so a committee has 27 to 31 members.
    static let committeeExtra: [CommitteeSeat] = [
        .init(title: "council-vice-chair", code: "HDP", weight: 1, mustFill: false, count: 1),
        .init(title: "inspection-deputy", code: "UKP", weight: 1, mustFill: false, count: 1),
        .init(title: "front-vice-chair", code: "MTP", weight: 1, mustFill: false, count: 1),
        .init(title: "office-deputy", code: "VPP", weight: 1, mustFill: false, count: 1),
        .init(title: "economy-deputy", code: "KTP", weight: 1, mustFill: false, count: 1),
        .init(title: "culture-deputy", code: "VHP", weight: 1, mustFill: false, count: 1),
        .init(title: "public-service-deputy", code: "HCP", weight: 1, mustFill: false, count: 1),
        .init(title: "police-deputy", code: "CAP", weight: 1, mustFill: false, count: 1),
        .init(title: "military-deputy", code: "QSP", weight: 1, mustFill: false, count: 1),
    ]

    static let committeeVocabulary = HaiPhong.fields + ["security", "defence", "mass-mobilisation"]

    mutating func makePartyCommittees() {
        for city in cities.indices {
            var communeNames = Set<String>()
            let prefix = spansCities ? "K\(pad(city + 1, 2))-" : ""
            for index in 0..<shape.communesPerCity {
                let area = cities[city].areas[index % cities[city].areas.count]
                let stem = communeName(&communeNames)
                let number = "\(prefix)C\(pad(index + 1, 3))"
                let id = "U-\(number)"
                addUnit(OrgUnit(id: id, name: "\(communeKind(area)) \(stem)", locality: area.id, grassroots: true, level: 3), city: city)
                var extras = Generation.committeeExtra
                random.shuffle(&extras)
                let seats = Generation.committeeCore + extras.prefix(random.int(5...9)).sorted { $0.code < $1.code }
                for seat in seats {
                    for copy in 1...seat.count {
                        var asked = Generation.titleFields[seat.title]!
                        random.shuffle(&asked)
                        let head = seat.mustFill || isHead(seat.title)
                        positions.append(
                            Position(
                                id: "P-\(number)-\(seat.code)\(seat.count > 1 ? String(copy) : "")", unit: id, title: seat.title,
                                requirements: Requirements(
                                    minEducation: .bachelor, fields: Array(asked.prefix(seat.mustFill ? 2 : 1)).sorted(),
                                    minRating: head ? 72 : 65,
                                    maxAge: head ? 57 : 55),
                                mustFill: seat.mustFill, weight: seat.weight))
                    }
                }
            }
        }
    }
}
