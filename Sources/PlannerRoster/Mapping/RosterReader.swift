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
                let missing = !FileManager.default.fileExists(atPath: settingsFile)
                throw .unreadable(
                    file: settingsFile,
                    reason: missing ? "the roster's settings file does not exist" : "the roster's settings file cannot be read")
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
        // A folder's settings file name, beside a workbook that reads another: an office that
        // put its policy there would otherwise plan under the default policy without a word.
        let besideWorkbook = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("policy.json")
        let isWorkbook = [".xlsx", ".xlsm"].contains { path.lowercased().hasSuffix($0) }
        if settings == nil, isWorkbook, FileManager.default.fileExists(atPath: besideWorkbook) {
            result.warnings.append(
                ScenarioProblem(
                    path: besideWorkbook, location: nil, entity: nil,
                    message:
                        "not read: a workbook's settings file is \((settingsFile as NSString).lastPathComponent) beside it (or --settings FILE); the round has the default policy"
                ))
        }
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
            RosterProblem(
                file: settingsFile, column: found.path.isEmpty ? nil : found.path, message: found.message, line: found.location?.line)
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

    /// Problems already listed: a cell read twice (a number's text, then its emptiness) is
    /// reported once.
    var listed: Set<String> = []

    mutating func problem(_ table: RosterTable?, row: Int?, column key: String?, value: String?, _ message: String) {
        let found = RosterProblem(
            file: table?.table.file ?? roster, sheet: table?.table.sheet, row: row,
            column: key.map { table?.headers[$0] ?? $0 }, value: value.map(Self.shown), message: message)
        if listed.insert(found.description).inserted { problems.append(found) }
    }

    /// A value as an error message shows it: at most 80 characters.
    static func shown(_ value: String) -> String {
        value.count <= 80 ? value : String(value.prefix(77)) + "…"
    }

    /// The longest text a cell may hold: a name, a title or a list of fields is far shorter, and
    /// a longer cell is pasted by mistake (and would make every comparison slow).
    static let maximumCellLength = 1000

    /// Suggestions ("did you mean") are looked for on this many unknown references; past them
    /// the problems are listed without, so that a sheet of thousands of broken references is
    /// answered in a second.
    static let suggestionBudget = 200
    var suggestionsMade = 0
    /// Each kind's ids, sorted once for suggestions.
    var sortedIDs: [String: [String]] = [:]
    /// Kinds whose table was found by its name but without a header row (reported as such, not
    /// again as missing).
    var headerless: Set<RosterSchema.TableKind> = []

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
                headerless.insert(kind)
                problems.append(missingHeaders(table, kind: kind))
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

    /// Why a table named as a kind has no header row: the row of its first 20 that names the most
    /// columns, the required columns it lacks, and for each the header it has that is nearest.
    func missingHeaders(_ table: Table, kind: RosterSchema.TableKind) -> RosterProblem {
        let index = headerIndex(kind)
        let best = table.rows.prefix(20).max { a, b in
            Set(a.cells.compactMap { index[RosterSchema.folded($0.text)] }).count
                < Set(b.cells.compactMap { index[RosterSchema.folded($0.text)] }).count
        }
        let found = Set(best?.cells.compactMap { index[RosterSchema.folded($0.text)] } ?? [])
        let unmatched = best?.cells.map(\.text).filter { !$0.isEmpty && index[RosterSchema.folded($0)] == nil } ?? []
        let columns = names.allColumns(kind)
        let missing = kind.required.filter { !found.contains($0) }.map { key -> String in
            let headers = columns.first { $0.key == key }?.headers ?? [key]
            let near = unmatched.first { cell in
                KeySuggestion.nearest(to: RosterSchema.folded(cell), among: headers.map(RosterSchema.folded)) != nil
            }
            return "\"\(headers[0])\"" + (near.map { " (is \"\($0)\" it, misspelt?)" } ?? "")
        }
        return RosterProblem(
            file: table.file, sheet: table.sheet, row: found.isEmpty ? nil : best?.number,
            message: "no header row with every column a \(kind.rawValue) table needs: missing " + missing.joined(separator: ", "))
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
        if cell.text.unicodeScalars.count > Self.maximumCellLength {
            problem(
                table, row: row.number, column: key, value: cell.text,
                "the cell holds \(cell.text.unicodeScalars.count) characters; a roster's cell holds at most \(Self.maximumCellLength)")
            return nil
        }
        var text = cell.text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        // `export` writes a text that a spreadsheet would take for a formula with an apostrophe
        // before it, as a spreadsheet shows text typed so; it is not part of the value. (A text
        // that began with an apostrophe so placed got one more: `CSVText.spreadsheetSafe`.)
        if CSVText.startsEscaped(text) { text.removeFirst() }
        return text.isEmpty ? nil : text
    }

    mutating func required(_ table: RosterTable, _ row: TableRow, _ key: String, what: String) -> String? {
        guard let text = text(table, row, key) else {
            // An error cell or an overlong one was reported as such, not as empty.
            if let column = table.columns[key], row[column].text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == false {
                return nil
            }
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
        guard let value = Self.plainNumber(text) else {
            problem(table, row: row.number, column: key, value: text, "expected \(what): a number such as 78.5 or 78,5")
            return nil
        }
        return value
    }

    /// Digits with at most one decimal point or decimal comma, and a sign: "78.5", "78,5",
    /// "-3". Anything else ("1.234,5", "0x50", "1e2") is refused rather than read as some other
    /// number than the sheet shows.
    static func plainNumber(_ text: String) -> Double? {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts =
            body.split(separator: ".", omittingEmptySubsequences: false).count == 2
            ? body.split(separator: ".", omittingEmptySubsequences: false)
            : body.split(separator: ",", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return nil
        }
        let value = Double(parts.joined(separator: "."))
        return text.first == "-" ? value.map { -$0 } : value
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
                if row[column].text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    problem(table, row: row.number, column: key, value: nil, "empty: the year of birth is required")
                }
                return nil
            }
            year = Self.yearOfDate(text) ?? Self.yearWrittenAsDecimal(text)
            if year == nil {
                problem(
                    table, row: row.number, column: key, value: text,
                    "expected a year (1975) or a date, day first (15/03/1975) or ISO (1975-03-15)")
                return nil
            }
        }
        if let year, let planningYear, year > planningYear {
            problem(table, row: row.number, column: key, value: String(year), "a date after the planning year \(planningYear)")
            return nil
        }
        return year
    }

    /// "1972.0" (or "1972,0"): a year the spreadsheet held as a number, written out as text
    /// with its decimals by an export (a review found it refused).
    static func yearWrittenAsDecimal(_ text: String) -> Int? {
        guard text.wholeMatch(of: /[0-9]{4}[.,]0+/) != nil, let year = Int(text.prefix(4)), year >= 1000 else { return nil }
        return year
    }

    /// The year of "1975", of a date written day first ("15/03/1975", "15-03-1975",
    /// "15.03.1975") or of an ISO date ("1975-03-15"), when the date exists.
    static func yearOfDate(_ text: String) -> Int? {
        let parts = text.split(whereSeparator: { "/-.".contains($0) }).map { String($0) }
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        func valid(day: Int, month: Int, year: Int) -> Int? {
            guard (1...12).contains(month), year >= 1000, year < 10_000 else { return nil }
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            return (1...days).contains(day) ? year : nil
        }
        switch numbers.count {
        case 1 where parts[0].count == 4: return (1000..<10_000).contains(numbers[0]) ? numbers[0] : nil
        case 3 where parts[0].count == 4: return valid(day: numbers[2], month: numbers[1], year: numbers[0])
        case 3 where parts[2].count == 4: return valid(day: numbers[0], month: numbers[1], year: numbers[2])
        default: return nil
        }
    }

    /// A word of the vocabulary, by id or label in either language.
    mutating func word(_ table: RosterTable, _ row: TableRow, _ key: String, kind: Vocabulary.Kind, text: String) -> String? {
        if let word = words.word(kind, matching: text) { return word.id }
        var message = "not \(kind.nounWithArticle) in Vietnamese or English"
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
