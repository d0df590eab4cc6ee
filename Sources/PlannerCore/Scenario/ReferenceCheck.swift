/// Checks that ids are unique and every reference resolves, once all entities are read.
struct ReferenceCheck {
    let localities: [Located<Locality>]
    let units: [Located<OrgUnit>]
    let positions: [Located<Position>]
    let cadres: [Located<Cadre>]
    let pinned: [Located<AssignmentPair>]
    let forbidden: [Located<AssignmentPair>]
    var problems: [ScenarioProblem] = []

    init(
        localities: [Located<Locality>], units: [Located<OrgUnit>], positions: [Located<Position>], cadres: [Located<Cadre>],
        pinned: [Located<AssignmentPair>], forbidden: [Located<AssignmentPair>]
    ) {
        self.localities = localities
        self.units = units
        self.positions = positions
        self.cadres = cadres
        self.pinned = pinned
        self.forbidden = forbidden
    }

    private mutating func add(_ path: String, _ location: SourceLocation, _ entity: String?, _ message: String) {
        problems.append(ScenarioProblem(path: path, location: location, entity: entity, message: message))
    }

    /// Ids of one kind, with duplicates reported at their second occurrence.
    private mutating func index<T>(_ items: [Located<T>], kind: String, id: (T) -> String) -> Set<String> {
        var firstPath: [String: String] = [:]
        for item in items {
            let key = id(item.value)
            if let first = firstPath[key] {
                add("\(item.path).id", item.location(of: "id"), "\(kind) \(key)", "duplicate \(kind) id \"\(key)\" (first at \(first))")
            } else {
                firstPath[key] = item.path
            }
        }
        return Set(firstPath.keys)
    }

    /// Each kind's ids in order, sorted once, not once per unknown reference: a file with
    /// thousands of them spent its time sorting.
    private var sortedIDs: [String: [String]] = [:]

    private mutating func unknown(_ kind: String, _ id: String, among ids: Set<String>) -> String {
        var message = "\(kind) \"\(id)\" does not exist"
        let sorted = sortedIDs[kind] ?? ids.sorted()
        sortedIDs[kind] = sorted
        if let suggestion = KeySuggestion.nearest(to: id, among: sorted) { message += "; did you mean \"\(suggestion)\"?" }
        return message
    }

