extension PolicyRules {
    /// Rule 11.
    public static let mustFill = PolicyRule<Policy>(
        "mustFill", \.mustFill, words: RuleWords(name: "must fill", summary: "posts marked mustFill are filled"))
}
