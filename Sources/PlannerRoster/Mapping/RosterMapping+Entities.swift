import Foundation

/// The tables' rows as the scenario's entities. References (a post's unit, a cadre's home, an
/// incumbent) are given by id or by name; ids the roster lacks are made from the row's words.
extension RosterMapping {
    /// The round's entities, with the default policy; nil when a table the round needs is
    /// missing. `settingsYear` is the settings file's planning year, which wins over the round
    /// table's.
    mutating func map(_ tables: [Table], settingsYear: Int?, settingsFile: String?) -> Scenario? {
        let found = classify(tables)
        for kind in [RosterSchema.TableKind.units, .positions, .cadres] where found[kind] == nil && !headerless.contains(kind) {
            problems.append(
                RosterProblem(
                    file: roster,
                    message: "no \(kind.rawValue) table: name a sheet or CSV file \"\(kind.names[0])\" (or \"\(kind.names[1])\")"
                        + " with the columns "
                        + kind.required.compactMap { key in kind.columns.first { $0.key == key }?.headers.first }
                        .map { "\"\($0)\"" }.joined(separator: ", ")))
        }
        // The round: its name and planning year.
        var name = ((roster as NSString).lastPathComponent as NSString).deletingPathExtension
        var tableYear: Int?
        var settingRows: [String: TableRow] = [:]
        if let round = found[.round] {
            for row in round.rows {
                guard let setting = text(round, row, "setting") else { continue }
                guard
                    let key = RosterSchema.roundSettings.first(where: {
                        $0.names.contains { RosterSchema.folded($0) == RosterSchema.folded(setting) }
                    })?.key
                else {
                    problem(
                        round, row: row.number, column: "setting", value: setting,
                        "not a setting: use \"Tên kỳ điều động\" or \"Năm kế hoạch\"")
                    continue
                }
                // A setting given twice is an error, not the last row winning: the planning
                // year decides every age, term and retirement of the round.
                // A row without a value gives nothing: neither a setting nor a second one.
                guard let value = text(round, row, "value") else { continue }
                if let first = settingRows[key] {
                    // Compared as what they say: "2026" and "2026,0" are one planning year.
                    let same =
                        key == "planningYear"
                        ? Self.plainNumber(value) != nil && Self.plainNumber(value) == text(round, first, "value").flatMap(Self.plainNumber)
                        : value == text(round, first, "value")
                    if !same {
                        problem(
                            round, row: row.number, column: "value", value: value,
                            "\"\(setting)\" is given again with another value (row \(first.number) says \(text(round, first, "value").map(Self.shown) ?? "nothing")): keep one row"
                        )
                    }
                    continue
                }
                settingRows[key] = row
                if key == "name" { name = text(round, row, "value") ?? name }
                if key == "planningYear" { tableYear = integer(round, row, "value", what: "the planning year") }
            }
        }
        guard let planningYear = settingsYear ?? tableYear else {
            problems.append(
                RosterProblem(
                    file: roster,
                    message: "the roster does not say its planning year: add a sheet \"Thông tin chung\" with a row \"Năm kế hoạch\" | 2026"
                        + (settingsFile.map { ", or \"planningYear\" to \($0)" } ?? "")))
            return nil
        }
        guard let unitsTable = found[.units], let positionsTable = found[.positions], let cadresTable = found[.cadres] else { return nil }

        let localities = mapLocalities(found[.localities], units: unitsTable, cadres: cadresTable)
        let units = mapUnits(unitsTable, localities: localities)
        let cadres = mapCadres(cadresTable, localities: localities, planningYear: planningYear)
        let positions = mapPositions(positionsTable, units: units, cadres: cadres)
        var cadreList = cadres.entities
        mapRelatives(found[.relatives], cadresTable: cadresTable, cadres: cadres, into: &cadreList)
        mapPlanning(
            found[.planning], cadresTable: cadresTable, cadres: cadres, positions: positions, localities: localities, into: &cadreList)
        let pinned = mapPairs(found[.pinned], cadres: cadres, positions: positions)
        let forbidden = mapPairs(found[.forbidden], cadres: cadres, positions: positions)
        return Scenario(
            name: name, planningYear: planningYear, localities: localities.entities, units: units.entities, positions: positions.entities,
            cadres: cadreList, pinned: pinned, forbidden: forbidden)
    }

    /// An entity kind's entities, with their ids by id and by folded name, for references.
    struct Mapped<Entity> {
        var entities: [Entity] = []
        var ids: Set<String> = []
        /// Folded name → ids with that name (several: ambiguous).
        var byName: [String: [String]] = [:]

