import Foundation
@_exported import PlannerCore

/// Why a roster could not be read. Every case names the file; the CLI exits with 65 (bad data)
/// for `.invalid` and 66 (no input) for `.unreadable`.
public enum RosterError: LocalizedError, Sendable, Equatable {
    /// The file or folder could not be opened, or is not a workbook or CSV file.
    case unreadable(file: String, reason: String)
    /// Every problem found, at once.
    case invalid(problems: [RosterProblem])

    public var errorDescription: String? {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the roster: \(reason)"
        case .invalid(let problems):
            let noun = problems.count == 1 ? "problem" : "problems"
            return "the roster has \(problems.count) \(noun):\n" + problems.map { "  \($0)" }.joined(separator: "\n")
        }
    }
}
