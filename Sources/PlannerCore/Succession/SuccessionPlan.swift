/// A succession plan: for every key post, a ranked slate of planned successors, with the
/// figures the committee reads and what produced it. Written by `planner succession --format
/// json`, read back by `planner verify`. `slates[].candidates` is the source of truth; the
/// risks and figures are views of it that the verifier recomputes.
public struct SuccessionPlan: Codable, Sendable, Equatable {
    public static let formatName = "planner-succession"
    public static let currentVersion = 1

    public var format: String = SuccessionPlan.formatName
    public var version: Int = SuccessionPlan.currentVersion
    public var scenario: ScenarioIdentity
    public var producedBy: Provenance
    public var status: PlanStatus
    /// The first year of the term the slates prepare for.
    public var termStart: Int
    public var objective: Double?
    public var bound: Double?
    public var gap: Double?
    /// Under `allowAppointedInRound: false`: the cadres the round appoints to a new post, left
    /// off every slate, and the SHA-256 of the round's plan file ("solved" when planner solved
    /// the round itself).
    public var excludedAsAppointed: [String]
    public var round: String?
    /// Every key post, in the scenario's order.
    public var slates: [Slate]
    public var objectiveBreakdown: SuccessionObjective?
    public var figures: SuccessionFigures?
    public var search: SearchRecord?
    /// Whether the plan came from the model that counts people (a share rule bound the
    /// network's slates), or from the network alone (docs/model.md).
    public var peopleCounted: Bool?
    /// The stated order among slates of equal objective (docs/model.md, "Solving the succession
    /// model"): the better-rated cadres on the higher-ranked posts' slates.
    public var preference: PreferenceRecord?
    /// When the hard rules admit no slates: the rules that cannot all hold together, as
    /// `planner succession` found them (absent when it was not asked, or not found in time).
    public var conflict: SuccessionConflict?
    public var timing: Timing?

    public init(
        scenario: ScenarioIdentity, producedBy: Provenance, status: PlanStatus, termStart: Int, excludedAsAppointed: [String] = [],
        round: String? = nil, slates: [Slate] = []
    ) {
        self.scenario = scenario
        self.producedBy = producedBy
        self.status = status
        self.termStart = termStart
        self.excludedAsAppointed = excludedAsAppointed
        self.round = round
        self.slates = slates
    }
}

public struct Slate: Codable, Sendable, Equatable {
    public var position: String
    public var title: String
    public var unit: String
    public var incumbent: String?
    /// The year the incumbent reaches retirement age.
    public var incumbentRetirementYear: Int?
    /// Cadres the rules allow on this slate.
    public var eligible: Int
    /// The slate in rank order: readiness, highest first (ties by cadre id).
    public var candidates: [SlateCandidate]
    public var risks: [SlateRisk]

    public init(
        position: String, title: String, unit: String, incumbent: String?, incumbentRetirementYear: Int?, eligible: Int,
        candidates: [SlateCandidate], risks: [SlateRisk]
    ) {
        self.position = position
        self.title = title
        self.unit = unit
        self.incumbent = incumbent
        self.incumbentRetirementYear = incumbentRetirementYear
        self.eligible = eligible
        self.candidates = candidates
        self.risks = risks
    }
}

/// Hard rules of a succession plan that admit no slates together, where switching off any one
/// of them gives slates: each was solved with it off and the others found unneeded off too.
public struct SuccessionConflict: Codable, Sendable, Equatable {
    /// Policy keys: `succession.slateSize`, … for the succession's rules, `education`, … for the
    /// rotation's rules that qualify a cadre for a slate; in the policy's order. Empty when none
    /// was found (`notFound` says why).
    public var rules: [String]
    public var method: String
    /// Solves it took.
    public var solves: Int
    public var notFound: NotFound?

    /// Why no rules are named.
    public enum NotFound: String, Codable, Sendable, Equatable {
        /// The time limit (or the diagnosis's 10 s) came before the last solve.
        case timeLimit
        /// Even with every hard rule off there are no slates: the rules are not the cause.
        case withEveryRuleOff
    }

    public init(rules: [String], method: String, solves: Int, notFound: NotFound? = nil) {
        self.rules = rules
        self.method = method
        self.solves = solves
        self.notFound = notFound
    }
}

public struct SlateCandidate: Codable, Sendable, Equatable {
    public var cadre: String
    /// The post the cadre holds before the round; nil for the pool.
    public var holds: String?
    public var retirementYear: Int
    public var readiness: ReadinessScore
    /// Readiness at or above the policy's `ready` level.
    public var ready: Bool

    public init(cadre: String, holds: String?, retirementYear: Int, readiness: ReadinessScore, ready: Bool) {
        self.cadre = cadre
        self.holds = holds
        self.retirementYear = retirementYear
        self.readiness = readiness
        self.ready = ready
    }
}

public enum SlateRisk: String, Codable, Sendable, Equatable, CaseIterable {
    /// Nobody on the slate.
    case noCandidate
    /// One successor only.
    case singleCandidate
    /// The incumbent reaches retirement age before the end of the coming term, and no one on
    /// the slate is ready.
    case incumbentRetiresWithoutReadySuccessor

    public var sentence: String {
        switch self {
        case .noCandidate: "no candidate"
        case .singleCandidate: "a single candidate"
        case .incumbentRetiresWithoutReadySuccessor: "incumbent retires within the term, no ready successor"
        }
    }
}

/// The objective term by term: readiness + slot values − extra-slate prices − penalties.
public struct SuccessionObjective: Codable, Sendable, Equatable {
    /// Σ post weight × readiness over every slate place.
    public var readiness: Double
    /// Σ post weight × slot value over every filled slot.
    public var slots: Double
    /// Price of slates beyond a cadre's first.
    public var extraSlates: Double
    public var penalties: [Penalty]
    public var total: Double

    public init(readiness: Double, slots: Double, extraSlates: Double, penalties: [Penalty]) {
        self.readiness = readiness
        self.slots = slots
        self.extraSlates = extraSlates
        self.penalties = penalties
        total = readiness + slots - extraSlates - penalties.reduce(0) { $0 + $1.cost }
    }
}

/// What the committee reads over the whole plan.
public struct SuccessionFigures: Codable, Sendable, Equatable {
    public var keyPosts: Int
    /// Key posts by slate length: element k counts the slates with k successors ("bench strength").
    public var benchStrength: [Int]
    public var atRisk: Int
    /// Distinct people on the list, and the women and young among them.
    public var people: Int
    public var women: Int
    public var young: Int
    public var womenShare: Double
    public var youngShare: Double
    /// The most slates any cadre is on, and who is on that many (ids, sorted).
    public var mostSlates: Int
    public var cadresOnMostSlates: [String]

    public init(
        keyPosts: Int, benchStrength: [Int], atRisk: Int, people: Int, women: Int, young: Int, womenShare: Double, youngShare: Double,
        mostSlates: Int, cadresOnMostSlates: [String]
    ) {
        self.keyPosts = keyPosts
        self.benchStrength = benchStrength
        self.atRisk = atRisk
        self.people = people
        self.women = women
        self.young = young
        self.womenShare = womenShare
        self.youngShare = youngShare
        self.mostSlates = mostSlates
        self.cadresOnMostSlates = cadresOnMostSlates
    }
}
