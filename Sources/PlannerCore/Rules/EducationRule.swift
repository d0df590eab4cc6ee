extension PolicyRules {
    /// Rule 2: a post's minimum education.
    public static let education = PolicyRule<Policy>(
        "education", \.education,
        words: RuleWords(
            name: "education", summary: "a new appointee has the education the post requires", viName: "trình độ",
            viSummary: "người được bổ nhiệm mới có trình độ đào tạo mà chức vụ yêu cầu"))
}
