import Foundation

/// One thing wrong with a scenario file, named the way a person fixes it: where (JSON path and
/// line), which entity, and what.
public struct ScenarioProblem: Sendable, Equatable, CustomStringConvertible {
    /// A JSON path such as `positions[3].unit`.
    public var path: String
    public var location: SourceLocation?
    /// The entity the problem belongs to, such as `position P-AnLao-SEC`, when it has an id.
    public var entity: String?
    public var message: String

    public init(path: String, location: SourceLocation?, entity: String?, message: String) {
        self.path = path
        self.location = location
        self.entity = entity
        self.message = message
    }

    public var description: String {
        var text = ""
        if let location { text += "line \(location.line), column \(location.column): " }
        text += path.isEmpty ? "(document)" : path
        if let entity { text += " (\(entity))" }
        return text + ": " + message
    }
}

/// Why a scenario could not be read. Every case names the file.
public enum ScenarioError: LocalizedError, Sendable, Equatable {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The file is larger than the reader accepts.
    case tooLarge(file: String, bytes: Int, limit: Int)
    /// The file is not well-formed JSON.
    case malformedJSON(file: String, message: String, location: SourceLocation)
    /// The file is JSON but breaks the scenario format; every problem found is listed.
    case invalid(file: String, problems: [ScenarioProblem])
    /// An office's roster (a workbook or a folder of CSV files) breaks the roster format
    /// (docs/roster-format.md); every problem found is listed with its sheet, row and column.
    case roster(file: String, problems: [RosterProblem])

    public var errorDescription: String? {
        switch self {
        case .unreadable(let file, let reason):
            // A roster's settings or column names file says what it is itself: "cannot read the
            // scenario" read as if the roster were missing.
            if reason.hasPrefix("the roster's ") { return "\(file): \(reason)" }
            return "\(file): cannot read the scenario: \(reason)"
        case .tooLarge(let file, let bytes, let limit):
            return "\(file): the file has \(bytes) bytes; scenarios are limited to \(limit) bytes"
        case .malformedJSON(let file, let message, let location):
            return "\(file):\(location.line):\(location.column): malformed JSON: \(message)"
        case .invalid(let file, let problems):
            let noun = problems.count == 1 ? "problem" : "problems"
            return "\(file): \(problems.count) \(noun):\n" + problems.map { "  \(file): \($0)" }.joined(separator: "\n")
        case .roster(let file, let problems):
            let noun = problems.count == 1 ? "problem" : "problems"
            return "\(file): \(problems.count) \(noun) in the roster:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
        }
    }
}
