import Foundation
import Planner
import TestSupport
import Testing

/// Variants: a base scenario and a list of changes written by hand (docs/variant-format.md).
@Suite("Variants of a scenario")
struct VariantTests {
    typealias F = Fixtures

    /// Two chairs' posts in one unit: C1 (80) holds P1, C2 (70) holds P2, C3 (90) waits in the
    /// pool, C4 (60) is C2's relative. Planning is hard; C3 is planned for chairs.
    static var base: Scenario {
        var policy = F.allOff
        policy.planning.mode = .hard
        return F.scenario(
            positions: [F.post("P1", title: "chair", incumbent: "C1"), F.post("P2", title: "chair", incumbent: "C2")],
            cadres: [
                F.cadre("C1", rating: 80), F.cadre("C2", rating: 70, relatives: ["C4"]), F.cadre("C3", rating: 90, plannedFor: ["chair"]),
                F.cadre("C4", rating: 60, relatives: ["C2"]),
            ],
            policy: policy)
    }

    /// Writes the base and the given files into a new folder; returns its path.
    func folder(_ files: [String: String]) throws -> URL {
        let folder = try F.temporaryDirectory()
        try ScenarioWriter.encode(Self.base).write(to: folder.appendingPathComponent("base.json"))
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    func load(_ name: String, in folder: URL) throws -> Scenario {
        try ScenarioReader.load(path: folder.appendingPathComponent(name).path).scenario
    }

    func problems(_ name: String, in folder: URL) -> [String] {
        do {
            _ = try load(name, in: folder)
            return []
        } catch let error as ScenarioError {
            if case .invalid(_, let problems) = error { return problems.map(\.description) }
            return [error.localizedDescription]
        } catch {
            return ["\(error)"]
        }
    }

    @Test("set changes a rule's mode, one of its parameters, and an objective weight")
    func set() throws {
        let folder = try folder([
            "v.json": """
            {"variantOf": "base.json", "name": "stricter", "changes": [
              {"set": "policy.women", "to": "hard"},
              {"set": "policy.women.minShare", "to": 0.5},
              {"set": "policy.youth.age", "to": 40},
              {"set": "objective.movePrice", "to": 7}
            ]}
            """
        ])
        let scenario = try load("v.json", in: folder)
        #expect(scenario.name == "stricter")
        #expect(scenario.policy.women.mode == .hard && scenario.policy.women.minShare == 0.5)
        #expect(scenario.policy.youth.age == 40 && scenario.policy.youth.mode == .off)  // the base's mode is kept
        #expect(scenario.objective.movePrice == 7)
        #expect(scenario.cadres == Self.base.cadres)
    }

    @Test("remove, add, update, pin and forbid change the entities they name")
    func entities() throws {
        let folder = try folder([
            "v.json": """
            {"variantOf": "base.json", "changes": [
              {"remove": "cadre", "id": "C2"},
              {"add": "cadre", "value": {"id": "C5", "name": "Trần Thị Mai", "gender": "female", "birthYear": 1985,
                                          "homeLocality": "south", "education": "master", "rating": 88, "plannedFor": ["chair"]}},
              {"add": "position", "value": {"id": "P3", "unit": "U1", "title": "chair"}},
              {"update": "cadre", "id": "C1", "with": {"rating": 95, "locked": true}},
              {"pin": "C3", "to": "P2"},
              {"forbid": "C5", "from": "P3"}
            ]}
            """
        ])
        let scenario = try load("v.json", in: folder)
        #expect(scenario.cadres.map(\.id) == ["C1", "C3", "C4", "C5"])
        #expect(scenario.positions.map(\.incumbent) == ["C1", nil, nil])  // C2's post is vacant
        #expect(scenario.cadres[2].relatives.isEmpty)  // C4 was C2's relative
        #expect(scenario.cadres[0].rating == 95 && scenario.cadres[0].locked)
        #expect(scenario.pinned == [AssignmentPair(cadre: "C3", position: "P2")])
        #expect(scenario.forbidden == [AssignmentPair(cadre: "C5", position: "P3")])
    }

    @Test("A post removed leaves its incumbent without a post: 0 years in one, and no pin to it")
    func removedPost() throws {
        let folder = try folder([
            "v.json":
                #"{"variantOf": "base.json", "changes": [{"update": "cadre", "id": "C1", "with": {"yearsInPost": 4}}, {"update": "cadre", "id": "C3", "with": {"plannedFor": ["chair", "post:P1"]}}, {"pin": "C3", "to": "P1"}, {"remove": "position", "id": "P1"}]}"#
        ])
        // Without the change to C1, the reader refuses 4 years in a post C1 no longer holds.
        let scenario = try load("v.json", in: folder)
        #expect(scenario.positions.map(\.id) == ["P2"])
        #expect(scenario.cadres[0].id == "C1" && scenario.cadres[0].yearsInPost == 0)
        #expect(scenario.pinned.isEmpty)
        #expect(scenario.cadres.first { $0.id == "C3" }?.plannedFor == ["chair"])
    }

    @Test("A variant of a variant applies both lists of changes, base first")
    func chain() throws {
        let folder = try folder([
            "a.json": #"{"variantOf": "base.json", "changes": [{"update": "cadre", "id": "C3", "with": {"rating": 50}}]}"#,
            "b.json": #"{"variantOf": "a.json", "changes": [{"set": "planningYear", "to": 2027}]}"#,
        ])
        let scenario = try load("b.json", in: folder)
        #expect(scenario.planningYear == 2027 && scenario.cadres[2].rating == 50)
    }

    @Test("A cycle of bases is an error naming the cycle")
    func cycle() throws {
        let folder = try folder([
            "a.json": #"{"variantOf": "b.json", "changes": []}"#,
            "b.json": #"{"variantOf": "a.json", "changes": []}"#,
            "self.json": #"{"variantOf": "self.json"}"#,
        ])
        #expect(
            problems("a.json", in: folder).contains {
                $0.contains("cycle: b.json → a.json") || $0.contains("cycle") && $0.contains("a.json")
            })
        #expect(problems("self.json", in: folder).contains { $0.contains("cycle") })
    }

