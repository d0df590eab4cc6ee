import Foundation
import Planner
import TestSupport
import Testing

/// Rounds built to conflict in known ways, and what `planner diagnose` says of them. Every claim
/// of a diagnosis is checked again here by solving with GLPK: dropping the fewest instances gives
/// a plan and no smaller set of the round's hard instances does; the conflict has no plan alone,
/// and dropping any one of its members gives one.
@Suite("Why there is no plan: diagnoses, each claim checked by solving")
struct DiagnosisTests {
    typealias F = Fixtures

    /// Diagnoses `scenario` and checks every claim; returns the diagnosis.
    @discardableResult
    func diagnosed(_ scenario: Scenario) throws -> Planner.DiagnosisResult {
        #expect(try F.solve(scenario).status == .infeasible)
        let result = try Planner.diagnosis(scenario, sha256: "test")
        let document = result.document
        #expect(document.infeasible == true)
        #expect(!result.fewest.isEmpty)
        #expect(document.fewestYieldsPlan == true)
        #expect(document.fewestProven)
        #expect(try Planner.hasPlan(dropping: result.fewest, in: scenario) == true)
        // No smaller set of the round's hard instances gives a plan (tried when that is few).
        let instances = Planner.hardInstances(of: scenario)
        if result.fewest.count == 2 {
            for instance in instances { #expect(try Planner.hasPlan(dropping: [instance], in: scenario) == false, "\(instance) alone") }
        }
        #expect(try Planner.hasPlan(dropping: [], in: scenario) == false)
        // The conflict: no plan with its members alone; a plan as soon as any one is dropped.
        #expect(document.irreducible)
        #expect(try Planner.conflicts(result.conflict, in: scenario) == true)
        for member in result.conflict {
            #expect(try Planner.conflicts(result.conflict.filter { $0 != member }, in: scenario) == false, "without \(member)")
        }
        #expect(document.conflict.count == result.conflict.count && document.fewest.count == result.fewest.count)
        return result
    }

    /// The diagnosis of `scenario` and the lines its search logged (which solves it asked).
    static func diagnosisLogged(_ scenario: Scenario, sha256: String = "test") throws -> (Planner.DiagnosisResult, [String]) {
        let lines = LineCollector()
        var options = Planner.Options()
        options.log = lines.receive
        return (try Planner.diagnosis(scenario, sha256: sha256, options: options), lines.lines)
    }

    @Test("Two rules: the chair is locked in his post, and he has reached retirement age")
    func lockedRetiree() throws {
        let scenario = F.scenario(
            positions: [F.post("P1", title: "chair", incumbent: "C1")],
            cadres: [F.cadre("C1", rating: 80, age: 66, locked: true), F.cadre("C2", rating: 70)],
            policy: F.policy {
                $0.retirement.mode = .hard
                $0.locks.mode = .hard
            })
        let result = try diagnosed(scenario)
        #expect(result.conflict == [.lock(cadre: 0), .cadreRule(rule: "retirement", cadre: 0)])
        #expect(result.fewest.count == 1)
        let text = result.document.conflict.map(\.text)
        #expect(text == ["C1 is locked in P1 (chair, Unit one)", "C1 reached retirement age in 2020 and may hold no post"])
    }

    /// The secretary's post must be filled. A has the master's degree the post asks for but is
    /// from the north, where the unit is; B is not local but holds a bachelor's only.
    @Test("Three rules: a post that must be filled, its education requirement, and the non-local rule")
    func threeRules() throws {
        let scenario = F.scenario(
            positions: [F.post("P1", title: "secretary", requirements: Requirements(minEducation: .master), mustFill: true)],
            cadres: [F.cadre("A", rating: 80, home: "north"), F.cadre("B", rating: 75, education: .bachelor)],
            policy: F.policy {
                $0.mustFill.mode = .hard
                $0.education.mode = .hard
                $0.nonLocalHeads.mode = .hard
            })
        let result = try diagnosed(scenario)
        #expect(
            Set(result.conflict) == [
                .mustFill(position: 0), .requirement(rule: "education", position: 0),
                .requirement(rule: "nonLocalHeads", position: 0),
            ])
        #expect(result.fewest.count == 1)
        // The data behind each filter: the one cadre it alone keeps out.
        let items = Dictionary(uniqueKeysWithValues: result.document.conflict.map { ($0.rule, $0) })
        #expect(items["education"]?.keptOut == ["B"])
        // One cadre in words: "one of them passes", not "1 of them pass".
        #expect(items["education"]?.text.contains("; one of them passes every other rule for it (B)") == true)
        #expect(items["nonLocalHeads"]?.keptOut == ["A"])
        #expect(items["mustFill"]?.text == "P1 (secretary, Unit one) must be filled; no cadre passes every rule for it")
    }

