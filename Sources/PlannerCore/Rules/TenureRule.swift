extension PolicyRules {
    /// Rule 4.
    public static let tenure = PolicyRule<Policy>(
        "tenure", \.tenure,
        words: RuleWords(
            name: "tenure", summary: "an incumbent does not keep a post held for the limit or longer", viName: "thời hạn giữ chức vụ",
            viSummary: "người đương nhiệm không tiếp tục giữ chức vụ đã giữ đến hoặc quá thời hạn"),
        parameters: [.integer("maxYears", \.maxYears, range: 1...60, what: "a number of years")])
}

public struct TenureRule: RuleSettings {
    public var mode: RuleMode = .hard
    public var defaultPrice: Double = 20
    /// An incumbent with at least this many years in the post may not keep it: two terms.
    public var maxYears: Int = 10
    public init() {}
}
