import Foundation
import Planner
import TestSupport
import Testing

/// Diagnoses and explanations in the committee's language (issue 19): every rule's words in
/// Vietnamese, none of them English, and the English ones as they were.
@Suite("Why, in Vietnamese: rule words, diagnoses, explanations")
struct WordedWhyTests {
    typealias F = Fixtures

    /// English words that must not show through a Vietnamese text (ids, titles' ids and the
    /// planning list's own entries, "post:P1", aside).
    static let english = [
        "requires", "keeps out", "rule", "fit ", "the ", " of ", "must", "years", "eligible", "women", "woman", "team", "locked",
        "pinned", "higher", "needs", "relatives", "incumbent", "retirement", "planned", "passes", " and ", "loses", "gains",
    ]

    static func leaks(_ text: String) -> [String] { english.filter { text.contains($0) } }

    /// A round with every rule hard and data that breaks most of them: a locked chair over the
    /// tenure limit, a retiree, relatives, a pin and a forbidden pair, requirements of every kind.
    var everyRule: Scenario {
        var policy = F.allOff
        for rule in Policy.rules { rule.setMode(.hard, in: &policy) }
        let requirements = Requirements(minEducation: .master, fields: ["law"], minRating: 70, maxAge: 50)
        return F.scenario(
            positions: [
                F.post("P1", title: "secretary", incumbent: "A", requirements: requirements, mustFill: true),
                F.post("P2", title: "chair", incumbent: "B", requirements: requirements, mustFill: true),
                F.post("P3", title: "vice-chair", requirements: Requirements(minRating: 60)),
            ],
            cadres: [
                F.cadre("A", rating: 80, home: "north", fields: ["law"], yearsInPost: 11, locked: true),
                F.cadre("B", rating: 75, age: 66),
                F.cadre("C", rating: 60, age: 55, education: .bachelor, relatives: ["D"]),
                F.cadre("D", rating: 90, age: 30, gender: .female, fields: ["law"], relatives: ["C"]),
                F.cadre("E", rating: 65, age: 58),
            ],
            policy: policy, pinned: [AssignmentPair(cadre: "E", position: "P2")], forbidden: [AssignmentPair(cadre: "D", position: "P3")])
    }

    @Test("Every rule instance's words, and every reason, in Vietnamese: no English, and English as before")
    func everyRuleInVietnamese() throws {
        let scenario = everyRule
        let facts = ScenarioFacts(scenario)
        let everyone = [[Int]](repeating: Array(scenario.cadres.indices), count: scenario.positions.count)
        let english = RuleWording(facts: facts, eligible: everyone, number: PlanReport.number)
        let vietnamese = RuleWording(facts: facts, eligible: everyone, number: PlanReport.number, words: .vietnamese)
        // The round's hard instances, and every post's requirements (a pair test ends at its
        // first refusal, so the round lists only some of them).
        let requirements = ["education", "fields", "minRating", "maxAge", "planning", "nonLocalHeads"].flatMap { rule in
            scenario.positions.indices.map { RuleInstance.requirement(rule: rule, position: $0) }
        }
        let instances = Planner.hardInstances(of: scenario) + requirements
        var worded: Set<String> = []
        for instance in instances {
            let rule = try #require(RotationRules.rule(instance.rule), "\(instance)")
            let en = rule.describe(instance, in: english)
            let vi = rule.describe(instance, in: vietnamese)
            #expect((en == nil) == (vi == nil), "\(instance)")
            if let en, let vi {
                worded.insert(instance.rule)
                #expect(en != vi, "\(instance): \(vi)")
                #expect(Self.leaks(vi) == [], "\(instance): \(vi)")
                #expect(!vi.contains("{") && !en.contains("{"), "\(instance): a value left unfilled")
            }
            // Why the instance keeps a cadre from a post, about them alone.
            for c in scenario.cadres.indices {
                for p in scenario.positions.indices {
                    guard let vi = rule.reason(instance, cadre: c, position: p, in: vietnamese) else { continue }
                    #expect(Self.leaks(vi) == [], "\(instance), \(c) in \(p): \(vi)")
                    #expect(rule.reason(instance, cadre: c, position: p, in: english) != vi)
                }
            }
        }
        #expect(
            worded.isSuperset(of: [
                "education", "fields", "minRating", "maxAge", "planning", "retirement", "locks", "tenure", "mustFill", "relatives",
                "nonLocalHeads",
            ]), "\(worded.sorted())")
        // The titles in the committee's words, the team's needs too.
        #expect(vietnamese.post(0) == "P1 (Bí thư, Unit one)" && english.post(0) == "P1 (secretary, Unit one)")
        let woman = scenario.cadres[3]
        for rule in RotationRules.all {
            let en = rule.teamNeed(of: woman, among: [], unit: 0, facts: facts, words: .english)
            let vi = rule.teamNeed(of: woman, among: [], unit: 0, facts: facts, words: .vietnamese)
            #expect((en == nil) == (vi == nil))
            if let vi { #expect(Self.leaks(vi) == [], "\(rule.key): \(vi)") }
        }
    }

