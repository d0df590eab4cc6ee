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
    /// The line of a JSON file beside the roster (its settings or column names).
    public var line: Int?

    public init(
        file: String, sheet: String? = nil, row: Int? = nil, column: String? = nil, value: String? = nil, message: String, line: Int? = nil
    ) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.value = value
        self.message = message
        self.line = line
    }

    public var description: String {
        var place = file
        if let line { place += ", line \(line)" }
        if let sheet { place += ", sheet \"\(sheet)\"" }
        if let row { place += ", row \(row)" }
        if let column { place += ", column \"\(column)\"" }
        var text = place + ": "
        if let value { text += "\"\(value)\": " }
        return text + message
    }
}
