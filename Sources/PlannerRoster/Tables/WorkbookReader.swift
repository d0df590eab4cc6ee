import Foundation
import XMLCoder
import ZIPFoundation

/// Reads an Excel workbook (.xlsx, as Excel, LibreOffice and report generators write it): every
/// worksheet as a table, in the workbook's order, hidden ones marked.
///
/// An .xlsx file is a zip archive of XML parts: `xl/workbook.xml` lists the sheets, its
/// relationships (`xl/_rels/workbook.xml.rels`) name each sheet's part, `sharedStrings.xml` holds
/// the texts cells point to, `styles.xml` the number formats that make a number a date. The
/// small parts are decoded with XMLCoder; the sheets' cells with a streaming parser (see
/// `WorksheetParser` for why and the figure).
public enum WorkbookReader {
    /// What all the parts together may inflate to. A roster workbook of 4,300 cadres is about
    /// 10 MiB of XML; a zip bomb is gigabytes from a few kilobytes.
    public static let maximumInflatedBytes = 256 << 20

    /// The workbook's worksheets as tables, in the workbook's order.
    public static func read(path: String) throws(RosterError) -> [Table] {
        try read(path: path, maximumInflatedBytes: maximumInflatedBytes)
    }

    /// As `read(path:)`, refusing a workbook whose parts inflate over `maximumInflatedBytes`.
    public static func read(path: String, maximumInflatedBytes: Int) throws(RosterError) -> [Table] {
        let parts = try WorkbookParts(path: path, maximumInflatedBytes: maximumInflatedBytes)
        let workbookPath = try parts.workbookPartPath()
        guard let workbookData = try parts.data(at: workbookPath) else {
            throw .unreadable(
                file: path, reason: "it is a zip archive but not an Excel workbook (it has no xl/workbook.xml); save it as .xlsx")
        }
        let workbook = try parts.decode(WorkbookXML.self, from: workbookData, part: workbookPath)
        let folder = parentFolder(of: workbookPath)
        let relationships = try parts.relationships(of: workbookPath)

        func target(ofType type: String) -> String? {
            relationships.first { $0.type.hasSuffix("/" + type) && $0.targetMode != "External" }
                .map { resolve($0.target, from: folder) }
        }

        var sharedStrings: [String] = []
        if let stringsPath = target(ofType: "sharedStrings"), let data = try parts.data(at: stringsPath) {
            sharedStrings = try parts.decode(SharedStringsXML.self, from: data, part: stringsPath).items.map(\.text)
        }
        var dateStyles: [Bool] = []
        if let stylesPath = target(ofType: "styles"), let data = try parts.data(at: stylesPath) {
            dateStyles = try parts.decode(StylesXML.self, from: data, part: stylesPath).dateStyles
        }
        let date1904 = ["1", "true"].contains(workbook.properties?.date1904?.lowercased() ?? "")

        var tables: [Table] = []
        for sheet in workbook.sheets?.sheets ?? [] {
            guard let relationship = relationships.first(where: { $0.id == sheet.relationshipID }) else {
                throw .unreadable(
                    file: path, reason: "sheet \"\(sheet.name)\" has no part in the workbook (the file is damaged; open and save it again)")
            }
            // Chart sheets and old macro sheets are listed with the worksheets but hold no cells.
            guard relationship.type.hasSuffix("/worksheet") else { continue }
            let sheetPath = resolve(relationship.target, from: folder)
            guard let sheetData = try parts.data(at: sheetPath) else {
                throw .unreadable(
                    file: path,
                    reason: "sheet \"\(sheet.name)\": its part \(sheetPath) is missing (the file is damaged; open and save it again)")
            }
            let parsed = try WorksheetParser.parse(
                sheetData,
                context: .init(file: path, sheet: sheet.name, sharedStrings: sharedStrings, dateStyles: dateStyles, date1904: date1904))
            let hidden = ["hidden", "veryhidden"].contains(sheet.state?.lowercased() ?? "visible")
            tables.append(Table(file: path, sheet: sheet.name, hidden: hidden, rows: parsed.rows, mergedRanges: parsed.mergedRanges))
        }
        return tables
    }