    /// The secretary's post must be filled; the cadre with the degree is local, the other lacks it.
    var threeRules: Scenario {
        F.scenario(
            positions: [F.post("P1", title: "secretary", requirements: Requirements(minEducation: .master), mustFill: true)],
            cadres: [F.cadre("A", rating: 80, home: "north"), F.cadre("B", rating: 75, education: .bachelor)],
            policy: F.policy {
                $0.mustFill.mode = .hard
                $0.education.mode = .hard
                $0.nonLocalHeads.mode = .hard
            })
    }

    @Test("A diagnosis in Vietnamese: the same instances, the committee's words, the English document unchanged")
    func diagnosisInVietnamese() throws {
        let english = try Planner.diagnosis(threeRules, sha256: "test")
        let vietnamese = try Planner.diagnosis(threeRules, sha256: "test", words: .vietnamese)
        #expect(english.fewest == vietnamese.fewest && english.conflict == vietnamese.conflict)
        #expect(english.document.conflict.map(\.rule) == vietnamese.document.conflict.map(\.rule))
        #expect(english.document.conflict.map(\.keptOut) == vietnamese.document.conflict.map(\.keptOut))
        let items = Dictionary(uniqueKeysWithValues: english.document.conflict.map { ($0.rule, $0.text) })
        #expect(items["mustFill"] == "P1 (secretary, Unit one) must be filled; no cadre passes every rule for it")
        let text = DiagnosisReport.text(vietnamese.document, language: .vi)
        #expect(text.contains("Ít nhất phải nới lỏng 1 ràng buộc"))
        #expect(text.contains("Một mâu thuẫn: 3 ràng buộc không thể cùng được đáp ứng"))
        #expect(text.contains("P1 (Bí thư, Unit one) phải có người đảm nhiệm; không có cán bộ nào đáp ứng mọi quy định cho chức vụ này"))
        #expect(text.contains("P1 (Bí thư, Unit one) yêu cầu trình độ Thạc sĩ trở lên: quy định này loại 1 cán bộ"))
        #expect(text.contains("không phải người địa phương"))
        // The rule by its Vietnamese name, the subject in Vietnamese.
        #expect(text.contains("phải bố trí, chức vụ P1:"))
        #expect(Self.leaks(text) == [], "\(text)")
        // The English text reads as it did.
        let englishText = DiagnosisReport.text(english.document)
        #expect(englishText.hasPrefix("Fewest rules to relax: 1 rule instance; without it the round has a plan (checked by solving)\n"))
        #expect(englishText.contains("  1. mustFill, post P1: P1 (secretary, Unit one) must be filled"))
        #expect(DiagnosisReport.text(english.document, language: .en) == englishText)
    }

