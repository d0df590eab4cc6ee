import Foundation

/// CSV as every file planner writes it (plans, reports, a roster's tables): RFC 4180 quoting,
/// every cell spreadsheet-safe, CRLF line ends.
public enum CSVText {
    /// UTF-8's byte order mark: Excel opens a CSV as UTF-8 on a double click only after it.
    public static let byteOrderMark = Data([0xEF, 0xBB, 0xBF])

    /// The characters a spreadsheet takes for the start of a formula.
    public static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A number as every CSV writes it, for a spreadsheet to compute with: at most six
    /// decimals (an objective's binary noise, 162.80000000000004, and a share's long tail cut
    /// off), no trailing zeros, a decimal point whatever the language. 162.8, 0.5, 0, 1.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Rows as a CSV document.
    public static func document(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ text: String) -> String {
        let text = spreadsheetSafe(text)
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A cell a spreadsheet would read as a formula (it begins with =, +, -, @, a tab or a
    /// carriage return) gets a leading apostrophe, as spreadsheet-safe exporters do (OWASP,
    /// "CSV injection"): the CSV opens in a spreadsheet as it is, and a name or unit typed as
    /// `=HYPERLINK(…)` must stay text. Plain numbers (-3, +1.5e2) are left as they are. A
    /// roster's reader drops the apostrophe again (`RosterMapping.text`).
    ///
    /// A text that itself begins with an apostrophe before such a character, or before another
    /// apostrophe, gets one more, so that the reader's dropping of one gives it back as written
    /// (a review's name `'=Nguyễn Văn An` came back as `=Nguyễn Văn An`).
    public static func spreadsheetSafe(_ text: String) -> String {
        guard let first = text.first else { return text }
        if first == "'" { return startsEscaped(text) ? "'" + text : text }
        guard formulaStarts.contains(first) else { return text }
        if isPlainNumber(text) { return text }
        return "'" + text
    }

    /// Whether `text` reads as an escaped cell: an apostrophe, then a formula's first character
    /// or another apostrophe. The roster's reader drops that first apostrophe.
    public static func startsEscaped(_ text: String) -> Bool {
        guard text.first == "'", let next = text.dropFirst().first else { return false }
        return next == "'" || formulaStarts.contains(next)
    }

    static func isPlainNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasSuffix("%") { body = body.dropLast() }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return false }
        return Double(body) != nil
    }
}