    // MARK: Dates

    /// The calendar date of an Excel serial number, as Excel shows it (a time of day dropped);
    /// nil when it is no date: before the system's first day (1900-01-01 is serial 1, 1904-01-01
    /// serial 0; under 1 in the 1900 system is a time of day only) or after 9999-12-31. The 1900
    /// system counts a 1900-02-29 that never was (Lotus 1-2-3's leap-year mistake, kept by Excel):
    /// serial 60 is that day, serials under it one day later than days since 1899-12-30 make them.
    /// (LibreOffice writes dates before 1900-03-01 one lower, as days since 1899-12-30: the two
    /// programs disagree there, and no cadre was born then.)
    public static func date(fromSerial serial: Double, date1904: Bool) -> (year: Int, month: Int, day: Int)? {
        guard serial.isFinite, serial >= (date1904 ? 0 : 1), serial < (date1904 ? 2_957_004 : 2_958_466) else { return nil }
        let whole = Int(serial.rounded(.down))
        if date1904 { return civilDate(daysSince1970: daysSince1970(year: 1904, month: 1, day: 1) + whole) }
        if whole == 60 { return (1900, 2, 29) }
        let epoch = whole < 60 ? daysSince1970(year: 1899, month: 12, day: 31) : daysSince1970(year: 1899, month: 12, day: 30)
        return civilDate(daysSince1970: epoch + whole)
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm: no
    /// time zones, no Foundation calendar).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Whether a number format code (`dd/mm/yyyy`) shows a date; see `StylesXML.isDateFormat`.
    public static func isDateFormat(code: String) -> Bool { StylesXML.isDateFormat(code) }

    // MARK: Part paths

    /// A relationship's target as a path inside the archive: absolute ("/xl/worksheets/a.xml")
    /// or relative to the part's folder ("worksheets/a.xml", "../x.xml").
    static func resolve(_ target: String, from folder: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : folder + target
        var segments: [Substring] = []
        for segment in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == ".." {
                _ = segments.popLast()
            } else if segment != "." {
                segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }

    /// "xl/" for "xl/workbook.xml"; "" for a part at the root.
    static func parentFolder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }
}

/// The archive's parts, read on demand within one budget of inflated bytes.
private final class WorkbookParts {
    let file: String
    let archive: Archive
    /// Entries by lower-cased path: some writers differ in case from the names relationships use.
    let entriesByLowercasedPath: [String: Entry]
    let maximumInflatedBytes: Int
    var remainingBytes: Int

