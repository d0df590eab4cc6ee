extension PolicyRules {
    /// Rule 1: cadres at or over retirement age leave; their posts open.
    public static let retirement = PolicyRule<Policy>(
        "retirement", \.retirement,
        words: RuleWords(
            name: "retirement", summary: "cadres at or over retirement age leave; their posts open", viName: "nghỉ hưu",
            viSummary: "cán bộ đến hoặc quá tuổi nghỉ hưu thì nghỉ; chức vụ của họ được để trống"),
        parameters: [
            .optionalNumber("maleAge", \.maleAge, range: 40...80, what: "an age"),
            .optionalNumber("femaleAge", \.femaleAge, range: 40...80, what: "an age"),
        ])
}

public struct RetirementRule: RuleSettings {
    public var mode: RuleMode = .hard
    public var defaultPrice: Double = 50
    /// Fixed retirement ages. When nil, the statutory schedule applies (Labour Code 2019,
    /// Decree 135/2020): men 60 years 3 months in 2021 rising 3 months a year to 62 in 2028;
    /// women 55 years 4 months in 2021 rising 4 months a year to 60 in 2035.
    public var maleAge: Double?
    public var femaleAge: Double?
    public init() {}
}
