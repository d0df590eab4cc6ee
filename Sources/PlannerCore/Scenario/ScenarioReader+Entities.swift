/// The scenario format, key by key. Each reader returns nil where a required value is broken,
/// after recording the problem; cross-references are checked once every entity is read.
extension Reading {
    static let scenarioKeys = [
        "$schema", "version", "name", "description", "planningYear", "localities", "units", "positions", "cadres",
        "pinned", "forbidden", "policy", "objective", "vocabulary",
    ]

    mutating func scenario(_ root: JSONNode) -> Scenario? {
        guard let view = object(root, path: "", known: Reading.scenarioKeys) else { return nil }
        let version = integer(view, "version", required: true, range: Int.min...Int.max, what: "the format version")
        if let version, version != Scenario.currentVersion {
            problem(
                "version", view.node("version")?.location, nil,
                "unsupported version \(version): this build reads version \(Scenario.currentVersion)")
        }
        let name = string(view, "name", required: false) ?? "Unnamed round"
        let planningYear = integer(view, "planningYear", required: true, range: 1900...2200, what: "the planning year")

        let localities = array(view, "localities", required: true).enumerated().compactMap { locality($1, index: $0) }
        let units = array(view, "units", required: true).enumerated().compactMap { unit($1, index: $0) }
        let positions = array(view, "positions", required: true).enumerated().compactMap { position($1, index: $0) }
        let cadres = array(view, "cadres", required: true).enumerated().compactMap {
            cadre($1, index: $0, planningYear: planningYear)
        }
        let pinned = array(view, "pinned", required: false).enumerated().compactMap { pair($1, path: "pinned[\($0)]") }
        let forbidden = array(view, "forbidden", required: false).enumerated().compactMap { pair($1, path: "forbidden[\($0)]") }
        let policy = view.node("policy").map { self.policy($0) } ?? Policy()
        let objective = view.node("objective").map { self.objective($0) } ?? ObjectiveWeights()
        let vocabulary = view.node("vocabulary").flatMap { self.vocabulary($0) }

        guard let planningYear, version != nil else { return nil }
        let scenario = Scenario(
            version: Scenario.currentVersion, name: name, planningYear: planningYear, localities: localities.map(\.value),
            units: units.map(\.value), positions: positions.map(\.value), cadres: cadres.map(\.value),
            pinned: pinned.map(\.value), forbidden: forbidden.map(\.value), policy: policy, objective: objective,
            vocabulary: vocabulary.flatMap { $0.isEmpty ? nil : $0 })
        var references = ReferenceCheck(
            localities: localities, units: units, positions: positions, cadres: cadres, pinned: pinned, forbidden: forbidden)
        problems += references.run()
        checkKeyPositions(view, policy: policy.succession, positions: Set(positions.map(\.value.id)))
        checkWords(view, vocabulary: scenario.words, positions: positions, cadres: cadres)
        return scenario
    }

    /// Every `policy.succession.keyPositions` entry names a position.
    mutating func checkKeyPositions(_ root: ObjectView, policy: SuccessionPolicy, positions: Set<String>) {
        guard case .object(let members)? = root.node("policy")?.value,
            let succession = members.first(where: { $0.key == "succession" })?.node,
            case .object(let fields) = succession.value,
            let list = fields.first(where: { $0.key == "keyPositions" })?.node, case .array(let elements) = list.value
        else { return }
        var first: [String: Int] = [:]
        for (index, element) in elements.enumerated() {
            guard case .string(let id) = element.value else { continue }
            // Listed twice, a post is one key post: said, as every other list's duplicate is.
            if let earlier = first[id] {
                problem(
                    "policy.succession.keyPositions[\(index)]", element.location, "position \(id)",
                    "listed twice (first at policy.succession.keyPositions[\(earlier)])")
                continue
            }
            first[id] = index
            guard !positions.contains(id) else { continue }
            var message = "position \"\(id)\" does not exist"
            if let suggestion = KeySuggestion.nearest(to: id, among: positions.sorted()) { message += "; did you mean \"\(suggestion)\"?" }
            problem("policy.succession.keyPositions[\(index)]", element.location, "position \(id)", message)
        }
    }

    mutating func locality(_ node: JSONNode, index: Int) -> Located<Locality>? {
        let path = "localities[\(index)]"
        let id = peekID(node)
        guard let view = object(node, path: path, entity: id.map { "locality \($0)" }, known: ["id", "name", "within"]) else { return nil }
        guard let id = identifier(view, "id", required: true) else { return nil }
        let name = string(view, "name", required: false) ?? id
        let within = identifier(view, "within", required: false)
        return Located(value: Locality(id: id, name: name, within: within), path: path, location: node.location, view: view)
    }

    mutating func unit(_ node: JSONNode, index: Int) -> Located<OrgUnit>? {
        let path = "units[\(index)]"
        let id = peekID(node)
        guard
            let view = object(
                node, path: path, entity: id.map { "unit \($0)" },
                known: ["id", "name", "locality", "grassroots", "level"])
        else { return nil }
        let identifier = self.identifier(view, "id", required: true)
        let name = string(view, "name", required: false)
        let locality = self.identifier(view, "locality", required: true)
        let grassroots = bool(view, "grassroots", default: false)
        let level = integer(view, "level", required: false, range: 1...10, what: "an administrative level") ?? 1
        // Only a valid id is needed to keep the entity for the reference checks; a file with
        // any problem is refused, so the placeholders below never reach a solver.
        guard let identifier else { return nil }
        return Located(
            value: OrgUnit(id: identifier, name: name ?? identifier, locality: locality ?? "", grassroots: grassroots, level: level),
            path: path, location: node.location, view: view)
    }