    mutating func run() -> [ScenarioProblem] {
        let localityIDs = index(localities, kind: "locality", id: \.id)
        let unitIDs = index(units, kind: "unit", id: \.id)
        let positionIDs = index(positions, kind: "position", id: \.id)
        let cadreIDs = index(cadres, kind: "cadre", id: \.id)

        var parent: [String: String] = [:]
        for item in localities {
            guard let within = item.value.within else { continue }
            if !localityIDs.contains(within) {
                add(
                    "\(item.path).within", item.location(of: "within"), "locality \(item.value.id)",
                    unknown("locality", within, among: localityIDs))
            } else {
                parent[item.value.id] = within
            }
        }
        // Each locality on a cycle is named, with the cycle; one that only lies within a cycle's
        // member is not (a review's two-locality cycle was reported at all 13 localities).
        for item in localities {
            var seen: Set<String> = [item.value.id]
            var chain = [item.value.id]
            var current = item.value.id
            while let next = parent[current] {
                if next == item.value.id {
                    add(
                        "\(item.path).within", item.location(of: "within"), "locality \(item.value.id)",
                        "localities contain each other in a cycle: " + (chain + [next]).joined(separator: " → "))
                    break
                }
                if seen.contains(next) { break }
                seen.insert(next)
                chain.append(next)
                current = next
            }
        }
        for item in units where !item.value.locality.isEmpty && !localityIDs.contains(item.value.locality) {
            add(
                "\(item.path).locality", item.location(of: "locality"), "unit \(item.value.id)",
                unknown("locality", item.value.locality, among: localityIDs))
        }
        var incumbentOf: [String: String] = [:]
        for item in positions {
            let entity = "position \(item.value.id)"
            if !item.value.unit.isEmpty && !unitIDs.contains(item.value.unit) {
                add("\(item.path).unit", item.location(of: "unit"), entity, unknown("unit", item.value.unit, among: unitIDs))
            }
            if let incumbent = item.value.incumbent {
                if !cadreIDs.contains(incumbent) {
                    add("\(item.path).incumbent", item.location(of: "incumbent"), entity, unknown("cadre", incumbent, among: cadreIDs))
                } else if let other = incumbentOf[incumbent] {
                    add(
                        "\(item.path).incumbent", item.location(of: "incumbent"), entity,
                        "cadre \"\(incumbent)\" is already the incumbent of position \"\(other)\"; a cadre holds one post")
                } else {
                    incumbentOf[incumbent] = item.value.id
                }
            }
        }
        for item in cadres {
            let entity = "cadre \(item.value.id)"
            if !item.value.homeLocality.isEmpty && !localityIDs.contains(item.value.homeLocality) {
                add(
                    "\(item.path).homeLocality", item.location(of: "homeLocality"), entity,
                    unknown("locality", item.value.homeLocality, among: localityIDs))
            }
            for (offset, entry) in item.value.plannedFor.enumerated() {
                let planning = PlanningEntry(entry)
                if let post = planning.position {
                    if !positionIDs.contains(post) {
                        add(
                            "\(item.path).plannedFor[\(offset)]", item.location(of: "plannedFor"), entity,
                            unknown("position", post, among: positionIDs))
                    }
                } else if planning.title.isEmpty {
                    add(
                        "\(item.path).plannedFor[\(offset)]", item.location(of: "plannedFor"), entity,
                        "\"\(entry)\" names no title; write a title, or a title@locality")
                } else if let locality = planning.locality, !localityIDs.contains(locality) {
                    add(
                        "\(item.path).plannedFor[\(offset)]", item.location(of: "plannedFor"), entity,
                        unknown("locality", locality, among: localityIDs))
                }
            }
            for (offset, relative) in item.value.relatives.enumerated() {
                if relative == item.value.id {
                    add("\(item.path).relatives[\(offset)]", item.location(of: "relatives"), entity, "a cadre cannot be their own relative")
                } else if !cadreIDs.contains(relative) {
                    add(
                        "\(item.path).relatives[\(offset)]", item.location(of: "relatives"), entity,
                        unknown("cadre", relative, among: cadreIDs))
                }
            }
            if item.value.yearsInPost > 0 && incumbentOf[item.value.id] == nil {
                add(
                    "\(item.path).yearsInPost", item.location(of: "yearsInPost"), entity,
                    "cadre holds no post in this scenario, so yearsInPost must be 0 (found \(item.value.yearsInPost))")
            }
        }
        checkPairs(pinned, kind: "pinned", positionIDs: positionIDs, cadreIDs: cadreIDs, exclusive: true)
        checkPairs(forbidden, kind: "forbidden", positionIDs: positionIDs, cadreIDs: cadreIDs, exclusive: false)
        let pinnedSet = Set(pinned.map(\.value))
        for item in forbidden where pinnedSet.contains(item.value) {
            add(
                item.path, item.location, "cadre \(item.value.cadre)",
                "the assignment of \(item.value.cadre) to \(item.value.position) is both pinned and forbidden")
        }
        return problems
    }

    private mutating func checkPairs(
        _ pairs: [Located<AssignmentPair>], kind: String, positionIDs: Set<String>, cadreIDs: Set<String>, exclusive: Bool
    ) {
        var cadreSeen: [String: String] = [:]
        var positionSeen: [String: String] = [:]
        for item in pairs {
            let entity = "cadre \(item.value.cadre)"
            if !cadreIDs.contains(item.value.cadre) {
                add("\(item.path).cadre", item.location(of: "cadre"), nil, unknown("cadre", item.value.cadre, among: cadreIDs))
            }
            if !positionIDs.contains(item.value.position) {
                add(
                    "\(item.path).position", item.location(of: "position"), nil,
                    unknown("position", item.value.position, among: positionIDs))
            }
            guard exclusive else { continue }
            if let other = cadreSeen[item.value.cadre] {
                add(item.path, item.location, entity, "cadre \(item.value.cadre) is \(kind) to two posts (also \(other))")
            }
            if let other = positionSeen[item.value.position] {
                add(
                    item.path, item.location, "position \(item.value.position)",
                    "position \(item.value.position) is \(kind) to two cadres (also \(other))")
            }
            cadreSeen[item.value.cadre] = item.value.position
            positionSeen[item.value.position] = item.value.cadre
        }
    }
}