        /// The id `text` names: an id, or the name of exactly one entity.
        func resolve(_ text: String) -> (id: String?, ambiguous: [String]) {
            if ids.contains(text) { return (text, []) }
            let named = byName[RosterSchema.folded(text)] ?? []
            return named.count == 1 ? (named[0], []) : (nil, named)
        }
    }

    /// Resolves a reference cell, reporting one that names nothing or several.
    mutating func reference<E>(
        _ mapped: Mapped<E>, _ text: String, kind: String, table: RosterTable, row: TableRow, column: String
    ) -> String? {
        let (id, ambiguous) = mapped.resolve(text)
        if let id { return id }
        if !ambiguous.isEmpty {
            problem(
                table, row: row.number, column: column, value: text,
                "\(ambiguous.count) \(kind == "locality" ? "localities" : kind + "s") have this name (\(ambiguous.joined(separator: ", "))): give the id"
            )
        } else {
            var message = "no \(kind) has this id or name"
            if suggestionsMade < Self.suggestionBudget {
                suggestionsMade += 1
                let sorted = sortedIDs[kind] ?? mapped.ids.sorted()
                sortedIDs[kind] = sorted
                if let near = KeySuggestion.nearest(to: text, among: sorted) { message += "; did you mean \"\(near)\"?" }
            }
            problem(table, row: row.number, column: column, value: text, message)
        }
        return nil
    }

    /// The ids of a table's rows: the id column's where given, else made from `words` and
    /// numbered where repeated. Given ids are claimed first, so a made id never takes one.
    /// Each row's id: the one given, or one made from the row's own words (`words` is given the
    /// row's offset in the table and the row). The offset is the row's, not a count of the rows
    /// without an id: counted so, a review's blank id took the first row's birth year and post.
    mutating func ids(_ table: RosterTable, words: (inout RosterMapping, Int, TableRow) -> String?) -> [String?] {
        var registry = IdentifierSlug.Registry()
        let given = table.rows.map { row in text(table, row, "id") }
        // A repeated given id is kept as given: the scenario's checks report it with both rows.
        for id in given.compactMap({ $0 }) { registry.used.insert(id) }
        var ids = given
        let derived = zip(table.rows, given).enumerated().map { offset, pair in pair.1 == nil ? words(&self, offset, pair.0) : nil }
        // Rows whose words give the same id are numbered ("-2", "-3") in the order of their
        // contents, not of the rows: two people of the same name and birth year kept their ids
        // when their rows were swapped (a review's two "Trương Thị Mai, 1983" traded ids, and
        // with them a post). Rows the same in every column are the same to the round.
        let contents = table.rows.map { Self.contentKey(table, $0) }
        let order = table.rows.indices.filter { derived[$0] != nil }.sorted {
            (derived[$0]!, contents[$0], $0) < (derived[$1]!, contents[$1], $1)
        }
        for offset in order { ids[offset] = registry.claim(derived[offset]!) }
        return ids
    }

