import Planner
import TestSupport
import Testing

/// The verifier re-derives every rule on its own, on purpose: it shares no code with the rule
/// registry, so a mistake in a rule's definition cannot hide from it. What ties the two is this
/// suite: every rule of `Policy.rules` must have a tiny round below in which a plan breaks it,
/// and the verifier must name that rule's key, and must not once the rule is off. A rule added
/// to the registry fails here until it has its case (and the verifier a check).
@Suite("The verifier covers every rule of the registry")
struct RegistryCoverageTests {
    typealias F = Fixtures

    /// A round and the holders of its posts, in post order, that break one rule.
    struct Broken: Sendable {
        var positions: [Position]
        var cadres: [Cadre]
        var holders: [String?]
        var forbidden: [AssignmentPair] = []
    }

    /// By policy key: a round in which only that rule, hard with its default parameters, is
    /// broken by the holders given.
    static let cases: [String: Broken] = [
        "retirement": Broken(positions: [F.post("P1")], cadres: [F.cadre("C1", rating: 80, age: 64)], holders: ["C1"]),
        "release": Broken(
            positions: [F.post("P1", incumbent: "C1")], cadres: [F.cadre("C1", rating: 80), F.cadre("C2", rating: 90)], holders: ["C2"]),
        "education": Broken(
            positions: [F.post("P1", requirements: Requirements(minEducation: .master))],
            cadres: [F.cadre("C1", rating: 80, education: .bachelor)], holders: ["C1"]),
        "fields": Broken(
            positions: [F.post("P1", requirements: Requirements(fields: ["law"]))],
            cadres: [F.cadre("C1", rating: 80, fields: ["finance"])], holders: ["C1"]),
        "minRating": Broken(
            positions: [F.post("P1", requirements: Requirements(minRating: 85))], cadres: [F.cadre("C1", rating: 80)], holders: ["C1"]),
        "maxAge": Broken(
            positions: [F.post("P1", requirements: Requirements(maxAge: 40))], cadres: [F.cadre("C1", rating: 80, age: 45)], holders: ["C1"]
        ),
        "serviceLeft": Broken(positions: [F.post("P1")], cadres: [F.cadre("C1", rating: 80, age: 59)], holders: ["C1"]),
        "planning": Broken(positions: [F.post("P1")], cadres: [F.cadre("C1", rating: 80)], holders: ["C1"]),
        // U1 lies in the north: a cadre from there is local to it.
        "nonLocalHeads": Broken(
            positions: [F.post("P1", title: "secretary")], cadres: [F.cadre("C1", rating: 80, home: "north")], holders: ["C1"]),
        "tenure": Broken(positions: [F.post("P1", incumbent: "C1")], cadres: [F.cadre("C1", rating: 80, yearsInPost: 12)], holders: ["C1"]),
        "youth": Broken(positions: [F.post("P1")], cadres: [F.cadre("C1", rating: 80, age: 50)], holders: ["C1"]),
        "ageBalance": Broken(
            positions: [F.post("P1"), F.post("P2"), F.post("P3")],
            cadres: [F.cadre("C1", rating: 80), F.cadre("C2", rating: 80), F.cadre("C3", rating: 80)], holders: ["C1", "C2", "C3"]),
        "women": Broken(positions: [F.post("P1")], cadres: [F.cadre("C1", rating: 80)], holders: ["C1"]),
        "womenPerTeam": Broken(positions: [F.post("P1")], cadres: [F.cadre("C1", rating: 80)], holders: ["C1"]),
        "moves": Broken(
            positions: [F.post("P1", incumbent: "C1"), F.post("P2", incumbent: "C2")],
            cadres: [F.cadre("C1", rating: 80), F.cadre("C2", rating: 80)], holders: ["C2", "C1"]),
        "relatives": Broken(
            positions: [F.post("P1"), F.post("P2")],
            cadres: [F.cadre("C1", rating: 80, relatives: ["C2"]), F.cadre("C2", rating: 80, relatives: ["C1"])], holders: ["C1", "C2"]),
        "locks": Broken(
            positions: [F.post("P1")], cadres: [F.cadre("C1", rating: 80)], holders: ["C1"],
            forbidden: [AssignmentPair(cadre: "C1", position: "P1")]),
        "mustFill": Broken(positions: [F.post("P1", mustFill: true)], cadres: [F.cadre("C1", rating: 80)], holders: [nil]),
    ]

    @Test("Each rule of the registry, broken, is named by the verifier under its key", arguments: Policy.rules.map(\.key))
    func namesTheBrokenRule(key: String) throws {
        let rule = try #require(Policy.rule(key))
        guard let broken = Self.cases[key] else {
            Issue.record("the rule \(key) has no case here: add a round that breaks it, and check it in the verifier")
            return
        }
        func rules(_ mode: RuleMode) -> [String] {
            var policy = F.allOff
            rule.setMode(mode, in: &policy)
            let scenario = F.scenario(positions: broken.positions, cadres: broken.cadres, policy: policy, forbidden: broken.forbidden)
            let plan = RandomRound.planFor(scenario, holders: broken.holders)
            return PlanVerifier.verify(plan, against: scenario).violations.map(\.rule)
        }
        #expect(rules(.hard).contains(key), "the verifier does not name \(key) when it is broken")
        #expect(!rules(.off).contains(key), "the verifier names \(key) when it is off")
    }

    @Test("The model defines every rule the core defines, once")
    func modelMatchesCore() {
        let core = Policy.rules.map(\.key)
        let model = RotationRules.all.map(\.key)
        #expect(Set(core).count == core.count)
        #expect(model.count == core.count)
        #expect(Set(model) == Set(core))
    }
}
