extension PolicyRules {
    /// Rule 3.
    public static let nonLocalHeads = PolicyRule<Policy>(
        "nonLocalHeads", \.nonLocalHeads,
        words: RuleWords(
            name: "non-local heads", summary: "the listed head posts are held by cadres who are not local",
            viName: "người đứng đầu không là người địa phương",
            viSummary: "các chức danh đứng đầu được liệt kê do cán bộ không phải người địa phương đảm nhiệm"),
        parameters: [
            .strings("titles", \.titles, what: "a title"),
            .number("minShare", \.minShare, range: 0...1, what: "a share"),
        ])
}

public struct NonLocalHeadsRule: RuleSettings {
    public var mode: RuleMode = .hard
    public var defaultPrice: Double = 20
    /// The titles whose holders must not be local (Politburo Conclusion 190-KL/TW and
    /// Regulation 65-QĐ/TW list these heads).
    public var titles: [String] = [
        "secretary", "chair", "inspection-chair", "police-chief", "court-chief",
        "procuracy-chief", "finance-director", "tax-director", "customs-director",
    ]
    /// The share of filled listed posts that must be held by non-local cadres. 1 means every one.
    public var minShare: Double = 1
    public init() {}
}
