extension SuccessionRules {
    /// Rule 6: the share of women among the distinct people on all slates.
    public static let women = PolicyRule<SuccessionPolicy>(
        "women", \.women,
        words: RuleWords(
            name: "women", summary: "women are a minimum share of the people on the slates", viName: "cán bộ nữ",
            viSummary: "cán bộ nữ chiếm tỷ lệ tối thiểu trong danh sách quy hoạch"),
        parameters: [.number("minShare", \.minShare, range: 0...1, what: "a share")])

    /// Rule 6: the share of young cadres among the distinct people on all slates.
    public static let young = PolicyRule<SuccessionPolicy>(
        "young", \.young,
        words: RuleWords(
            name: "young", summary: "young cadres are a minimum share of the people on the slates", viName: "cán bộ trẻ",
            viSummary: "cán bộ trẻ chiếm tỷ lệ tối thiểu trong danh sách quy hoạch"),
        parameters: [.number("minShare", \.minShare, range: 0...1, what: "a share")])
}

public struct ListShareRule: RuleSettings {
    /// Hard by default: the lists can always meet a share by planning fewer people.
    public var mode: RuleMode = .hard
    public var defaultPrice: Double = 10
    public var minShare: Double
    public init(minShare: Double) { self.minShare = minShare }
}
