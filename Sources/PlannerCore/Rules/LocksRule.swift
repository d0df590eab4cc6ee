extension PolicyRules {
    /// Rule 10.
    public static let locks = PolicyRule<Policy>(
        "locks", \.locks,
        words: RuleWords(name: "locks", summary: "locked cadres stay, pinned assignments hold, forbidden assignments never happen"))
}
