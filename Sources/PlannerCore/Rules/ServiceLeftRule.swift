extension PolicyRules {
    /// Rule 2: a new appointee has a full term of service left.
    public static let serviceLeft = PolicyRule<Policy>(
        "serviceLeft", \.serviceLeft,
        words: RuleWords(
            name: "service left", summary: "a new appointee has a full term of service left before retirement",
            viName: "thời gian công tác còn lại", viSummary: "người được bổ nhiệm mới còn đủ một nhiệm kỳ công tác trước tuổi nghỉ hưu"),
        parameters: [.integer("years", \.years, range: 0...40, what: "a number of years")])
}

public struct ServiceLeftRule: RuleSettings {
    public var mode: RuleMode = .hard
    public var defaultPrice: Double = 20
    /// Years of service left before retirement that a new appointment needs: a full term.
    public var years: Int = 5
    public init() {}
}
