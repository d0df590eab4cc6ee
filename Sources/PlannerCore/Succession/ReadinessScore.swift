/// Readiness of a cadre for a post, 0 to 100 in tenths, and its parts (docs/model.md).
public struct ReadinessScore: Sendable, Equatable, Codable {
    /// The cadre's rating, 0 to 100.
    public var rating: Double
    /// Years in the post now held, capped at 10 (0 for the pool).
    public var experienceYears: Int
    /// Fields of the post's list the cadre has, and how many it lists.
    public var fieldsMatched: Int
    public var fieldsAsked: Int
    /// Years of service left after a full term from the term start, capped at 10.
    public var serviceYearsBeyondTerm: Int
    /// The cadre already holds a post in the key post's unit: they know its work and its people.
    public var inUnit: Bool
    /// The weighted score, rounded to tenths.
    public var value: Double

    public init(cadre: Cadre, position: Position, heldUnit: String?, yearsFromTermStart: Int, termYears: Int, weights: ReadinessWeights) {
        rating = cadre.rating
        experienceYears = min(cadre.yearsInPost, 10)
        fieldsAsked = position.requirements.fields.count
        fieldsMatched = Set(position.requirements.fields).intersection(cadre.fields).count
        serviceYearsBeyondTerm = max(0, min(yearsFromTermStart - termYears, 10))
        inUnit = heldUnit == position.unit
        let fieldShare = fieldsAsked == 0 ? 1 : Double(fieldsMatched) / Double(fieldsAsked)
        let total = weights.rating + weights.experience + weights.fields + weights.service + weights.sameUnit
        let raw =
            100
            * (weights.rating * rating / 100 + weights.experience * Double(experienceYears) / 10
                + weights.fields * fieldShare + weights.service * Double(serviceYearsBeyondTerm) / 10
                + weights.sameUnit * (inUnit ? 1 : 0)) / total
        value = (raw * 10).rounded(.toNearestOrAwayFromZero) / 10
    }
}
