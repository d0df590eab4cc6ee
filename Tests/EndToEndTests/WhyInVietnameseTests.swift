import Foundation
import Planner
import TestSupport
import Testing

/// `planner diagnose --lang vi` and `planner explain --lang vi` as a user runs them (issue 19):
/// the committee's words in tables and pages, JSON the same in every language.
@Suite("Why, end to end, in Vietnamese: diagnose --lang vi, explain --lang vi")
struct WhyInVietnameseTests {
    typealias F = Fixtures

    /// English words that must not show through a Vietnamese report (names, ids and the
    /// scenario's own place names aside).
    static let english = [
        "requires", "keeps out", "rule", "fit ", "the ", "must", "eligible", "Runners-up", "Left out", "Forced", "loses", "gains",
        "objective", "pinned", "locked", "secretary", "deputy-director", "director,", "planned", "not ", "solves",
    ]

    static func leaks(_ text: String) -> [String] { english.filter { text.contains($0) } }

    /// The tutorial round with its locked director also pinned to a deputy's post: no plan.
    func pinnedAndLocked() throws -> (folder: URL, path: String) {
        let folder = try F.temporaryDirectory()
        let path = try F.tutorial(
            in: folder, named: "infeasible.json",
            replacing: [("  \"policy\": {", "  \"pinned\": [{\"cadre\": \"C-08\", \"position\": \"P-TC-DEP2\"}],\n  \"policy\": {")])
        return (folder, path)
    }

