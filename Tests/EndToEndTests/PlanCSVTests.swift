import Foundation
import TestSupport
import Testing

/// The plan as a spreadsheet opens it: one row per cadre the round touches and one per vacant
/// post, the figures in a second table, a byte order mark so that Excel reads Vietnamese as
/// UTF-8 on a double click.
@Suite("Plan CSV")
struct PlanCSVTests {
    typealias F = Fixtures

    static func rows(_ text: String) -> [[String]] {
        // The tutorial's values hold no quotes or commas: a split is enough to read them back.
        text.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("Every cadre the tutorial round touches has a row, every vacancy too, each with plain values")
    func tutorialPlanAsRows() throws {
        let folder = try F.temporaryDirectory()
        let planPath = folder.appendingPathComponent("plan.json").path
        let figuresPath = folder.appendingPathComponent("figures.csv").path
        #expect(try F.run(["solve", "Scenarios/tutorial.json", "--format", "json", "-o", planPath]).status == 0)
        let csv = try F.run(["solve", "Scenarios/tutorial.json", "--format", "csv", "--figures-csv", figuresPath])
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(Array(csv.stdoutData.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: planPath))) as! [String: Any]
        let rows = Self.rows(String(decoding: csv.stdoutData.dropFirst(3), as: UTF8.self))
        #expect(rows[0].first == "outcome")
        let body = rows.dropFirst()
        #expect(body.allSatisfy { $0.count == rows[0].count })
        for (outcome, key) in [
            ("move", "moves"), ("appointment", "appointments"), ("stay", "stays"), ("release", "releases"), ("retirement", "retirements"),
            ("vacancy", "vacancies"),
        ] {
            #expect(body.filter { $0[0] == outcome }.count == (plan[key] as? [Any])?.count, "\(outcome)")
        }
        // The tutorial's walk-through: C-05 moves from chairing Kiến Thụy to chairing An Lão.
        let move = try #require(body.first { $0[0] == "move" && $0[1] == "C-05" })
        #expect(move[3] == "P-KT-CHA" && move[7] == "P-AL-CHA" && move[6] == "chair" && move[9] == "Xã An Lão")
        #expect(body.contains { $0[0] == "retirement" && $0[1] == "C-09" })
        // The figures, as plain numbers beside their targets.
        let figures = try Data(contentsOf: URL(fileURLWithPath: figuresPath))
        #expect(Array(figures.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let table = Self.rows(String(decoding: figures.dropFirst(3), as: UTF8.self))
        #expect(table.first == ["figure", "value", "target"])
        #expect(table.contains(["women_in_leadership", "5", ""]))
        #expect(table.contains(["women_share", "0.5", "0.25"]))
        #expect(table.contains(["moves", "2", "3"]))
        // --no-bom for tools that do not want one.
        let plain = try F.run(["solve", "Scenarios/tutorial.json", "--format", "csv", "--no-bom"])
        #expect(plain.stdout.hasPrefix("outcome,"))
    }

