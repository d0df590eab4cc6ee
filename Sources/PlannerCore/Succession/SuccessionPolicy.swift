/// The rules of a succession plan (domain.md, "The rules of a succession plan"): which posts
/// are key, how long a slate is, who may be on one, and what the lists must look like as a
/// whole. Qualification (education, fields, rating, non-local heads) reuses the rotation
/// rules' modes: a cadre is planned for a post only as they could be appointed to it.
/// docs/model.md ("The succession model") states the model and the readiness formula.
public struct SuccessionPolicy: Sendable, Equatable {
    /// Posts with these titles are key posts, as are the posts listed in `keyPositions`.
    public var keyTitles: [String] = ["secretary", "deputy-secretary", "chair", "director"]
    public var keyPositions: [String] = []
    /// Seniority of each title, higher is more senior. A cadre is planned only for a post of a
    /// higher grade than the post they hold; a cadre who holds none is below every grade.
    /// Titles not listed have grade 0.
    public var grades: [String: Int] = SuccessionPolicy.defaultGrades
    /// The first year of the term the slates prepare for; nil is the planning year.
    public var termStart: Int?
    /// Rule 1: slate length. `min` binds by the mode (capped at the post's eligible cadres);
    /// `max` always binds.
    public var slateSize = SlateSizeRule()
    /// Rule 2: slates per cadre.
    public var slatesPerCadre = SlatesPerCadreRule()
    /// Rule 4: a full term before retirement age, counted from `termStart`.
    public var timeToServe = TimeToServeRule()
    /// Rule 6: shares of distinct people over all slates.
    public var women = ListShareRule(minShare: 0.25)
    public var young = ListShareRule(minShare: 0.15)
    /// Rule 7: whether a cadre who is appointed to or moved into a new post in the same round
    /// may also be planned for a key post.
    public var allowAppointedInRound = true
    /// The objective's weights.
    public var readiness = ReadinessWeights()

    public init() {}

    public static let defaultGrades: [String: Int] = [
        "secretary": 5,
        "deputy-secretary": 4, "chair": 4, "director": 4, "council-chair": 4,
        "vice-chair": 3, "deputy-director": 3, "council-vice-chair": 3, "inspection-chair": 3, "police-chief": 3,
        "military-commander": 3, "front-chair": 3, "organisation-head": 3, "propaganda-head": 3, "office-chief": 3,
        "inspection-deputy": 2, "police-deputy": 2, "military-deputy": 2, "front-vice-chair": 2, "economy-head": 2,
        "culture-head": 2, "public-service-head": 2, "women-union-chair": 2, "youth-union-secretary": 2,
        "farmers-union-chair": 2, "veterans-chair": 2, "trade-union-chair": 2,
        "office-deputy": 1, "economy-deputy": 1, "culture-deputy": 1, "public-service-deputy": 1,
    ]

    public func grade(ofTitle title: String) -> Int { grades[title] ?? 0 }

    /// The plan's rules with a mode, in the order they are read and written. Their rows are
    /// still written out in `SuccessionModel` (`PlannerModel/SuccessionModel.swift`), which
    /// reads their typed settings (`policy.succession.slateSize.max`).
    public static let rules: [PolicyRule<SuccessionPolicy>] = [
        SuccessionRules.slateSize, SuccessionRules.slatesPerCadre, SuccessionRules.timeToServe, SuccessionRules.women,
        SuccessionRules.young,
    ]
}

/// The definitions of the succession plan's rules, one file each in `PlannerCore/Rules/Succession/`.
public enum SuccessionRules {}

/// Readiness of cadre c for key post p, 0 to 100 in tenths (docs/model.md):
/// 100 · (rating·r + experience·e + fields·f + service·s + sameUnit·u) / (the five weights' sum)
/// with r = rating/100, e = min(years in post, 10)/10, f = the share of the post's fields the
/// cadre has (1 when the post asks none), s = min(service years left after a full term, 10)/10,
/// u = 1 when the cadre already holds a post in the key post's unit.
public struct ReadinessWeights: Sendable, Equatable {
    public var rating: Double = 4
    public var experience: Double = 2
    public var fields: Double = 2
    public var service: Double = 2
    /// Successors prepared within the unit ("tạo nguồn tại chỗ"): without it every secretary
    /// post looks the same to a cadre, and the best-rated people land on any commune's slate.
    public var sameUnit: Double = 1
    /// Value of the first, second, third … successor on a slate, per unit of post weight: each
    /// at most the one before, so that a post's first successor is worth more than another
    /// post's third (the preference for spreading candidates over posts).
    public var slotValues: [Double] = [40, 20, 0]
    /// Price of each slate a cadre is on beyond the first (spreading people over posts).
    public var extraSlatePrice: Double = 5
    /// A slate candidate at or above this readiness is "ready" (the risk flags read it).
    public var ready: Double = 60
    public init() {}
}
