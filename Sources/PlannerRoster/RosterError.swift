import Foundation

/// One thing wrong with a roster, named the way a staff member finds it in the spreadsheet: the
/// file, the sheet, the row, the column's header, the value, and what was expected.
public struct RosterProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var sheet: String?
    /// The row as the spreadsheet program numbers it.
    public var row: Int?
    /// The column's header as the sheet writes it, or its letter when it has none.
    public var column: String?
    /// The cell's value as read.
    public var value: String?
    public var message: String

    public init(file: String, sheet: String? = nil, row: Int? = nil, column: String? = nil, value: String? = nil, message: String) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.value = value
        self.message = message
    }

    public var description: String {
        var place = file
        if let sheet { place += ", sheet \"\(sheet)\"" }
        if let row { place += ", row \(row)" }
        if let column { place += ", column \"\(column)\"" }
        var text = place + ": "
        if let value { text += "\"\(value)\": " }
        return text + message
    }
}

/// Why a roster could not be read. Every case names the file; the CLI exits with 65 (bad data)
/// for `.invalid` and 66 (no input) for `.unreadable`.
public enum RosterError: LocalizedError, Sendable, Equatable {
    /// The file or folder could not be opened, or is not a workbook or CSV file.
    case unreadable(file: String, reason: String)
    /// Every problem found, at once.
    case invalid(problems: [RosterProblem])

    public var errorDescription: String? {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the roster: \(reason)"
        case .invalid(let problems):
            let noun = problems.count == 1 ? "problem" : "problems"
            return "the roster has \(problems.count) \(noun):\n" + problems.map { "  \($0)" }.joined(separator: "\n")
        }
    }
}
