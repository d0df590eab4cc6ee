import Foundation
import PlannerCore

/// One rule of the rotation round in the model: its rows, the instances a diagnosis looks
/// for, and its words where they need the model's view (who is eligible for what). Its key,
/// settings and name are its core definition (`definition`, in `PlannerCore/Rules/`).
///
/// The builder, the diagnosis, the describer and the plan's reasons iterate
/// `RotationRules.all`; a rule implements the hooks it has rows or words for and takes the
/// defaults (nothing) for the rest.
public protocol RotationRuleModel: Sendable {
    /// The rule's core definition: policy key, settings, words.
    var definition: PolicyRule<Policy> { get }

    // MARK: Rows

    /// Whether the rule looks at (cadre, post) pairs one by one (`testPair`).
    var testsPairs: Bool { get }
    /// Tests one (cadre, post) pair, through `builder.apply`: false when a hard instance keeps
    /// the pair out (it gets no column). Rules are asked in registry order; the first refusal
    /// ends the test. Runs for every candidate pair of the round: read fields in place.
    func testPair(_ test: inout PairTest, in builder: RotationModelBuilder) -> Bool
    /// Adds the rule's rows for unit `u`'s leadership team (never empty). The builder goes unit
    /// by unit and, within a unit, through `RotationRules.all` in order.
    func addTeamRows(unit u: Int, team: [Int], to builder: inout RotationModelBuilder)
    /// Adds the rule's rows that span the round or cross teams, after every team's rows.
    func addRoundRows(to builder: inout RotationModelBuilder)

    // MARK: Diagnosis and words

    /// Whether the policy makes the rule bind unit `u`'s team hard: a team instance
    /// (`RuleInstance.team`) a diagnosis may find in a conflict.
    func bindsTeamHard(unit u: Int, facts: ScenarioFacts) -> Bool
    /// One of the rule's instances in the committee's words, with the numbers behind it. For a
    /// post's requirement (`RuleInstance.requirement`), what the post asks ("requires a master
    /// or higher"): the describer adds whom it keeps out.
    func describe(_ instance: RuleInstance, in words: RuleWording) -> String?
    /// Why one of the rule's instances keeps cadre c from post p, about them alone ("has a
    /// bachelor; P1 requires a master or higher"); nil: the instance is described as a whole.
    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int, in words: RuleWording) -> String?
    /// What a new holder alone brings their team under this rule ("the team's only woman"),
    /// given the team's other holders, in `words`' language; nil when the rule does not rest on them.
    func teamNeed(of cadre: Cadre, among others: [Cadre], unit u: Int, facts: ScenarioFacts, words: Words) -> String?
}

extension RotationRuleModel {
    public var key: String { definition.key }
    public var testsPairs: Bool { false }
    public func testPair(_ test: inout PairTest, in builder: RotationModelBuilder) -> Bool { true }
    public func addTeamRows(unit u: Int, team: [Int], to builder: inout RotationModelBuilder) {}
    public func addRoundRows(to builder: inout RotationModelBuilder) {}
    public func bindsTeamHard(unit u: Int, facts: ScenarioFacts) -> Bool { false }
    public func describe(_ instance: RuleInstance, in words: RuleWording) -> String? { nil }
    public func reason(_ instance: RuleInstance, cadre c: Int, position p: Int, in words: RuleWording) -> String? { nil }
    public func teamNeed(of cadre: Cadre, among others: [Cadre], unit u: Int, facts: ScenarioFacts, words: Words) -> String? { nil }
}

