extension PolicyRules {
    /// Rule 4.
    public static let tenure = PolicyRule<Policy>(
        "tenure", \.tenure,
        words: RuleWords(
            name: "tenure", summary: "an incumbent does not keep a post held for the limit or longer", viName: "thời hạn giữ chức vụ",
            viSummary: "người đương nhiệm không tiếp tục giữ chức vụ đã giữ đến hoặc quá thời hạn"),
        parameters: [
            .integer("maxYears", \.maxYears, range: 1...60, what: "a number of years"),
            .integersByKey("yearsByTitle", \.yearsByTitle, range: 1...60, key: "a title", what: "a number of years"),
        ])
}

public struct TenureRule: RuleSettings {
    public var mode: RuleMode = .hard
    public var defaultPrice: Double = 20
    /// An incumbent with at least this many years in the post may not keep it: two terms.
    public var maxYears: Int = 10
    /// Periodic rotation: the posts of these titles rotate sooner (or later) than `maxYears`,
    /// title → years. Regulations rotate listed posts every 2 to 5 years by sector; a sector is
    /// named here by its posts' titles ("tax-director": 4, "police-chief": 5).
    public var yearsByTitle: [String: Int] = [:]
    public init() {}

    /// The years after which the incumbent of a post with this title may not keep it.
    public func limit(title: String) -> Int { yearsByTitle[title] ?? maxYears }
}
