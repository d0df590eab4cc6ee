import PlannerCore

/// The order an organization department lists posts in: unit by unit (as the scenario lists
/// units), and within a unit by title in protocol order (the vocabulary's order of titles: Bí
/// thư, Phó Bí thư, …, Chủ tịch, Phó Chủ tịch, …; a round's own titles after the standard
/// ones), then the weightier post first, then by id. Tables and pages list posts so; files
/// (JSON, CSV) keep the ids' order.
struct ProtocolOrder {
    let scenario: Scenario
    let unitRank: [String: Int]
    let titleRank: [String: Int]
    let positionIndex: [String: Int]

    init(_ scenario: Scenario) {
        self.scenario = scenario
        unitRank = Dictionary(scenario.units.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        titleRank = Dictionary(
            scenario.words.titles.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        positionIndex = Dictionary(
            scenario.positions.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether post `a` comes before post `b` (indices into the scenario's positions).
    func precedes(_ a: Int, _ b: Int) -> Bool {
        let first = scenario.positions[a]
        let second = scenario.positions[b]
        let unitA = unitRank[first.unit] ?? .max
        let unitB = unitRank[second.unit] ?? .max
        if unitA != unitB { return unitA < unitB }
        let titleA = titleRank[first.title] ?? .max
        let titleB = titleRank[second.title] ?? .max
        if titleA != titleB { return titleA < titleB }
        if first.weight != second.weight { return first.weight > second.weight }
        return first.id < second.id
    }

    /// Post indices in protocol order.
    func sorted(_ positions: [Int]) -> [Int] { positions.sorted(by: precedes) }

    /// Items about posts in their posts' protocol order; an item whose post the scenario does
    /// not know keeps its place after the known ones, in the order given.
    func sorted<Item>(_ items: [Item], byPost post: (Item) -> String?) -> [Item] {
        let keyed = items.enumerated().map { (offset: $0.offset, item: $0.element, index: post($0.element).flatMap { positionIndex[$0] }) }
        return keyed.sorted { a, b in
            switch (a.index, b.index) {
            case (let x?, let y?): return x == y ? a.offset < b.offset : precedes(x, y)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.item)
    }
}