    init(path: String, maximumInflatedBytes: Int) throws(RosterError) {
        file = path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw .unreadable(file: path, reason: "no such file")
        }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .unreadable(
                file: path,
                reason:
                    "it is not an Excel workbook: an .xlsx file is a zip archive and this file is not a zip archive; "
                    + "if it is an old .xls file or a CSV file renamed, open it in Excel or LibreOffice and save it as .xlsx")
        }
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            entries[entry.path.lowercased()] = entry
        }
        entriesByLowercasedPath = entries
        self.maximumInflatedBytes = maximumInflatedBytes
        remainingBytes = maximumInflatedBytes
    }

    /// The part's bytes; nil when the archive has no such part.
    func data(at partPath: String) throws(RosterError) -> Data? {
        guard let entry = archive[partPath] ?? entriesByLowercasedPath[partPath.lowercased()] else { return nil }
        let tooBig = RosterError.unreadable(
            file: file,
            reason: "its parts would inflate to over \(CSVTableReader.megabytes(maximumInflatedBytes)): it is not a roster workbook")
        // The declared size refuses a bomb at once; counting what actually inflates refuses one
        // whose header lies.
        if entry.uncompressedSize > UInt64(max(remainingBytes, 0)) { throw tooBig }
        var data = Data()
        var budget = remainingBytes
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, skipCRC32: false) { chunk in
                budget -= chunk.count
                if budget < 0 { throw InflationLimit() }
                data.append(chunk)
            }
        } catch is InflationLimit {
            throw tooBig
        } catch {
            throw .unreadable(file: file, reason: "its part \(partPath) cannot be unpacked (the file is damaged or incomplete)")
        }
        if checksum != entry.checksum {
            throw .unreadable(file: file, reason: "its part \(partPath) is damaged (checksum mismatch); the file may be incomplete")
        }
        remainingBytes = budget
        // No part of a workbook a spreadsheet program writes declares a DTD; one that does can
        // define entities the XML parser expands into other text ("Nguyễn &e; An" read as
        // "Nguyễn ăn An" in a review's file), or reach outside the file.
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw .unreadable(
                file: file,
                reason: "its part \(partPath) declares a DTD, which no spreadsheet program writes: open the workbook and save it again")
        }
        return data
    }

    private struct InflationLimit: Error {}

    /// The workbook part named by the package's relationships (xl/workbook.xml nearly always).
    func workbookPartPath() throws(RosterError) -> String {
        let relationships = try relationships(of: "")
        let officeDocument = relationships.first { $0.type.hasSuffix("/officeDocument") }
        return officeDocument.map { WorkbookReader.resolve($0.target, from: "") } ?? "xl/workbook.xml"
    }

    /// The relationships of a part ("" for the package itself); none when it has no .rels part.
    func relationships(of part: String) throws(RosterError) -> [RelationshipXML] {
        let folder = WorkbookReader.parentFolder(of: part)
        let name = part.isEmpty ? "" : String(part.dropFirst(folder.count))
        let relsPath = folder + "_rels/" + name + ".rels"
        guard let data = try data(at: relsPath) else { return [] }
        return try decode(RelationshipsXML.self, from: data, part: relsPath).relationships ?? []
    }

    func decode<Part: Decodable>(_ type: Part.Type, from data: Data, part: String) throws(RosterError) -> Part {
        let decoder = XMLDecoder()
        // Text keeps its spaces (" Nam" in a rich-text run); whitespace between elements goes.
        decoder.trimValueWhitespaces = false
        decoder.removeWhitespaceElements = true
        do {
            return try decoder.decode(Part.self, from: data)
        } catch {
            throw .unreadable(
                file: file, reason: "its part \(part) is not the XML an Excel workbook has (the file is damaged; open and save it again)")
        }
    }
}

// MARK: The small parts, as XMLCoder decodes them (attributes and child elements alike by name)

struct RelationshipsXML: Decodable {
    let relationships: [RelationshipXML]?
    enum CodingKeys: String, CodingKey { case relationships = "Relationship" }
}

struct RelationshipXML: Decodable {
    let id: String
    let type: String
    let target: String
    let targetMode: String?
    enum CodingKeys: String, CodingKey {
        case id = "Id"
        case type = "Type"
        case target = "Target"
        case targetMode = "TargetMode"
    }
}

struct WorkbookXML: Decodable {
    let properties: Properties?
    let sheets: Sheets?
    enum CodingKeys: String, CodingKey {
        case properties = "workbookPr"
        case sheets
    }

    struct Properties: Decodable {
        let date1904: String?
    }

    struct Sheets: Decodable {
        let sheets: [Sheet]?
        enum CodingKeys: String, CodingKey { case sheets = "sheet" }
    }

    struct Sheet: Decodable {
        let name: String
        let state: String?
        let relationshipID: String
        enum CodingKeys: String, CodingKey {
            case name
            case state
            case relationshipID = "r:id"
        }
    }
}

