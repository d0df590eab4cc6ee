extension PolicyRules {
    /// Rule 7, optional part: at least one woman in every leadership team.
    public static let womenPerTeam = PolicyRule<Policy>(
        "womenPerTeam", \.womenPerTeam,
        words: RuleWords(
            name: "a woman per team", summary: "every leadership team has at least one woman", viName: "mỗi tập thể có cán bộ nữ",
            viSummary: "mỗi tập thể lãnh đạo có ít nhất một cán bộ nữ"))
}
