import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A worksheet's cells (`<sheetData>`) and merged ranges, read with Foundation's streaming
/// `XMLParser` rather than XMLCoder. XMLCoder first builds a tree of every element, then decodes
/// it: on a communes-size sheet (4,300 rows × 15 columns, 3.0 MB of XML, saved by LibreOffice)
/// decoding `<sheetData>` with XMLCoder took 1.9-2.3 s in a release build here, this parser
/// 0.15-0.26 s (debug: 3.1-3.4 s against 0.35 s), and the target for a whole import is 2 s. The
/// workbook's other parts stay with XMLCoder (its shared strings, 13,598 of them: 0.28-0.48 s).
/// `bench/reading-workbook` times the whole read.
final class WorksheetParser: NSObject, XMLParserDelegate {
    struct Context {
        let file: String
        let sheet: String
        let sharedStrings: [String]
        /// Whether each cell format (a cell's `s`) is a date format.
        let dateStyles: [Bool]
        let date1904: Bool
    }

    /// Excel's limits: the last column is XFD, the last row 1,048,576. A reference past them is a
    /// damaged file, and would otherwise make a row of millions of empty cells.
    static let maximumColumns = 16_384
    static let maximumRows = 1_048_576
    /// Cells kept for one sheet, empty ones before a row's last value included: a roster of
    /// 4,300 cadres has under 100,000; a sheet with a value in column XFD of every row would
    /// otherwise ask for billions.
    static let maximumCells = 5_000_000

    static func parse(_ data: Data, context: Context) throws(RosterError) -> (rows: [TableRow], mergedRanges: [String]) {
        let delegate = WorksheetParser(context: context)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let parsed = parser.parse()
        if let failure = delegate.failure { throw failure }
        // FoundationXML on Linux reports no error for a document cut short (a copy interrupted):
        // the root element must have closed.
        guard parsed, !delegate.sawParseError, delegate.rootClosed else {
            throw .unreadable(
                file: context.file,
                reason:
                    "sheet \"\(context.sheet)\" is not the XML an Excel sheet has (line \(parser.lineNumber)); "
                    + "the file is damaged: open and save it again")
        }
        return (delegate.rows, delegate.mergedRanges)
    }

    private let context: Context
    private var rows: [TableRow] = []
    private var mergedRanges: [String] = []
    private var failure: RosterError?
    private var sawParseError = false
    private var depth = 0
    private var rootClosed = false

    // The row being read.
    private var rowNumber = 0
    private var cells: [Cell] = []
    private var nextColumn = 0
    private var keptCells = 0

    // The cell being read.
    private var cellReference = ""
    private var cellColumn = 0
    private var cellType: String?
    private var cellStyle = 0
    private var value: String?
    private var inlineText: String?

    // Where the characters the parser reports go.
    private enum Capture { case none, value, inlineText }
    private var capture = Capture.none
    private var inInlineString = false
    private var phoneticDepth = 0

    private init(context: Context) {
        self.context = context
    }

