import Foundation

/// A term planned round by round: each round's plan, the office year by year to the view's
/// end, and each cadre's path. Written by `planner term --format json`; `planner verify`
/// re-derives every round's scenario and every year's figures from the scenario and this
/// document alone.
public struct TermPlan: Codable, Sendable, Equatable {
    public static let formatName = "planner-term-plan"
    public static let currentVersion = 1
    /// The one method `planner term` has so far: each round solved alone, in turn, from the
    /// office the round before left.
    public static let roundByRound = "round-by-round"
    /// The rounds planned together in one model (docs/model.md, "The term planned together"):
    /// the best sequence of round plans for the sum of the rounds' objectives.
    public static let joint = "joint"
    public static let methods = [roundByRound, joint]

    public var format: String = TermPlan.formatName
    public var version: Int = TermPlan.currentVersion
    public var scenario: ScenarioIdentity
    /// How the rounds were planned: "round-by-round" (each round optimal alone, in turn).
    public var method: String
    public var settings: TermSettings
    /// The first round without a plan decides: "optimal" only when every round is.
    public var status: PlanStatus
    /// One per round solved, in order; a round without a plan ends the term (later rounds are
    /// not solved and are listed in `unsolvedRounds`).
    public var rounds: [TermRound]
    public var unsolvedRounds: [Int]
    /// Every year from the first round to `settings.until`.
    public var years: [TermYear]
    /// The cadres whose post changes in the term, in the scenario's canonical order (by id).
    public var paths: [CadrePath]
    /// A joint term: the sum of its rounds' objectives and the best bound the term model's solve
    /// proved on it (equal when optimal). nil for a term planned round by round, whose rounds
    /// state their own.
    public var objective: Double?
    public var bound: Double?
    /// A joint term: the same rounds planned round by round (at most one term plan), beside it.
    public var roundByRoundPlan: [TermPlan]?

    /// The moves of every round planned, summed (what `settings.maxMoves` caps).
    public var movesOverTerm: Int { rounds.reduce(0) { $0 + $1.plan.moves.count } }

    public init(
        scenario: ScenarioIdentity, method: String, settings: TermSettings, status: PlanStatus, rounds: [TermRound],
        unsolvedRounds: [Int], years: [TermYear], paths: [CadrePath]
    ) {
        self.scenario = scenario
        self.method = method
        self.settings = settings
        self.status = status
        self.rounds = rounds
        self.unsolvedRounds = unsolvedRounds
        self.years = years
        self.paths = paths
    }
}

public struct TermRound: Codable, Sendable, Equatable {
    public var year: Int
    /// The round's plan, against the round's own scenario (`plan.scenario` names it: the
    /// scenario carried to `year`, hashed as `ScenarioWriter` writes it).
    public var plan: Plan
    /// With `settings.slates`, the successor slates drawn before the round on the office as
    /// the round before left it (`plan.scenario` names that office with the slates' candidates
    /// planned for their posts); nil for the scenario's own round and without the setting.
    public var slates: SuccessionPlan?

    public init(year: Int, plan: Plan, slates: SuccessionPlan? = nil) {
        self.year = year
        self.plan = plan
        self.slates = slates
    }
}

/// The office in one year of the view: the posts as the last round at or before the year left
/// them, less the holders who reach retirement age by the year.
public struct TermYear: Codable, Sendable, Equatable {
    public var year: Int
    public var leadershipPosts: Int
    public var leadershipPostsFilled: Int
    public var womenInLeadership: Int
    public var womenShare: Double?
    public var youngInGrassrootsTeams: Int
    public var listedHeadPostsFilled: Int
    public var nonLocalListedHeads: Int
    public var vacancies: Int
    /// Holders who reach retirement age in this year, by id.
    public var retiring: [String]
    /// Key posts (policy.succession) vacant in this year.
    public var keyPostsVacant: [String]
    /// Key posts whose holder reaches retirement age in this year and for which no other cadre
    /// is both planned (plannedFor) and allowed by the hard rules of this year's round.
    public var keyPostsAtRisk: [String]
    /// Leadership teams, those with a woman, and the teams the age-balance rule counts (at
    /// least `ageBalance.minTeamSize` posts) and those whose members span its bands, as a
    /// round's figures count them. nil in term plans written before they were stated.
    public var leadershipTeams: Int?
    public var teamsWithAWoman: Int?
    public var ageBalanceTeams: Int?
    public var ageBalanceTeamsMet: Int?

    public init(
        year: Int, leadershipPosts: Int, leadershipPostsFilled: Int, womenInLeadership: Int, womenShare: Double?,
        youngInGrassrootsTeams: Int, listedHeadPostsFilled: Int, nonLocalListedHeads: Int, vacancies: Int, retiring: [String],
        keyPostsVacant: [String], keyPostsAtRisk: [String], leadershipTeams: Int? = nil, teamsWithAWoman: Int? = nil,
        ageBalanceTeams: Int? = nil, ageBalanceTeamsMet: Int? = nil
    ) {
        self.leadershipTeams = leadershipTeams
        self.teamsWithAWoman = teamsWithAWoman
        self.ageBalanceTeams = ageBalanceTeams
        self.ageBalanceTeamsMet = ageBalanceTeamsMet
        self.year = year
        self.leadershipPosts = leadershipPosts
        self.leadershipPostsFilled = leadershipPostsFilled
        self.womenInLeadership = womenInLeadership
        self.womenShare = womenShare
        self.youngInGrassrootsTeams = youngInGrassrootsTeams
        self.listedHeadPostsFilled = listedHeadPostsFilled
        self.nonLocalListedHeads = nonLocalListedHeads
        self.vacancies = vacancies
        self.retiring = retiring
        self.keyPostsVacant = keyPostsVacant
        self.keyPostsAtRisk = keyPostsAtRisk
    }
}

/// Where one cadre is after each round (nil: no post).
public struct CadrePath: Codable, Sendable, Equatable {
    public struct Step: Codable, Sendable, Equatable {
        public var year: Int
        public var position: String?
        public init(year: Int, position: String?) {
            self.year = year
            self.position = position
        }
    }

    public var cadre: String
    /// The post before the first round (nil: none).
    public var before: String?
    public var steps: [Step]

    public init(cadre: String, before: String?, steps: [Step]) {
        self.cadre = cadre
        self.before = before
        self.steps = steps
    }
}

/// Reading and writing term plan documents, as `PlanFile` does plans.
public enum TermFile {
    public static func encode(_ plan: TermPlan) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(plan)).map { $0 + Data("\n".utf8) } ?? Data()
    }

    public static func decode(_ data: Data, file: String) throws(PlanFileError) -> TermPlan {
        let plan = try PlanFile.document(TermPlan.self, data, file: file, what: "a term plan document")
        guard plan.version == TermPlan.currentVersion else {
            throw .malformed(
                file: file, message: "unsupported term plan version \(plan.version): this build reads version \(TermPlan.currentVersion)")
        }
        return plan
    }
}
