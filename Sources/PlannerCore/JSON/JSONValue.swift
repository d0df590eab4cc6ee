/// A parsed JSON document that remembers where every value stood in the source text,
/// so that a problem found later (an unknown id, a rating out of range) can name its line.
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }
}

public struct JSONNode: Sendable {
    public var value: JSONValue
    public var location: SourceLocation
}

public struct JSONMember: Sendable {
    public var key: String
    public var keyLocation: SourceLocation
    public var node: JSONNode
}

public enum JSONValue: Sendable {
    case object([JSONMember])
    case array([JSONNode])
    case string(String)
    /// The number as written, and its value. The text is kept so that integers are read exactly.
    case number(text: String, value: Double)
    case bool(Bool)
    case null

    /// A word for the kind of value, as a person editing the file would say it.
    public var kindName: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        }
    }
}