    mutating func position(_ node: JSONNode, index: Int) -> Located<Position>? {
        let path = "positions[\(index)]"
        let id = peekID(node)
        let entity = id.map { "position \($0)" }
        guard
            let view = object(
                node, path: path, entity: entity,
                known: [
                    "id", "unit", "title", "leadership", "requirements", "incumbent", "mustFill", "weight",
                ])
        else { return nil }
        let identifier = self.identifier(view, "id", required: true)
        let unit = self.identifier(view, "unit", required: true)
        let title = string(view, "title", required: true, what: "a title such as \"secretary\"")
        let leadership = bool(view, "leadership", default: true)
        let incumbent = self.identifier(view, "incumbent", required: false)
        let mustFill = bool(view, "mustFill", default: false)
        let weight = number(view, "weight", required: false, range: 0...1000, what: "a weight") ?? 1
        var requirements = Requirements()
        if let node = view.node("requirements") {
            if let req = object(
                node, path: view.childPath("requirements"), entity: entity,
                known: ["minEducation", "fields", "minRating", "maxAge"])
            {
                requirements.minEducation = choice(req, "minEducation", required: false, as: EducationLevel.self)
                requirements.fields = stringList(req, "fields", what: "a field name")
                requirements.minRating = number(req, "minRating", required: false, range: 0...100, what: "a rating")
                requirements.maxAge = integer(req, "maxAge", required: false, range: 18...100, what: "an age")
            }
        }
        guard let identifier else { return nil }
        return Located(
            value: Position(
                id: identifier, unit: unit ?? "", title: title ?? "", leadership: leadership, requirements: requirements,
                incumbent: incumbent, mustFill: mustFill, weight: weight),
            path: path, location: node.location, view: view)
    }

    mutating func cadre(_ node: JSONNode, index: Int, planningYear: Int?) -> Located<Cadre>? {
        let path = "cadres[\(index)]"
        let id = peekID(node)
        guard
            let view = object(
                node, path: path, entity: id.map { "cadre \($0)" },
                known: [
                    "id", "name", "gender", "birthYear", "homeLocality", "education", "fields", "rating", "yearsInPost",
                    "plannedFor", "locked", "relatives",
                ])
        else { return nil }
        let identifier = self.identifier(view, "id", required: true)
        let name = string(view, "name", required: true, what: "the cadre's full name")
        let gender = choice(view, "gender", required: true, as: Gender.self)
        // Ages between 18 and 100 in the planning year; anything else is a typo in the year.
        let yearRange = planningYear.map { ($0 - 100)...($0 - 18) } ?? 1800...2200
        let birthYear = integer(view, "birthYear", required: true, range: yearRange, what: "a birth year")
        let home = self.identifier(view, "homeLocality", required: true)
        let education = choice(view, "education", required: true, as: EducationLevel.self)
        let fields = stringList(view, "fields", what: "a field name")
        let rating = number(view, "rating", required: true, range: 0...100, what: "a rating")
        let yearsInPost = integer(view, "yearsInPost", required: false, range: 0...60, what: "a number of years") ?? 0
        let plannedFor = stringList(view, "plannedFor", what: "a title, title@locality or post:POSITION-ID")
        let locked = bool(view, "locked", default: false)
        let relatives = stringList(view, "relatives", what: "a cadre id")
        guard let identifier else { return nil }
        return Located(
            value: Cadre(
                id: identifier, name: name ?? "", gender: gender ?? .male, birthYear: birthYear ?? 0, homeLocality: home ?? "",
                education: education ?? .bachelor, fields: fields, rating: rating ?? 0, yearsInPost: yearsInPost,
                plannedFor: plannedFor, locked: locked, relatives: relatives),
            path: path, location: node.location, view: view)
    }

    mutating func pair(_ node: JSONNode, path: String) -> Located<AssignmentPair>? {
        guard let view = object(node, path: path, known: ["cadre", "position"]) else { return nil }
        let cadre = identifier(view, "cadre", required: true)
        let position = identifier(view, "position", required: true)
        guard let cadre, let position else { return nil }
        return Located(value: AssignmentPair(cadre: cadre, position: position), path: path, location: node.location, view: view)
    }

    mutating func objective(_ node: JSONNode) -> ObjectiveWeights {
        var weights = ObjectiveWeights()
        guard let view = object(node, path: "objective", known: ["rating", "fieldMatch", "continuity", "movePrice", "vacancyPrice"]) else {
            return weights
        }
        let range = 0.0...1e6
        weights.rating = number(view, "rating", required: false, range: range, what: "a weight") ?? weights.rating
        weights.fieldMatch = number(view, "fieldMatch", required: false, range: range, what: "a weight") ?? weights.fieldMatch
        weights.continuity = number(view, "continuity", required: false, range: range, what: "a weight") ?? weights.continuity
        weights.movePrice = number(view, "movePrice", required: false, range: range, what: "a price") ?? weights.movePrice
        weights.vacancyPrice = number(view, "vacancyPrice", required: false, range: range, what: "a price") ?? weights.vacancyPrice
        return weights
    }
}

/// A value read from the file, with where it came from, for cross-reference messages.
struct Located<Value> {
    var value: Value
    var path: String
    var location: SourceLocation
    var view: ObjectView

    func location(of key: String) -> SourceLocation { view.node(key)?.location ?? location }
}
