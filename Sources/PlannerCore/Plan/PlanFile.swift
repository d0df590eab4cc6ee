import Foundation

/// Reading and writing plan documents. JSON keys are sorted so that the same plan is the same
/// bytes on every run and every machine.
public enum PlanFile {
    public static func encode(_ plan: Plan) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Plans hold only finite numbers; a failure here is a programming error.
        return (try? encoder.encode(plan)).map { $0 + Data("\n".utf8) } ?? Data()
    }

    public static func load(path: String) throws(PlanFileError) -> Plan {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: path, reason: FileManager.default.fileExists(atPath: path) ? "the file cannot be read" : "no such file")
        }
        return try decode(data, file: path)
    }

    public static func decode(_ data: Data, file: String) throws(PlanFileError) -> Plan {
        let plan = try document(Plan.self, data, file: file, what: "a plan document")
        guard plan.format == Plan.formatName else {
            throw .malformed(
                file: file, message: place(of: "format", in: data) + "`format` is \"\(plan.format)\", not \"\(Plan.formatName)\"")
        }
        guard plan.version == Plan.currentVersion else {
            throw .malformed(
                file: file,
                message: place(of: "version", in: data)
                    + "unsupported plan version \(plan.version): this build reads version \(Plan.currentVersion)")
        }
        return plan
    }

    /// "line L, column C: " of a top-level key, for a message about its value (a review found
    /// the version's message without it); parsed again only on this error path.
    static func place(of key: String, in data: Data) -> String {
        guard let tree = try? JSONParser.parse([UInt8](data)), let node = locate([JSONPathKey(stringValue: key)], in: tree) else {
            return ""
        }
        return "line \(node.location.line), column \(node.location.column): "
    }

    /// Decodes a document (a rotation or succession plan), naming the place of any problem in
    /// plain words: the line and column, the key path, what the value should be.
    static func document<T: Decodable>(_ type: T.Type, _ data: Data, file: String, what: String) throws(PlanFileError) -> T {
        // Syntax first, with the line and column a person needs to find it.
        let tree: JSONNode
        do {
            tree = try JSONParser.parse([UInt8](data))
        } catch {
            throw .malformed(file: file, message: "line \(error.location.line), column \(error.location.column): \(error.message)")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            let place = locate(context.codingPath, in: tree).map { "line \($0.location.line), column \($0.location.column): " } ?? ""
            let within = context.codingPath.isEmpty ? "the document" : "`\(path(context.codingPath))`"
            // A key there that is nearly the one missing is likely it, misspelt (a review renamed
            // `price` to `pricex` and read only that `price` was missing).
            var hint = ""
            if let node = context.codingPath.isEmpty ? tree : locate(context.codingPath, in: tree), case .object(let members) = node.value,
                let near = KeySuggestion.nearest(to: key.stringValue, among: members.map(\.key).filter { $0 != key.stringValue })
            {
                hint = " (it has `\(near)`: misspelt?)"
            }
            throw .malformed(file: file, message: place + "\(within) has no key `\(key.stringValue)`, which \(what) needs" + hint)
        } catch let DecodingError.typeMismatch(expected, context), let DecodingError.valueNotFound(expected, context) {
            let node = locate(context.codingPath, in: tree)
            let place = node.map { "line \($0.location.line), column \($0.location.column): " } ?? ""
            let found = node.map { $0.value.kindName } ?? "nothing"
            throw .malformed(
                file: file, message: place + "`\(path(context.codingPath))` should be \(describe(expected)), but it is \(found)")
        } catch let DecodingError.dataCorrupted(context) {
            // Foundation's decoder names no place for a number a whole-number field cannot hold
            // (1.5, 1e30): "the given data was not valid JSON", at the document's root.
            let wholeNumbers = context.codingPath.isEmpty ? wholeNumberFieldsHolding(tree, decoding: T.self) : []
            if !wholeNumbers.isEmpty {
                throw .malformed(
                    file: file,
                    message: wholeNumbers.map {
                        "line \($0.location.line), column \($0.location.column): `\(path($0.keys))` " + unreadableNumber($0.text)
                    }.joined(separator: "; "))
            }
            let node = locate(context.codingPath, in: tree)
            let place = node.map { "line \($0.location.line), column \($0.location.column): " } ?? ""
            var message = "`\(path(context.codingPath))` holds a value this field does not take"
            if case .string(let text)? = node?.value {
                message = "`\(path(context.codingPath))` is \"\(text)\""
                if let choices = choices(for: context.codingPath.last?.stringValue) {
                    message += ", not one of " + choices.map { "\"\($0)\"" }.joined(separator: ", ")
                } else {
                    message += ", which this field does not take"
                }
            }
            throw .malformed(file: file, message: place + message)
        } catch {
            throw .malformed(file: file, message: "not \(what)")
        }
    }

    /// The numbers that break decoding because their fields take whole numbers only, in file
    /// order, found by bisection: every number not written as a whole number in Int's range is a
    /// suspect, and a document with some suspects written as 0 decodes exactly when the culprits
    /// are among them (a field of type Double takes 0 as well). About 2 log₂(suspects) decodes per
    /// culprit, on an error path only; at most 20 are named. Empty when no suspect explains the
    /// failure.
    static func wholeNumberFieldsHolding<T: Decodable>(
        _ tree: JSONNode, decoding type: T.Type
    ) -> [(keys: [any CodingKey], text: String, location: SourceLocation)] {
        var suspects: [[JSONPathKey]] = []
        func collect(_ node: JSONNode, _ keys: [JSONPathKey]) {
            switch node.value {
            case .object(let members): for member in members { collect(member.node, keys + [JSONPathKey(stringValue: member.key)]) }
            case .array(let elements):
                for (index, element) in elements.enumerated() { collect(element, keys + [JSONPathKey(intValue: index)]) }
            case .number(let text, _) where Int(text) == nil: suspects.append(keys)
            default: break
            }
        }
        collect(tree, [])
        func decodes(zeroing chosen: Set<Int>) -> Bool {
            let zeroed = Set(chosen.map { suspects[$0] })
            let text = JSONWriting.text(of: tree) { zeroed.contains($0) }
            return (try? JSONDecoder().decode(T.self, from: Data(text.utf8))) != nil
        }
        guard !suspects.isEmpty, decodes(zeroing: Set(suspects.indices)) else { return [] }
        // The culprits found so far stay zeroed; the fewest leading suspects besides them whose
        // zeroing makes the document decode end with another culprit (the last in the file).
        var culprits: Set<Int> = []
        while culprits.count < 20, !decodes(zeroing: culprits) {
            var (low, high) = (0, suspects.count)
            while low < high {
                let middle = (low + high) / 2
                if decodes(zeroing: culprits.union(0..<middle)) { high = middle } else { low = middle + 1 }
            }
            guard low > 0, !culprits.contains(low - 1) else { break }
            culprits.insert(low - 1)
        }
        return culprits.sorted().compactMap { index in
            guard let node = locate(suspects[index], in: tree), case .number(let text, _) = node.value else { return nil }
            return (suspects[index], text, node.location)
        }
    }

    /// Why a number did not decode: beyond what any number field holds (1e400, or 1e-400, which
    /// is not 0 but would read as 0), a whole number beyond what a count holds (1e30), or a
    /// fraction where a whole number goes.
    static func unreadableNumber(_ text: String) -> String {
        let value = Double(text) ?? .infinity
        let nonzeroDigits = text.prefix { $0 != "e" && $0 != "E" }.contains { $0.isNumber && $0 != "0" }
        if !value.isFinite || (value == 0 && nonzeroDigits) { return "holds \(text), beyond the numbers a plan holds" }
        if value == value.rounded() { return "holds \(text), more than a whole-number field holds" }
        return "should be a whole number, but it is \(text)"
    }

    /// `assignments[2].outcome`, as scenario errors write paths.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text
    }

    /// The node at a decoding path, for its line and what it holds.
    static func locate(_ keys: [any CodingKey], in tree: JSONNode) -> JSONNode? {
        var node = tree
        for key in keys {
            switch node.value {
            case .object(let members):
                guard let next = members.last(where: { $0.key == key.stringValue }) else { return nil }
                node = next.node
            case .array(let elements):
                guard let index = key.intValue, elements.indices.contains(index) else { return nil }
                node = elements[index]
            default:
                return nil
            }
        }
        return node
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text (a string in quotes)"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default:
            String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }

    /// The words a field of a fixed vocabulary takes.
    static func choices(for key: String?) -> [String]? {
        switch key {
        case "status": PlanStatus.allCases.map(\.rawValue)
        case "outcome": Outcome.allCases.map(\.rawValue)
        default: nil
        }
    }
}

