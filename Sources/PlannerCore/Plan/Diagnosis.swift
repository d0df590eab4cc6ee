/// Why a round has no feasible plan, in the scenario's terms (`planner diagnose`, docs/model.md
/// "Diagnosing an infeasible round"): the fewest rule instances whose relaxation yields a plan,
/// and a conflict no proper subset of which conflicts. Each claim is checked by solving.
public struct Diagnosis: Codable, Sendable, Equatable {
    public static let formatName = "planner-diagnosis"

    public var format: String = Diagnosis.formatName
    public var scenario: ScenarioIdentity
    /// True when the round has no plan; false when it has one after all (nothing conflicts); nil
    /// (`null` in JSON, never left out) when the time limit passed before the diagnosis could
    /// tell: `diagnose --time-limit 0` on a round with a plan said "infeasible" here until
    /// 2026-12-06.
    public var infeasible: Bool?
    /// The fewest hard rule instances whose relaxation yields a plan (the elastic model's
    /// optimum: docs/model.md), when `fewestProven`; otherwise a set that relaxed yields a plan,
    /// found before the time limit stopped the proof that no fewer can do.
    public var fewest: [ConflictItem]
    /// No fewer instances can do: proven by the LP bound over every relaxation or by the elastic
    /// model's search.
    public var fewestProven: Bool
    /// The round is too wide for the model over every pair the proof needs (more than a million
    /// pair columns): the count is the elastic model's over its sample of each post's pairs.
    public var fewestCountedOnSample: Bool
    /// Dropping `fewest` gives a plan: solved and found feasible (nil: the check ran out of time).
    public var fewestYieldsPlan: Bool?
    /// An irreducible conflict: these instances cannot all hold, and dropping any one of them
    /// lets the others hold.
    public var conflict: [ConflictItem]
    /// Every deletion test decided within its time (false: the set conflicts but may not be
    /// irreducible).
    public var irreducible: Bool
    /// The conflict is one evident from the scenario's data (a lock a hard rule forbids, a
    /// must-fill post nobody may hold: `EvidentConflicts`), irreducible by construction and not
    /// tested by solving. Until 2026-12-06 the text told this from "no solve at all", and said
    /// "each checked by solving" of an evident conflict whenever the fewest were checked by a solve.
    public var conflictEvident: Bool
    /// MIP solves the diagnosis took.
    public var solves: Int
    /// True when a stop was asked for (Ctrl-C, SIGTERM) before the diagnosis ended: what it did
    /// not settle was cut short by that, not by a time limit (left out of the JSON otherwise).
    public var stopped: Bool?

    public init(
        scenario: ScenarioIdentity, infeasible: Bool?, fewest: [ConflictItem] = [], fewestProven: Bool = false,
        fewestCountedOnSample: Bool = false, fewestYieldsPlan: Bool? = nil,
        conflict: [ConflictItem] = [], irreducible: Bool = false, conflictEvident: Bool = false, solves: Int = 0
    ) {
        self.scenario = scenario
        self.infeasible = infeasible
        self.fewest = fewest
        self.fewestProven = fewestProven
        self.fewestCountedOnSample = fewestCountedOnSample
        self.fewestYieldsPlan = fewestYieldsPlan
        self.conflict = conflict
        self.irreducible = irreducible
        self.conflictEvident = conflictEvident
        self.solves = solves
    }

    enum CodingKeys: String, CodingKey {
        case format, scenario, infeasible, fewest, fewestProven, fewestCountedOnSample, fewestYieldsPlan, conflict, irreducible,
            conflictEvident, solves, stopped
    }

    /// As synthesized, except that an unknown `infeasible` is written as null, not left out: a
    /// reader that looks for the key finds that nothing is claimed.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(scenario, forKey: .scenario)
        try container.encode(infeasible, forKey: .infeasible)
        try container.encode(fewest, forKey: .fewest)
        try container.encode(fewestProven, forKey: .fewestProven)
        try container.encode(fewestCountedOnSample, forKey: .fewestCountedOnSample)
        try container.encodeIfPresent(fewestYieldsPlan, forKey: .fewestYieldsPlan)
        try container.encode(conflict, forKey: .conflict)
        try container.encode(irreducible, forKey: .irreducible)
        try container.encode(conflictEvident, forKey: .conflictEvident)
        try container.encode(solves, forKey: .solves)
        try container.encodeIfPresent(stopped, forKey: .stopped)
    }

    /// As synthesized, except that a diagnosis written before `conflictEvident` existed reads as
    /// one whose conflict was found by solving.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        scenario = try container.decode(ScenarioIdentity.self, forKey: .scenario)
        infeasible = try container.decodeIfPresent(Bool.self, forKey: .infeasible)
        fewest = try container.decode([ConflictItem].self, forKey: .fewest)
        fewestProven = try container.decode(Bool.self, forKey: .fewestProven)
        fewestCountedOnSample = try container.decode(Bool.self, forKey: .fewestCountedOnSample)
        fewestYieldsPlan = try container.decodeIfPresent(Bool.self, forKey: .fewestYieldsPlan)
        conflict = try container.decode([ConflictItem].self, forKey: .conflict)
        irreducible = try container.decode(Bool.self, forKey: .irreducible)
        conflictEvident = try container.decodeIfPresent(Bool.self, forKey: .conflictEvident) ?? false
        solves = try container.decode(Int.self, forKey: .solves)
        stopped = try container.decodeIfPresent(Bool.self, forKey: .stopped)
    }
}

/// One rule instance, as a committee reads it.
public struct ConflictItem: Codable, Sendable, Equatable {
    /// The policy key of the rule.
    public var rule: String
    /// What it binds: "post P-AL-SEC", "cadre C-05", "unit U-AL", "the round".
    public var subject: String
    /// The rule and its numbers in words ("the team (4 posts) needs a woman; none of its 37
    /// eligible candidates is a woman").
    public var text: String
    /// Cadres this instance alone keeps from the post (eligibility rules), by id: the data behind it.
    public var keptOut: [String]?

    public init(rule: String, subject: String, text: String, keptOut: [String]? = nil) {
        self.rule = rule
        self.subject = subject
        self.text = text
        self.keptOut = keptOut
    }
}
