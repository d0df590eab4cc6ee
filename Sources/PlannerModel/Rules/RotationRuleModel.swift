import PlannerCore

/// One rule of the rotation round in the model: its rows, the instances a diagnosis looks
/// for, and the words reasons and diagnoses give it where they need the model's view (a team's
/// eligible candidates). Its key, settings and name are its core definition (`definition`).
///
/// The builder, the diagnosis and the plan's reasons iterate `RotationRules.all`; a rule
/// implements the hooks it has rows or words for and takes the defaults for the rest.
public protocol RotationRuleModel: Sendable {
    /// The rule's core definition: policy key, settings, words.
    var definition: PolicyRule<Policy> { get }
    /// Adds the rule's rows for unit `u`'s leadership team (never empty). The builder goes unit
    /// by unit and, within a unit, through `RotationRules.all` in order.
    func addTeamRows(unit u: Int, team: [Int], to builder: inout RotationModelBuilder)
    /// Adds the rule's rows that span the round or cross teams, after every team's rows.
    func addRoundRows(to builder: inout RotationModelBuilder)
    /// Whether the policy makes the rule bind unit `u`'s team hard: a team instance
    /// (`RuleInstance.team`) a diagnosis may find in a conflict.
    func bindsTeamHard(unit u: Int, facts: ScenarioFacts) -> Bool
    /// The rule's instance on a team in the committee's words, with the numbers behind it.
    func describe(_ team: TeamView) -> String?
    /// What a new holder alone brings their team under this rule ("the team's only woman"),
    /// given the team's other holders; nil when the rule does not rest on them.
    func teamNeed(of cadre: Cadre, among others: [Cadre], unit u: Int, facts: ScenarioFacts) -> String?
}

extension RotationRuleModel {
    public var key: String { definition.key }
    public func addTeamRows(unit u: Int, team: [Int], to builder: inout RotationModelBuilder) {}
    public func addRoundRows(to builder: inout RotationModelBuilder) {}
    public func bindsTeamHard(unit u: Int, facts: ScenarioFacts) -> Bool { false }
    public func describe(_ team: TeamView) -> String? { nil }
    public func teamNeed(of cadre: Cadre, among others: [Cadre], unit u: Int, facts: ScenarioFacts) -> String? { nil }
}

/// The rotation round's rules in the model, in the order the builder adds their rows: that
/// order is the model's row order (and the bytes of an exported model), so a new rule goes
/// where its rows should come. The core lists the same rules in `Policy.rules`.
public enum RotationRules {
    public static let all: [any RotationRuleModel] = [
        // Rows of these are the pair tests and the post and cadre rows of `RotationModelBuilder`.
        BuiltIntoPairsAndPosts(PolicyRules.retirement), BuiltIntoPairsAndPosts(PolicyRules.release),
        BuiltIntoPairsAndPosts(PolicyRules.education), BuiltIntoPairsAndPosts(PolicyRules.fields),
        BuiltIntoPairsAndPosts(PolicyRules.minRating), BuiltIntoPairsAndPosts(PolicyRules.maxAge),
        BuiltIntoPairsAndPosts(PolicyRules.serviceLeft), BuiltIntoPairsAndPosts(PolicyRules.planning),
        BuiltIntoPairsAndPosts(PolicyRules.tenure), BuiltIntoPairsAndPosts(PolicyRules.locks),
        BuiltIntoPairsAndPosts(PolicyRules.mustFill),
        // Team rules, unit by unit.
        YouthModel(), WomenPerTeamModel(), AgeBalanceModel(),
        // Round rules.
        WomenShareModel(), NonLocalHeadsModel(), MovesModel(), RelativesModel(),
    ]

    /// The rule with this policy key.
    public static func rule(_ key: String) -> (any RotationRuleModel)? { all.first { $0.key == key } }

    /// Each rule's place in `all`: team instances of one unit are reported in this order.
    static let order: [String: Int] = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($0.element.key, $0.offset) })
}

/// A rule whose rows are the builder's own: a test on each (cadre, post) pair
/// (`RotationModelBuilder.pairStatus`), or a bound in the post and cadre rows (must-fill posts,
/// releases, locks). Those checks run once per pair of the round and stay in one place there.
struct BuiltIntoPairsAndPosts: RotationRuleModel {
    let definition: PolicyRule<Policy>
    init(_ definition: PolicyRule<Policy>) { self.definition = definition }
}

/// A unit's leadership team as a diagnosis sees it: its posts and the cadres eligible for any
/// of them. Ids only, never names: the text goes to logs and files as well as to the screen.
public struct TeamView {
    public let unit: Int
    public let facts: ScenarioFacts
    /// The cadres eligible for any post of the team, each once, in file order.
    public let candidates: [Int]

    public init(unit: Int, facts: ScenarioFacts, candidates: [Int]) {
        self.unit = unit
        self.facts = facts
        self.candidates = candidates
    }

    public var scenario: Scenario { facts.scenario }
    public var policy: Policy { facts.scenario.policy }
    public var posts: [Int] { facts.teams[unit] }

    /// "the leadership team of U1 (Unit one) (3 posts)": how a team's description begins.
    public var opening: String {
        "the leadership team of \(scenario.units[unit].id) (\(scenario.units[unit].name)) (\(Self.people(posts.count, "post")))"
    }

    public static func people(_ n: Int, _ noun: String = "cadre") -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    /// Up to `most` cadre ids, and how many more.
    public func ids(_ cadres: [Int], most: Int = 8) -> String {
        let shown = cadres.prefix(most).map { scenario.cadres[$0].id }.joined(separator: ", ")
        return cadres.count > most ? shown + " and \(cadres.count - most) more" : shown
    }
}