public enum PlanFileError: LocalizedError, Sendable, Equatable {
    /// The plan file could not be opened.
    case unreadable(file: String, reason: String)
    /// The file is not a plan document of a version this build reads.
    case malformed(file: String, message: String)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot read the plan: \(reason)"
        case .malformed(let file, let message): "\(file): not a valid plan: \(message)"
        }
    }
}

/// A key of a path into a parsed document: a member's name or an element's index.
struct JSONPathKey: CodingKey, Hashable {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

/// A parsed document written back as JSON text, numbers as they were written; the numbers at the
/// paths `zeroing` picks are written as 0.
enum JSONWriting {
    static func text(of tree: JSONNode, zeroing: ([JSONPathKey]) -> Bool) -> String {
        var out = ""
        func write(_ node: JSONNode, _ keys: [JSONPathKey]) {
            switch node.value {
            case .object(let members):
                out += "{"
                for (index, member) in members.enumerated() {
                    if index > 0 { out += "," }
                    out += quoted(member.key) + ":"
                    write(member.node, keys + [JSONPathKey(stringValue: member.key)])
                }
                out += "}"
            case .array(let elements):
                out += "["
                for (index, element) in elements.enumerated() {
                    if index > 0 { out += "," }
                    write(element, keys + [JSONPathKey(intValue: index)])
                }
                out += "]"
            case .string(let text): out += quoted(text)
            case .number(let text, _): out += zeroing(keys) ? "0" : text
            case .bool(let value): out += value ? "true" : "false"
            case .null: out += "null"
            }
        }
        write(tree, [])
        return out
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
