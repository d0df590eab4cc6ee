extension PolicyRules {
    /// Rule 5.
    public static let youth = PolicyRule<Policy>(
        "youth", \.youth,
        words: RuleWords(
            name: "youth", summary: "every grassroots leadership team has young members", viName: "cán bộ trẻ",
            viSummary: "mỗi tập thể lãnh đạo cấp cơ sở có cán bộ trẻ"),
        parameters: [
            .integer("age", \.age, range: 18...100, what: "an age"),
            .integer("minPerTeam", \.minPerTeam, range: 0...100, what: "a number of members"),
        ])
}

public struct YouthRule: RuleSettings {
    /// Soft: the directive asks teams to "include" young members, and the pool may lack them.
    public var mode: RuleMode = .soft(price: 8)
    public var defaultPrice: Double = 8
    /// Younger than this counts as young (the city's own count uses 42).
    public var age: Int = 42
    /// Young members every grassroots leadership team should have (capped at the team's size).
    public var minPerTeam: Int = 1
    public init() {}
}
