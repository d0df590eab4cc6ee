extension PolicyRules {
    /// Rule 2: a post's maximum age at appointment.
    public static let maxAge = PolicyRule<Policy>(
        "maxAge", \.maxAge,
        words: RuleWords(
            name: "age at appointment", summary: "a new appointee is no older than the post takes", viName: "tuổi bổ nhiệm",
            viSummary: "người được bổ nhiệm mới không quá tuổi mà chức vụ cho phép"))
}
