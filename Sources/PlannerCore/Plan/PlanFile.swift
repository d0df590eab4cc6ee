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
        guard plan.format == Plan.formatName else { throw .malformed(file: file, message: "`format` is \"\(plan.format)\", not \"\(Plan.formatName)\"") }
        guard plan.version == Plan.currentVersion else {
            throw .malformed(file: file, message: "unsupported plan version \(plan.version): this build reads version \(Plan.currentVersion)")
        }
        return plan
    }

    /// Decodes a document (a rotation or succession plan), naming the place of any problem:
    /// the line and column of a syntax error, the key path of a missing or mistyped value.
    static func document<T: Decodable>(_ type: T.Type, _ data: Data, file: String, what: String) throws(PlanFileError) -> T {
        // Syntax first, with the line and column a person needs to find it.
        do {
            _ = try JSONParser.parse([UInt8](data))
        } catch {
            throw .malformed(file: file, message: "line \(error.location.line), column \(error.location.column): \(error.message)")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw .malformed(file: file, message: "missing key `\(path(context.codingPath + [key]))`")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context), let DecodingError.dataCorrupted(context) {
            throw .malformed(file: file, message: "at `\(path(context.codingPath))`: \(context.debugDescription)")
        } catch {
            throw .malformed(file: file, message: "not \(what)")
        }
    }

    static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
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
