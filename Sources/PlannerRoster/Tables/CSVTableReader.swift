import Foundation
import SwiftCSV

/// Reads one CSV file as Excel and LibreOffice save it: "CSV UTF-8" (with a byte order mark),
/// plain UTF-8, "Unicode text" (UTF-16 with a byte order mark, tab-separated); separated by
/// commas, semicolons (Excel in a locale whose decimal separator is a comma, as Vietnamese) or
/// tabs; lines ending in CRLF or LF.
///
/// SwiftCSV splits the fields. What it accepts without a word is checked here: a row with more
/// cells than the header (an unquoted separator inside a value), and a quote that is never closed
/// (it would swallow the rest of the file into one cell). SwiftCSV also drops spaces at the start
/// of an unquoted field; the roster reader trims values anyway.
public enum CSVTableReader {
    /// A roster of a few thousand cadres is a few megabytes; anything near this is not a roster.
    public static let maximumFileBytes = 64 << 20

    /// The file as one table: its non-empty rows, each numbered by the line on which it starts.
    public static func read(path: String) throws(RosterError) -> Table {
        try read(path: path, maximumBytes: maximumFileBytes)
    }

    /// As `read(path:)`, refusing files over `maximumBytes`.
    public static func read(path: String, maximumBytes: Int) throws(RosterError) -> Table {
        let data = try readBytes(path: path, maximumBytes: maximumBytes)
        let decoded = try decode(data, file: path)
        return try table(text: decoded.text, file: path, defaultSeparator: decoded.isUTF16 ? "\t" : ",")
    }

    /// The table in `text` (already decoded), as `read(path:)` makes it; `file` names it in problems.
    public static func table(text: String, file: String, defaultSeparator: Character = ",") throws(RosterError) -> Table {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let separator = detectSeparator(text, default: defaultSeparator)

        var records: [[String]] = []
        var parseFailed = false
        do {
            // rowLimit 0: SwiftCSV's initializer parses only the header here; every record,
            // header included and without its padding to a rectangle, comes from the enumeration.
            let csv = try EnumeratedCSV(
                string: text, delimiter: CSVDelimiter(unicodeScalarLiteral: separator), loadColumns: false, rowLimit: 0)
            try csv.enumerateAsArray(startAt: 0, rowLimit: nil) { records.append($0) }
        } catch {
            parseFailed = true
        }

        var problems: [RosterProblem] = []
        var rows: [TableRow] = []
        var headerWidth: Int?
        var headerLine = 1
        var line = 1
        for fields in records {
            let startLine = line
            line += 1 + fields.reduce(0) { $0 + newlineCount($1) }
            guard fields.contains(where: { !$0.isEmpty }) else { continue }
            // A title line above the header ("DANH SÁCH CÁN BỘ", one cell, as a script or Notepad
            // writes it) is no header: the first row naming two or more cells is.
            guard let width = headerWidth ?? (fields.filter({ !$0.isEmpty }).count >= 2 ? nil : Int.max) else {
                headerWidth = fields.count
                headerLine = startLine
                rows.append(row(number: startLine, fields: fields))
                continue
            }
            // Extra cells that are empty lose nothing (a stray separator at the end of a line).
            if width != Int.max, fields.count > width, let extra = fields[width...].firstIndex(where: { !$0.isEmpty }) {
                problems.append(
                    RosterProblem(
                        file: file, row: startLine, column: columnLetters(extra), value: fields[extra],
                        message:
                            "this row has \(fields.count) cells but the header (line \(headerLine)) has \(width): "
                            + "a value holding the separator \(separatorName(separator)) must be in double quotes"))
            }
            rows.append(row(number: startLine, fields: fields))
        }

        if parseFailed {
            // SwiftCSV stops at the record it cannot parse: the one after the last it delivered.
            problems.append(
                RosterProblem(
                    file: file, row: line,
                    message:
                        "a double quote (\") in the middle of a value: a value with quotes must be wholly in quotes, "
                        + "each quote inside it written twice (\"\")"))
        } else if text.utf8.reduce(0, { $1 == UInt8(ascii: "\"") ? $0 + 1 : $0 }) % 2 == 1 {
            // Every well-formed quote comes in a pair (opening and closing, or doubled inside a
            // value); an odd count is a quote never closed, which swallowed the rest of the file
            // into the last record.
            let lastStart = line - 1 - (records.last?.reduce(0) { $0 + newlineCount($1) } ?? 0)
            problems.append(
                RosterProblem(
                    file: file, row: max(lastStart, 1),
                    message:
                        "a double quote (\") opened on this line is never closed: everything after it to the end "
                        + "of the file would be one cell"))
        }

        if !problems.isEmpty { throw .invalid(problems: problems) }
        return Table(file: file, sheet: nil, hidden: false, rows: rows)
    }