/// The rotation round's rules in the model, in the order the builder asks them: that order
/// is the order of a pair's penalties and of the model's rows (the bytes of an exported
/// model), so a new rule goes where its tests and rows should come. The core lists the same
/// rules in `Policy.rules`.
public enum RotationRules {
    /// The registry, as a chain of concrete types: the builder's pair test runs for every
    /// candidate pair of the round (millions at the region rung), and over the chain each
    /// rule's test is called directly, where a loop over `any RotationRuleModel` (or over a
    /// parameter pack) took twice as long.
    static let chain =
        RetirementModel() => LocksModel() => TenureModel()
        => EducationModel() => FieldsModel() => MinRatingModel() => MaxAgeModel() => ServiceLeftModel() => PlanningModel()
        // Bounds in the post and cadre rows (`RotationModelBuilder.addPostAndCadreRows`).
        => ReleaseModel() => MustFillModel()
        // Team rules, unit by unit.
        => YouthModel() => WomenPerTeamModel() => AgeBalanceModel()
        // Round rules (non-local heads tests pairs too, after planning).
        => WomenShareModel() => NonLocalHeadsModel() => MovesModel() => RelativesModel() => RuleChainEnd()

    public static let all: [any RotationRuleModel] = {
        var all: [any RotationRuleModel] = []
        chain.collect(into: &all)
        return all
    }()

    /// The rule with this policy key.
    public static func rule(_ key: String) -> (any RotationRuleModel)? { byKey[key] }

    static let byKey: [String: any RotationRuleModel] = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0) })

    /// Each rule's place in `all`: team instances of one unit are reported in this order.
    static let order: [String: Int] = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($0.element.key, $0.offset) })
}

/// Rules in order, each of its own type (`Rule => rest`), so that the pair test over them is
/// specialised into direct calls.
protocol RuleChain: Sendable {
    /// Every rule's pair test in order, up to the first refusal.
    func testPair(_ test: inout PairTest, in builder: RotationModelBuilder) -> Bool
    func collect(into all: inout [any RotationRuleModel])
}

struct RuleChainLink<Rule: RotationRuleModel, Rest: RuleChain>: RuleChain {
    let rule: Rule
    let rest: Rest

    @inline(__always)
    func testPair(_ test: inout PairTest, in builder: RotationModelBuilder) -> Bool {
        if rule.testsPairs, !rule.testPair(&test, in: builder) { return false }
        return rest.testPair(&test, in: builder)
    }

    func collect(into all: inout [any RotationRuleModel]) {
        all.append(rule)
        rest.collect(into: &all)
    }
}

struct RuleChainEnd: RuleChain {
    func testPair(_ test: inout PairTest, in builder: RotationModelBuilder) -> Bool { true }
    func collect(into all: inout [any RotationRuleModel]) {}
}

infix operator => : RuleChainPrecedence
precedencegroup RuleChainPrecedence {
    associativity: right
}

func => <Rule: RotationRuleModel, Rest: RuleChain>(rule: Rule, rest: Rest) -> RuleChainLink<Rule, Rest> {
    RuleChainLink(rule: rule, rest: rest)
}

/// One (cadre, post) pair under test: what the rules that look at it alone make of it.
public struct PairTest {
    public let cadre: Int
    public let position: Int
    /// The post the cadre holds before the round, if any.
    public let own: Int?
    /// The soft penalties the pair pays, and the elastic instances it breaks.
    var penalties: [RotationModel.Contribution] = []
    var elastic: [RuleInstance] = []
    /// "C-0218 in P-D04-DEP5": the subject of each penalty the pair pays, made once per pair
    /// and shared (a pair on a round with soft eligibility pays several, and there are 500,000).
    var penaltySubject: String?

    /// An incumbent staying in their own post (tenure applies), not a new appointment
    /// (eligibility applies).
    public var keepsOwnPost: Bool { own == position }
}

/// The cadres the rules let into each post, each post's list found when first asked and kept:
/// the words of one conflict ask about a few posts, and finding every post's list first was most
/// of the time `solve` took to report an evident conflict (0.26 s of a city round's 0.27).
public final class AdmittedCadres: @unchecked Sendable {
    private let find: (Int) -> [Int]
    private var found: [Int: [Int]] = [:]
    private let lock = NSLock()  // guards `found`: a wording may be read from several threads

    public init(_ find: @escaping (Int) -> [Int]) { self.find = find }

