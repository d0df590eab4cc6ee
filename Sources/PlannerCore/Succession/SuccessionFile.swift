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

extension PlanDocument {
    /// The same document as this build writes it.
    public var encoded: Data {
        switch self {
        case .rotation(let plan): PlanFile.encode(plan)
        case .succession(let plan): SuccessionFile.encode(plan)
        case .term(let plan): TermFile.encode(plan)
        }
    }

    /// The keys of a plan file that no field of its document reads, each as its path and place
    /// ("`assignments[3].cadr` (line 40, column 7)"), in file order. A key misspelt by hand, or
    /// written by another tool, is otherwise dropped without a word: a review found a hand-edited
    /// plan whose "assignment" key (for "assignments") `verify` never mentioned. Found by comparing
    /// the file with the document read from it and written again: a key the writer leaves out
    /// was not read. A key whose value is null is left alone (an absent optional, written so).
    public static func unknownKeys(inFile path: String, of document: PlanDocument) -> [String] {
        FileManager.default.contents(atPath: path).map { unknownKeys(in: $0, of: document) } ?? []
    }

    public static func unknownKeys(in data: Data, of document: PlanDocument) -> [String] {
        guard let file = try? JSONParser.parse([UInt8](data)), let known = try? JSONParser.parse([UInt8](document.encoded)) else {
            return []
        }
        var found: [String] = []
        func walk(_ node: JSONNode, _ twin: JSONNode, _ path: String) {
            switch (node.value, twin.value) {
            case (.object(let members), .object(let knownMembers)):
                for member in members {
                    let here = path.isEmpty ? member.key : path + "." + member.key
                    if let match = knownMembers.first(where: { $0.key == member.key }) {
                        walk(member.node, match.node, here)
                    } else if case .null = member.node.value {
                        continue
                    } else {
                        found.append("`\(here)` (\(member.keyLocation))")
                    }
                }
            case (.array(let items), .array(let knownItems)) where items.count == knownItems.count:
                for (index, item) in items.enumerated() { walk(item, knownItems[index], "\(path)[\(index)]") }
            default: break
            }
        }
        walk(file, known, "")
        return found
    }
}