    // MARK: Bytes and text

    static func readBytes(path: String, maximumBytes: Int) throws(RosterError) -> Data {
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw .unreadable(file: path, reason: "the file cannot be opened (it does not exist or may not be read)")
        }
        if size > maximumBytes {
            throw .unreadable(file: path, reason: "the file is \(megabytes(size)); a roster file is at most \(megabytes(maximumBytes))")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(file: path, reason: "the file cannot be read: \(error.localizedDescription)")
        }
        // The file may have grown since its size was read.
        if data.count > maximumBytes {
            throw .unreadable(file: path, reason: "the file is over \(megabytes(maximumBytes)); a roster file is at most that")
        }
        return data
    }

    /// The text of a file in UTF-8 (byte order mark or not) or UTF-16 with a byte order mark.
    static func decode(_ data: Data, file: String) throws(RosterError) -> (text: String, isUTF16: Bool) {
        let bytes = [UInt8](data.prefix(3))
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            guard let text = String(data: data.dropFirst(2), encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian) else {
                throw .unreadable(
                    file: file,
                    reason: "the file starts as UTF-16 (\"Unicode text\") but is not valid UTF-16; save it again as \"CSV UTF-8\"")
            }
            return (text, true)
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03]) {
            throw .unreadable(file: file, reason: "it is a zip archive, not text: if it is an Excel workbook, name it .xlsx")
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        if let zero = body.firstIndex(of: 0) {
            throw .invalid(problems: [
                RosterProblem(
                    file: file, row: lineNumber(of: zero, in: data),
                    message:
                        "the file holds NUL bytes (binary data): it is not text (an old .xls workbook renamed?) or UTF-16 without its "
                        + "byte order mark; save it again as \"CSV UTF-8\" or as .xlsx")
            ])
        }
        guard let text = String(data: body, encoding: .utf8) else {
            throw .invalid(problems: [
                RosterProblem(
                    file: file, row: firstLineNotUTF8(data),
                    message:
                        "this line is not UTF-8 text: the file was saved in another encoding (Windows-1258, TCVN3 or "
                        + "Latin-1); save it again as \"CSV UTF-8\"")
            ])
        }
        return (text, false)
    }

    /// The first line (1-based, LF-separated) that is not valid UTF-8; past the end when all are.
    static func firstLineNotUTF8(_ data: Data) -> Int {
        var line = 1
        var lineStart = data.startIndex
        while lineStart < data.endIndex {
            let lineEnd = data[lineStart...].firstIndex(of: 0x0A) ?? data.endIndex
            if String(data: data[lineStart..<lineEnd], encoding: .utf8) == nil { return line }
            line += 1
            lineStart = lineEnd + 1
        }
        return line
    }

    /// The 1-based line (LF-separated) of the byte at `offset`.
    static func lineNumber(of offset: Data.Index, in data: Data) -> Int {
        1 + data[data.startIndex..<offset].reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    // MARK: Fields

    /// The separator used most often on the first line that has one, outside quotes: the header
    /// names the columns, and a name seldom holds a comma or a semicolon outside quotes.
    static func detectSeparator(_ text: String, default fallback: Character) -> Character {
        // The first line that has a separator at all: a title line above the header has none.
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var inQuotes = false
        var lines = 0
        for scalar in text.unicodeScalars {
            if scalar == "\"" {
                inQuotes.toggle()
            } else if !inQuotes {
                if scalar == "\n" || scalar == "\r" {
                    if counts.values.contains(where: { $0 > 0 }) { break }
                    lines += 1
                    if lines > 20 { break }
                    continue
                }
                let character = Character(scalar)
                if let count = counts[character] { counts[character] = count + 1 }
            }
        }
        let best = [Character(","), ";", "\t"].max { (counts[$0] ?? 0) < (counts[$1] ?? 0) } ?? fallback
        return (counts[best] ?? 0) > 0 ? best : fallback
    }

    /// Line ends inside a quoted value, as SwiftCSV counts them (CRLF is one character).
    static func newlineCount(_ field: String) -> Int {
        // Most fields hold no line-end byte at all: skip the walk over their characters.
        guard field.utf8.contains(where: { $0 <= 0x0D || $0 == 0xC2 || $0 == 0xE2 }) else { return 0 }
        return field.reduce(0) { $1.isNewline ? $0 + 1 : $0 }
    }

    static func row(number: Int, fields: [String]) -> TableRow {
        TableRow(number: number, cells: fields.map { $0.isEmpty ? .empty : .text($0) })
    }

    static func separatorName(_ separator: Character) -> String {
        switch separator {
        case ",": "(comma)"
        case ";": "(semicolon)"
        case "\t": "(tab)"
        default: "\"\(separator)\""
        }
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
