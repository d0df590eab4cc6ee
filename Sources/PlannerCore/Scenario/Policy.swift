/// How a rule binds: never violated, violated at a price per unit of shortfall, or not at all.
public enum RuleMode: Sendable, Equatable {
    case hard
    case soft(price: Double)
    case off

    public var isActive: Bool { self != .off }
}

/// Every rule of a rotation round, each with its mode and parameters. The defaults are the
/// numbers current regulations use; docs/scenario-format.md lists them with their sources.
public struct Policy: Sendable, Equatable {
    /// Rule 1: cadres at or over retirement age leave; their posts open.
    public var retirement = RetirementRule()
    /// Rule 1: an incumbent keeps a post (their own or another) unless released.
    public var release = ReleaseRule()
    /// Rule 2: eligibility of a new appointment, requirement by requirement.
    public var education = SimpleRule(defaultPrice: 20)
    public var fields = SimpleRule(defaultPrice: 20)
    public var minRating = SimpleRule(defaultPrice: 20)
    public var maxAge = SimpleRule(defaultPrice: 20)
    public var serviceLeft = ServiceLeftRule()
    public var planning = PlanningRule()
    /// Rule 3.
    public var nonLocalHeads = NonLocalHeadsRule()
    /// Rule 4.
    public var tenure = TenureRule()
    /// Rule 5.
    public var youth = YouthRule()
    /// Rule 6.
    public var ageBalance = AgeBalanceRule()
    /// Rule 7: overall share of women among filled leadership posts.
    public var women = WomenRule()
    /// Rule 7, optional part: at least one woman in every leadership team.
    public var womenPerTeam = SimpleRule(mode: .off, defaultPrice: 5)
    /// Rule 8.
    public var moves = MovesRule()
    /// Rule 9.
    public var relatives = SimpleRule(defaultPrice: 50)
    /// Rule 10: locked cadres stay, pinned assignments hold, forbidden assignments never happen.
    public var locks = SimpleRule(defaultPrice: 50)
    /// Rule 11: posts marked `mustFill` are filled.
    public var mustFill = SimpleRule(defaultPrice: 50)
    /// The succession plan's rules (`planner succession`); the rotation round ignores them.
    public var succession = SuccessionPolicy()

    public init() {}
}

/// The definitions of the rotation round's rules, one file each in `PlannerCore/Rules/`.
public enum PolicyRules {}

extension Policy {
    /// Every rule of the round, in the order the documentation lists them and the writer
    /// writes them. A rule's rows and diagnosis live in `PlannerModel/Rules/`, under its key.
    public static let rules: [PolicyRule<Policy>] = [
        PolicyRules.retirement, PolicyRules.release, PolicyRules.education, PolicyRules.fields, PolicyRules.minRating,
        PolicyRules.maxAge, PolicyRules.serviceLeft, PolicyRules.planning, PolicyRules.nonLocalHeads, PolicyRules.tenure,
        PolicyRules.youth, PolicyRules.ageBalance, PolicyRules.women, PolicyRules.womenPerTeam, PolicyRules.moves,
        PolicyRules.relatives, PolicyRules.locks, PolicyRules.mustFill,
    ]

    /// The rule with this policy key.
    public static func rule(_ key: String) -> PolicyRule<Policy>? { rules.first { $0.key == key } }
}

/// A rule with no parameter beyond its mode.
public struct SimpleRule: RuleSettings {
    public var mode: RuleMode
    /// The price a `"soft"` mode gets when the file names none.
    public var defaultPrice: Double

    public init(mode: RuleMode = .hard, defaultPrice: Double) {
        self.mode = mode
        self.defaultPrice = defaultPrice
    }
}
