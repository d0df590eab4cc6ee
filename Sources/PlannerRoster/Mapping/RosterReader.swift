import Foundation

/// Reads an office's roster (an .xlsx workbook, or a folder of CSV files) into a scenario
/// (docs/roster-format.md): every table found by its sheet or file name, every column by its
/// header, every word through the round's vocabulary. Every problem is reported at once, each
/// with its file, sheet, row and column, and nothing is guessed: an unknown title is an error
/// with the nearest known one, never a silent change of who is appointed.
public enum RosterReader {
    /// Whether `path` names a roster rather than a scenario file: a workbook, or a folder.
    public static func isRoster(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { return true }
        let lowered = path.lowercased()
        return [".xlsx", ".xlsm", ".csv", ".tsv", ".xls", ".ods"].contains { lowered.hasSuffix($0) }
    }

    /// The settings file a roster is read with when none is named: `policy.json` in a roster
    /// folder, `NAME.policy.json` beside a workbook `NAME.xlsx`.
    public static func defaultSettingsPath(for path: String) -> String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            return (path as NSString).appendingPathComponent("policy.json")
        }
        return (path as NSString).deletingPathExtension + ".policy.json"
    }

    /// Reads the roster at `path` with the settings at `settingsPath` (by default
    /// `defaultSettingsPath`, used when it exists).
    public static func load(
        path: String, settingsPath: String? = nil, columnNamesPath: String? = nil
    ) throws(ScenarioError)
        -> ScenarioReader.Result
    {
        let tables: [Table]
        do {
            tables = try TableSource.read(path: path)
        } catch {
            switch error {
            case .unreadable(let file, let reason): throw .unreadable(file: file, reason: reason)
            case .invalid(let problems): throw .roster(file: path, problems: problems)
            }
        }
        let settingsFile = settingsPath ?? defaultSettingsPath(for: path)
        var settings: Data?
        if settingsPath != nil || FileManager.default.fileExists(atPath: settingsFile) {
            guard let data = FileManager.default.contents(atPath: settingsFile) else {
                throw .unreadable(file: settingsFile, reason: "the roster's settings file cannot be read")
            }
            settings = data
        }
        let namesFile = columnNamesPath ?? RosterColumnNames.defaultPath(for: path)
        var names = RosterColumnNames()
        var namesRead = false
        if columnNamesPath != nil || FileManager.default.fileExists(atPath: namesFile) {
            guard let data = FileManager.default.contents(atPath: namesFile) else {
                throw .unreadable(file: namesFile, reason: "the roster's column names file cannot be read")
            }
            let read = RosterColumnNames.read(data, file: namesFile)
            if !read.problems.isEmpty { throw .roster(file: path, problems: read.problems) }
            names = read.names
            namesRead = true
        }
        var result = try read(tables: tables, roster: path, settings: settings, settingsFile: settingsFile, columnNames: names)
        result.files =
            [path] + (settings == nil ? [] : [settingsFile]) + (namesRead ? [namesFile] : [])
            + Set(tables.map(\.file)).subtracting([path]).sorted()
        return result
    }

    /// Reads tables already read from `roster`, with settings JSON from `settingsFile`.
    public static func read(
        tables: [Table], roster: String, settings: Data?, settingsFile: String, columnNames: RosterColumnNames = RosterColumnNames()
    ) throws(ScenarioError) -> ScenarioReader.Result {
        let peeked = settings.map(ScenarioReader.peekSettings)
        var mapping = RosterMapping(
            roster: roster, vocabulary: Vocabulary.standard.extended(by: peeked?.vocabulary ?? nil), names: columnNames)
        let entities = mapping.map(tables, settingsYear: peeked?.planningYear ?? nil, settingsFile: settings == nil ? nil : settingsFile)
        guard let entities else { throw .roster(file: roster, problems: mapping.problems) }
        // The round's own checks run even when cells were wrong, so that every problem is listed
        // at once; a cell already reported is not reported again for the value put in its place.
        let assembled = try ScenarioReader.assemble(entities: entities, settings: settings, settingsFile: settingsFile)
        var problems = mapping.problems
        let reported = Set(mapping.problems.map { "\($0.file)|\($0.sheet ?? "")|\($0.row ?? 0)|\($0.column ?? "")" })
        for found in assembled.entityProblems {
            let place = mapping.place(found)
            if !reported.contains("\(place.file)|\(place.sheet ?? "")|\(place.row ?? 0)|\(place.column ?? "")") { problems.append(place) }
        }
        problems += assembled.settingsProblems.map { found in
            RosterProblem(file: settingsFile, row: found.location?.line, column: found.path, message: found.message)
        }
        guard var result = assembled.result, problems.isEmpty else { throw .roster(file: roster, problems: problems) }
        result.warnings = result.warnings.map { warning in
            let place = mapping.place(warning)
            return ScenarioProblem(path: place.placeDescription, location: nil, entity: warning.entity, message: warning.message)
        }
        return result
    }
}

