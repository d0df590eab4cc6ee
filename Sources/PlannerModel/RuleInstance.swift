import PlannerCore

/// One instance of a hard rule of a rotation round: the rule, and the post, cadre, team or pair
/// it binds. A diagnosis of an infeasible round names these (`planner diagnose`), and the model
/// builder can relax each one on its own (`RuleTreatment`).
///
/// Eligibility rules are grouped as an office states them: a post's requirement (its education,
/// fields, rating, age, planning list, non-local rule) binds all of that post's candidates; a
/// cadre's own situation (retirement age, service left, locked out of the round) binds all of
/// their posts; a forbidden pair and an incumbent's tenure bind one pair.
public enum RuleInstance: Hashable, Sendable, Comparable {
    /// A requirement of a post: `education`, `fields`, `minRating`, `maxAge`, `planning`, or
    /// `nonLocalHeads` (the pair form: hard with a share of 1).
    case requirement(rule: String, position: Int)
    /// A rule about a cadre that keeps them from every post it applies to: `retirement` (any
    /// post), `serviceLeft` (any new post), `locks` (a locked cadre of the pool).
    case cadreRule(rule: String, cadre: Int)
    /// The tenure limit on the incumbent of a post keeping it.
    case tenure(position: Int)
    /// `scenario.forbidden[index]`.
    case forbidden(index: Int)
    case mustFill(position: Int)
    /// The incumbent keeps a post (their own or another): release hard.
    case release(cadre: Int)
    /// A locked incumbent stays in their post.
    case lock(cadre: Int)
    /// `scenario.pinned[index]` holds.
    case pin(index: Int)
    /// A team rule (`youth`, `womenPerTeam`, `ageBalance`: a rule with team rows in
    /// `RotationRules.all`) on one unit's leadership team.
    case team(rule: String, unit: Int)
    case relatives(first: Int, second: Int, unit: Int)
    case moves
    case women
    /// Rule 3 in share form (not hard with a share of 1).
    case nonLocalShare

    /// The policy key of the rule.
    public var rule: String {
        switch self {
        case .requirement(let rule, _), .cadreRule(let rule, _), .team(let rule, _): rule
        case .tenure: "tenure"
        case .forbidden, .lock, .pin: "locks"
        case .mustFill: "mustFill"
        case .release: "release"
        case .relatives: "relatives"
        case .moves: "moves"
        case .women: "women"
        case .nonLocalShare: "nonLocalHeads"
        }
    }

    /// Whether the instance only removes candidates (a filter on pairs): it can never be the
    /// reason a post or a cadre needs a pair, only the reason a pair is missing.
    public var isFilter: Bool {
        switch self {
        case .requirement, .cadreRule, .tenure, .forbidden: true
        default: false
        }
    }

    /// A stable order for reports and for the deletion filter: whole-round rules, then team
    /// rules, then posts and cadres, then the eligibility filters (the data).
    var rank: (Int, Int, Int, Int, String) {
        switch self {
        case .moves: (0, 0, 0, 0, "")
        case .women: (0, 1, 0, 0, "")
        case .nonLocalShare: (0, 2, 0, 0, "")
        case .team(let rule, let u): (1, u, RotationRules.order[rule] ?? .max, 0, "")
        case .relatives(let a, let b, let u): (2, a, b, u, "")
        case .mustFill(let p): (3, p, 0, 0, "")
        case .lock(let c): (4, c, 0, 0, "")
        case .pin(let i): (4, i, 1, 0, "")
        case .release(let c): (4, c, 2, 0, "")
        case .tenure(let p): (5, p, 0, 0, "")
        case .forbidden(let i): (5, i, 1, 0, "")
        case .requirement(let rule, let p): (6, p, 0, 0, rule)
        case .cadreRule(let rule, let c): (7, c, 0, 0, rule)
        }
    }

    public static func < (lhs: RuleInstance, rhs: RuleInstance) -> Bool { lhs.rank < rhs.rank }
}

/// How the builder treats a hard rule instance: as the policy says, not at all, or elastic: it
/// may be broken, and a 0–1 column (`RotationModel.elasticIndicators`) says whether it is.
public enum RuleTreatment: Sendable, Equatable {
    case asPolicy
    case off
    case elastic
}

