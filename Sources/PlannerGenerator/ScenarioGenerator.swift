import PlannerCore

/// Writes realistic rotation rounds from a seed, at named sizes, in the proportions of the city's
/// 2025 figures (docs/scenario-format.md, "Generated rounds"), each with a plan known to keep every
/// hard rule of the default policy (`Round.witness`): a generated round is never infeasible.
public enum ScenarioGenerator {
    /// The benchmark ladder's rungs, smallest first (`bench/ladder`).
    public enum Size: String, Sendable, CaseIterable {
        /// Two communes' leadership teams and one department: 12 posts, to read by eye.
        case tutorial
        /// 12 communes and 3 departments: quick, for tests.
        case small
        /// Hai Phong's leadership posts: 114 communes' teams of 4 and 25 city departments, 606
        /// posts, 583 incumbents (the cadres the city's Standing Committee manages).
        case city
        /// Hai Phong's 114 commune party committees in full: about 3,300 posts, 3,261 incumbents.
        case communes
        /// Five cities' commune committees: about 16,500 posts.
        case region
        /// Fifteen cities' commune committees: about 49,500 posts.
        case stress
    }

    /// A generated round and a plan for it that keeps every hard rule of the default policy.
    public struct Round: Sendable {
        public var scenario: Scenario
        /// Position id → the cadre holding it in the witness plan; absent: vacant.
        public var witness: [String: String]
    }

    static func shape(_ size: Size) -> Shape {
        switch size {
        case .tutorial:
            Shape(
                style: .leadershipTeams, cities: 1, communesPerCity: 2, departments: 1, incumbents: nil, incumbentShareOfPosts: 0.9,
                poolPerPost: 0.5)
        case .small:
            Shape(
                style: .leadershipTeams, cities: 1, communesPerCity: 12, departments: 3, incumbents: nil, incumbentShareOfPosts: 0.97,
                poolPerPost: 0.5)
        case .city:
            Shape(
                style: .leadershipTeams, cities: 1, communesPerCity: 114, departments: 25, incumbents: 583,
                incumbentShareOfPosts: 583.0 / 600.0, poolPerPost: 0.5)
        case .communes:
            Shape(
                style: .partyCommittees, cities: 1, communesPerCity: 114, departments: 0, incumbents: 3261, incumbentShareOfPosts: 0.988,
                poolPerPost: 0.3)
        case .region:
            Shape(
                style: .partyCommittees, cities: 5, communesPerCity: 114, departments: 0, incumbents: nil, incumbentShareOfPosts: 0.988,
                poolPerPost: 0.3)
        case .stress:
            Shape(
                style: .partyCommittees, cities: 15, communesPerCity: 114, departments: 0, incumbents: nil, incumbentShareOfPosts: 0.988,
                poolPerPost: 0.3)
        }
    }

    public static func generate(size: Size, seed: UInt64, planningYear: Int = 2026) -> Scenario {
        round(size: size, seed: seed, planningYear: planningYear).scenario
    }

    public static func round(size: Size, seed: UInt64, planningYear: Int = 2026) -> Round {
        var generation = Generation(shape: shape(size), seed: seed, planningYear: planningYear)
        let place = size.rawValue == "region" || size.rawValue == "stress" ? "Hải Phòng and neighbouring provinces" : "Hải Phòng"
        return generation.run(name: "\(place) rotation round \(planningYear) (generated: \(size.rawValue), seed \(seed))")
    }
}

struct Shape {
    enum Style {
        /// Each commune's four heads (secretary, chair, a deputy secretary, a vice-chair) and
        /// the city departments' directors and deputies: the posts the city itself appoints.
        case leadershipTeams
        /// Each commune's whole party committee, about 29 posts with distinct titles.
        case partyCommittees
    }

    var style: Style
    var cities: Int
    var communesPerCity: Int
    var departments: Int
    /// Incumbents; the rest of the posts are vacant. When nil, `incumbentShareOfPosts`.
    var incumbents: Int?
    var incumbentShareOfPosts: Double
    var poolPerPost: Double
}
