extension PolicyRules {
    /// Rule 2: a new appointee is on the post's planning list.
    public static let planning = PolicyRule<Policy>(
        "planning", \.planning,
        words: RuleWords(
            name: "planning", summary: "a new appointee is planned for the post", viName: "quy hoạch",
            viSummary: "người được bổ nhiệm mới đã được quy hoạch vào chức danh đó"),
        parameters: [.bool("exemptSameTitle", \.exemptSameTitle)])
}

public struct PlanningRule: RuleSettings {
    public var mode: RuleMode = .hard
    public var defaultPrice: Double = 20
    /// A rotation to a post of the title one already holds needs no planning.
    public var exemptSameTitle: Bool = true
    public init() {}
}
