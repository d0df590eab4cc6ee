/// A rotation round as the organization department describes it: the units, their posts, the
/// cadres who hold them or are planned for them, and the policy the round is planned under.
///
/// Values of this type have passed `ScenarioReader`'s checks: every reference resolves, every
/// number is finite and in range. The model builder and the verifier rely on that.
public struct Scenario: Sendable, Equatable {
    /// The highest scenario format version this build reads.
    public static let currentVersion = 1

    public var version: Int
    public var name: String
    /// Ages are computed as `planningYear - birthYear`.
    public var planningYear: Int
    public var localities: [Locality]
    public var units: [OrgUnit]
    public var positions: [Position]
    public var cadres: [Cadre]
    /// Assignments that must hold after the round (rule 10).
    public var pinned: [AssignmentPair]
    /// Assignments that must not happen (rule 10).
    public var forbidden: [AssignmentPair]
    public var policy: Policy
    public var objective: ObjectiveWeights
    /// The round's own words, beside `Vocabulary.standard` (see `words`); nil when it has none.
    public var vocabulary: Vocabulary?

    public init(
        version: Int = Scenario.currentVersion, name: String, planningYear: Int,
        localities: [Locality], units: [OrgUnit], positions: [Position], cadres: [Cadre],
        pinned: [AssignmentPair] = [], forbidden: [AssignmentPair] = [],
        policy: Policy = Policy(), objective: ObjectiveWeights = ObjectiveWeights(), vocabulary: Vocabulary? = nil
    ) {
        self.version = version
        self.name = name
        self.planningYear = planningYear
        self.localities = localities
        self.units = units
        self.positions = positions
        self.cadres = cadres
        self.pinned = pinned
        self.forbidden = forbidden
        self.policy = policy
        self.objective = objective
        self.vocabulary = vocabulary
    }
}

/// An area a cadre can be "local" to. `within` makes a hierarchy: a cadre from a district is
/// local to units of that district and to units of the city that contains it.
public struct Locality: Sendable, Equatable {
    public var id: String
    public var name: String
    public var within: String?

    public init(id: String, name: String, within: String? = nil) {
        self.id = id
        self.name = name
        self.within = within
    }
}

public struct OrgUnit: Sendable, Equatable {
    public var id: String
    public var name: String
    /// The locality the unit governs; the non-local rule compares it with cadres' home localities.
    public var locality: String
    /// Commune level (commune, ward, special zone): the youth rule applies to its team.
    public var grassroots: Bool
    /// Administrative level, 1 the highest. Kept for reports and later succession rules.
    public var level: Int

    public init(id: String, name: String, locality: String, grassroots: Bool, level: Int = 1) {
        self.id = id
        self.name = name
        self.locality = locality
        self.grassroots = grassroots
        self.level = level
    }
}

public struct Requirements: Sendable, Equatable {
    public var minEducation: EducationLevel?
    /// Any one of these fields qualifies; empty means no field is required.
    public var fields: [String]
    public var minRating: Double?
    /// Maximum age at appointment, in years.
    public var maxAge: Int?

    public init(minEducation: EducationLevel? = nil, fields: [String] = [], minRating: Double? = nil, maxAge: Int? = nil) {
        self.minEducation = minEducation
        self.fields = fields
        self.minRating = minRating
        self.maxAge = maxAge
    }
}

public struct Position: Sendable, Equatable {
    public var id: String
    public var unit: String
    /// What the post is, in the words policy uses: "secretary", "chair", "deputy-secretary".
    public var title: String
    /// Whether the post belongs to its unit's leadership team (team rules count these).
    public var leadership: Bool
    public var requirements: Requirements
    /// The cadre holding the post before the round, or nil when vacant.
    public var incumbent: String?
    /// Must be filled by the round (rule 11).
    public var mustFill: Bool
    /// Importance: scales the fit of whoever holds the post and the price of leaving it vacant.
    public var weight: Double

    public init(
        id: String, unit: String, title: String, leadership: Bool = true, requirements: Requirements = Requirements(),
        incumbent: String? = nil, mustFill: Bool = false, weight: Double = 1
    ) {
        self.id = id
        self.unit = unit
        self.title = title
        self.leadership = leadership
        self.requirements = requirements
        self.incumbent = incumbent
        self.mustFill = mustFill
        self.weight = weight
    }
}

public enum Gender: String, Sendable, Equatable, CaseIterable {
    case female, male
}

