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

/// A rule with no parameter beyond its mode.
public struct SimpleRule: Sendable, Equatable {
    public var mode: RuleMode
    /// The price a `"soft"` mode gets when the file names none.
    public var defaultPrice: Double

    public init(mode: RuleMode = .hard, defaultPrice: Double) {
        self.mode = mode
        self.defaultPrice = defaultPrice
    }
}

public struct RetirementRule: Sendable, Equatable {
    public var mode: RuleMode = .hard
    public var defaultPrice: Double = 50
    /// Fixed retirement ages. When nil, the statutory schedule applies (Labour Code 2019,
    /// Decree 135/2020): men 60 years 3 months in 2021 rising 3 months a year to 62 in 2028;
    /// women 55 years 4 months in 2021 rising 4 months a year to 60 in 2035.
    public var maleAge: Double?
    public var femaleAge: Double?
    public init() {}
}

public struct ReleaseRule: Sendable, Equatable {
    /// Soft by default: an office can release an incumbent to non-leadership work, at a price.
    public var mode: RuleMode = .soft(price: 30)
    public var defaultPrice: Double = 30
    public init() {}
}

public struct ServiceLeftRule: Sendable, Equatable {
    public var mode: RuleMode = .hard
    public var defaultPrice: Double = 20
    /// Years of service left before retirement that a new appointment needs: a full term.
    public var years: Int = 5
    public init() {}
}

public struct PlanningRule: Sendable, Equatable {
    public var mode: RuleMode = .hard
    public var defaultPrice: Double = 20
    /// A rotation to a post of the title one already holds needs no planning.
    public var exemptSameTitle: Bool = true
    public init() {}
}

public struct NonLocalHeadsRule: Sendable, Equatable {
    public var mode: RuleMode = .hard
    public var defaultPrice: Double = 20
    /// The titles whose holders must not be local (Politburo Conclusion 190-KL/TW and
    /// Regulation 65-QĐ/TW list these heads).
    public var titles: [String] = [
        "secretary", "chair", "inspection-chair", "police-chief", "court-chief",
        "procuracy-chief", "finance-director", "tax-director", "customs-director",
    ]
    /// The share of filled listed posts that must be held by non-local cadres. 1 means every one.
    public var minShare: Double = 1
    public init() {}
}

public struct TenureRule: Sendable, Equatable {
    public var mode: RuleMode = .hard
    public var defaultPrice: Double = 20
    /// An incumbent with at least this many years in the post may not keep it: two terms.
    public var maxYears: Int = 10
    public init() {}
}

public struct YouthRule: Sendable, Equatable {
    /// Soft: the directive asks teams to "include" young members, and the pool may lack them.
    public var mode: RuleMode = .soft(price: 8)
    public var defaultPrice: Double = 8
    /// Younger than this counts as young (the city's own count uses 42).
    public var age: Int = 42
    /// Young members every grassroots leadership team should have (capped at the team's size).
    public var minPerTeam: Int = 1
    public init() {}
}

public struct AgeBalanceRule: Sendable, Equatable {
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

public struct WomenRule: Sendable, Equatable {
    public var mode: RuleMode = .soft(price: 6)
    public var defaultPrice: Double = 6
    /// Minimum share of women among filled leadership posts (planning lists target 25 %).
    public var minShare: Double = 0.25
    public init() {}
}

public struct MovesRule: Sendable, Equatable {
    public var mode: RuleMode = .hard
    public var defaultPrice: Double = 5
    /// At most this many incumbents change post. When nil, `maxShare` of the incumbents who stay
    /// in the round (rounded down).
    public var max: Int?
    public var maxShare: Double = 0.25
    public init() {}
}
