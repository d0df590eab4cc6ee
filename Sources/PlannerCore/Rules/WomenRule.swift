extension PolicyRules {
    /// Rule 7: overall share of women among filled leadership posts.
    public static let women = PolicyRule<Policy>(
        "women", \.women,
        words: RuleWords(
            name: "women", summary: "women hold a minimum share of the filled leadership posts", viName: "cán bộ nữ",
            viSummary: "cán bộ nữ giữ tỷ lệ tối thiểu trong các chức vụ lãnh đạo đã bố trí"),
        parameters: [.number("minShare", \.minShare, range: 0...1, what: "a share")])
}

public struct WomenRule: RuleSettings {
    public var mode: RuleMode = .soft(price: 6)
    public var defaultPrice: Double = 6
    /// Minimum share of women among filled leadership posts (planning lists target 25 %).
    public var minShare: Double = 0.25
    public init() {}
}