    /// "x:row" → "row": some writers prefix the spreadsheet namespace.
    private func localName(_ name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return name[...] }
        return name[name.index(after: colon)...]
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        depth += 1
        switch localName(elementName) {
        case "row":
            if let text = attributes["r"] {
                guard let number = Int(text), number >= 1, number <= Self.maximumRows else {
                    return fail(parser, "row number \"\(text)\" is not a row of a sheet")
                }
                rowNumber = number
            } else {
                rowNumber += 1
            }
            cells = []
            nextColumn = 0
        case "c":
            if let reference = attributes["r"] {
                guard let column = Self.column(ofReference: reference) else {
                    return fail(parser, "cell reference \"\(reference)\" is not a cell of a sheet")
                }
                cellColumn = column
                cellReference = reference
            } else {
                cellColumn = nextColumn
                cellReference = columnLetters(nextColumn) + String(rowNumber)
            }
            guard cellColumn < Self.maximumColumns else {
                return fail(parser, "cell \(cellReference) is past the last column of a sheet (XFD)")
            }
            cellType = attributes["t"]
            cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
            value = nil
            inlineText = nil
        case "v":
            value = ""
            capture = .value
        case "is":
            inInlineString = true
            inlineText = ""
        case "rPh":
            phoneticDepth += 1
        case "t":
            if inInlineString, phoneticDepth == 0 { capture = .inlineText }
        case "mergeCell":
            if let reference = attributes["ref"] { mergedRanges.append(reference) }
        default:
            break
        }
    }

    /// Text in a CDATA section is text like any other (a review's cell of `<![CDATA[Bí thư]]>`
    /// was read as empty).
    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        self.parser(parser, foundCharacters: String(decoding: block, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch capture {
        case .none: break
        case .value: value? += string
        case .inlineText: inlineText? += string
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        if depth == 0 { rootClosed = true }
        switch localName(elementName) {
        case "v", "t":
            capture = .none
        case "is":
            inInlineString = false
        case "rPh":
            phoneticDepth -= 1
        case "c":
            guard let cell = makeCell(parser) else { return }
            if cellColumn >= cells.count {
                cells.append(contentsOf: repeatElement(.empty, count: cellColumn - cells.count + 1))
            }
            cells[cellColumn] = cell
            nextColumn = cellColumn + 1
        case "row":
            // Styled empty cells at a row's end are formatting, not data.
            while cells.last == .empty { cells.removeLast() }
            keptCells += cells.count
            guard keptCells <= Self.maximumCells else {
                return fail(parser, "it holds over \(Self.maximumCells) cells, which is no roster")
            }
            if !cells.isEmpty { rows.append(TableRow(number: rowNumber, cells: cells)) }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        sawParseError = true
    }

    /// The cell just read, by its type (`t`): shared string, inline string, formula text,
    /// boolean, error, ISO date, or a number (a date when its format is one).
    private func makeCell(_ parser: XMLParser) -> Cell? {
        switch cellType {
        case "s":
            guard let value, !value.isEmpty else { return .empty }
            guard let index = Int(value), context.sharedStrings.indices.contains(index) else {
                fail(parser, "cell \(cellReference) points to text number \(value), which the workbook does not have")
                return nil
            }
            return textCell(context.sharedStrings[index])
        case "inlineStr":
            return textCell(inlineText ?? value ?? "")
        case "str":
            return textCell(value ?? "")
        case "b":
            switch value {
            case nil, "": return .empty
            case "1", "true": return .bool(true)
            case "0", "false": return .bool(false)
            default:
                fail(parser, "cell \(cellReference) is a TRUE/FALSE cell holding \"\(value ?? "")\"")
                return nil
            }
        case "e":
            guard let value, !value.isEmpty else { return .empty }
            return .error(value)
        case "d":
            guard let value, !value.isEmpty else { return .empty }
            guard let date = Self.isoDate(value) else {
                fail(parser, "cell \(cellReference) is a date cell holding \"\(value)\"")
                return nil
            }
            return .date(year: date.year, month: date.month, day: date.day)
        case nil, "n":
            guard let value, !value.isEmpty else { return .empty }
            guard let number = Double(value), number.isFinite else {
                fail(parser, "cell \(cellReference) is a number cell holding \"\(value)\"")
                return nil
            }
            if context.dateStyles.indices.contains(cellStyle), context.dateStyles[cellStyle],
                let date = WorkbookReader.date(fromSerial: number, date1904: context.date1904)
            {
                return .date(year: date.year, month: date.month, day: date.day)
            }
            return .number(number, stored: value)
        case let other?:
            fail(parser, "cell \(cellReference) has a type \"\(other)\" Excel does not write")
            return nil
        }
    }

    private func textCell(_ text: String) -> Cell { text.isEmpty ? .empty : .text(text) }

    private func fail(_ parser: XMLParser, _ reason: String) {
        if failure == nil {
            failure = .unreadable(
                file: context.file, reason: "sheet \"\(context.sheet)\": \(reason) (the file is damaged; open and save it again)")
        }
        parser.abortParsing()
    }

    /// The 0-based column of a reference such as "AB12" (or "AB", "$AB$12").
    static func column(ofReference reference: String) -> Int? {
        var column = 0
        var letters = 0
        var digits = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard letters < 3, digits == 0 else { return nil }
                column = column * 26 + Int((byte & 0xDF) - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0 else { return nil }
                digits += 1
            default:
                return nil
            }
        }
        return letters > 0 ? column - 1 : nil
    }

    /// "2024-03-14" or "2024-03-14T00:00:00" (a `t="d"` cell) as its date.
    static func isoDate(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.prefix(10).split(separator: "-")
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return (year, month, day)
    }
}
