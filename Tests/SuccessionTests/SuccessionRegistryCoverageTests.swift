import Planner
import TestSupport
import Testing

/// The succession verifier re-derives every rule on its own, like the round's; this suite ties
/// it to `SuccessionPolicy.rules`: for each rule, slates that fall short of it, and the verifier
/// must price the shortfall under the rule's key (`succession.KEY`) when the rule is soft, and
/// not when it is off. Soft, because a hard time-to-serve shortfall is reported as the cadre
/// not being eligible (rule `succession`), with the reason.
@Suite("The succession verifier covers every rule of the registry")
struct SuccessionRegistryCoverageTests {
    typealias F = Fixtures

    /// Key posts (by title), cadres, and the slates (cadre ids, post by post) that fall short.
    struct Short: Sendable {
        var positions: [Position]
        var cadres: [Cadre]
        var slates: [[String]]
    }

    /// By rule key, with that rule's default parameters: C1 is a man of 45 (not young); U1 is
    /// grassroots in the north.
    static let cases: [String: Short] = [
        "slateSize": Short(positions: [F.post("P1", title: "secretary")], cadres: [F.cadre("C1", rating: 80)], slates: [[]]),
        "slatesPerCadre": Short(
            positions: ["secretary", "chair", "director", "deputy-secretary"].enumerated().map {
                F.post("P\($0.offset + 1)", title: $0.element)
            },
            cadres: [F.cadre("C1", rating: 80)], slates: [["C1"], ["C1"], ["C1"], ["C1"]]),
        "timeToServe": Short(positions: [F.post("P1", title: "secretary")], cadres: [F.cadre("C1", rating: 80, age: 59)], slates: [["C1"]]),
        "women": Short(positions: [F.post("P1", title: "secretary")], cadres: [F.cadre("C1", rating: 80)], slates: [["C1"]]),
        "young": Short(positions: [F.post("P1", title: "secretary")], cadres: [F.cadre("C1", rating: 80)], slates: [["C1"]]),
    ]

    @Test(
        "Each succession rule of the registry, short, is priced by the verifier under its key", arguments: SuccessionPolicy.rules.map(\.key)
    )
    func pricesTheShortfall(key: String) throws {
        let rule = try #require(SuccessionPolicy.rules.first { $0.key == key })
        guard let short = Self.cases[key] else {
            Issue.record("the succession rule \(key) has no case here: add slates that fall short of it, and check it in the verifier")
            return
        }
        func penalised(_ mode: RuleMode) -> [String] {
            var policy = F.allOff
            for other in SuccessionPolicy.rules { other.setMode(.off, in: &policy.succession) }
            rule.setMode(mode, in: &policy.succession)
            let scenario = F.scenario(positions: short.positions, cadres: short.cadres, policy: policy)
            let plan = RandomSuccession.planFor(scenario, keys: short.positions, slates: short.slates)
            return SuccessionVerifier.verify(plan, against: scenario).penalties.map(\.rule)
        }
        #expect(penalised(.soft(price: 1)).contains("succession.\(key)"), "the verifier does not price succession.\(key)")
        #expect(!penalised(.off).contains("succession.\(key)"), "the verifier prices succession.\(key) when it is off")
    }
}