extension RosterProblem {
    /// Where the problem is, without its message: for a warning's path.
    var placeDescription: String {
        var place = file
        if let sheet { place += ", sheet \"\(sheet)\"" }
        if let row { place += ", row \(row)" }
        if let column { place += ", column \"\(column)\"" }
        return place
    }
}

/// Where an entity came from: its table and row, and the header of each of its columns.
struct RowOrigin {
    var file: String
    var sheet: String?
    var row: Int
    var headers: [String: String]
}

/// One table of the roster, its kind known and its header row found.
struct RosterTable {
    var kind: RosterSchema.TableKind
    var table: Table
    /// Column key → column index.
    var columns: [String: Int]
    /// Column key → the header as the sheet writes it.
    var headers: [String: String]
    /// The rows below the header row.
    var rows: [TableRow]
}

/// The state of one roster's reading: the problems found, and where each entity came from.
struct RosterMapping {
    let roster: String
    let vocabulary: Vocabulary
    let words: Vocabulary.Index
    let names: RosterColumnNames
    var problems: [RosterProblem] = []
    var origins: [String: [RowOrigin]] = [:]

    init(roster: String, vocabulary: Vocabulary, names: RosterColumnNames = RosterColumnNames()) {
        self.roster = roster
        self.vocabulary = vocabulary
        self.names = names
        words = Vocabulary.Index(vocabulary)
    }

    mutating func problem(_ table: RosterTable?, row: Int?, column key: String?, value: String?, _ message: String) {
        problems.append(
            RosterProblem(
                file: table?.table.file ?? roster, sheet: table?.table.sheet, row: row,
                column: key.map { table?.headers[$0] ?? $0 }, value: value, message: message))
    }

    // MARK: Finding the tables

    /// The kind a table's name says, if any.
    func tableKind(named name: String) -> RosterSchema.TableKind? {
        let folded = RosterSchema.folded(name)
        return RosterSchema.TableKind.allCases.first { kind in names.tableNames(kind).contains { RosterSchema.folded($0) == folded } }
    }

    /// Column keys by folded header, for one kind.
    func headerIndex(_ kind: RosterSchema.TableKind) -> [String: String] {
        var index: [String: String] = [:]
        // An office's own names first: they may reuse a built-in header for another column.
        for (key, headers) in names.columns[kind] ?? [:] {
            for header in headers { index[RosterSchema.folded(header)] = key }
        }
        for column in kind.columns {
            for header in column.headers where index[RosterSchema.folded(header)] == nil { index[RosterSchema.folded(header)] = column.key }
        }
        return index
    }

    /// The header row of a table of this kind: the first of its first 20 rows that names every
    /// required column (a sheet often has a title and a date above its header).
    func headerRow(_ table: Table, kind: RosterSchema.TableKind) -> Int? {
        let index = headerIndex(kind)
        for (offset, row) in table.rows.prefix(20).enumerated() {
            let keys = Set(row.cells.compactMap { index[RosterSchema.folded($0.text)] })
            if kind.required.allSatisfy(keys.contains) { return offset }
        }
        return nil
    }

