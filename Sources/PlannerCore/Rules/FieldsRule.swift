extension PolicyRules {
    /// Rule 2: a post's fields.
    public static let fields = PolicyRule<Policy>(
        "fields", \.fields,
        words: RuleWords(
            name: "fields", summary: "a new appointee has one of the fields the post asks for", viName: "chuyên ngành",
            viSummary: "người được bổ nhiệm mới có một trong các chuyên ngành mà chức vụ yêu cầu"))
}
