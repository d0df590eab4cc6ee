import Foundation
import Planner
import Testing

/// Corrupted scenario files, made by mutating the tutorial: the reader must never crash, and
/// any file it accepts must give models (rotation and succession) that pass every check made
/// before GLPK is called.
@Suite("Mutated scenario files")
struct MutationTests {
    static let tutorial = try! Data(contentsOf: URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios/tutorial.json"))

    struct Mutator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    static let replacements: [String] = ["0", "-1", "1e999", "null", "true", "\"\"", "[]", "{}", "\"C-01\"", "\"U-AL\"", "2031", "\"soft\"", "\u{0}", "\\", "\""]

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
            } catch let error as ScenarioError {
                if case .invalid(_, let problems) = error { #expect(!problems.isEmpty) }
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
        #expect(accepted < 500)
    }
}
