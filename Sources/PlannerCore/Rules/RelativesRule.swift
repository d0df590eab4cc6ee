extension PolicyRules {
    /// Rule 9.
    public static let relatives = PolicyRule<Policy>(
        "relatives", \.relatives,
        words: RuleWords(
            name: "relatives", summary: "two close relatives never both hold posts in one unit", viName: "người thân",
            viSummary: "hai người có quan hệ gia đình gần không cùng giữ chức vụ trong một đơn vị"))
}
