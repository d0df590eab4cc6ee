/// One sheet of a workbook, or one CSV file, as the rows of cells a person sees in a spreadsheet
/// program: what the roster reader (`RosterReader`) maps to a scenario. Nothing here knows what
/// a cadre or a post is.
public struct Table: Sendable, Equatable {
    /// The file as the user named it.
    public var file: String
    /// The sheet's name in a workbook; nil for a CSV file.
    public var sheet: String?
    /// A sheet the workbook hides (Excel's "Hide sheet"): read, but not taken for a table unless
    /// the roster names it.
    public var hidden: Bool
    /// The non-empty rows, in order.
    public var rows: [TableRow]
    /// Merged cell ranges as the workbook writes them ("B3:D3"); a merged cell is ambiguous data.
    public var mergedRanges: [String]

    public init(file: String, sheet: String? = nil, hidden: Bool = false, rows: [TableRow], mergedRanges: [String] = []) {
        self.file = file
        self.sheet = sheet
        self.hidden = hidden
        self.rows = rows
        self.mergedRanges = mergedRanges
    }
}

/// One row: its number as the spreadsheet program shows it (1 for the first row of a sheet; for
/// a CSV file, the line on which the record starts), and its cells from column A on.
public struct TableRow: Sendable, Equatable {
    public var number: Int
    public var cells: [Cell]

    public init(number: Int, cells: [Cell]) {
        self.number = number
        self.cells = cells
    }

    /// The cell in `column` (0 for A), empty past the row's end.
    public subscript(column: Int) -> Cell { column < cells.count ? cells[column] : .empty }
}

/// A cell's value as the file stores it.
public enum Cell: Sendable, Equatable {
    case empty
    /// Text, including numbers stored as text; surrounding spaces kept (the reader trims).
    case text(String)
    /// A number, with the digits the file stores (so that an id such as 007 stored as a number
    /// can be named as stored).
    case number(Double, stored: String)
    /// A date: a number in a cell whose format is a date format (serial days since 1899-12-30,
    /// or since 1904-01-01 in a 1904-dated workbook).
    case date(year: Int, month: Int, day: Int)
    case bool(Bool)
    /// A formula whose value is an error (`#DIV/0!`, `#REF!`, `#N/A`).
    case error(String)

    /// The cell as text: what a person would type to get it back.
    public var text: String {
        switch self {
        case .empty: ""
        case .text(let text): text
        case .number(_, let stored): stored
        case .date(let year, let month, let day):
            "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
        case .bool(let flag): flag ? "TRUE" : "FALSE"
        case .error(let code): code
        }
    }
}

/// The spreadsheet name of a column: 0 → A, 25 → Z, 26 → AA.
public func columnLetters(_ column: Int) -> String {
    var column = column + 1
    var letters = ""
    while column > 0 {
        let remainder = (column - 1) % 26
        letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
        column = (column - 1) / 26
    }
    return letters
}
