extension PolicyRules {
    /// Rule 6.
    public static let ageBalance = PolicyRule<Policy>(
        "ageBalance", \.ageBalance,
        words: RuleWords(
            name: "age balance", summary: "every large enough leadership team spans several age bands", viName: "cân đối độ tuổi",
            viSummary: "mỗi tập thể lãnh đạo đủ lớn có cán bộ thuộc nhiều nhóm tuổi"),
        parameters: [
            RuleParameter(
                key: "bandStarts",
                read: { reading, block, rule in
                    if let node = block.node("bandStarts") {
                        rule.bandStarts = reading.bandStarts(node, path: block.childPath("bandStarts")) ?? rule.bandStarts
                    }
                }, write: { "[" + $0.bandStarts.map(String.init).joined(separator: ", ") + "]" }),
            .integer("minTeamSize", \.minTeamSize, range: 1...100, what: "a team size"),
            .integer("minBands", \.minBands, range: 1...20, what: "a number of bands"),
        ])
}

public struct AgeBalanceRule: RuleSettings {
    public var mode: RuleMode = .soft(price: 4)
    public var defaultPrice: Double = 4
    /// Ages where a new band starts: [40, 50] gives under 40, 40 to 49, 50 and over.
    public var bandStarts: [Int] = [40, 50]
    /// Teams with at least this many leadership posts are checked.
    public var minTeamSize: Int = 3
    /// Bands a checked team must span (capped at the number of bands and the team's size).
    public var minBands: Int = 2
    public init() {}
}
