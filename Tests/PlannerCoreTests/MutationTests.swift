import Foundation
import Planner
import TestSupport
import Testing

/// Corrupted scenario files, made by mutating the tutorial: the reader must never crash, and
/// any file it accepts must give models (rotation and succession) that pass every check made
/// before GLPK is called, and must be solved, verified, explained and diagnosed without a crash
/// (`MutationTests.exercise`).
@Suite("Mutated scenario files")
struct MutationTests {
    static let tutorial = try! Data(
        contentsOf: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scenarios/tutorial.json"))

    struct Mutator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static let replacements: [String] = [
        "0", "-1", "1e999", "null", "true", "\"\"", "[]", "{}", "\"C-01\"", "\"U-AL\"", "2031", "\"soft\"", "\u{0}", "\\", "\"",
    ]

    @Test("2,000 mutations: refused with problems, or accepted with a model safe for GLPK", arguments: 0..<4)
    func mutations(batch: Int) {
        var mutator = Mutator(state: UInt64(batch) &* 977 &+ 3)
        var accepted = 0
        for _ in 0..<500 {
            var bytes = [UInt8](Self.tutorial)
            for _ in 0..<(1 + mutator.next(3)) {
                let at = mutator.next(bytes.count)
                switch mutator.next(4) {
                case 0: bytes[at] = UInt8(mutator.next(256))
                case 1: bytes.remove(at: at)
                case 2:
                    let piece = Array(Self.replacements[mutator.next(Self.replacements.count)].utf8)
                    let end = min(bytes.count, at + mutator.next(8))
                    bytes.replaceSubrange(at..<end, with: piece)
                default:
                    // Re-point a reference: swap two ids' digits.
                    if let range = String(decoding: bytes, as: UTF8.self).range(of: "C-1\(mutator.next(7))") {
                        var text = String(decoding: bytes, as: UTF8.self)
                        text.replaceSubrange(range, with: "C-0\(mutator.next(9))")
                        bytes = Array(text.utf8)
                    }
                }
            }
            do {
                let scenario = try ScenarioReader.read(data: Data(bytes), file: "m.json").scenario
                accepted += 1
                #expect(Planner.buildModel(scenario).model.problems().isEmpty)
                // Both forms of the succession model, people counted with every x ≤ y row.
                let candidates = SuccessionCandidates(scenario)
                #expect(SuccessionModel.build(candidates).model.problems().isEmpty)
                let every = Set(candidates.pairs.indices.flatMap { k in candidates.pairs[k].indices.map { [k, $0] } })
                #expect(SuccessionModel.build(candidates, countingPeople: true, strengthening: every).model.problems().isEmpty)
                Self.exercise(scenario)
            } catch {
                // The reader throws only `ScenarioError` (typed throws): a refusal lists problems.
                if case .invalid(_, let problems) = error { #expect(!problems.isEmpty) }
            }
        }
        #expect(accepted < 500)
    }

    /// What every command does with a scenario that `validate` accepts: solve it, have the
    /// verifier re-check the plan, explain a post (each runner-up re-solved) or diagnose the
    /// round when it has no plan. A crash here is a crash of `planner solve`, `explain` or
    /// `diagnose` on a file the user was told is fine.
    static func exercise(_ scenario: Scenario, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let options = Planner.Options(timeLimit: 10)
        do {
            let plan = try Planner.solve(scenario, sha256: "mutant", options: options)
            let check = PlanVerifier.verify(plan, against: scenario, options: PlanVerifier.Options(statusConfirmedBySolving: true))
            #expect(check.violations.isEmpty, "\(check.violations)", sourceLocation: sourceLocation)
            if plan.status.hasPlan {
                if let stated = plan.objective, let recomputed = check.objective {
                    #expect(abs(stated - recomputed) <= 1e-6 * max(1, abs(recomputed)), sourceLocation: sourceLocation)
                }
                #expect(plan.objectiveBreakdown?.penalties ?? [] == check.penalties, sourceLocation: sourceLocation)
                _ = Planner.reasons(for: plan, in: scenario)
                if let post = scenario.positions.first {
                    let explainer = try Explainer(scenario, sha256: "mutant", options: options)
                    _ = try explainer.explain(position: try explainer.position(post.id), runnersUp: 2)
                }
            } else if plan.status == .infeasible {
                let diagnosis = try Planner.diagnose(scenario, sha256: "mutant", options: options)
                _ = DiagnosisReport.text(diagnosis)
            }
            _ = PlanReport.render(plan, scenario: scenario, format: .table)
            _ = PlanReport.render(plan, scenario: scenario, format: .csv)
        } catch {
            // A clean error is an answer; only a crash is a failure here.
            _ = (error as? LocalizedError)?.errorDescription
        }
    }
}

/// Random policy mixes on the tutorial round, written into the file as a user would: every rule
/// hard, soft (at prices that include 0) or off, with parameters drawn from their valid ranges.
/// Each file `validate` accepts is solved, verified, explained and diagnosed.
@Suite("Random policy mixes")
struct PolicyMixTests {
    static func mode(_ random: inout SeededRandom, prices: [Double]) -> Any {
        switch random.int(4) {
        case 0: return "hard"
        case 1: return "off"
        case 2: return "soft"
        default: return ["mode": "soft", "price": prices[random.int(prices.count)]] as [String: Any]
        }
    }

    static func policy(_ random: inout SeededRandom) -> [String: Any] {
        let prices: [Double] = [0, 0, 0.5, 1, 8, 30, 1e6]
        var policy: [String: Any] = [:]
        for rule in [
            "retirement", "release", "education", "fields", "minRating", "maxAge", "planning", "relatives", "locks", "mustFill",
            "womenPerTeam",
        ] {
            policy[rule] = mode(&random, prices: prices)
        }
        func withParameters(_ parameters: [String: Any]) -> Any {
            var rule: [String: Any] = parameters
            switch mode(&random, prices: prices) {
            case let word as String: rule["mode"] = word
            case let object as [String: Any]: rule.merge(object) { a, _ in a }
            default: break
            }
            return rule
        }
        policy["serviceLeft"] = withParameters(["years": random.int(12)])
        policy["tenure"] = withParameters(["maxYears": 1 + random.int(12)])
        policy["youth"] = withParameters(["age": 30 + random.int(20), "minPerTeam": random.int(4)])
        policy["women"] = withParameters(["minShare": Double(random.int(11)) / 10])
        policy["nonLocalHeads"] = withParameters(["minShare": Double(random.int(11)) / 10])
        policy["ageBalance"] = withParameters(["minBands": 1 + random.int(3), "minTeamSize": 1 + random.int(4)])
        policy["moves"] = withParameters(random.int(2) == 0 ? ["max": random.int(6)] : ["maxShare": Double(random.int(11)) / 10])
        return policy
    }

    @Test("160 random policy mixes: each accepted file solved, verified, explained or diagnosed", arguments: 0..<4)
    func mixes(batch: Int) throws {
        let tutorial = try JSONSerialization.jsonObject(with: MutationTests.tutorial) as! [String: Any]
        var random = SeededRandom(seed: UInt64(batch) + 1, salt: 15)
        var accepted = 0
        for _ in 0..<40 {
            var document = tutorial
            document["policy"] = Self.policy(&random)
            let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
            guard let scenario = try? ScenarioReader.read(data: data, file: "mix.json").scenario else { continue }
            accepted += 1
            MutationTests.exercise(scenario)
        }
        #expect(accepted > 30)
    }

    /// A conflict's words name whom the rules let into a post from lists found without the model
    /// (`RotationModelBuilder.admittedCadres`); they must be the model's own columns, post by post
    /// and in order, under any policy: here 40 random mixes on the tutorial and on a generated
    /// round, whose planning rule (hard, soft or off) changes who is tested at all.
    @Test("The cadres the rules admit, found without the model, are the model's columns under 80 random mixes")
    func admittedWithoutTheModel() throws {
        let tutorial = try JSONSerialization.jsonObject(with: MutationTests.tutorial) as! [String: Any]
        let generated = ScenarioGenerator.generate(size: .small, seed: 11)
        let small = try JSONSerialization.jsonObject(with: ScenarioWriter.encode(generated)) as! [String: Any]
        var random = SeededRandom(seed: 5, salt: 16)
        var compared = 0
        var withHardPlanning = 0
        for base in [tutorial, small] {
            for _ in 0..<40 {
                var document = base
                document["policy"] = Self.policy(&random)
                let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])
                guard let scenario = try? ScenarioReader.read(data: data, file: "mix.json").scenario else { continue }
                var columns = [[Int]](repeating: [], count: scenario.positions.count)
                for meaning in RotationModelBuilder.build(scenario).meanings {
                    if case .assign(let c, let p) = meaning { columns[p].append(c) }
                }
                let admitted = RotationModelBuilder.admittedCadres(scenario)
                // Asked out of order and twice: each post's list is found once and kept.
                for p in scenario.positions.indices.reversed() { #expect(admitted[p] == columns[p], "post \(scenario.positions[p].id)") }
                for p in scenario.positions.indices { #expect(admitted[p] == columns[p]) }
                compared += 1
                if scenario.policy.planning.mode == .hard { withHardPlanning += 1 }
            }
        }
        #expect(compared > 60 && withHardPlanning > 5)
    }
}