/// Education levels in increasing order.
public enum EducationLevel: String, Sendable, Equatable, CaseIterable, Comparable {
    case secondary, college, bachelor, master, doctorate

    public var rank: Int { EducationLevel.allCases.firstIndex(of: self)! }

    public static func < (lhs: EducationLevel, rhs: EducationLevel) -> Bool { lhs.rank < rhs.rank }
}

public struct Cadre: Sendable, Equatable {
    public var id: String
    /// Personal data: shown in tables the office reads, never in logs or exported models.
    public var name: String
    public var gender: Gender
    public var birthYear: Int
    public var homeLocality: String
    public var education: EducationLevel
    public var fields: [String]
    /// The KPI evaluation score, 0 to 100.
    public var rating: Double
    /// Years in the post currently held (0 for the pool).
    public var yearsInPost: Int
    /// Titles the cadre is planned (listed as a successor) for.
    public var plannedFor: [String]
    /// Must stay where they are: in their post, or out of the round if they hold none.
    public var locked: Bool
    /// Ids of close relatives; the relation is taken as symmetric.
    public var relatives: [String]

    public init(
        id: String, name: String, gender: Gender, birthYear: Int, homeLocality: String,
        education: EducationLevel = .bachelor, fields: [String] = [], rating: Double = 70, yearsInPost: Int = 0,
        plannedFor: [String] = [], locked: Bool = false, relatives: [String] = []
    ) {
        self.id = id
        self.name = name
        self.gender = gender
        self.birthYear = birthYear
        self.homeLocality = homeLocality
        self.education = education
        self.fields = fields
        self.rating = rating
        self.yearsInPost = yearsInPost
        self.plannedFor = plannedFor
        self.locked = locked
        self.relatives = relatives
    }
}

public struct AssignmentPair: Sendable, Equatable, Hashable {
    public var cadre: String
    public var position: String

    public init(cadre: String, position: String) {
        self.cadre = cadre
        self.position = position
    }
}

/// The weights of the objective. Fit of cadre c in post p is
/// `weight(p) * (rating * rating(c)/100 + fieldMatch * [c has a field p asks for] + continuity * [c held p])`;
/// see docs/model.md for the whole objective.
public struct ObjectiveWeights: Sendable, Equatable {
    /// Points for a full rating of 100, per unit of post weight.
    public var rating: Double = 10
    /// Points when the holder has one of the fields the post asks for, per unit of post weight.
    public var fieldMatch: Double = 2
    /// Points for an incumbent who keeps their own post, per unit of post weight.
    public var continuity: Double = 1
    /// Price of each incumbent who changes post.
    public var movePrice: Double = 2
    /// Price of a vacant post, per unit of post weight.
    public var vacancyPrice: Double = 10

    public init() {}
}

extension ObjectiveWeights {
    /// The terms of cadre c's fit in post p per unit of post weight: rating, field match and
    /// continuity (`holdsIt`: c held p). The fit is `weight(p) * (rating + fieldMatch + continuity)`.
    public func fitTerms(of cadre: Cadre, in position: Position, holdsIt: Bool) -> (rating: Double, fieldMatch: Double, continuity: Double)
    {
        let asked = position.requirements.fields
        let matches = !asked.isEmpty && asked.contains(where: cadre.fields.contains)
        return (rating * cadre.rating / 100, matches ? fieldMatch : 0, holdsIt ? continuity : 0)
    }
}

/// One entry of a cadre's `plannedFor`: a title (`"secretary"`: planned for every post with that
/// title), a title within a locality (`"secretary@hai-phong"`: only for posts of units in
/// Hai Phong or in a locality within it), as a city plans its own cadres for its own posts, or
/// one post (`"post:P-C001-SEC"`), as `planner succession --write-planning` writes slates.
public struct PlanningEntry: Sendable, Equatable {
    public static let postPrefix = "post:"

    public var title: String
    public var locality: String?
    /// The position id of a `post:` entry; `title` is then empty.
    public var position: String?

    public init(_ entry: String) {
        if entry.hasPrefix(PlanningEntry.postPrefix) {
            title = ""
            locality = nil
            position = String(entry.dropFirst(PlanningEntry.postPrefix.count))
        } else if let at = entry.firstIndex(of: "@") {
            title = String(entry[..<at])
            locality = String(entry[entry.index(after: at)...])
        } else {
            title = entry
            locality = nil
        }
    }
}
