extension SuccessionRules {
    /// Rule 1: slate length.
    public static let slateSize = PolicyRule<SuccessionPolicy>(
        "slateSize", \.slateSize,
        words: RuleWords(
            name: "slate size", summary: "every key post has a slate of successors of the length asked", viName: "số người trong quy hoạch",
            viSummary: "mỗi chức danh chủ chốt có đủ số người được quy hoạch kế nhiệm"),
        parameters: [
            .integer("min", \.min, range: 0...100, what: "a number of successors"),
            .integer("max", \.max, range: 1...100, what: "a number of successors"),
        ],
        check: { reading, block, size in
            if size.min > size.max, let node = block.node("min") {
                reading.problem(block.childPath("min"), node.location, nil, "min \(size.min) is more than max \(size.max)")
            }
        })
}

public struct SlateSizeRule: RuleSettings {
    /// Soft by default: a post that cannot reach `min` is at risk, reported, not an error.
    public var mode: RuleMode = .soft(price: 30)
    public var defaultPrice: Double = 30
    public var min: Int = 1
    public var max: Int = 3
    public init() {}
}
