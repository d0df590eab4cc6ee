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
            throw .malformed(file: file, message: "`format` is \"\(plan.format)\", not \"\(Plan.formatName)\"")
        }
        guard plan.version == Plan.currentVersion else {
            throw .malformed(
                file: file, message: "unsupported plan version \(plan.version): this build reads version \(Plan.currentVersion)")
        }
        return plan
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
            throw .malformed(file: file, message: place + "\(within) has no key `\(key.stringValue)`, which \(what) needs")
        } catch let DecodingError.typeMismatch(expected, context), let DecodingError.valueNotFound(expected, context) {
            let node = locate(context.codingPath, in: tree)
            let place = node.map { "line \($0.location.line), column \($0.location.column): " } ?? ""
            let found = node.map { $0.value.kindName } ?? "nothing"
            throw .malformed(
                file: file, message: place + "`\(path(context.codingPath))` should be \(describe(expected)), but it is \(found)")
        } catch let DecodingError.dataCorrupted(context) {
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