struct SharedStringsXML: Decodable {
    let items: [Item]
    enum CodingKeys: String, CodingKey { case items = "si" }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        items = try container.decodeIfPresent([Item].self, forKey: .items) ?? []
    }

    /// One string: plain (`<t>`) or rich text, runs (`<r><t>`) each with its own font. Phonetic
    /// guides (`<rPh>`) are not part of the text.
    struct Item: Decodable {
        let plain: TextElement?
        let runs: [Run]?
        enum CodingKeys: String, CodingKey {
            case plain = "t"
            case runs = "r"
        }
        var text: String { (plain?.value ?? "") + (runs ?? []).map { $0.text?.value ?? "" }.joined() }
    }

    struct Run: Decodable {
        let text: TextElement?
        enum CodingKeys: String, CodingKey { case text = "t" }
    }
}

/// A `<t>` element: its text, whatever its attributes (`xml:space="preserve"`).
struct TextElement: Decodable {
    let value: String
    enum CodingKeys: String, CodingKey { case value = "" }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        value = try container.decodeIfPresent(String.self, forKey: .value) ?? ""
    }
}

struct StylesXML: Decodable {
    let numberFormats: NumberFormats?
    let cellFormats: CellFormats?
    enum CodingKeys: String, CodingKey {
        case numberFormats = "numFmts"
        case cellFormats = "cellXfs"
    }

    struct NumberFormats: Decodable {
        let formats: [NumberFormat]?
        enum CodingKeys: String, CodingKey { case formats = "numFmt" }
    }

    struct NumberFormat: Decodable {
        let id: String
        let code: String
        enum CodingKeys: String, CodingKey {
            case id = "numFmtId"
            case code = "formatCode"
        }
    }

    struct CellFormats: Decodable {
        let formats: [CellFormat]?
        enum CodingKeys: String, CodingKey { case formats = "xf" }
    }

    struct CellFormat: Decodable {
        let numberFormatID: String?
        enum CodingKeys: String, CodingKey { case numberFormatID = "numFmtId" }
    }

    /// For each cell format (a cell's `s`), whether its number format shows a date.
    var dateStyles: [Bool] {
        var customIsDate: [Int: Bool] = [:]
        for format in numberFormats?.formats ?? [] {
            if let id = Int(format.id) { customIsDate[id] = StylesXML.isDateFormat(format.code) }
        }
        return (cellFormats?.formats ?? []).map { format in
            guard let id = format.numberFormatID.flatMap({ Int($0) }) else { return false }
            return customIsDate[id] ?? StylesXML.builtInDateFormats.contains(id)
        }
    }

    /// Excel's built-in number formats that show dates or times (ECMA-376 part 1, 18.8.30, and
    /// the East Asian ids 27-36, 50-58).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// Whether a format code shows a date: a day or year placeholder, or a month (`m`) in a code
    /// without hours or seconds (where `m` means minutes), outside quoted text ("..."), brackets
    /// (colours, conditions, locales, elapsed time), escaped characters (\x), padding (_x) and
    /// fill (*x).
    static func isDateFormat(_ code: String) -> Bool {
        var letters = Set<Character>()
        var inQuotes = false
        var inBrackets = false
        var bracketed = ""
        var skipNext = false
        for character in code.lowercased() {
            if skipNext {
                skipNext = false
                continue
            }
            if inQuotes {
                if character == "\"" { inQuotes = false }
                continue
            }
            if inBrackets {
                if character == "]" {
                    inBrackets = false
                    // [h], [mm], [ss]: elapsed time, so an `m` beside it means minutes.
                    if !bracketed.isEmpty, bracketed.allSatisfy({ "hms".contains($0) }) { letters.insert("h") }
                    bracketed = ""
                } else {
                    bracketed.append(character)
                }
                continue
            }
            switch character {
            case "\"": inQuotes = true
            case "[": inBrackets = true
            case "\\", "_", "*": skipNext = true
            default: letters.insert(character)
            }
        }
        if letters.contains("d") || letters.contains("y") { return true }
        return letters.contains("m") && !letters.contains("h") && !letters.contains("s")
    }
}