    @Test("A round with a plan, diagnosed in Vietnamese")
    func feasibleInVietnamese() throws {
        let scenario = F.scenario(positions: [F.post("P1")], cadres: [F.cadre("A", rating: 80)])
        let diagnosis = try Planner.diagnose(scenario, sha256: "test", words: .vietnamese)
        #expect(
            DiagnosisReport.text(diagnosis, language: .vi) == "Đợt luân chuyển có phương án khả thi: không có quy định nào mâu thuẫn.\n")
    }

    @Test("An explanation in Vietnamese: the fit in plain words, the reasons and the forced contrast read right")
    func explanationInVietnamese() throws {
        let master = Requirements(minEducation: .master)
        let scenario = F.scenario(
            positions: [F.post("P1", title: "chair", requirements: master, weight: 2), F.post("P2", requirements: master)],
            cadres: [
                F.cadre("A", rating: 90), F.cadre("B", rating: 80), F.cadre("C", rating: 60),
                F.cadre("D", rating: 95, education: .bachelor),
            ],
            policy: F.policy { $0.education.mode = .hard })
        let english = try Explainer(scenario, sha256: "test")
        let vietnamese = try Explainer(scenario, sha256: "test", words: .vietnamese)
        let post = try english.explain(position: 0)
        let viPost = try vietnamese.explain(position: 0)
        #expect(post.contrasts.map(\.cadre) == viPost.contrasts.map(\.cadre) && post.leftOut.map(\.cadre) == viPost.leftOut.map(\.cadre))
        #expect(post.outcome == viPost.outcome && post.subject == viPost.subject)  // codes, not words
        let text = ExplanationReport.text(viPost, scenario: scenario, language: .vi)
        #expect(text.hasPrefix("P1 Chủ tịch, Unit one: A Person A (giữ nguyên)") || text.hasPrefix("P1 Chủ tịch, Unit one: A Person A ("))
        #expect(text.contains("điểm phù hợp 18 = điểm đánh giá 18 + phù hợp chuyên ngành 0 + ổn định chức vụ 0"))
        #expect(text.contains("Tổng điểm của phương án: 26 (tối ưu)"))
        #expect(text.contains("không đủ điều kiện (trình độ): có trình độ Đại học; P1 yêu cầu trình độ Thạc sĩ trở lên"))
        #expect(Self.leaks(text.replacingOccurrences(of: "Person", with: "")) == [], "\(text)")
        // Why not D, rated best but without the degree: forced, the plan scores higher only by
        // breaking the rule, and says so in both languages.
        let whyNot = try vietnamese.whyNot(cadre: 3, position: 0)
        let viWhy = ExplanationReport.text(whyNot, scenario: scenario, language: .vi)
        #expect(viWhy.contains("nếu vẫn bố trí thì vi phạm quy định trình độ"))
        let enWhy = ExplanationReport.text(try english.whyNot(cadre: 3, position: 0), scenario: scenario)
        if let loss = whyNot.contrasts.first?.loss, loss < 0 {
            #expect(viWhy.contains("chỉ vì bỏ qua các quy định bị vi phạm"))
            #expect(enWhy.contains("higher only because the rules it breaks are set aside"))
        }
        #expect(Self.leaks(viWhy.replacingOccurrences(of: "Person", with: "")) == [], "\(viWhy)")
        // The English report reads as before.
        let englishText = ExplanationReport.text(post, scenario: scenario)
        #expect(englishText.contains("fit 18 = rating 18 + field match 0 + continuity 0"))
        #expect(englishText.contains("not eligible (education): has bachelor; P1 requires master or higher"))
        // The HTML page in the language asked for.
        let page = String(decoding: ExplanationReport.render(viPost, scenario: scenario, format: .html, language: .vi), as: UTF8.self)
        #expect(page.contains("lang=\"vi\"") && page.contains("Giải thích: chức vụ P1"))
    }

    @Test("Solving again contradicts a plan's claim, in either language")
    func recheckInVietnamese() throws {
        let scenario = F.scenario(positions: [F.post("P1")], cadres: [F.cadre("A", rating: 80), F.cadre("B", rating: 65)])
        var plan = try F.solve(scenario)
        plan.status = .infeasible
        let english = try Planner.recheck(plan, in: scenario, sha256: "test")
        #expect(
            english.violations.map(\.message) == ["the plan says the round has no feasible plan, but solving found one (objective 8)"])
        let vietnamese = try Planner.recheck(plan, in: scenario, sha256: "test", words: .vietnamese)
        #expect(
            vietnamese.violations.map(\.message) == [
                "phương án ghi đợt luân chuyển không có phương án khả thi, nhưng giải lại đã tìm được (tổng điểm 8)"
            ])
        #expect(!english.statusConfirmed && !vietnamese.statusConfirmed)
    }

    @Test("A plan's English diagnosis reworded in Vietnamese is the diagnosis made in Vietnamese")
    func rewordedDiagnosis() throws {
        let lockedRetiree = F.scenario(
            positions: [F.post("P1", title: "chair", incumbent: "C1")],
            cadres: [F.cadre("C1", rating: 80, age: 66, locked: true), F.cadre("C2", rating: 70)],
            policy: F.policy {
                $0.retirement.mode = .hard
                $0.locks.mode = .hard
            })
        let youth = F.youthAgainstRating
        let movesCap = F.scenario(
            positions: [F.post("P1", title: "chair", incumbent: "A"), F.post("P2", title: "chair", incumbent: "B")],
            cadres: [F.cadre("A", rating: 80, yearsInPost: 11), F.cadre("B", rating: 70, yearsInPost: 11)],
            policy: F.policy {
                $0.tenure.mode = .hard
                $0.release.mode = .hard
                $0.moves.mode = .hard
                $0.moves.max = 1
            })
        let pinned = F.scenario(
            positions: [F.post("P1", title: "chair", incumbent: "A"), F.post("P2")],
            cadres: [F.cadre("A", rating: 80, locked: true), F.cadre("B", rating: 70)],
            policy: F.policy { $0.locks.mode = .hard }, pinned: [AssignmentPair(cadre: "A", position: "P2")])
        for scenario in [threeRules, lockedRetiree, youth, movesCap, pinned] {
            let english = try Planner.diagnose(scenario, sha256: "test")
            let vietnamese = try Planner.diagnose(scenario, sha256: "test", words: .vietnamese)
            #expect(!english.conflict.isEmpty)
            #expect(Planner.reworded(english, in: scenario, words: .vietnamese) == vietnamese)
            #expect(Planner.reworded(english.conflict, in: scenario, words: .vietnamese) == vietnamese.conflict)
            #expect(Planner.reworded(english, in: scenario, words: .english) == english)
        }
    }

    @Test("--why-not the post's holder: the plan already makes the assignment, said plainly in both languages, no re-solve")
    func whyNotTheHolder() throws {
        let scenario = F.scenario(
            positions: [F.post("P1", title: "chair"), F.post("P2")], cadres: [F.cadre("A", rating: 90), F.cadre("B", rating: 80)])
        let english = try Explainer(scenario, sha256: "test")
        let holder = try #require(english.plan.assignments.first { $0.position == "P1" }?.cadre)
        let c = try english.cadre(holder)
        let why = try english.whyNot(cadre: c, position: 0)
        #expect(why.contrasts.isEmpty && why.equallyGood == 0 && why.cadre == holder)
        #expect(why.note == "\(holder) already holds P1 in the plan: there is nothing to force or re-solve")
        let text = ExplanationReport.text(why, scenario: scenario)
        #expect(text.contains("\(holder) Person \(holder) already holds P1 chair, Unit one in the plan"))
        #expect(!text.contains("equally good") && !text.contains("loses") && !text.contains("Forced"))
        let vietnamese = try Explainer(scenario, sha256: "test", words: .vietnamese)
        let viWhy = try vietnamese.whyNot(cadre: c, position: 0)
        #expect(viWhy.note == "\(holder) đã được bố trí vào chức vụ P1 trong phương án: không cần buộc bố trí và giải lại")
        let viText = ExplanationReport.text(viWhy, scenario: scenario, language: .vi)
        #expect(viText.contains("đã được bố trí vào chức vụ P1 Chủ tịch, Unit one trong phương án"))
        #expect(!viText.contains("ngang nhau") && !viText.contains("giảm 0") && !viText.contains("Buộc bố trí"))
        #expect(Self.leaks(viText.replacingOccurrences(of: "Person", with: "")) == [], "\(viText)")
    }

    @Test("No service left: the cadre has reached retirement age, never a count below zero, in both languages")
    func noServiceLeft() throws {
        let scenario = F.scenario(
            positions: [F.post("P1")], cadres: [F.cadre("A", rating: 80, age: 64), F.cadre("B", rating: 70, age: 57)],
            policy: F.policy { $0.serviceLeft.mode = .hard })
        let facts = ScenarioFacts(scenario)
        #expect(facts.serviceYearsLeft(cadre: 0) <= 0 && facts.serviceYearsLeft(cadre: 1) > 0)
        let everyone = [[Int]](repeating: Array(scenario.cadres.indices), count: scenario.positions.count)
        let english = RuleWording(facts: facts, eligible: everyone, number: PlanReport.number)
        let vietnamese = RuleWording(facts: facts, eligible: everyone, number: PlanReport.number, words: .vietnamese)
        let rule = try #require(RotationRules.rule("serviceLeft"))
        let retired = RuleInstance.cadreRule(rule: "serviceLeft", cadre: 0)
        let needed = scenario.policy.serviceLeft.years
        #expect(
            rule.reason(retired, cadre: 0, position: 0, in: english)
                == "has reached retirement age; a new post needs \(needed) years of service left")
        #expect(
            rule.reason(retired, cadre: 0, position: 0, in: vietnamese)
                == "đã đến tuổi nghỉ hưu; bổ nhiệm chức vụ mới phải còn đủ \(needed) năm công tác")
        #expect(rule.describe(retired, in: english) == "A has reached retirement age; a new post needs \(needed) years of service left")
        #expect(rule.describe(retired, in: vietnamese)?.hasPrefix("A đã đến tuổi nghỉ hưu") == true)
        // Service left above zero is still counted.
        let short = RuleInstance.cadreRule(rule: "serviceLeft", cadre: 1)
        let years = facts.serviceYearsLeft(cadre: 1)
        #expect(rule.reason(short, cadre: 1, position: 0, in: vietnamese)?.hasPrefix("còn \(years) năm công tác") == true)
        #expect(rule.reason(short, cadre: 1, position: 0, in: english)?.hasPrefix("has \(years) years of service left") == true)
    }

    @Test("Vietnamese rule words name a locality by its name and the planning title by its label; English keeps the ids")
    func localityAndPlanningInWords() throws {
        let scenario = F.scenario(
            positions: [F.post("P1", title: "secretary")], cadres: [F.cadre("A", rating: 80, home: "north")],
            policy: F.policy { $0.nonLocalHeads.mode = .hard })
        let facts = ScenarioFacts(scenario)
        let everyone = [[Int]](repeating: Array(scenario.cadres.indices), count: scenario.positions.count)
        let english = RuleWording(facts: facts, eligible: everyone, number: PlanReport.number)
        let vietnamese = RuleWording(facts: facts, eligible: everyone, number: PlanReport.number, words: .vietnamese)
        let local = try #require(RotationRules.rule("nonLocalHeads"))
        let instance = RuleInstance.requirement(rule: "nonLocalHeads", position: 0)
        #expect(local.reason(instance, cadre: 0, position: 0, in: vietnamese)?.hasPrefix("là người địa phương (North) tại đơn vị") == true)
        #expect(local.describe(instance, in: vietnamese)?.contains("người địa phương (North)") == true)
        #expect(local.reason(instance, cadre: 0, position: 0, in: english)?.hasPrefix("is from north, local to P1's unit") == true)
        let planning = try #require(RotationRules.rule("planning"))
        let takes = try #require(planning.describe(.requirement(rule: "planning", position: 0), in: vietnamese))
        #expect(
            takes
                == "chỉ nhận cán bộ đã được quy hoạch chức danh Bí thư (không giới hạn địa bàn hoặc tại địa bàn của đơn vị này) hoặc được quy hoạch vào chính chức vụ P1"
        )
        #expect(!takes.contains("\"") && !takes.contains("@") && !takes.contains("post:"))
        #expect(
            planning.describe(.requirement(rule: "planning", position: 0), in: english)
                == "takes only cadres planned for it (\"secretary\", a \"secretary@\" entry covering its unit, or \"post:P1\")")
    }

    @Test("A conflict's subject in the table's language; English and subjects already worded stay as they are")
    func conflictSubjects() {
        let vi = Words.vietnamese
        #expect(vi.conflictSubject("post P1") == "chức vụ P1")
        #expect(vi.conflictSubject("cadre C-01") == "cán bộ C-01")
        #expect(vi.conflictSubject("unit U1") == "đơn vị U1")
        #expect(vi.conflictSubject("cadres A and B") == "cán bộ A và B")
        #expect(vi.conflictSubject("the round") == "toàn đợt")
        #expect(vi.conflictSubject("C1 in P1") == "C1 vào P1")
        #expect(vi.conflictSubject("cán bộ C-01") == "cán bộ C-01")
        #expect(Words.english.conflictSubject("the round") == "the round")
    }

    @Test("Explain and diagnose pages wrap their text (nothing cut at a printed margin) and name the round")
    func preformattedPages() throws {
        let scenario = F.scenario(positions: [F.post("P1", title: "chair")], cadres: [F.cadre("A", rating: 90), F.cadre("B", rating: 80)])
        let explanation = try Explainer(scenario, sha256: "test", words: .vietnamese).explain(position: 0)
        let page = String(decoding: ExplanationReport.render(explanation, scenario: scenario, format: .html, language: .vi), as: UTF8.self)
        #expect(page.contains("<pre style=\"white-space: pre-wrap; overflow-wrap: anywhere\">"))
        #expect(page.contains("<title>Giải thích: chức vụ P1 — test</title>") && page.contains("<h1>Giải thích: chức vụ P1 — test</h1>"))
        let english = try Explainer(scenario, sha256: "test").explain(position: 0)
        let enPage = String(decoding: ExplanationReport.render(english, scenario: scenario, format: .html), as: UTF8.self)
        #expect(enPage.contains("<title>Explanation: post P1 — test</title>"))
        let diagnosis = try Planner.diagnose(scenario, sha256: "test", words: .vietnamese)
        let diagnosisPage = String(decoding: DiagnosisReport.render(diagnosis, format: .html, language: .vi), as: UTF8.self)
        #expect(diagnosisPage.contains("<title>Chẩn đoán — test</title>") && diagnosisPage.contains("white-space: pre-wrap"))
    }
}
