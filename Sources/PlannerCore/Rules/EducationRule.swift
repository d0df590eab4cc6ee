extension PolicyRules {
    /// Rule 2: a post's minimum education.
    public static let education = PolicyRule<Policy>(
        "education", \.education, words: RuleWords(name: "education", summary: "a new appointee has the education the post requires"))
}
