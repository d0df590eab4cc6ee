extension PolicyRules {
    /// Rule 10.
    public static let locks = PolicyRule<Policy>(
        "locks", \.locks,
        words: RuleWords(
            name: "locks", summary: "locked cadres stay, pinned assignments hold, forbidden assignments never happen",
            viName: "bố trí cố định",
            viSummary: "cán bộ được giữ nguyên thì ở lại, phân công đã ấn định được giữ, phân công bị cấm không xảy ra"))
}