    /// A row's cells by column key, each trimmed and with its list items sorted: what orders
    /// rows whose words give the same id, whatever the order of the rows, of the columns or of
    /// the items in a cell.
    static func contentKey(_ table: RosterTable, _ row: TableRow) -> String {
        table.columns.sorted { $0.key < $1.key }.map { key, column in
            let text = row[column].text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
            let items = text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "\n" }).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            return key + "=" + items.sorted().joined(separator: ";")
        }.joined(separator: "\u{1F}")
    }

    mutating func record(_ kind: String, _ table: RosterTable, _ row: TableRow) {
        origins[kind, default: []].append(
            RowOrigin(file: table.table.file, sheet: table.table.sheet, row: row.number, headers: table.headers))
    }

    mutating func mapLocalities(_ table: RosterTable?, units: RosterTable, cadres: RosterTable) -> Mapped<Locality> {
        var mapped = Mapped<Locality>()
        if let table {
            let ids = ids(table) { mapping, _, row in mapping.text(table, row, "name").map { IdentifierSlug.slug($0) } }
            var within: [(index: Int, text: String, row: TableRow)] = []
            for (row, id) in zip(table.rows, ids) {
                guard let id else { continue }
                let name = required(table, row, "name", what: "the locality's name") ?? id
                if let parent = text(table, row, "within") { within.append((mapped.entities.count, parent, row)) }
                record("localities", table, row)
                mapped.entities.append(Locality(id: id, name: name))
                mapped.ids.insert(id)
                mapped.byName[RosterSchema.folded(name), default: []].append(id)
            }
            for item in within {
                mapped.entities[item.index].within = reference(
                    mapped, item.text, kind: "locality", table: table, row: item.row, column: "within")
            }
            return mapped
        }
        // No localities table: the places the units and cadres name are the localities, each
        // on its own (a hierarchy needs the table's "Thuộc" column).
        var registry = IdentifierSlug.Registry()
        for (source, key) in [(units, "locality"), (cadres, "homeLocality")] {
            for row in source.rows {
                guard let text = text(source, row, key), mapped.resolve(text).id == nil else { continue }
                let id = registry.claim(IdentifierSlug.slug(text))
                mapped.entities.append(Locality(id: id, name: text))
                origins["localities", default: []].append(
                    RowOrigin(
                        file: source.table.file, sheet: source.table.sheet, row: row.number, headers: ["name": source.headers[key] ?? key]))
                mapped.ids.insert(id)
                mapped.byName[RosterSchema.folded(text), default: []].append(id)
            }
        }
        return mapped
    }

    mutating func mapUnits(_ table: RosterTable, localities: Mapped<Locality>) -> Mapped<OrgUnit> {
        var mapped = Mapped<OrgUnit>()
        let ids = ids(table) { mapping, _, row in mapping.text(table, row, "name").map { "U-" + IdentifierSlug.slug($0) } }
        for (row, id) in zip(table.rows, ids) {
            guard let id else { continue }
            let name = required(table, row, "name", what: "the unit's name") ?? id
            var locality = ""
            if let text = required(table, row, "locality", what: "the unit's locality") {
                locality = reference(localities, text, kind: "locality", table: table, row: row, column: "locality") ?? ""
            }
            let level = integer(table, row, "level", what: "the unit's level (1 the highest)") ?? 1
            record("units", table, row)
            mapped.entities.append(
                OrgUnit(id: id, name: name, locality: locality, grassroots: flag(table, row, "grassroots"), level: level))
            mapped.ids.insert(id)
            mapped.byName[RosterSchema.folded(name), default: []].append(id)
        }
        return mapped
    }

    mutating func mapCadres(_ table: RosterTable, localities: Mapped<Locality>, planningYear: Int) -> Mapped<Cadre> {
        var mapped = Mapped<Cadre>()
        var years: [Int: Int] = [:]
        for (offset, row) in table.rows.enumerated() {
            years[offset] = year(table, row, "birthYear", planningYear: planningYear)
        }
        let ids = ids(table) { mapping, offset, row in
            guard let name = mapping.text(table, row, "name") else { return nil }
            return "C-" + IdentifierSlug.slug(name) + (years[offset].map { "-\($0)" } ?? "")
        }
        for (offset, (row, id)) in zip(table.rows, ids).enumerated() {
            guard let id else { continue }
            let name = required(table, row, "name", what: "the cadre's full name") ?? ""
            let gender = required(table, row, "gender", what: "the cadre's sex").flatMap {
                word(table, row, "gender", kind: .gender, text: $0)
            }
            let home = required(table, row, "homeLocality", what: "the cadre's home locality").flatMap {
                reference(localities, $0, kind: "locality", table: table, row: row, column: "homeLocality")
            }
            let education = required(table, row, "education", what: "the cadre's education").flatMap {
                word(table, row, "education", kind: .education, text: $0)
            }
            let fields = list(table, row, "fields").compactMap { word(table, row, "fields", kind: .field, text: $0) }
            let rating =
                required(table, row, "rating", what: "the rating") == nil ? nil : number(table, row, "rating", what: "the rating, 0 to 100")
            let yearsInPost = integer(table, row, "yearsInPost", what: "years in the post held") ?? 0
            let locked = flag(table, row, "locked")
            record("cadres", table, row)
            // Planning entries and relatives are read once every post and cadre is known.
            mapped.entities.append(
                Cadre(
                    id: id, name: name, gender: gender.flatMap(Gender.init(rawValue:)) ?? .male,
                    birthYear: years[offset] ?? planningYear - 40,
                    homeLocality: home ?? "", education: education.flatMap(EducationLevel.init(rawValue:)) ?? .bachelor, fields: fields,
                    rating: rating ?? 0, yearsInPost: yearsInPost, locked: locked))
            mapped.ids.insert(id)
            mapped.byName[RosterSchema.folded(name), default: []].append(id)
        }
        return mapped
    }

    mutating func mapPositions(_ table: RosterTable, units: Mapped<OrgUnit>, cadres: Mapped<Cadre>) -> Mapped<Position> {
        var mapped = Mapped<Position>()
        var unitOf: [Int: String] = [:]
        var titleOf: [Int: String] = [:]
        for (offset, row) in table.rows.enumerated() {
            if let text = required(table, row, "unit", what: "the post's unit") {
                unitOf[offset] = reference(units, text, kind: "unit", table: table, row: row, column: "unit")
            }
            if let text = required(table, row, "title", what: "the post's title") {
                titleOf[offset] = word(table, row, "title", kind: .title, text: text)
            }
        }
        let ids = ids(table) { _, offset, _ in
            guard let unit = unitOf[offset], let title = titleOf[offset] else { return nil }
            return "P-" + (unit.hasPrefix("U-") ? String(unit.dropFirst(2)) : unit) + "-" + title
        }
        for (offset, (row, id)) in zip(table.rows, ids).enumerated() {
            guard let id else { continue }
            var requirements = Requirements()
            if let text = text(table, row, "minEducation") {
                requirements.minEducation = word(table, row, "minEducation", kind: .education, text: text).flatMap(
                    EducationLevel.init(rawValue:))
            }
            requirements.fields = list(table, row, "fields").compactMap { word(table, row, "fields", kind: .field, text: $0) }
            requirements.minRating = number(table, row, "minRating", what: "the minimum rating, 0 to 100")
            requirements.maxAge = integer(table, row, "maxAge", what: "the maximum age at appointment")
            let incumbent = text(table, row, "incumbent").flatMap {
                reference(cadres, $0, kind: "cadre", table: table, row: row, column: "incumbent")
            }
            let leadership =
                table.columns["leadership"] == nil || text(table, row, "leadership") == nil ? true : flag(table, row, "leadership")
            record("positions", table, row)
            let position = Position(
                id: id, unit: unitOf[offset] ?? "", title: titleOf[offset] ?? "", leadership: leadership, requirements: requirements,
                incumbent: incumbent, mustFill: flag(table, row, "mustFill"),
                weight: number(table, row, "weight", what: "the post's weight") ?? 1)
            mapped.entities.append(position)
            mapped.ids.insert(id)
        }
        return mapped
    }

    mutating func mapRelatives(_ table: RosterTable?, cadresTable: RosterTable, cadres: Mapped<Cadre>, into list: inout [Cadre]) {
        let index = Dictionary(list.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        // The cadres table's own column (ids or names, ';' between them), then the relatives
        // table's rows, one pair each.
        var pairs: [(String, String)] = []
        if cadresTable.columns["relatives"] != nil {
            for (row, cadre) in zip(cadresTable.rows, cadreIDs(cadresTable, cadres)) {
                guard let cadre else { continue }
                for text in self.list(cadresTable, row, "relatives") {
                    if let relative = reference(cadres, text, kind: "cadre", table: cadresTable, row: row, column: "relatives") {
                        pairs.append((cadre, relative))
                    }
                }
            }
        }
        if let table {
            for row in table.rows {
                let a = required(table, row, "cadre", what: "a cadre").flatMap {
                    reference(cadres, $0, kind: "cadre", table: table, row: row, column: "cadre")
                }
                let b = required(table, row, "relative", what: "the relative").flatMap {
                    reference(cadres, $0, kind: "cadre", table: table, row: row, column: "relative")
                }
                if let a, let b {
                    if a == b {
                        problem(table, row: row.number, column: "relative", value: b, "a cadre is not their own relative")
                        continue
                    }
                    pairs.append((a, b))
                }
            }
        }
        for (a, b) in pairs {
            guard let i = index[a] else { continue }
            if !list[i].relatives.contains(b) { list[i].relatives.append(b) }
        }
    }

    /// The id of each row of the cadres table, as `mapCadres` gave it (nil for a row it skipped).
    func cadreIDs(_ table: RosterTable, _ cadres: Mapped<Cadre>) -> [String?] {
        let byRow = Dictionary(
            zip(origins["cadres"] ?? [], cadres.entities).map { ($0.row, $1.id) }, uniquingKeysWith: { first, _ in first })
        return table.rows.map { byRow[$0.number] }
    }

    mutating func mapPlanning(
        _ table: RosterTable?, cadresTable: RosterTable, cadres: Mapped<Cadre>, positions: Mapped<Position>, localities: Mapped<Locality>,
        into list: inout [Cadre]
    ) {
        let index = Dictionary(list.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var entries: [(cadre: String, entry: String)] = []
        if cadresTable.columns["plannedFor"] != nil {
            for (row, cadre) in zip(cadresTable.rows, cadreIDs(cadresTable, cadres)) {
                guard let cadre else { continue }
                for text in self.list(cadresTable, row, "plannedFor") {
                    if let entry = planningEntry(text, table: cadresTable, row: row, positions: positions, localities: localities) {
                        entries.append((cadre, entry))
                    }
                }
            }
        }
        if let table {
            for row in table.rows {
                let cadre = required(table, row, "cadre", what: "a cadre").flatMap {
                    reference(cadres, $0, kind: "cadre", table: table, row: row, column: "cadre")
                }
                for text in self.list(table, row, "plannedFor") {
                    guard let entry = planningEntry(text, table: table, row: row, positions: positions, localities: localities), let cadre
                    else { continue }
                    entries.append((cadre, entry))
                }
            }
        }
        for (cadre, entry) in entries {
            guard let i = index[cadre] else { continue }
            if !list[i].plannedFor.contains(entry) { list[i].plannedFor.append(entry) }
        }
    }

    /// A planning entry: a post's id, a title, or a title within a locality ("Bí thư @ An Lão").
    mutating func planningEntry(
        _ text: String, table: RosterTable, row: TableRow, positions: Mapped<Position>, localities: Mapped<Locality>
    ) -> String? {
        if text.hasPrefix(PlanningEntry.postPrefix) || positions.ids.contains(text) {
            let id = text.hasPrefix(PlanningEntry.postPrefix) ? String(text.dropFirst(PlanningEntry.postPrefix.count)) : text
            guard positions.ids.contains(id) else {
                problem(table, row: row.number, column: "plannedFor", value: text, "no post has this id")
                return nil
            }
            return PlanningEntry.postPrefix + id
        }
        let parts = text.split(separator: "@", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let title = word(table, row, "plannedFor", kind: .title, text: parts[0]) else { return nil }
        guard parts.count == 2 else { return title }
        guard let locality = reference(localities, parts[1], kind: "locality", table: table, row: row, column: "plannedFor") else {
            return nil
        }
        return title + "@" + locality
    }

    mutating func mapPairs(_ table: RosterTable?, cadres: Mapped<Cadre>, positions: Mapped<Position>) -> [AssignmentPair] {
        guard let table else { return [] }
        var pairs: [AssignmentPair] = []
        for row in table.rows {
            let cadre = required(table, row, "cadre", what: "a cadre").flatMap {
                reference(cadres, $0, kind: "cadre", table: table, row: row, column: "cadre")
            }
            let position = required(table, row, "position", what: "a post").flatMap {
                reference(positions, $0, kind: "post", table: table, row: row, column: "position")
            }
            guard let cadre, let position else { continue }
            let pair = AssignmentPair(cadre: cadre, position: position)
            // The same pair on two rows says it once: not a second, conflicting pin.
            guard !pairs.contains(pair) else { continue }
            record(table.kind.rawValue, table, row)
            pairs.append(pair)
        }
        return pairs
    }

    /// Where a problem the scenario's checks found lies in the roster: `cadres[12].rating` is
    /// the cadres table's row of the 13th cadre, in its rating column.
    func place(_ found: ScenarioProblem) -> RosterProblem {
        let path = found.path
        let kind = String(path.prefix { $0 != "[" && $0 != "." })
        guard let open = path.firstIndex(of: "["), let close = path.firstIndex(of: "]"),
            let index = Int(path[path.index(after: open)..<close]),
            let origin = origins[kind]?[safe: index]
        else {
            return RosterProblem(file: roster, column: path.isEmpty ? nil : path, message: rowsNamed(in: found.message))
        }
        let rest = path[path.index(after: close)...].drop { $0 == "." }
        let key = String(rest.prefix { $0 != "[" && $0 != "." })
        let column =
            key.isEmpty ? nil : (origin.headers[key] ?? (key == "relatives" ? "Người thân" : key == "plannedFor" ? "Quy hoạch" : key))
        return RosterProblem(file: origin.file, sheet: origin.sheet, row: origin.row, column: column, message: rowsNamed(in: found.message))
    }

    /// A message of the scenario's checks names other entities by path ("first at cadres[0]"):
    /// the roster's reader names their rows.
    func rowsNamed(in message: String) -> String {
        var result = ""
        var rest = Substring(message)
        let kinds = ["localities", "units", "positions", "cadres", "pinned", "forbidden"]
        while let open = rest.firstIndex(of: "[") {
            let before = rest[..<open]
            guard let kind = kinds.first(where: { before.hasSuffix($0) }), let close = rest[open...].firstIndex(of: "]"),
                let index = Int(rest[rest.index(after: open)..<close]), let origin = origins[kind]?[safe: index]
            else {
                result += rest[...open]
                rest = rest[rest.index(after: open)...]
                continue
            }
            result += before.dropLast(kind.count) + "row \(origin.row)" + (origin.sheet.map { " of sheet \"\($0)\"" } ?? "")
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
