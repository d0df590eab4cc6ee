/// A strict RFC 8259 JSON parser that records the line and column of every value.
///
/// Why not `JSONDecoder`: it stops at the first problem and reports no line numbers, and this
/// tool must report every problem of a hand-edited file at once, each with its place.
/// Limits guard the process: nesting deeper than `maximumDepth` is refused (no stack overflow),
/// and duplicate keys are errors rather than silently overwriting each other.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public var message: String
    public var location: SourceLocation
}

public struct JSONParser {
    public static let maximumDepth = 64

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    /// How far along the current line columns have been counted, so that each location
    /// continues the count instead of starting at the line's beginning: a file minified onto
    /// one line (as HR exports write it) is read in time linear in its size.
    private var countedUpTo = 0
    private var countedColumns = 1
    private var columnBytesScanned = 0

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        try parseCountingWork(bytes).node
    }

    /// Parses, and says how many bytes were scanned to count columns: the work that made a
    /// minified file quadratic, kept to at most one scan of each byte.
    public static func parseCountingWork(_ bytes: [UInt8]) throws(JSONSyntaxError) -> (node: JSONNode, columnBytesScanned: Int) {
        var parser = JSONParser(bytes: bytes)
        // A UTF-8 byte order mark is tolerated: spreadsheet exports often write one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            parser.index = 3
            parser.lineStart = 3
        }
        parser.skipWhitespace()
        let node = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < bytes.count {
            throw parser.error("unexpected text after the end of the document")
        }
        return (node, parser.columnBytesScanned)
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Where the parser stands. Columns count characters, not bytes, so that they match what an
    /// editor shows on lines holding Vietnamese names.
    private mutating func here() -> SourceLocation {
        if countedUpTo < lineStart || countedUpTo > index {
            countedUpTo = lineStart
            countedColumns = 1
        }
        let end = Swift.min(index, bytes.count)
        columnBytesScanned += max(0, end - countedUpTo)
        while countedUpTo < end {
            if bytes[countedUpTo] & 0xC0 != 0x80 { countedColumns += 1 }
            countedUpTo += 1
        }
        return SourceLocation(line: line, column: countedColumns)
    }

    /// The same place, counted afresh: for an error, which ends the parse.
    private var location: SourceLocation {
        var copy = self
        return copy.here()
    }

    private func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(message: message, location: location)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D:
                index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default:
                return
            }
        }
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
        guard index < bytes.count else { throw error("the document ends where a value was expected") }
        let start = here()
        switch bytes[index] {
        case UInt8(ascii: "{"):
            return JSONNode(value: try parseObject(), location: start)
        case UInt8(ascii: "["):
            return JSONNode(value: try parseArray(), location: start)
        case UInt8(ascii: "\""):
            return JSONNode(value: .string(try parseString()), location: start)
        case UInt8(ascii: "t"):
            try expectWord("true")
            return JSONNode(value: .bool(true), location: start)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return JSONNode(value: .bool(false), location: start)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return JSONNode(value: .null, location: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: try parseNumber(), location: start)
        default:
            throw error("unexpected character \(describe(bytes[index])) where a value was expected")
        }
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "(byte 0x\(String(byte, radix: 16, uppercase: true)))"
    }

    private mutating func expectWord(_ word: String) throws(JSONSyntaxError) {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8 else {
            throw error("unexpected text where a value was expected (did you mean \(word)?)")
        }
        index += utf8.count
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONParser.maximumDepth {
            throw error("values are nested more than \(JSONParser.maximumDepth) levels deep")
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1  // {
        var members: [JSONMember] = []
        var seen: [String: SourceLocation] = [:]
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error(index < bytes.count ? "expected a key in double quotes" : "the document ends inside an object")
            }
            let keyLocation = here()
            let key = try parseString()
            if let first = seen[key] {
                throw JSONSyntaxError(
                    message: "duplicate key \"\(key)\" (first at line \(first.line))", location: keyLocation)
            }
            seen[key] = keyLocation
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after the key \"\(key)\"")
            }
            index += 1
            skipWhitespace()
            let node = try parseValue()
            members.append(JSONMember(key: key, keyLocation: keyLocation, node: node))
            skipWhitespace()
            guard index < bytes.count else { throw error("the document ends inside an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            throw error("expected ',' or '}' after a member of an object")
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1  // [
        var elements: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("the document ends inside an array") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            throw error("expected ',' or ']' after an element of an array")
        }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1  // opening quote
        var scalars = String.UnicodeScalarView()
        var runStart = index
        // UTF-8 validated from a contiguous buffer: through the array slice, Swift took its slow,
        // generic path, and strings were a third of reading the region round.
        func text(_ parser: JSONParser, from start: Int) throws(JSONSyntaxError) -> String {
            let decoded = parser.bytes.withUnsafeBufferPointer { buffer in
                String(validating: UnsafeBufferPointer(rebasing: buffer[start..<parser.index]), as: UTF8.self)
            }
            guard let decoded else { throw parser.error("a string holds bytes that are not valid UTF-8") }
            return decoded
        }
        func flush(_ parser: JSONParser, into scalars: inout String.UnicodeScalarView, from start: Int) throws(JSONSyntaxError) {
            guard start < parser.index else { return }
            scalars.append(contentsOf: try text(parser, from: start).unicodeScalars)
        }
        while true {
            guard index < bytes.count else { throw error("the document ends inside a string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                // Without an escape (every escape adds a scalar), the string is its bytes.
                if scalars.isEmpty {
                    let whole = try text(self, from: runStart)
                    index += 1
                    return whole
                }
                try flush(self, into: &scalars, from: runStart)
                index += 1
                return String(scalars)
            }
            if byte < 0x20 {
                throw error(
                    byte == 0x0A ? "a string is not closed before the end of the line" : "a control character stands inside a string")
            }
            if byte == UInt8(ascii: "\\") {
                try flush(self, into: &scalars, from: runStart)
                index += 1
                guard index < bytes.count else { throw error("the document ends inside a string") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    let first = try parseHex4()
                    if (0xD800...0xDBFF).contains(first) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw error("a \\u escape holds half of a surrogate pair")
                        }
                        index += 2
                        let second = try parseHex4()
                        guard (0xDC00...0xDFFF).contains(second) else {
                            throw error("a \\u escape holds half of a surrogate pair")
                        }
                        let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                        scalars.append(Unicode.Scalar(combined)!)
                    } else if let scalar = Unicode.Scalar(first) {
                        scalars.append(scalar)
                    } else {
                        throw error("a \\u escape holds half of a surrogate pair")
                    }
                default:
                    throw error("unknown escape sequence in a string")
                }
                runStart = index
                continue
            }
            index += 1
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("the document ends inside a \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("a \\u escape needs four hexadecimal digits")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ parser: inout JSONParser) -> Int {
            var count = 0
            while parser.index < parser.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(parser.bytes[parser.index]) {
                parser.index += 1
                count += 1
            }
            return count
        }
        let integerStart = index
        let integerDigits = digits(&self)
        if integerDigits == 0 { throw error("a number needs digits") }
        if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") {
            throw JSONSyntaxError(message: "a number may not start with a leading zero", location: location)
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            if digits(&self) == 0 { throw error("a number needs digits after the decimal point") }
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            if digits(&self) == 0 { throw error("a number needs digits in its exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        // Double(text) is exact for what JSON allows; overflow gives ±infinity, which the
        // scenario reader refuses with a message, never passing it on to the solver.
        let value = Double(text) ?? .nan
        return .number(text: text, value: value)
    }
}
