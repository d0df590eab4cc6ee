import Foundation

/// Reading and writing succession plan documents, in the same way as `PlanFile`.
public enum SuccessionFile {
    public static func encode(_ plan: SuccessionPlan) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(plan)).map { $0 + Data("\n".utf8) } ?? Data()
    }

    public static func decode(_ data: Data, file: String) throws(PlanFileError) -> SuccessionPlan {
        let plan = try PlanFile.document(SuccessionPlan.self, data, file: file, what: "a succession plan document")
        guard plan.version == SuccessionPlan.currentVersion else {
            throw .malformed(
                file: file,
                message: "unsupported succession plan version \(plan.version): this build reads version \(SuccessionPlan.currentVersion)")
        }
        return plan
    }
}

/// A document `planner verify` accepts: a rotation plan, a succession plan or a term plan, told
/// apart by its `format` field.
public enum PlanDocument: Sendable {
    case rotation(Plan)
    case succession(SuccessionPlan)
    case term(TermPlan)

    public static func load(path: String) throws(PlanFileError) -> PlanDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: path, reason: FileManager.default.fileExists(atPath: path) ? "the file cannot be read" : "no such file")
        }
        if let root = try? JSONParser.parse([UInt8](data)), case .object(let members) = root.value,
            let format = members.first(where: { $0.key == "format" }), case .string(SuccessionPlan.formatName) = format.node.value
        {
            return .succession(try SuccessionFile.decode(data, file: path))
        }
        if let root = try? JSONParser.parse([UInt8](data)), case .object(let members) = root.value,
            let format = members.first(where: { $0.key == "format" }), case .string(TermPlan.formatName) = format.node.value
        {
            return .term(try TermFile.decode(data, file: path))
        }
        return .rotation(try PlanFile.decode(data, file: path))
    }
}
