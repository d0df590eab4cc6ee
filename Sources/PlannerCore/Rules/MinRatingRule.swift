extension PolicyRules {
    /// Rule 2: a post's minimum rating.
    public static let minRating = PolicyRule<Policy>(
        "minRating", \.minRating,
        words: RuleWords(
            name: "minimum rating", summary: "a new appointee has the rating the post requires", viName: "mức đánh giá tối thiểu",
            viSummary: "người được bổ nhiệm mới có mức đánh giá mà chức vụ yêu cầu"))
}