    mutating func classify(_ tables: [Table]) -> [RosterSchema.TableKind: RosterTable] {
        var found: [RosterSchema.TableKind: RosterTable] = [:]
        for table in tables {
            let name = table.sheet ?? ((table.file as NSString).lastPathComponent as NSString).deletingPathExtension
            var candidate: RosterSchema.TableKind? = tableKind(named: name)
            if candidate == nil {
                // A table not named as the roster names them is taken by its headers, when they
                // are those of exactly one kind; a hidden sheet only by its name.
                guard !table.hidden else { continue }
                let matching = RosterSchema.TableKind.allCases.filter { headerRow(table, kind: $0) != nil }
                guard matching.count == 1 else { continue }
                candidate = matching[0]
            }
            guard let kind = candidate else { continue }
            guard let header = headerRow(table, kind: kind) else {
                let expected = kind.required.compactMap { key in kind.columns.first { $0.key == key }?.headers.first }
                problems.append(
                    RosterProblem(
                        file: table.file, sheet: table.sheet,
                        message: "no header row among the first 20 rows: a \(kind.rawValue) table needs the columns "
                            + expected.map { "\"\($0)\"" }.joined(separator: ", ")))
                continue
            }
            if let first = found[kind] {
                problems.append(
                    RosterProblem(
                        file: table.file, sheet: table.sheet,
                        message:
                            "a second \(kind.rawValue) table (the first is \(first.table.sheet.map { "sheet \"\($0)\"" } ?? first.table.file))"
                    ))
                continue
            }
            let index = headerIndex(kind)
            let headerLine = table.rows[header]
            var columns: [String: Int] = [:]
            var headers: [String: String] = [:]
            let known = names.allColumns(kind).flatMap(\.headers)
            for (column, cell) in headerLine.cells.enumerated() {
                let text = cell.text.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                if let key = index[RosterSchema.folded(text)] {
                    if columns[key] != nil {
                        problems.append(
                            RosterProblem(
                                file: table.file, sheet: table.sheet, row: headerLine.number, column: text,
                                message: "a second column for \(key) (the first is \"\(headers[key] ?? key)\")"))
                    } else {
                        columns[key] = column
                        headers[key] = text
                    }
                } else if let near = KeySuggestion.nearest(to: RosterSchema.folded(text), among: known.map(RosterSchema.folded)),
                    let header = known.first(where: { RosterSchema.folded($0) == near })
                {
                    // Other columns (notes, phone numbers) are left alone; one a letter away from
                    // a known header is a typo that would silently drop the column.
                    problems.append(
                        RosterProblem(
                            file: table.file, sheet: table.sheet, row: headerLine.number, column: text,
                            message: "not a column of the \(kind.rawValue) table; did you mean \"\(header)\"?"))
                }
            }
            let rows = Array(table.rows[(header + 1)...]).filter { row in !row.cells.allSatisfy { $0 == .empty } }
            for range in table.mergedRanges {
                if let first = Self.firstRow(ofRange: range), first > headerLine.number {
                    problems.append(
                        RosterProblem(
                            file: table.file, sheet: table.sheet, row: first, column: range,
                            message: "merged cells hold one value for several rows or columns: unmerge them and fill each cell"))
                }
            }
            found[kind] = RosterTable(kind: kind, table: table, columns: columns, headers: headers, rows: rows)
        }
        return found
    }

    /// The first row of a range such as "B3:D5".
    static func firstRow(ofRange range: String) -> Int? {
        let first = range.split(separator: ":").first.map(String.init) ?? range
        return Int(first.drop { $0.isLetter })
    }

    // MARK: Cells

    /// A cell's text, trimmed and composed; nil when empty. An error cell is reported.
    mutating func text(_ table: RosterTable, _ row: TableRow, _ key: String) -> String? {
        guard let column = table.columns[key] else { return nil }
        let cell = row[column]
        if case .error(let code) = cell {
            problem(table, row: row.number, column: key, value: code, "the cell's formula gives an error, not a value")
            return nil
        }
        let text = cell.text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        return text.isEmpty ? nil : text
    }

    mutating func required(_ table: RosterTable, _ row: TableRow, _ key: String, what: String) -> String? {
        guard let text = text(table, row, key) else {
            if table.columns[key] != nil || table.kind.required.contains(key) {
                problem(table, row: row.number, column: key, value: nil, "empty: \(what) is required")
            }
            return nil
        }
        return text
    }

    /// A number: a number cell, or text in either decimal notation ("72.5", "72,5").
    mutating func number(_ table: RosterTable, _ row: TableRow, _ key: String, what: String) -> Double? {
        guard let column = table.columns[key] else { return nil }
        if case .number(let value, _) = row[column] { return value }
        guard let text = text(table, row, key) else { return nil }
        let normal = text.contains(".") ? text.replacingOccurrences(of: ",", with: "") : text.replacingOccurrences(of: ",", with: ".")
        guard let value = Double(normal), value.isFinite else {
            problem(table, row: row.number, column: key, value: text, "expected \(what), a number")
            return nil
        }
        return value
    }

    mutating func integer(_ table: RosterTable, _ row: TableRow, _ key: String, what: String) -> Int? {
        guard let value = number(table, row, key, what: what) else { return nil }
        guard value == value.rounded(), abs(value) < 1e9 else {
            problem(table, row: row.number, column: key, value: String(value), "expected \(what), a whole number")
            return nil
        }
        return Int(value)
    }

    /// Yes or no: "Có"/"Không", "x"/empty, yes/no, true/false, 1/0.
    mutating func flag(_ table: RosterTable, _ row: TableRow, _ key: String) -> Bool {
        guard let column = table.columns[key] else { return false }
        if case .bool(let value) = row[column] { return value }
        guard let text = text(table, row, key) else { return false }
        switch RosterSchema.folded(text) {
        case "co", "x", "yes", "y", "true", "1", "dung": return true
        case "khong", "no", "n", "false", "0", "sai", "": return false
        default:
            problem(table, row: row.number, column: key, value: text, "expected \"Có\" or \"Không\" (yes or no)")
            return false
        }
    }

    /// A year: a number, a date cell, or a date written as text (dd/mm/yyyy or yyyy-mm-dd).
    mutating func year(_ table: RosterTable, _ row: TableRow, _ key: String, planningYear: Int?) -> Int? {
        guard let column = table.columns[key] else { return nil }
        var year: Int?
        switch row[column] {
        case .date(let y, _, _): year = y
        case .number(let value, _) where value == value.rounded() && value >= 1000 && value < 10_000: year = Int(value)
        default:
            guard let text = text(table, row, key) else {
                problem(table, row: row.number, column: key, value: nil, "empty: the year of birth is required")
                return nil
            }
            let parts = text.split(whereSeparator: { "/-. ".contains($0) }).map(String.init)
            year = parts.compactMap { Int($0) }.first { $0 >= 1000 && $0 < 10_000 }
            if year == nil || parts.count == 2 || parts.count > 3 {
                problem(table, row: row.number, column: key, value: text, "expected a year (1975) or a date (15/03/1975)")
                return nil
            }
        }
        if let year, let planningYear, year > planningYear {
            problem(table, row: row.number, column: key, value: String(year), "a date after the planning year \(planningYear)")
            return nil
        }
        return year
    }

    /// A word of the vocabulary, by id or label in either language.
    mutating func word(_ table: RosterTable, _ row: TableRow, _ key: String, kind: Vocabulary.Kind, text: String) -> String? {
        if let word = words.word(kind, matching: text) { return word.id }
        var message = "not a \(kind.noun) in Vietnamese or English"
        if let near = vocabulary.nearest(kind, to: text) { message += "; did you mean \"\(near.vi)\" (\(near.en))?" }
        message += kind == .title || kind == .field ? "; a round's own words go in the settings' \"vocabulary\"" : ""
        problem(table, row: row.number, column: key, value: text, message)
        return nil
    }

    /// The items of a list cell: separated by ';' or new lines.
    mutating func list(_ table: RosterTable, _ row: TableRow, _ key: String) -> [String] {
        guard let text = text(table, row, key) else { return [] }
        return text.split(whereSeparator: { $0 == RosterSchema.listSeparator || $0.isNewline })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