/// What the builder may change about a round, for a diagnosis: the treatment of each instance,
/// which candidate pairs get a column, and whether the objective is kept. The default builds the
/// round as its policy states.
public struct RuleRelaxation: Sendable {
    /// The treatment of each instance. Only instances the policy makes hard are ever elastic;
    /// soft and off ones keep their mode unless turned off.
    public var treatment: @Sendable (RuleInstance) -> RuleTreatment
    /// Pairs (cadre index, position index) that may get a column; nil: every pair the rules allow.
    public var pairs: (@Sendable (Int, Int) -> Bool)?
    /// Pairs that only elastic instances keep out get a column when this says so, and besides
    /// them, for each post, the `elasticPairsPerPost` best by fit that break at most two: every
    /// such pair would make the model as large as the round is wide, and a relaxation is found
    /// among the best few.
    public var elasticPairs: (@Sendable (Int, Int) -> Bool)?
    public var elasticPairsPerPost: Int
    /// The most instances a pair may break to be among a post's `elasticPairsPerPost` (2 by
    /// default; `Int.max` for every pair). A relaxation that breaks fewer than k instances uses no
    /// pair that breaks k or more, so a diagnosis asking "can fewer than k do?" needs the pairs
    /// breaking at most k − 1 only.
    public var elasticPairsBreakingAtMost: Int
    /// The round's objective times this: 1 keeps it, 0 leaves only the elastic indicators.
    public var objectiveScale: Double
    public var keepsObjective: Bool { objectiveScale == 1 }
    /// What each broken elastic instance costs. A diagnosis keeps the round's objective and
    /// sets this above twice what the objective can span (`RotationModel.objectiveSpan`), so
    /// that the solver breaks the fewest instances first and, among those relaxations, prefers
    /// the better plan. In the objective's own units: GLPK's reduced-cost tolerance is absolute,
    /// and with the objective scaled down to fit under 1 instead, the simplex lost its way (a
    /// minute per solve on the city round, against seconds).
    public var elasticPrice: Double

    public init(
        treatment: @escaping @Sendable (RuleInstance) -> RuleTreatment = { _ in .asPolicy },
        pairs: (@Sendable (Int, Int) -> Bool)? = nil, elasticPairs: (@Sendable (Int, Int) -> Bool)? = nil,
        elasticPairsPerPost: Int = 0, elasticPairsBreakingAtMost: Int = 2, keepsObjective: Bool = true, elasticPrice: Double = 1
    ) {
        self.treatment = treatment
        self.pairs = pairs
        self.elasticPairs = elasticPairs
        self.elasticPairsPerPost = elasticPairsPerPost
        self.elasticPairsBreakingAtMost = elasticPairsBreakingAtMost
        objectiveScale = keepsObjective ? 1 : 0
        self.elasticPrice = elasticPrice
    }

    /// The round as its policy states it.
    public static let none = RuleRelaxation()
}

/// The hard rule instances each (cadre, post) pair breaks: what keeps a cadre from a post, as
/// a diagnosis or an explanation names it. Built once per scenario.
public struct PairRules {
    let builder: RotationModelBuilder

    public init(_ scenario: Scenario) {
        builder = RotationModelBuilder(facts: ScenarioFacts(scenario), relaxation: RuleRelaxation(treatment: { _ in .elastic }))
    }

    /// The hard instances the pair breaks, in report order (empty: the rules allow it).
    public func broken(cadre c: Int, position p: Int) -> [RuleInstance] {
        guard case .admissible(_, let elastic) = builder.pairStatus(cadre: c, position: p) else { return [] }
        return elastic.sorted()
    }
}

extension PairRules {
    /// The requirements a staying incumbent is not held to: those the pair would break were the
    /// cadre a newcomer to post p (education, fields, rating, age, service left, planning: the
    /// rules that exempt a cadre keeping their post). Empty unless p is the cadre's own post.
    /// What a committee asks when the runners-up are "not planned for" a post whose holder is
    /// not planned for it either.
    public func exemptAsIncumbent(cadre c: Int, position p: Int) -> [RuleInstance] {
        guard builder.facts.ownPosition[c] == p else { return [] }
        guard case .admissible(_, let asNewcomer) = builder.pairStatus(cadre: c, position: p, own: nil) else { return [] }
        let staying = Set(broken(cadre: c, position: p))
        // The requirements of a post (education, fields, rating, planning) and of a cadre
        // (age, service left): a lock, retirement or tenure is no exemption of a staying holder.
        return asNewcomer.filter { instance in
            guard !staying.contains(instance) else { return false }
            switch instance {
            case .requirement: return true
            case .cadreRule(let rule, _): return rule != "locks" && rule != "retirement"
            default: return false
            }
        }.sorted()
    }

    /// The soft rules the pair breaks, each with its price (what holding the post would cost).
    public func penalties(cadre c: Int, position p: Int) -> [Penalty] {
        guard case .admissible(let contributions, _) = builder.pairStatus(cadre: c, position: p) else { return [] }
        return contributions.compactMap { item in
            guard case .penalty(let rule, let subject, let price) = item.kind else { return nil }
            return Penalty(rule: rule, subject: subject, shortfall: 1, price: price)
        }
    }
}