    @Test("Bad changes are named by their place in the variant, all at once, with the nearest id")
    func badChanges() throws {
        let folder = try folder([
            "v.json": """
            {"variantOf": "base.json", "chnages": [],
             "changes": [
              {"remove": "cadre", "id": "C9"},
              {"update": "cadre", "id": "C3", "with": {"id": "C7"}},
              {"set": "cadres", "to": []},
              {"pin": "C1", "to": "P7"},
              {"promote": "C1"}
            ]}
            """
        ])
        let found = problems("v.json", in: folder)
        #expect(found.contains { $0.contains("chnages") && $0.contains("did you mean \"changes\"") })
        #expect(found.contains { $0.contains("changes[0]") && $0.contains("no cadre \"C9\"") && $0.contains("line 3") })
        #expect(found.contains { $0.contains("changes[1]") && $0.contains("cannot change an id") })
        #expect(found.contains { $0.contains("changes[2]") && $0.contains("cannot set \"cadres\"") })
        #expect(found.contains { $0.contains("changes[3]") && $0.contains("no position \"P7\"") })
        #expect(found.contains { $0.contains("changes[4]") && $0.contains("one of set, add, remove") })
    }

    @Test("A change that breaks the scenario is reported with the scenario's path and the entity")
    func breaksScenario() throws {
        let folder = try folder([
            "v.json":
                #"{"variantOf": "base.json", "changes": [{"update": "position", "id": "P2", "with": {"unit": "U9"}}, {"set": "policy.women.minShare", "to": 2}]}"#
        ])
        let found = problems("v.json", in: folder)
        #expect(found.contains { $0.contains("positions[1].unit") && $0.contains("position P2") })
        #expect(found.contains { $0.contains("policy.women.minShare") })
        #expect(problems("missing.json", in: folder).contains { $0.contains("no such file") })
        let noBase = try self.folder(["v.json": #"{"variantOf": "nowhere.json"}"#])
        #expect(problems("v.json", in: noBase).contains { $0.contains("\"nowhere.json\" cannot be read") })
    }

    @Test("Solving a variant: when C3 may take neither post, C2 keeps a post that C3 took in the base")
    func solveVariant() throws {
        // Ratings only: the base keeps the best two of C1 (80), C2 (70) and C3 (90, planned for
        // chair); C4 is not planned for chair. Forbidding C3 both posts brings C2 back.
        let folder = try folder([
            "v.json": """
            {"variantOf": "base.json", "changes": [{"forbid": "C3", "from": "P1"}, {"forbid": "C3", "from": "P2"}, {"set": "policy.locks", "to": "hard"}]}
            """
        ])
        #expect(F.holderSet(try F.solve(Self.base)) == ["C1", "C3"])
        #expect(F.holderSet(try F.solve(try load("v.json", in: folder))) == ["C1", "C2"])
    }
}
