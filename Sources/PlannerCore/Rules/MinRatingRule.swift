extension PolicyRules {
    /// Rule 2: a post's minimum rating.
    public static let minRating = PolicyRule<Policy>(
        "minRating", \.minRating, words: RuleWords(name: "minimum rating", summary: "a new appointee has the rating the post requires"))
}
