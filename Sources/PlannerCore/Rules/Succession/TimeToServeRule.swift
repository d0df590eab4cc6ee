extension SuccessionRules {
    /// Rule 4: a full term before retirement age, counted from `termStart`.
    public static let timeToServe = PolicyRule<SuccessionPolicy>(
        "timeToServe", \.timeToServe,
        words: RuleWords(
            name: "time to serve", summary: "a successor has a full term before retirement age", viName: "thời gian công tác",
            viSummary: "người được quy hoạch còn đủ một nhiệm kỳ trước tuổi nghỉ hưu"),
        parameters: [.integer("years", \.years, range: 0...40, what: "a number of years")])
}

public struct TimeToServeRule: RuleSettings {
    public var mode: RuleMode = .hard
    public var defaultPrice: Double = 20
    public var years: Int = 5
    public init() {}
}