    @Test("diagnose --lang vi: the fewest and the conflict in Vietnamese, ids only; JSON as in English")
    func diagnose() throws {
        let (folder, path) = try pinnedAndLocked()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try F.run(["diagnose", path, "--lang", "vi"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.hasPrefix(
                "Ít nhất phải nới lỏng 1 ràng buộc của các quy định; bỏ các ràng buộc này thì đợt luân chuyển có phương án"))
        #expect(run.stdout.contains("Một mâu thuẫn: 2 ràng buộc không thể cùng được đáp ứng"))
        #expect(run.stdout.contains("C-08 được ấn định vào P-TC-DEP2 (Phó Giám đốc, Sở Tài chính)"))
        #expect(run.stdout.contains("C-08 được giữ nguyên ở P-TC-DIR (Giám đốc, Sở Tài chính)"))
        #expect(run.stdout.contains("Đã giải 1 lần để chẩn đoán."))
        #expect(Self.leaks(run.stdout) == [], "\(run.stdout)")
        #expect(!run.stdout.contains("Bùi Thị Hạnh"))  // ids only: the diagnosis may be logged
        // English as it was.
        let english = try F.run(["diagnose", path, "--lang", "en"])
        #expect(english.stdout.contains("  2. locks, cadre C-08: C-08 is locked in P-TC-DIR (director, Sở Tài chính)"))
        // JSON: ids and codes, English texts, whatever the language.
        let vi = try F.run(["diagnose", path, "--format", "json", "--lang", "vi"])
        let en = try F.run(["diagnose", path, "--format", "json", "--lang", "en"])
        #expect(vi.status == 0 && vi.stdoutData == en.stdoutData)
        // The page in Vietnamese, with its language and title.
        let page = try F.run(["diagnose", path, "--format", "html", "--lang", "vi"])
        #expect(page.stdout.contains("lang=\"vi\"") && page.stdout.contains("Chẩn đoán") && page.stdout.contains("được ấn định vào"))
        let feasible = try F.run(["diagnose", "Scenarios/tutorial.json", "--lang", "vi"])
        #expect(feasible.stdout == "Đợt luân chuyển có phương án khả thi: không có quy định nào mâu thuẫn.\n")
    }

    @Test("explain --lang vi: titles, the fit in plain words, the reasons; JSON as in English")
    func explain() throws {
        let post = try F.run(["explain", "Scenarios/tutorial.json", "--position", "P-AL-SEC", "--lang", "vi"])
        #expect(post.status == 0, "\(post.stderr)")
        #expect(post.stdout.hasPrefix("P-AL-SEC Bí thư, Xã An Lão: C-02 Trần Thị Bình (điều động)"))
        #expect(
            post.stdout.contains(
                "điểm phù hợp 21,40 = điểm đánh giá 23,40 + phù hợp chuyên ngành 0 + ổn định chức vụ 0 − chi phí điều động 2"))
        #expect(post.stdout.contains("Tổng điểm của phương án: 162,80 (tối ưu)"))
        #expect(post.stdout.contains("tổng điểm của phương án sẽ là 112,80: giảm 50 so với phương án đề xuất"))
        #expect(
            post.stdout.contains("C-01 Nguyễn Văn An: không đủ điều kiện (người đứng đầu không là người địa phương): là người địa phương"))
        #expect(post.stdout.contains("chưa được quy hoạch chức danh Bí thư tại Xã An Lão"))
        #expect(Self.leaks(post.stdout) == [], "\(post.stdout)")
        let cadre = try F.run(["explain", "Scenarios/tutorial.json", "--cadre", "C-05", "--lang", "vi"])
        #expect(cadre.stdout.hasPrefix("C-05 Hoàng Minh Đức: P-AL-CHA Chủ tịch, Xã An Lão (điều động)"))
        #expect(cadre.stdout.contains("Các chức vụ khác") || cadre.stdout.contains("Không được đề xuất:"))
        #expect(Self.leaks(cadre.stdout) == [], "\(cadre.stdout)")
        for arguments in [["--position", "P-AL-SEC"], ["--cadre", "C-05"], ["--position", "P-TC-DEP1", "--why-not", "C-13"]] {
            let vi = try F.run(["explain", "Scenarios/tutorial.json"] + arguments + ["--format", "json", "--lang", "vi"])
            let en = try F.run(["explain", "Scenarios/tutorial.json"] + arguments + ["--format", "json", "--lang", "en"])
            #expect(vi.status == 0 && vi.stdoutData == en.stdoutData, "\(arguments)")
        }
    }

    @Test("explain --why-not --lang vi: the broken rule named, and a higher objective that only breaking it buys read as such")
    func whyNot() throws {
        let run = try F.run(["explain", "Scenarios/tutorial.json", "--position", "P-TC-DEP1", "--why-not", "C-13", "--lang", "vi"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Buộc bố trí rồi giải lại:"))
        #expect(
            run.stdout.contains(
                "không đủ điều kiện; nếu vẫn bố trí thì vi phạm quy định trình độ: có trình độ Đại học; P-TC-DEP1 yêu cầu trình độ Thạc sĩ trở lên"
            ))
        #expect(run.stdout.contains("tổng điểm của phương án sẽ là 164,75: cao hơn 1,95 chỉ vì bỏ qua các quy định bị vi phạm"))
        #expect(Self.leaks(run.stdout) == [], "\(run.stdout)")
        let page = try F.run([
            "explain", "Scenarios/tutorial.json", "--position", "P-TC-DEP1", "--why-not", "C-13", "--format", "html", "--lang", "vi",
        ])
        #expect(page.stdout.contains("lang=\"vi\"") && page.stdout.contains("Giải thích: chức vụ P-TC-DEP1"))
    }

    @Test("solve --lang vi on a round with no plan: the page names the rules in conflict in Vietnamese; the JSON plan keeps English")
    func solveInfeasible() throws {
        let (folder, path) = try pinnedAndLocked()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try F.run(["solve", path, "--lang", "vi", "--format", "html"])
        #expect(page.status == 10)
        #expect(page.stdout.contains("C-08 được ấn định vào P-TC-DEP2 (Phó Giám đốc, Sở Tài chính)"))
        #expect(!page.stdout.contains("is pinned to"))
        let english = try F.run(["solve", path, "--lang", "en", "--format", "html"])
        #expect(english.stdout.contains("C-08 is pinned to P-TC-DEP2 (deputy-director, Sở Tài chính)"))
        // The command's last line speaks the language too, asked for or the locale's (a review
        // read it in English under LANG=vi_VN.UTF-8).
        let sentence = "không có phương án khả thi: các quy định bắt buộc không thể cùng được đáp ứng"
        #expect(page.stderr.contains(sentence), "\(page.stderr)")
        let byLocale = try F.run(["solve", path], locale: ["LANG": "vi_VN.UTF-8"])
        #expect(byLocale.status == 10)
        #expect(byLocale.stderr.contains(sentence), "\(byLocale.stderr)")
        #expect(english.stderr.contains("no feasible plan: the hard rules cannot all hold"))
        let vi = folder.appendingPathComponent("vi.json").path
        let en = folder.appendingPathComponent("en.json").path
        #expect(try F.run(["solve", path, "--lang", "vi", "--format", "json", "-o", vi]).status == 10)
        #expect(try F.run(["solve", path, "--lang", "en", "--format", "json", "-o", en]).status == 10)
        #expect(try F.jsonWithoutTiming(vi) == F.jsonWithoutTiming(en))
        #expect(try String(contentsOfFile: vi, encoding: .utf8).contains("C-08 is pinned to P-TC-DEP2"))
    }

    @Test("explain --why-not the holder: a plain statement in both languages; no service left worded as retirement age; places by name")
    func whyNotTheHolderAndWords() throws {
        let holder = try F.run(["explain", "Scenarios/tutorial.json", "--position", "P-AL-SEC", "--why-not", "C-02", "--lang", "vi"])
        #expect(holder.status == 0, "\(holder.stderr)")
        #expect(holder.stdout.contains("C-02 Trần Thị Bình đã được bố trí vào chức vụ P-AL-SEC Bí thư, Xã An Lão trong phương án"))
        #expect(!holder.stdout.contains("ngang nhau") && !holder.stdout.contains("giảm 0") && !holder.stdout.contains("Buộc bố trí"))
        #expect(Self.leaks(holder.stdout) == [], "\(holder.stdout)")
        let english = try F.run(["explain", "Scenarios/tutorial.json", "--position", "P-AL-SEC", "--why-not", "C-02", "--lang", "en"])
        #expect(english.stdout.contains("C-02 Trần Thị Bình already holds P-AL-SEC secretary, Xã An Lão in the plan"))
        #expect(!english.stdout.contains("equally good") && !english.stdout.contains("Forced"))
        // C-09 is past retirement age: no negative years of service.
        let retired = try F.run(["explain", "Scenarios/tutorial.json", "--position", "P-AL-SEC", "--why-not", "C-09", "--lang", "vi"])
        #expect(retired.stdout.contains("thời gian công tác còn lại: đã đến tuổi nghỉ hưu"))
        #expect(!retired.stdout.contains("còn -"))
        // The others who change post with their names and their posts by title and unit, in the table.
        #expect(
            retired.stdout.contains("C-02 Trần Thị Bình: P-AL-SEC Bí thư, Xã An Lão → P-KT-CHA Chủ tịch, Xã Kiến Thụy"), "\(retired.stdout)"
        )
        let retiredEnglish = try F.run(["explain", "Scenarios/tutorial.json", "--position", "P-AL-SEC", "--why-not", "C-09"])
        #expect(retiredEnglish.stdout.contains("serviceLeft: has reached retirement age") && !retiredEnglish.stdout.contains("has -"))
        // The locality by its name.
        let post = try F.run(["explain", "Scenarios/tutorial.json", "--position", "P-AL-SEC", "--lang", "vi"])
        #expect(post.stdout.contains("là người địa phương (An Lão) tại đơn vị của P-AL-SEC") && !post.stdout.contains("an-lao"))
        // An outcome without a post, once.
        let released = try F.run(["explain", "Scenarios/tutorial.json", "--cadre", "C-01", "--lang", "vi"])
        #expect(released.stdout.hasPrefix("C-01 Nguyễn Văn An: thôi giữ chức\n"), "\(released.stdout)")
    }

    @Test(
        "report --lang vi of a round with no plan: the conflicts in Vietnamese, subjects too; diagnose and explain pages wrap and name the round"
    )
    func reportInfeasible() throws {
        let folder = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pinned = try F.tutorial(
            in: folder, named: "pinned.json",
            replacing: [("  \"policy\": {", "  \"pinned\": [{\"cadre\": \"C-08\", \"position\": \"P-TC-DEP2\"}],\n  \"policy\": {")])
        let noMoves = try F.tutorial(
            in: folder, named: "moves.json",
            replacing: [("\"moves\": {\"mode\": \"hard\", \"max\": 3}", "\"moves\": {\"mode\": \"hard\", \"max\": 0}")])
        for path in [pinned, noMoves] {
            let out = folder.appendingPathComponent("r.html").path
            let run = try F.run(["report", path, "--lang", "vi", "-o", out])
            #expect(run.status == 10, "\(run.stderr)")
            let html = try String(contentsOfFile: out, encoding: .utf8)
            #expect(html.contains("Vì sao không có phương án"))
            for english in ["the round", "is pinned", "at most", "(cadre ", "(post "] {
                #expect(!html.contains(english), "\(path): \(english)")
            }
            let table = try F.run(["solve", path, "--lang", "vi"])
            for english in ["(the round)", "(cadre ", "(post "] { #expect(!table.stdout.contains(english), "\(path): \(english)") }
        }
        let moves = folder.appendingPathComponent("r.html").path
        _ = try F.run(["report", noMoves, "--lang", "vi", "-o", moves])
        #expect(try String(contentsOfFile: moves, encoding: .utf8).contains("(toàn đợt): tối đa 0 người đương nhiệm được chuyển chức vụ"))
        // The English report as before.
        let english = folder.appendingPathComponent("en.html").path
        _ = try F.run(["report", noMoves, "--lang", "en", "-o", english])
        #expect(try String(contentsOfFile: english, encoding: .utf8).contains("(the round): at most 0 incumbents may change post"))
        // Pages of text: wrapped, with the round's name.
        let page = try F.run(["diagnose", pinned, "--lang", "vi", "--format", "html"])
        #expect(page.stdout.contains("white-space: pre-wrap") && page.stdout.contains("overflow-wrap: anywhere"))
        #expect(page.stdout.contains("<title>Chẩn đoán — Tutorial: two communes and the finance department</title>"))
        let explanation = try F.run(["explain", "Scenarios/tutorial.json", "--position", "P-AL-CHA", "--format", "html", "--lang", "vi"])
        #expect(explanation.stdout.contains("<h1>Giải thích: chức vụ P-AL-CHA — Tutorial: two communes and the finance department</h1>"))
        #expect(explanation.stdout.contains("white-space: pre-wrap"))
    }
}
