extension PolicyRules {
    /// Rule 11.
    public static let mustFill = PolicyRule<Policy>(
        "mustFill", \.mustFill,
        words: RuleWords(
            name: "must fill", summary: "posts marked mustFill are filled", viName: "phải bố trí",
            viSummary: "các chức vụ bắt buộc phải có người đảm nhiệm"))
}