    /// A plan the time limit stopped before its proof reads, in a CSV or JSON file opened alone,
    /// like any plan: the figures' table now opens with the plan's standing, and stderr says it
    /// for every format but the table, which opens with the same line itself.
    @Test("A plan not proven optimal: its status, bound and gap first in the figures CSV and on stderr; the table says it itself")
    func notProvenOptimal() throws {
        let folder = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let figures = folder.appendingPathComponent("figures.csv").path
        let plan = folder.appendingPathComponent("plan.csv").path
        // --time-limit 0 stops the city round before its first LP: the plan where every
        // incumbent stays, with the bound of the LP's starting prices.
        let stopped = try F.run([
            "solve", "Scenarios/city.json", "--time-limit", "0", "--format", "csv", "--no-bom", "--figures-csv", figures, "-o", plan,
        ])
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("Scenarios/city.json: Status: feasible (not proven optimal); objective "), "\(stopped.stderr)")
        #expect(stopped.stderr.contains(", gap "))
        let table = Self.rows(try String(contentsOfFile: figures, encoding: .utf8))
        #expect(table.prefix(2) == [["figure", "value", "target"], ["status", "feasible", ""]])
        func value(_ rows: [[String]], _ name: String) -> Double? { rows.first { $0.first == name }.flatMap { Double($0[1]) } }
        let objective = try #require(value(table, "objective"))
        let bound = try #require(value(table, "bound"))
        let gap = try #require(value(table, "gap"))
        #expect(bound > objective && gap > 0)
        #expect(abs(gap - (bound - objective) / abs(objective)) < 1e-3 * gap)
        // The proven optimum says so in the same rows, and nothing on stderr.
        let proven = try F.run(["solve", "Scenarios/tutorial.json", "--format", "csv", "--no-bom", "--figures-csv", figures, "-o", plan])
        #expect(proven.status == 0 && proven.stderr.isEmpty, "\(proven.stderr)")
        let provenTable = Self.rows(try String(contentsOfFile: figures, encoding: .utf8))
        #expect(provenTable[1] == ["status", "optimal", ""])
        #expect(value(provenTable, "gap") == 0)
        // The table opens with the line itself; stderr stays quiet.
        let text = try F.run(["solve", "Scenarios/city.json", "--time-limit", "0"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Status: feasible (not proven optimal)"))
        #expect(text.stderr.isEmpty, "\(text.stderr)")
    }

    /// A round with no plan used to give the header alone, which reads as a round where nothing
    /// happens; its one row now says why there is nothing to list.
    @Test("A round without a plan: one row, its status as the outcome; exit code 10")
    func noPlanRow() throws {
        let folder = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tutorial = F.packageRoot.appendingPathComponent("Scenarios/tutorial.json").path
        let impossible = folder.appendingPathComponent("impossible.json")
        try Data(
            #"{"variantOf": "\#(tutorial)", "changes": [{"set": "policy.women", "to": {"mode": "hard", "minShare": 0.9}}]}"#.utf8
        ).write(to: impossible)
        let run = try F.run(["solve", impossible.path, "--format", "csv", "--no-bom"])
        #expect(run.status == 10, "\(run.stderr)")
        let rows = Self.rows(run.stdout)
        #expect(rows.count == 2)
        #expect(rows.last?.first == "infeasible")
        #expect(rows.last?.count == rows.first?.count)
        #expect(rows.last?.dropFirst().allSatisfy(\.isEmpty) == true)
        // With --explain the "reason" column is there whatever the outcome.
        let explained = try F.run(["solve", impossible.path, "--format", "csv", "--no-bom", "--explain", "--no-diagnose"])
        #expect(explained.status == 10, "\(explained.stderr)")
        let explainedRows = Self.rows(explained.stdout)
        #expect(explainedRows.first?.last == "reason")
        #expect(explainedRows.count == 2 && explainedRows.last?.count == explainedRows.first?.count)
    }

    @Test("compare's CSV holds one plain number a cell: a cap in its own row, a share as a fraction")
    func compareCSVHasPlainNumbers() throws {
        let run = try F.run(["compare", "Scenarios/tutorial.json", "Scenarios/tutorial-no-tenure.json", "--format", "csv", "--no-bom"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = Self.rows(run.stdout)
        let figures = rows.filter { $0.first == "figure" }
        #expect(figures.contains { $0[1] == "moves_cap" && $0[3] == "3" && $0[4] == "3" })
        #expect(figures.contains { $0[1] == "women_share" && $0[3] == "0.5" })
        // Every figure cell is a number (or empty): nothing like "2 (cap 3)" or "50.0 %".
        for row in figures where row[1] != "status" {
            #expect(row.dropFirst(3).allSatisfy { $0.isEmpty || Double($0) != nil }, "\(row)")
        }
    }

    @Test("compare's and sweep's CSV write numbers alike: no binary noise, no padding (162.8, 0, 0.5)")
    func numbersAlikeInEveryCSV() throws {
        let compared = try F.run(["compare", "Scenarios/tutorial.json", "Scenarios/tutorial-no-tenure.json", "--format", "csv", "--no-bom"])
        let figures = Self.rows(compared.stdout).filter { $0.first == "figure" }
        #expect(figures.contains { $0[1] == "objective" && $0[3] == "162.8" && $0[4] == "167.8" }, "\(figures)")
        #expect(figures.contains { $0[1] == "gap" && $0[3] == "0" })
        let swept = try F.run([
            "sweep", "Scenarios/tutorial.json", "--set", "policy.women.minShare=0.4...0.5/0.1", "--format", "csv", "--no-bom",
        ])
        #expect(swept.status == 0, "\(swept.stderr)")
        let rows = Self.rows(swept.stdout)
        let header = try #require(rows.first)
        let objective = try #require(header.firstIndex(of: "objective"))
        let gap = try #require(header.firstIndex(of: "gap"))
        let share = try #require(header.firstIndex(of: "women_share"))
        #expect(rows.dropFirst().allSatisfy { $0[objective] == "162.8" && $0[gap] == "0" && $0[share] == "0.5" }, "\(rows)")
    }
}

/// `solve --lang vi`: the plan's table as an organization department writes it.
@Suite("The plan's table in Vietnamese")
struct VietnameseTableTests {
    typealias F = Fixtures

    @Test("--lang vi names titles, sections and figures in Vietnamese; --lang en is the English table")
    func tutorialInVietnamese() throws {
        let vi = try F.run(["solve", "Scenarios/tutorial.json", "--lang", "vi"])
        #expect(vi.status == 0)
        for expected in [
            "Tình trạng: phương án tốt nhất theo các quy định này, đã được chứng minh; giá trị mục tiêu 162,80",
            "Chuyển vị trí (2)", "C-02       Trần Thị Bình   P-AL-CHA Chủ tịch, Xã An Lão     P-AL-SEC Bí thư, Xã An Lão",
            "Nghỉ hưu (1)", "Nữ lãnh đạo", "5 / 10 vị trí lãnh đạo đã bố trí (50,0 %), chỉ tiêu 25,0 %", "cán bộ trẻ",
            "Giải bằng GLPK",
        ] {
            #expect(vi.stdout.contains(expected), "\(expected)")
        }
        #expect(!vi.stdout.contains("Moves"))
        let en = try F.run(["solve", "Scenarios/tutorial.json", "--lang", "en"])
        #expect(en.stdout.contains("Moves (2)") && en.stdout.contains("Women in leadership"))
    }
}

/// What a hostile review of the report and the CSV found, each kept fixed.
@Suite("Report and CSV review")
struct ReportCSVReviewTests {
    typealias F = Fixtures

    @Test("--explain gives reasons in the Vietnamese table and a reason column in CSV")
    func explainInEveryFormat() throws {
        let vi = try F.run(["solve", "Scenarios/tutorial.json", "--explain", "--lang", "vi"])
        #expect(vi.stdout.contains("Lý do (6)"))
        #expect(vi.stdout.contains("đã giữ chức vụ 11 năm, thời hạn là 10 năm"))
        let csv = try F.run(["solve", "Scenarios/tutorial.json", "--explain", "--format", "csv", "--no-bom"])
        let lines = csv.stdout.split(whereSeparator: \.isNewline)
        #expect(lines.first?.hasSuffix(",to_title,reason") == true)
        #expect(lines.contains { $0.hasPrefix("move,C-05,") && $0.contains("tenure: has held P-KT-CHA for 11 years") })
    }

    @Test("--lang vi: the CSV's reason column is in Vietnamese, a reason on every row the English file gives one")
    func explainedCSVInTheCommitteesLanguage() throws {
        // RFC 4180 rows: the reasons hold commas and are quoted.
        func records(_ text: String) -> [[String]] {
            var rows: [[String]] = []
            var row: [String] = []
            var cell = ""
            var quoted = false
            var characters = Array(text)[...]
            while let c = characters.popFirst() {
                if quoted {
                    if c == "\"" {
                        if characters.first == "\"" { cell.append(characters.removeFirst()) } else { quoted = false }
                    } else {
                        cell.append(c)
                    }
                } else if c == "\"" {
                    quoted = true
                } else if c == "," {
                    row.append(cell)
                    cell = ""
                } else if c.isNewline {
                    row.append(cell)
                    rows.append(row)
                    row = []
                    cell = ""
                } else {
                    cell.append(c)
                }
            }
            return rows
        }
        let english = try F.run(["solve", "Scenarios/tutorial.json", "--explain", "--format", "csv", "--no-bom", "--lang", "en"])
        let vietnamese = try F.run(["solve", "Scenarios/tutorial.json", "--explain", "--format", "csv", "--no-bom", "--lang", "vi"])
        #expect(english.status == 0 && vietnamese.status == 0, "\(vietnamese.stderr)")
        let en = records(english.stdout)
        let vi = records(vietnamese.stdout)
        // The same rows and codes: only the reason column is worded.
        #expect(en.map { $0.dropLast() } == vi.map { $0.dropLast() })
        #expect(vi.first?.last == "reason")
        let reasonEN = Dictionary(en.dropFirst().map { ($0[0] + "|" + $0[1], $0.last!) }, uniquingKeysWith: { a, _ in a })
        let reasonVI = Dictionary(vi.dropFirst().map { ($0[0] + "|" + $0[1], $0.last!) }, uniquingKeysWith: { a, _ in a })
        #expect(reasonVI["move|C-05"]?.contains("đã giữ chức vụ 11 năm, thời hạn là 10 năm") == true, "\(reasonVI)")
        #expect(reasonEN["move|C-05"]?.contains("tenure: has held P-KT-CHA for 11 years") == true)
        for (key, reason) in reasonEN where !reason.isEmpty {
            let worded = reasonVI[key] ?? ""
            #expect(!worded.isEmpty && worded != reason, "\(key): \(worded)")
        }
        #expect(reasonVI.count == reasonEN.count)
        // The same numbers in both: on the city round, where cadres free to stay move to a post
        // they fit better, the fit quoted for the new post is the plan's (less the move price) in
        // both languages (a review read 32,55 in Vietnamese against 30.55 in English).
        let cityEN = records(
            try F.run(["solve", "Scenarios/city.json", "--explain", "--format", "csv", "--no-bom", "--lang", "en"]).stdout)
        let cityVI = records(
            try F.run(["solve", "Scenarios/city.json", "--explain", "--format", "csv", "--no-bom", "--lang", "vi"]).stdout)
        let viByKey = Dictionary(cityVI.dropFirst().map { ($0[0] + "|" + $0[1], $0.last!) }, uniquingKeysWith: { a, _ in a })
        var compared = 0
        for row in cityEN.dropFirst() {
            guard let match = row.last!.firstMatch(of: /fit ([0-9.]+) in \S+ against ([0-9.]+)/),
                let new = Double(match.1), let old = Double(match.2), new > old
            else { continue }
            compared += 1
            let vietnamese = viByKey[row[0] + "|" + row[1]] ?? ""
            #expect(
                vietnamese.contains("điểm phù hợp \(match.1.replacingOccurrences(of: ".", with: ",")) so với"), "\(row[1]): \(vietnamese)")
        }
        #expect(compared >= 20)
    }

    @Test("The figures CSV has every target the policy sets; two tables are never written to one stream")
    func figuresTargetsAndOneStream() throws {
        let folder = try F.temporaryDirectory()
        let figures = folder.appendingPathComponent("f.csv").path
        #expect(
            try F.run([
                "solve", "Scenarios/tutorial.json", "--figures-csv", figures, "--no-bom", "-o", folder.appendingPathComponent("p.txt").path,
            ]).status == 0)
        let text = try String(contentsOfFile: figures, encoding: .utf8)
        #expect(text.contains("non_local_share,1,1"))
        #expect(text.contains("age_balance_teams_met,3,3"))
        let both = try F.run(["solve", "Scenarios/tutorial.json", "--format", "csv", "--figures-csv", "-"])
        #expect(both.status == 64)
        #expect(both.stdout.isEmpty)
    }

    @Test("A round's own word may not be blank or take another word's label")
    func ownWordsKeepLabelsApart() throws {
        let folder = try F.temporaryDirectory()
        let duplicate = try F.tutorial(
            in: folder, named: "dup.json",
            replacing: [
                (
                    "\"planningYear\": 2026,",
                    #""planningYear": 2026, "vocabulary": {"titles": [{"id": "chair", "vi": "Bí thư", "en": "chair"}]},"#
                )
            ])
        let run = try F.run(["validate", duplicate])
        #expect(run.status == 65)
        #expect(run.stderr.contains("\"bí thư\" is already a spelling of the title \"secretary\""))
        let blank = try F.tutorial(
            in: folder, named: "blank.json",
            replacing: [
                (
                    "\"planningYear\": 2026,",
                    #""planningYear": 2026, "vocabulary": {"titles": [{"id": "chair", "vi": " ", "en": "chair"}]},"#
                )
            ])
        let refused = try F.run(["validate", blank])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("a label must not be blank"))
        // Spellings the files' own syntax would misread: a roster's ";", a planning entry's "@"
        // and "post:" (a review's title labelled "post:P-AL-SEC" came back from a roster as an
        // entry for that post).
        let syntax = try F.tutorial(
            in: folder, named: "syntax.json",
            replacing: [
                (
                    "\"planningYear\": 2026,",
                    #""planningYear": 2026, "vocabulary": {"titles": [{"id": "cell-sec", "vi": "post:P-AL-SEC", "en": "cell secretary"}, {"id": "cell-dep", "vi": "Phó Bí thư Chi bộ; mới", "en": "deputy@cell"}, {"id": "cell-x", "vi": " Post : Chức A", "en": "cell x"}]},"#
                )
            ])
        let misread = try F.run(["validate", syntax])
        #expect(misread.status == 65)
        #expect(
            misread.stderr.contains("vocabulary.titles[0].vi (word cell-sec): a title's spelling may not begin with \"post:\""),
            "\(misread.stderr)")
        #expect(misread.stderr.contains("vocabulary.titles[1].vi (word cell-dep): a spelling may not hold \";\""))
        #expect(misread.stderr.contains("vocabulary.titles[1].en (word cell-dep): a title's spelling may not hold \"@\""))
        // As a roster's cell is read: trimmed, spaces around the colon no matter.
        #expect(misread.stderr.contains("vocabulary.titles[2].vi (word cell-x): a title's spelling may not begin with \"post:\""))
    }

    @Test("A round without a plan: the report names the rules in conflict, in the committee's language")
    func reportOfARoundWithoutAPlan() throws {
        let folder = try F.temporaryDirectory()
        let round = try F.tutorial(
            in: folder, named: "none.json",
            replacing: [
                (
                    #""id": "P-AL-SEC", "unit": "U-AL", "title": "secretary", "requirements": {"minEducation": "bachelor", "minRating": 70}"#,
                    #""id": "P-AL-SEC", "unit": "U-AL", "title": "secretary", "requirements": {"minEducation": "bachelor", "minRating": 100}"#
                )
            ])
        let output = folder.appendingPathComponent("none.html").path
        let run = try F.run(["report", round, "--lang", "vi", "-o", output])
        #expect(run.status == 10)
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(html.contains("Các quy định bắt buộc sau không thể cùng được đáp ứng"))
        // The subject in the report's language too, never the record's English.
        #expect(html.contains("Phải bố trí") && html.contains("(chức vụ P-AL-SEC)") && !html.contains("post P-AL-SEC"))
    }
}
