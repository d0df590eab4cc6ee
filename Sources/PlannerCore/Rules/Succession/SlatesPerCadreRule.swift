extension SuccessionRules {
    /// Rule 2: slates per cadre.
    public static let slatesPerCadre = PolicyRule<SuccessionPolicy>(
        "slatesPerCadre", \.slatesPerCadre,
        words: RuleWords(
            name: "slates per cadre", summary: "a cadre is on at most so many slates", viName: "số chức danh quy hoạch mỗi người",
            viSummary: "một cán bộ được quy hoạch vào không quá số chức danh quy định"),
        parameters: [.integer("max", \.max, range: 1...100, what: "a number of slates")])
}

public struct SlatesPerCadreRule: RuleSettings {
    public var mode: RuleMode = .hard
    public var defaultPrice: Double = 20
    public var max: Int = 3
    public init() {}
}
