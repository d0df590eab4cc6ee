extension PolicyRules {
    /// Rule 1: an incumbent keeps a post (their own or another) unless released.
    public static let release = PolicyRule<Policy>(
        "release", \.release,
        words: RuleWords(
            name: "release", summary: "an incumbent keeps a post, their own or another, unless released", viName: "cho thôi chức vụ",
            viSummary: "người đương nhiệm giữ một chức vụ, của mình hoặc chức vụ khác, trừ khi được cho thôi")
    )
}

public struct ReleaseRule: RuleSettings {
    /// Soft by default: an office can release an incumbent to non-leadership work, at a price.
    public var mode: RuleMode = .soft(price: 30)
    public var defaultPrice: Double = 30
    public init() {}
}