    /// A is the secretary, local to the unit, and locked there; the non-local rule keeps out
    /// exactly A, the incumbent, and the diagnosis names A (a review's diagnosis counted only
    /// the others, "each barred by another rule too").
    @Test("A rule that bars the incumbent names the incumbent among those it keeps out")
    func incumbentKeptOut() throws {
        let scenario = F.scenario(
            positions: [F.post("P1", title: "secretary", incumbent: "A")],
            cadres: [F.cadre("A", rating: 80, home: "north", locked: true), F.cadre("B", rating: 75, home: "north")],
            policy: F.policy {
                $0.locks.mode = .hard
                $0.nonLocalHeads.mode = .hard
            })
        let result = try diagnosed(scenario)
        let item = try #require(result.document.conflict.first { $0.rule == "nonLocalHeads" })
        #expect(item.keptOut == ["A", "B"], "\(item.text)")
        #expect(item.text.contains("it keeps out 2 cadres; 2 of them pass every other rule for it (A, B)"), "\(item.text)")
    }

    /// How a conflict reads: one instance is not "dropping any one of them"; a conflict found
    /// without a solve (evident from the data) is not "checked by solving".
    @Test("A conflict's words: one instance, and one found without solving")
    func conflictWords() {
        let identity = ScenarioIdentity(name: "test", planningYear: 2026, sha256: "test")
        let lock = ConflictItem(rule: "locks", subject: "cadre C-1", text: "C-1 is locked in P1")
        let pin = ConflictItem(rule: "pins", subject: "cadre C-1", text: "C-1 is pinned to P2")
        let alone = DiagnosisReport.text(Diagnosis(scenario: identity, infeasible: true, conflict: [lock], irreducible: true, solves: 4))
        #expect(alone.contains("A conflict: 1 rule instance that cannot hold; it cannot hold even alone (checked by solving)\n"))
        let aloneEvident = DiagnosisReport.text(
            Diagnosis(scenario: identity, infeasible: true, conflict: [lock], irreducible: true, conflictEvident: true, solves: 1))
        #expect(aloneEvident.contains("it cannot hold even alone (evident from the scenario's data, no solve needed)\n"))
        // The CSV carries the same qualifiers.
        let csv = DiagnosisReport.csv(
            Diagnosis(
                scenario: identity, infeasible: true, fewest: [lock], fewestProven: true, fewestYieldsPlan: true, conflict: [lock, pin],
                irreducible: true, conflictEvident: true, solves: 1))
        for row in [
            "round,fewest_proven,,true,", "round,fewest_yields_plan,,true,", "round,conflict_irreducible,,true,",
            "round,conflict_evident,,true,",
        ] {
            #expect(csv.contains(row), "\(row)")
        }
        // Evident from the data, with a solve that checked the fewest: still not "checked by solving".
        let evident = DiagnosisReport.text(
            Diagnosis(scenario: identity, infeasible: true, conflict: [lock, pin], irreducible: true, conflictEvident: true, solves: 1))
        #expect(evident.hasPrefix("The round has no feasible plan;"))
        #expect(
            evident.contains(
                "cannot all hold; dropping any one of them lets the others hold (evident from the scenario's data, no solve needed)"))
        let solved = DiagnosisReport.text(
            Diagnosis(scenario: identity, infeasible: true, conflict: [lock, pin], irreducible: true, solves: 5))
        #expect(solved.contains("lets the others hold (each checked by solving)"))
        let undecided = DiagnosisReport.text(Diagnosis(scenario: identity, infeasible: nil, conflict: [], solves: 1))
        #expect(undecided.hasPrefix("Whether the round has a plan was not settled within the time limit: nothing is claimed"))
    }

    @Test("A data gap: the post asks for a field no cadre has")
    func dataGap() throws {
        let scenario = F.scenario(
            positions: [F.post("P1", title: "director", requirements: Requirements(fields: ["nuclear"]), mustFill: true)],
            cadres: [F.cadre("A", rating: 80, fields: ["law"]), F.cadre("B", rating: 70, fields: ["finance"]), F.cadre("C", rating: 60)],
            policy: F.policy {
                $0.mustFill.mode = .hard
                $0.fields.mode = .hard
            })
        let result = try diagnosed(scenario)
        #expect(result.conflict == [.mustFill(position: 0), .requirement(rule: "fields", position: 0)])
        let fields = try #require(result.document.conflict.last)
        #expect(
            fields.text.contains(
                "asks for one of the fields nuclear: it keeps out 3 cadres; 3 of them pass every other rule for it (A, B, C)"))
    }

    /// The team of two needs a member under 42. The only young cadre, Y, is rated 60; both
    /// posts ask for 70.
    @Test("A team rule against the data: no young cadre meets the posts' rating")
    func youthAgainstRating() throws {
        let scenario = F.youthAgainstRating
        let result = try diagnosed(scenario)
        #expect(
            Set(result.conflict) == [
                .team(rule: "youth", unit: 0), .requirement(rule: "minRating", position: 0), .requirement(rule: "minRating", position: 1),
            ])
        let youth = try #require(result.document.conflict.first)
        #expect(
            youth.text
                == "the leadership team of U1 (Unit one) (2 posts) needs 1 under 42; 0 of the 2 cadres eligible for its posts are under 42")
    }

    /// The relaxation of the round with every hard rule elastic proves that one rule instance must
    /// break and names exactly one (the youth rule's): the round without it has a plan, so that
    /// one feasibility question settles the fewest, and the diagnosis's check of it is that same
    /// answer, not asked again. The elastic search over the suspects is not needed.
    @Test("One feasibility question settles the fewest when the relaxation names just as many rules as must break")
    func fewestFromTheRelaxation() throws {
        let scenario = F.youthAgainstRating
        let (result, lines) = try Self.diagnosisLogged(scenario)
        let solves = lines.filter { $0.contains("diagnosis solve") }
        #expect(solves.contains { $0.contains("the round without the LP's 1 suspects): feasible") }, "\(solves)")
        #expect(!solves.contains { $0.contains("elastic on") || $0.contains("the round without the fewest") }, "\(solves)")
        #expect(result.document.fewestYieldsPlan == true)
        #expect(result.fewest.count == 1)
        #expect(try Planner.hasPlan(dropping: result.fewest, in: scenario) == true)
        #expect(try Planner.hasPlan(dropping: [], in: scenario) == false)
    }

    /// A team of two posts that needs a woman and someone under 42, held by two men of 50; eight
    /// free men rated 95 and one free woman of 35 rated 72, none of them planned for its posts.
    static var womanOutsideTheSample: Scenario {
        let men = (0..<8).map { F.cadre("S\($0)", rating: 95, age: 50) }
        return F.scenario(
            positions: [F.post("P1", incumbent: "M1"), F.post("P2", title: "chair", incumbent: "M2")],
            cadres: [
                F.cadre("M1", rating: 80, age: 50, plannedFor: ["vice-chair"]), F.cadre("M2", rating: 80, age: 50, plannedFor: ["chair"]),
            ] + men + [F.cadre("W", rating: 72, age: 35, gender: .female)],
            policy: F.policy {
                $0.youth.mode = .hard
                $0.womenPerTeam.mode = .hard
                $0.planning.mode = .hard
            })
    }

    /// The team of two posts needs a woman and someone under 42, and takes only cadres planned
    /// for its posts; its two incumbents are men of 50, and no one else is planned for it. Eight
    /// men rated 95 and one woman of 35 rated 72 are free. Letting the woman into one post breaks
    /// one rule (that post's planning); the elastic model's sample of each post's eight best-rated
    /// pairs holds only the men, and with them both team rules must break: two. The count is taken
    /// over every pair, so the diagnosis finds the one.
    @Test("The fewest counted over every pair: one woman below eight better-rated men needs one rule dropped, not two")
    func fewestOutsideTheSample() throws {
        let scenario = Self.womanOutsideTheSample
        let (result, lines) = try Self.diagnosisLogged(scenario)
        #expect(result.fewest.count == 1)
        #expect(result.document.fewestProven)
        #expect(result.fewest.allSatisfy { if case .requirement(rule: "planning", _) = $0 { true } else { false } }, "\(result.fewest)")
        // The sample's LP alone counted two; its prices did not hold over every pair.
        #expect(lines.contains { $0.contains("(elastic LP over every pair breaking fewer than 2 rules)") }, "\(lines)")
        try diagnosed(scenario)
    }

    /// Three teams, each a chair and a vice-chair held by men, each needing a woman; there is no
    /// woman in the round. The sample's LP says three rules must break, so the count is checked
    /// over every pair that breaks at most two: the model the diagnosis builds on a thread of its
    /// own while that LP runs. Built after the LP instead, the diagnosis is the same.
    @Test("The model over every pair, built while the sample's LP runs, gives the diagnosis built after it")
    func modelBuiltInAdvance() throws {
        let units = (1...3).map { OrgUnit(id: "U\($0)", name: "Unit \($0)", locality: "north", grassroots: true) }
        let positions = units.flatMap { unit in
            [
                F.post("V-\(unit.id)", unit: unit.id, incumbent: "MV-\(unit.id)"),
                F.post("C-\(unit.id)", title: "chair", unit: unit.id, incumbent: "MC-\(unit.id)"),
            ]
        }
        let incumbents = units.flatMap { unit in [F.cadre("MV-\(unit.id)", rating: 80), F.cadre("MC-\(unit.id)", rating: 85)] }
        let scenario = F.scenario(
            positions: positions, cadres: incumbents + (0..<4).map { F.cadre("S\($0)", rating: 90) },
            policy: F.policy { $0.womenPerTeam.mode = .hard }, units: units)
        let (inAdvance, lines) = try Self.diagnosisLogged(scenario)
        #expect(lines.contains { $0.contains("bound the elastic LP over") && $0.contains("breaking fewer than 3 rules") }, "\(lines)")
        if ProcessInfo.processInfo.activeProcessorCount > 1 {
            #expect(lines.contains { $0.contains("was built while the sample's LP ran") }, "\(lines)")
        }
        let after = try Planner.diagnosis(scenario, sha256: "test", modelsInAdvance: false)
        #expect(inAdvance.fewest.count == 3)
        #expect(inAdvance.fewest == after.fewest && inAdvance.conflict == after.conflict)
        #expect(DiagnosisReport.text(inAdvance.document) == DiagnosisReport.text(after.document))
        try diagnosed(scenario)
    }

    /// The tutorial round cut to 18 cadres, with the moves cap at one and the youth and age-balance
    /// rules hard (`Rounds/locked-out-young.json`, found by a reviewer's random rounds): C-11, a
    /// woman born 1990 and locked out of the round, is the one who lets a team meet its rules; six
    /// men rated 91 to 95 fill the sample of every post she could hold. The sample's LP says one
    /// rule must go, but its searches find two; the last search, over every pair that breaks at
    /// most one rule, finds the one: her lock.
    @Test("The last search over every pair: one rule, where the sample's searches found two")
    func lastSearchOverEveryPair() throws {
        let loaded = try Planner.load(F.packageRoot.appendingPathComponent("Tests/ExplanationTests/Rounds/locked-out-young.json").path)
        let (result, lines) = try Self.diagnosisLogged(loaded.scenario, sha256: loaded.sha256)
        #expect(result.fewest.count == 1)
        #expect(result.document.fewestProven)
        #expect(lines.contains { $0.contains("(elastic, whole round)") }, "\(lines)")
        try diagnosed(loaded.scenario)
    }

    /// The same round, as if it were too wide for the model over every pair (the limit set to
    /// ten pair columns): the count is the sample's, two, and the diagnosis says it is not proven
    /// the fewest, in both languages, instead of claiming it.
    /// A diagnosis cut short by Ctrl-C says so, where one cut short by its time limit points to a
    /// longer one: a reviewer's Ctrl-C read "not found within the time limit" with no limit set.
    @Test("A diagnosis stopped by a signal says it was stopped, not that its time limit passed, in both languages")
    func stoppedNotOutOfTime() throws {
        let identity = ScenarioIdentity(name: "test", planningYear: 2026, sha256: "test")
        var stopped = Diagnosis(scenario: identity, infeasible: true)
        stopped.stopped = true
        let outOfTime = Diagnosis(scenario: identity, infeasible: true)
        #expect(DiagnosisReport.text(stopped).hasPrefix("The round has no feasible plan; the diagnosis was stopped (Ctrl-C or a signal)"))
        #expect(DiagnosisReport.text(stopped).contains("No conflicting set was isolated before the diagnosis was stopped."))
        #expect(!DiagnosisReport.text(stopped).contains("time limit"))
        #expect(DiagnosisReport.text(outOfTime).contains("within the time limit"))
        #expect(DiagnosisReport.text(stopped, language: .vi).contains("bị dừng (Ctrl-C hoặc tín hiệu)"))
        var undecided = Diagnosis(scenario: identity, infeasible: nil)
        undecided.stopped = true
        #expect(DiagnosisReport.text(undecided).hasPrefix("Whether the round has a plan was not settled before the diagnosis was stopped"))
        // The key is written only when true.
        let encoder = JSONEncoder()
        #expect(String(decoding: try encoder.encode(stopped), as: UTF8.self).contains("\"stopped\":true"))
        #expect(!String(decoding: try encoder.encode(outOfTime), as: UTF8.self).contains("stopped"))
    }

    @Test("A round too wide for the proof: the sample's count, said to be no more than that")
    func tooWideForTheProof() throws {
        let scenario = Self.womanOutsideTheSample
        let result = try Planner.diagnosis(scenario, sha256: "test", widestProof: 10)
        #expect(result.fewest.count == 2)
        #expect(!result.document.fewestProven && result.document.fewestCountedOnSample)
        #expect(result.document.fewestYieldsPlan == true)
        #expect(try Planner.hasPlan(dropping: result.fewest, in: scenario) == true)
        let english = DiagnosisReport.text(result.document)
        #expect(english.hasPrefix("Rules to relax: 2 rule instances (counted over each post's best-rated candidates only"), "\(english)")
        #expect(!english.contains("Fewest"))
        #expect(DiagnosisReport.text(result.document, language: .vi).hasPrefix("Cần nới lỏng 2 ràng buộc"))
    }

    /// Two chairs, A and B, have both held their posts eleven years (the limit is ten); neither
    /// may be released; at most one incumbent may move. A must leave P1 and hold a post: P2.
    /// B must then hold a post: P1. Two moves.
    @Test("A whole-round rule: the moves cap against tenure and no releases")
    func movesCap() throws {
        let scenario = F.scenario(
            positions: [F.post("P1", title: "chair", incumbent: "A"), F.post("P2", title: "chair", incumbent: "B")],
            cadres: [F.cadre("A", rating: 80, yearsInPost: 11), F.cadre("B", rating: 70, yearsInPost: 11)],
            policy: F.policy {
                $0.tenure.mode = .hard
                $0.release.mode = .hard
                $0.moves.mode = .hard
                $0.moves.max = 1
            })
        let result = try diagnosed(scenario)
        #expect(result.conflict.contains(.moves))
        #expect(result.conflict.contains(.release(cadre: 0)) && result.conflict.contains(.release(cadre: 1)))
        #expect(result.conflict.count == 4)
    }

    @Test("A round with a plan: nothing conflicts")
    func feasible() throws {
        let scenario = F.scenario(
            positions: [F.post("P1", mustFill: true)], cadres: [F.cadre("A", rating: 80)],
            policy: F.policy { $0.mustFill.mode = .hard })
        let result = try Planner.diagnosis(scenario, sha256: "test")
        #expect(result.document.infeasible == false)
        #expect(result.fewest.isEmpty && result.conflict.isEmpty)
    }
}
