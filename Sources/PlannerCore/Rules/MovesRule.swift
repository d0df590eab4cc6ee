extension PolicyRules {
    /// Rule 8.
    public static let moves = PolicyRule<Policy>(
        "moves", \.moves,
        words: RuleWords(
            name: "moves", summary: "at most so many incumbents change post", viName: "điều động",
            viSummary: "số người đương nhiệm chuyển chức vụ không quá mức trần"),
        parameters: [
            .optionalInteger("max", \.max, range: 0...1_000_000, what: "a number of moves"),
            .number("maxShare", \.maxShare, range: 0...1, what: "a share"),
        ])
}

public struct MovesRule: RuleSettings {
    public var mode: RuleMode = .hard
    public var defaultPrice: Double = 5
    /// At most this many incumbents change post. When nil, `maxShare` of the incumbents who stay
    /// in the round (rounded down).
    public var max: Int?
    public var maxShare: Double = 0.25
    public init() {}
}
