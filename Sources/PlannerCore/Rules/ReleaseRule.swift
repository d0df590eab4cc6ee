extension PolicyRules {
    /// Rule 1: an incumbent keeps a post (their own or another) unless released.
    public static let release = PolicyRule<Policy>(
        "release", \.release, words: RuleWords(name: "release", summary: "an incumbent keeps a post, their own or another, unless released")
    )
}

public struct ReleaseRule: RuleSettings {
    /// Soft by default: an office can release an incumbent to non-leadership work, at a price.
    public var mode: RuleMode = .soft(price: 30)
    public var defaultPrice: Double = 30
    public init() {}
}
