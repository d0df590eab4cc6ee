import Foundation
import Synchronization

/// How a variant's base or a sweep's swept file that is an office's roster (a workbook or a
/// folder of CSV files) is read. The roster reader lives in a module above this one, so the
/// library registers it here (`Planner.load` does, before any file is read); until then a roster
/// base reads as a file that is not JSON.
public enum RosterBases {
    /// Reads the roster at a path and returns the round as scenario JSON.
    public typealias Reader = @Sendable (String) throws(ScenarioError) -> Data

    static let reader = Mutex<Reader?>(nil)
    static let recognizer = Mutex<(@Sendable (String) -> Bool)?>(nil)

    /// Registers the roster reader, and what tells a roster's path from a scenario file's.
    public static func register(isRoster: @escaping @Sendable (String) -> Bool, read: @escaping Reader) {
        recognizer.withLock { $0 = isRoster }
        reader.withLock { $0 = read }
    }

    /// The round at `path` as scenario JSON, when `path` is a roster and a reader is registered.
    static func scenarioJSON(at path: String) throws(ScenarioError) -> Data? {
        guard let isRoster = recognizer.withLock({ $0 }), isRoster(path), let read = reader.withLock({ $0 }) else { return nil }
        return try read(path)
    }
}