    /// Post p's admitted cadres, by index, in the order of the model's columns for p.
    public subscript(p: Int) -> [Int] {
        lock.lock()
        defer { lock.unlock() }
        if let list = found[p] { return list }
        let list = find(p)
        found[p] = list
        return list
    }
}

/// What a rule's words draw on: the scenario's facts, the cadres the rules allow on each post,
/// how a report shows a number, and the language (`words`, section `rules` of its catalogue).
/// Ids only, never names: the text goes to logs and files as well as to the screen. English by
/// default, the words every JSON document keeps.
public struct RuleWording {
    public let facts: ScenarioFacts
    /// Cadre indices each post's rules allow (the round as its policy states it).
    public let eligible: AdmittedCadres
    /// A number as reports show it.
    public let number: (Double) -> String
    /// The language's catalogue.
    public let words: Words
    /// The round's titles, fields and education levels in either language (Vietnamese only:
    /// English keeps the ids the scenario writes, as it always has).
    let vocabulary: Vocabulary.Index?

    public init(facts: ScenarioFacts, eligible: [[Int]], number: @escaping (Double) -> String, words: Words = .english) {
        self.init(facts: facts, admitted: AdmittedCadres { eligible[$0] }, number: number, words: words)
    }

    /// The wording with each post's admitted cadres found when a text first asks for them.
    public init(facts: ScenarioFacts, admitted: AdmittedCadres, number: @escaping (Double) -> String, words: Words = .english) {
        self.facts = facts
        self.eligible = admitted
        self.number = number
        self.words = words
        vocabulary = words.language == .vi ? Vocabulary.Index(facts.scenario.words) : nil
    }

    public var scenario: Scenario { facts.scenario }
    public var policy: Policy { facts.scenario.policy }

    /// The phrase for `key` (section `rules`) in the wording's language.
    public func say(_ key: String, _ values: [String: String] = [:]) -> String { words(key, values) }

    /// A title, field or education level as the language writes it: its id in English, its
    /// Vietnamese label (else the id) in Vietnamese.
    public func label(_ kind: Vocabulary.Kind, _ id: String) -> String {
        guard let vocabulary, let word = vocabulary.word(kind, id: id) else { return id }
        return word.vi
    }

    /// A locality as the language writes it: its id in English (as the scenario writes it),
    /// its name from the scenario (else the id) in Vietnamese ("An Lão").
    public func locality(_ id: String) -> String {
        guard words.language == .vi, let locality = scenario.localities.first(where: { $0.id == id }) else { return id }
        return locality.name
    }

    /// "P1 (chair, Unit one)"; in Vietnamese "P1 (Chủ tịch UBND, Unit one)".
    public func post(_ p: Int) -> String {
        let position = scenario.positions[p]
        return "\(position.id) (\(label(.title, position.title)), \(facts.unit(of: position).name))"
    }

    /// "U1 (Unit one)".
    public func unit(_ u: Int) -> String { "\(scenario.units[u].id) (\(scenario.units[u].name))" }

    /// "1 cadre", "3 cadres" (`noun`: "cadres" or "posts").
    public func people(_ n: Int, _ noun: String = "cadres") -> String { words("rules.count.\(noun)", count: n) }

    /// Up to `most` cadre ids, and how many more.
    public func ids(_ cadres: [Int], most: Int = 8) -> String {
        let shown = cadres.prefix(most).map { scenario.cadres[$0].id }.joined(separator: ", ")
        return cadres.count > most ? shown + " " + words("common.andMore", count: cadres.count - most) : shown
    }

    /// The cadres eligible for any post of a team, each once.
    public func teamCandidates(_ u: Int) -> [Int] { Array(Set(facts.teams[u].flatMap { eligible[$0] })).sorted() }

    /// "the leadership team of U1 (Unit one) (3 posts)": how a team's description begins.
    public func team(_ u: Int) -> String {
        say("rules.team", ["unit": unit(u), "posts": people(facts.teams[u].count, "posts")])
    }
}
