import Foundation
import Planner
import TestSupport
import Testing

/// compare and succession as pages for the committee, and compare, sweep and succession as
/// tables in Vietnamese: the built binary on the tutorial round and variants of it.
@Suite("What-if pages and tables in both languages, end to end")
struct WhatIfHTMLTests {
    typealias F = Fixtures

    /// Variant files of the tutorial round in a temporary folder, by name.
    static func variants() throws -> (folder: URL, paths: [String: String]) {
        let folder = try F.temporaryDirectory()
        let tutorial = F.packageRoot.appendingPathComponent("Scenarios/tutorial.json").path
        let files = [
            "no-tenure.json": #"{"variantOf": "TUTORIAL", "changes": [{"set": "policy.tenure", "to": "off"}]}"#,
            "women.json":
                #"{"variantOf": "TUTORIAL", "name": "Women at 60 %, hard", "changes": [{"set": "policy.women", "to": {"mode": "hard", "minShare": 0.6}}, {"set": "objective.movePrice", "to": 3}]}"#,
            "locked.json": #"{"variantOf": "TUTORIAL", "changes": [{"update": "cadre", "id": "C-05", "with": {"locked": true}}]}"#,
            "at-risk.json":
                #"{"variantOf": "TUTORIAL", "name": "Slates at risk", "changes": [{"set": "policy.succession", "to": {"slateSize": {"mode": "soft", "price": 30, "min": 2, "max": 3}, "timeToServe": {"mode": "hard", "years": 15}, "readiness": {"ready": 90}}}]}"#,
            "markup.json": #"{"variantOf": "TUTORIAL", "name": "<script>alert(1)</script> & Co", "changes": []}"#,
            "impossible.json": #"{"variantOf": "TUTORIAL", "changes": [{"set": "policy.women", "to": {"mode": "hard", "minShare": 0.9}}]}"#,
            "moves-1.json": #"{"variantOf": "TUTORIAL", "changes": [{"set": "policy.moves.max", "to": 1}]}"#,
        ]
        var paths: [String: String] = [:]
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try Data(text.replacingOccurrences(of: "TUTORIAL", with: tutorial).utf8).write(to: url)
            paths[name] = url.path
        }
        return (folder, paths)
    }

    /// Opens with no network: no script, stylesheet, font or image fetched, no external reference.
    static func expectSelfContained(_ html: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let lower = html.lowercased()
        #expect(!lower.contains("http://") && !lower.contains("https://"), sourceLocation: sourceLocation)
        for fetching in ["<script", "<link", "<img", "<iframe", "<object", "@import", "url("] {
            #expect(!lower.contains(fetching), "\(fetching)", sourceLocation: sourceLocation)
        }
        #expect(!lower.contains("src=") && !lower.contains("href="), sourceLocation: sourceLocation)
        #expect(lower.hasPrefix("<!doctype html>") && lower.hasSuffix("</html>\n"), sourceLocation: sourceLocation)
    }

    @Test(
        "compare --format html: the variants side by side with their targets, and what each policy choice costs", arguments: ["en", "vi"])
    func comparePage(language: String) throws {
        let (folder, paths) = try Self.variants()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("variants.html")
        let run = try F.run([
            "compare", "Scenarios/tutorial.json", paths["no-tenure.json"]!, paths["women.json"]!, paths["locked.json"]!, "--format", "html",
            "--lang", language, "-o", page.path,
        ])
        // The locked variant has no feasible plan: its column says so, and so does the exit code.
        #expect(run.status == 10, "\(run.stderr)")
        let html = try String(contentsOf: page, encoding: .utf8)
        Self.expectSelfContained(html)
        #expect(html.contains("<html lang=\"\(language)\">"))
        #expect(html.contains("<svg class=\"chart\""))
        // The columns: the base, the variants by name or else by file.
        for label in ["tutorial.json", "no-tenure.json", "Women at 60 %, hard", "locked.json"] { #expect(html.contains(label), "\(label)") }
        // The figures and names of the plans (tenure off: C-05 keeps Kiến Thụy's chair, C-11 goes to An Lão).
        for name in ["Hoàng Minh Đức", "Dương Văn Minh"] { #expect(html.contains(name), "\(name)") }
        if language == "en" {
            for text in [
                "The best plan, proven", "The variants side by side", "5/10 (50.0 %)", "6/10 (60.0 %) (target ≥ 60.0 %)", "≥ 25.0 %",
                "162.80", "167.80", "+5 (+3.1 %)", "What each policy choice costs", "Tenure: hard → off", "Women: soft (6 points) → hard",
                "Women, least share: 0.25 → 0.6", "Objective, price of a move: 2 → 3", "Records of cadres: Hoàng Minh Đức (C-05)",
                "this choice costs the objective nothing", "what this choice costs", "Chair, Xã An Lão", "No plan keeps every hard rule",
            ] {
                #expect(html.contains(HTMLEscaped.text(text)), "\(text)")
            }
        } else {
            for text in [
                "Phương án tốt nhất, đã chứng minh", "Các kịch bản đặt cạnh nhau", "5/10 (50,0 %)", "6/10 (60,0 %) (mục tiêu ≥ 60,0 %)",
                "≥ 25,0 %", "162,80", "167,80", "+5 (+3,1 %)", "Mỗi lựa chọn chính sách đánh đổi những gì",
                "Thời hạn giữ chức vụ: bắt buộc → không áp dụng", "Cán bộ nữ: khuyến khích (phạt 6 điểm) → bắt buộc",
                "Hàm mục tiêu, mức phạt mỗi lần điều động: 2 → 3", "Chủ tịch, Xã An Lão", "Cán bộ nữ trong lãnh đạo",
                "Người đứng đầu không phải người địa phương", "Điều động", "đó là cái giá của lựa chọn này",
            ] {
                #expect(html.contains(HTMLEscaped.text(text)), "\(text)")
            }
            // No English heading left over.
            for english in ["The variants side by side", "What each policy choice costs", "Women in leadership", "Objective", "Status"] {
                #expect(!html.contains(">\(english)<"), "\(english)")
            }
        }
    }

    @Test("A variant's name holding markup is escaped on the page, never run")
    func compareEscapes() throws {
        let (folder, paths) = try Self.variants()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try F.run(["compare", "Scenarios/tutorial.json", paths["markup.json"]!, "--format", "html", "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        Self.expectSelfContained(run.stdout)
        #expect(run.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"))
        #expect(run.stdout.contains("No setting and no record differs from the base."))
        #expect(run.stdout.contains("Every plan gives every post the same holder as the base."))
    }

    @Test(
        "succession --format html: the slates with their risk flags, key posts at risk first, the bench strength", arguments: ["en", "vi"])
    func slatesPage(language: String) throws {
        let (folder, paths) = try Self.variants()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tutorial = try F.run(["succession", "Scenarios/tutorial.json", "--format", "html", "--lang", language])
        #expect(tutorial.status == 0, "\(tutorial.stderr)")
        Self.expectSelfContained(tutorial.stdout)
        #expect(tutorial.stdout.contains("<svg class=\"chart\""))
        for name in ["Lê Văn Cường", "Lý Thị Ngọc", "Phan Thị Quỳnh", "c7e781196b49c2f6"] {
            #expect(tutorial.stdout.contains(name), "\(name)")
        }
        let atRisk = try F.run(["succession", paths["at-risk.json"]!, "--format", "html", "--lang", language])
        #expect(atRisk.status == 0, "\(atRisk.stderr)")
        Self.expectSelfContained(atRisk.stdout)
        let html = atRisk.stdout
        if language == "en" {
            for text in [
                "The best slates under these rules, proven", "Bench strength", "Key posts with 2 successors", "Key posts at risk (6)",
                "Risk: the incumbent retires within the term and no successor is ready", "Chair, Xã An Lão", "Incumbent: Trần Thị Bình",
            ] {
                #expect(html.contains(text), "\(text)")
            }
            #expect(tutorial.stdout.contains("No key post is at risk"))
        } else {
            for text in [
                "Phương án quy hoạch tốt nhất theo các quy định này, đã được chứng minh", "Nguồn cán bộ kế nhiệm",
                "Chức danh có 2 người kế nhiệm", "Chức danh chủ chốt có rủi ro (6)",
                "Rủi ro: người đương nhiệm nghỉ hưu trong nhiệm kỳ mà chưa có người kế nhiệm sẵn sàng", "Chủ tịch, Xã An Lão",
                "Người đương nhiệm: Trần Thị Bình, đến tuổi nghỉ hưu năm 2035", "Bí thư, Xã Kiến Thụy",
            ] {
                #expect(html.contains(text), "\(text)")
            }
            for english in ["Bench strength", "Key posts at risk", "Incumbent:", "Risk:", "successor"] {
                #expect(!html.contains(english), "\(english)")
            }
        }
        // The posts at risk come before the section of the others; here every post is at risk.
        let riskSection = try #require(html.range(of: "id=\"at-risk\""))
        let bench = try #require(html.range(of: "id=\"bench\""))
        #expect(bench.lowerBound < riskSection.lowerBound)
        #expect(!html.contains("id=\"slates\""))
    }

    @Test("sweep --format html: a row per value, the status in plain words, no wall time", arguments: ["en", "vi"])
    func sweepPage(language: String) throws {
        let run = try F.run([
            "sweep", "Scenarios/tutorial.json", "--set", "policy.women.minShare=0.5,0.6", "--format", "html", "--lang", language,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        Self.expectSelfContained(run.stdout)
        let expected =
            language == "en"
            ? [
                "Sweep of Tutorial: two communes and the finance department (tutorial.json) over Women, least share (policy.women.minShare)",
                "The best plan, proven", "162.80", "50.0 %", "Women share",
                "<th>Women, least share<br><span class=\"path\">policy.<wbr>women.<wbr>minShare</span></th>",
            ]
            : [
                "Khảo sát kịch bản Tutorial: two communes and the finance department (tutorial.json) theo Cán bộ nữ, tỷ lệ tối thiểu (policy.women.minShare)",
                "Phương án tốt nhất, đã chứng minh", "162,80", "50,0 %",
                "Tỷ lệ nữ", "<th>Cán bộ nữ, tỷ lệ tối thiểu<br><span class=\"path\">policy.<wbr>women.<wbr>minShare</span></th>",
            ]
        for text in expected { #expect(run.stdout.contains(text), "\(text)") }
        #expect(!run.stdout.contains("olve s") && !run.stdout.contains("hời gian giải"))
    }

    @Test("--lang vi: compare, sweep and succession tables in Vietnamese, with no English heading left; CSV and JSON unchanged")
    func vietnameseTables() throws {
        let (folder, paths) = try Self.variants()
        defer { try? FileManager.default.removeItem(at: folder) }
        let compare = try F.run(["compare", "Scenarios/tutorial.json", paths["no-tenure.json"]!, "--lang", "vi"])
        #expect(compare.status == 0, "\(compare.stderr)")
        for text in [
            "So sánh 2 kịch bản", "tình trạng", "tối ưu", "162,80", "2 (tối đa 3)", "5 (50,0 %)",
            "Cán bộ có vị trí khác với tutorial.json (2)",
            "MÃ CÁN BỘ", "HỌ VÀ TÊN", "Chức vụ có người đảm nhiệm khác với tutorial.json (2)", "Hoàng Minh Đức",
            // Posts as `solve` lists them, holders by id and name.
            "  P-AL-CHA Chủ tịch, Xã An Lão  ", "  C-05 Hoàng Minh Đức", "P-KT-CHA Chủ tịch, Xã Kiến Thụy",
        ] {
            #expect(compare.stdout.contains(text), "\(text)")
        }
        for english in ["Comparison of", "status", "optimal", "objective", "moves", "Cadres whose", "Posts whose", "CADRE", "NAME", "POST"]
        {
            #expect(!compare.stdout.contains(english), "\(english)")
        }

        let sweep = try F.run(["sweep", "Scenarios/tutorial.json", "--set", "policy.women.minShare=0.5,0.6", "--lang", "vi"])
        #expect(sweep.status == 0, "\(sweep.stderr)")
        for text in [
            "Khảo sát kịch bản Tutorial: two communes and the finance department (tutorial.json) theo Cán bộ nữ, tỷ lệ tối thiểu (policy.women.minShare)",
            "tình trạng", "giá trị mục tiêu", "tỷ lệ nữ", "162,80", "50,0 %", "\n  Cán bộ nữ, tỷ lệ tối thiểu  tình trạng",
        ] {
            #expect(sweep.stdout.contains(text), "\(text)")
        }
        for english in ["Sweep of", "status", "optimal", "objective", "women share", "vacancies", "solve s"] {
            #expect(!sweep.stdout.contains(english), "\(english)")
        }

        let slates = try F.run(["succession", "Scenarios/tutorial.json", "--lang", "vi"])
        #expect(slates.status == 0, "\(slates.stderr)")
        for text in [
            "Quy hoạch kế nhiệm: ", "Tình trạng: tối ưu; giá trị mục tiêu 4.586,60", "Chức danh chủ chốt: 6",
            "Trong danh sách quy hoạch: 10 người; nữ 5 (50,0 %)", "Chức danh chủ chốt có rủi ro: không có", "Danh sách kế nhiệm (18)",
            "CHỨC VỤ", "HỌ VÀ TÊN", "MỨC SẴN SÀNG", "P-AL-CHA Chủ tịch, Xã An Lão", "74,5 sẵn sàng", "Giải bằng GLPK",
        ] {
            #expect(slates.stdout.contains(text), "\(text)")
        }
        for english in [
            "Succession plan", "Status:", "Key posts", "bench strength", "On the list", "Slates", "POST", "INCUMBENT", "READINESS",
            " ready", "Solved by",
        ] {
            #expect(!slates.stdout.contains(english), "\(english)")
        }

        // CSV is for machines: the same columns and values in every language. JSON too.
        for arguments in [
            ["compare", "Scenarios/tutorial.json", paths["no-tenure.json"]!, "--format", "csv"],
            ["succession", "Scenarios/tutorial.json", "--format", "csv"],
        ] {
            let english = try F.run(arguments + ["--lang", "en"])
            let vietnamese = try F.run(arguments + ["--lang", "vi"])
            #expect(english.stdout == vietnamese.stdout, "\(arguments[0])")
        }
        let sweepEnglish = try F.run([
            "sweep", "Scenarios/tutorial.json", "--set", "policy.women.minShare=0.5,0.6", "--format", "csv", "--lang", "en",
        ])
        let sweepVietnamese = try F.run([
            "sweep", "Scenarios/tutorial.json", "--set", "policy.women.minShare=0.5,0.6", "--format", "csv", "--lang", "vi",
        ])
        // No wall time: the same bytes in either language.
        #expect(sweepEnglish.stdout == sweepVietnamese.stdout)
        let json = try F.run(["compare", "Scenarios/tutorial.json", paths["no-tenure.json"]!, "--format", "json", "--lang", "vi"])
        #expect(json.stdout.contains("\"status\" : \"optimal\"") && !json.stdout.contains("tối ưu"))
    }

    @Test(
        "compare: a variant without a plan decides no post: the no-plan mark, told once under the figures, never vacant nor no post",
        arguments: ["en", "vi"])
    func compareWithoutPlan(language: String) throws {
        let (folder, paths) = try Self.variants()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try F.run([
            "compare", "Scenarios/tutorial.json", paths["no-tenure.json"]!, paths["impossible.json"]!, "--lang", language,
        ])
        #expect(run.status == 10, "\(run.stderr)")
        let heading = language == "en" ? "Posts whose holder differs" : "Chức vụ có người đảm nhiệm khác"
        let posts = try #require(run.stdout.range(of: heading)).lowerBound
        let table = run.stdout[posts...]
        #expect(!table.contains("vacant") && !table.contains("để trống"), "\(table)")
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("  P-") }
        #expect(rows.count == 2 && rows.allSatisfy { $0.hasSuffix("  –") }, "\(rows)")
        // The same column in the cadres' table, and in the figures but the status; no em dash anywhere.
        let lines = run.stdout.split(separator: "\n")
        #expect(
            lines.filter { $0.hasPrefix("  C-05 ") }.count == 1 && lines.filter { $0.hasPrefix("  C-") }.allSatisfy { $0.hasSuffix("  –") })
        #expect(!run.stdout.contains("—"))
        let objective = language == "en" ? "  objective " : "  giá trị mục tiêu "
        #expect(lines.first { $0.hasPrefix(objective) }?.hasSuffix("  –") == true)
        // The mark is told once, under the figures.
        let told = language == "en" ? "–: the variant has no plan (see its status)." : "–: kịch bản không có phương án (xem tình trạng)."
        #expect(run.stdout.components(separatedBy: told).count == 2, "\(run.stdout)")
        #expect(run.stdout.range(of: told)!.lowerBound < posts)
    }

    @Test("compare: a cadre without a post in a plan is worded, unlike a variant without a plan", arguments: ["en", "vi"])
    func compareNoPostWorded(language: String) throws {
        let (folder, paths) = try Self.variants()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try F.run([
            "compare", "Scenarios/tutorial.json", paths["impossible.json"]!, paths["moves-1.json"]!, "--lang", language,
        ])
        #expect(run.status == 10, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let noPost = language == "en" ? "no post" : "không giữ chức vụ"
        let chair = language == "en" ? "P-AL-CHA chair, Xã An Lão" : "P-AL-CHA Chủ tịch, Xã An Lão"
        // C-05 holds An Lão's chair in the base, none in the plan of one move; the impossible variant has no plan.
        let c05 = try #require(lines.first { $0.hasPrefix("  C-05 ") })
        #expect(c05.contains("Hoàng Minh Đức  \(chair)  –  ") && c05.hasSuffix("  \(noPost)"), "\(c05)")
        let post = try #require(lines.first { $0.hasPrefix("  \(chair)  ") })
        #expect(post.contains("  C-05 Hoàng Minh Đức  –  ") && post.hasSuffix("C-15 Mai Văn Sơn"), "\(post)")
        // CSV keeps its cells: empty for no plan and for no post alike, as its README says.
        let csv = try F.run(["compare", "Scenarios/tutorial.json", paths["impossible.json"]!, paths["moves-1.json"]!, "--format", "csv"])
        #expect(csv.stdout.contains("\r\ncadre,C-05,Hoàng Minh Đức,P-AL-CHA,,\r\n"), "\(csv.stdout)")
    }

    @Test("compare: no plan gives another holder; said only of the plans there are", arguments: ["en", "vi"])
    func compareSameHoldersHonest(language: String) throws {
        let (folder, paths) = try Self.variants()
        defer { try? FileManager.default.removeItem(at: folder) }
        let english = language == "en"
        let cases: [([String], String, String)] = [
            (
                ["Scenarios/tutorial.json", paths["impossible.json"]!],
                english
                    ? "No other variant has a plan to compare holders with tutorial.json."
                    : "Không kịch bản nào khác có phương án để so sánh người đảm nhiệm với tutorial.json.",
                english
                    ? "No other variant has a plan to compare holders with the base."
                    : "Không kịch bản nào khác có phương án để so sánh người đảm nhiệm với kịch bản gốc."
            ),
            (
                ["Scenarios/tutorial.json", paths["markup.json"]!, paths["impossible.json"]!],
                english
                    ? "The variants with a plan give every post the same holder as tutorial.json."
                    : "Các kịch bản có phương án đều bố trí cùng người vào mọi chức vụ như tutorial.json.",
                english
                    ? "The variants with a plan give every post the same holder as the base."
                    : "Các kịch bản có phương án đều bố trí cùng người vào mọi chức vụ như kịch bản gốc."
            ),
            (
                [paths["impossible.json"]!, "Scenarios/tutorial.json"],
                english
                    ? "impossible.json has no plan: there are no holders to compare with it."
                    : "impossible.json không có phương án: không có người đảm nhiệm nào để so sánh.",
                english
                    ? "The base has no plan: there are no holders to compare with it."
                    : "Kịch bản gốc không có phương án: không có người đảm nhiệm nào để so sánh."
            ),
        ]
        for (files, table, page) in cases {
            let run = try F.run(["compare"] + files + ["--lang", language])
            #expect(run.stdout.hasSuffix("\n" + table + "\n"), "\(run.stdout)")
            #expect(!run.stdout.contains("Every plan") && !run.stdout.contains("Mọi phương án"))
            let html = try F.run(["compare"] + files + ["--lang", language, "--format", "html"])
            #expect(html.stdout.contains("<p>\(HTMLEscaped.text(page))</p>"), "\(page)")
            #expect(!html.stdout.contains("Every plan") && !html.stdout.contains("Mọi phương án"))
        }
    }

    @Test("compare --format html: a variant's pinned and forbidden pairs, by name, post and unit, twenty at most", arguments: ["en", "vi"])
    func comparePagePairs(language: String) throws {
        let folder = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tutorial = F.packageRoot.appendingPathComponent("Scenarios/tutorial.json").path
        // One pin, and 24 forbidden pairs: C-01…C-12 from two posts each.
        let cadres = (1...12).map { String(format: "C-%02d", $0) }
        let forbids = cadres.flatMap { cadre in
            ["P-TC-DEP1", "P-TC-DEP2"].map { #"{"forbid": "\#(cadre)", "from": "\#($0)"}"# }
        }
        let changes = [#"{"pin": "C-15", "to": "P-AL-CHA"}"#] + forbids
        let variant = folder.appendingPathComponent("pairs.json")
        try Data(#"{"variantOf": "\#(tutorial)", "changes": [\#(changes.joined(separator: ", "))]}"#.utf8).write(to: variant)
        let run = try F.run(["compare", "Scenarios/tutorial.json", variant.path, "--format", "html", "--lang", language])
        let html = run.stdout
        let english = language == "en"
        let pinned =
            english ? "Pinned pairs added: Mai Văn Sơn → chair, Xã An Lão" : "Thêm cặp bố trí cố định: Mai Văn Sơn → Chủ tịch, Xã An Lão"
        #expect(html.contains("<li>\(HTMLEscaped.text(pinned))</li>"), "\(html)")
        let forbidden = try #require(
            html.split(separator: "<li>").first { $0.hasPrefix(english ? "Forbidden pairs added: " : "Thêm cặp không được bố trí: ") })
        let item = try #require(forbidden.components(separatedBy: "</li>").first)
        #expect(item.components(separatedBy: " → ").count == 21, "\(item)")
        #expect(item.hasSuffix(english ? " and 4 more" : " và còn 4 nữa"), "\(item)")
        #expect(item.contains(english ? "Nguyễn Văn An → deputy director, " : "Nguyễn Văn An → Phó "), "\(item)")
        #expect(!html.contains(english ? "pinned or forbidden pairs" : "cặp bố trí cố định hay không được bố trí"))
        // The other way round, the tutorial against the variant as its base: the pairs taken away.
        let reverse = try F.run(["compare", variant.path, "Scenarios/tutorial.json", "--format", "html", "--lang", language]).stdout
        let away =
            english ? "Pinned pairs taken away: Mai Văn Sơn → chair, Xã An Lão" : "Bỏ cặp bố trí cố định: Mai Văn Sơn → Chủ tịch, Xã An Lão"
        #expect(reverse.contains("<li>\(HTMLEscaped.text(away))</li>"), "\(reverse)")
    }

    @Test("sweep: a grid of more than 1,000 values is refused before anything is read, naming its size; exit 64")
    func sweepGridLimit() throws {
        let run = try F.run([
            "sweep", "Scenarios/tutorial.json", "--set", "policy.women.minShare=0...1/0.01", "--set", "objective.movePrice=0...9/1",
        ])
        #expect(run.status == 64)
        #expect(run.stderr.contains("101 × 10 = 1010 values") && run.stderr.contains("at most 1000"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        // 1,000 is the limit, not past it.
        let hundred = try SweepParameter.parse("policy.women.minShare=0...0.99/0.01")
        let ten = try SweepParameter.parse("objective.movePrice=0...9/1")
        #expect(hundred.values.count * ten.values.count == SweepParameter.maximumPoints)
        try SweepParameter.checkGrid([hundred, ten])
    }

    @Test("A sweep's rows not solved are stopped, counted in one line in the table's language, not errors")
    func sweepStoppedRows() throws {
        let rows = [
            SweepReport.Row(
                values: ["0.5"], status: "infeasible", objective: nil, gap: nil, figures: nil, solveSeconds: 0.1, error: nil),
            SweepReport.Row(values: ["0.6"], status: "stopped", objective: nil, gap: nil, figures: nil, solveSeconds: nil, error: nil),
            SweepReport.Row(values: ["0.7"], status: "stopped", objective: nil, gap: nil, figures: nil, solveSeconds: nil, error: nil),
            SweepReport.Row(
                values: ["0.8"], status: "error", objective: nil, gap: nil, figures: nil, solveSeconds: nil, error: "no such file"),
        ]
        let report = SweepReport(
            scenario: "/tmp/tutorial.json", name: "Tutorial", parameters: ["policy.women.minShare"], rows: rows, stoppedBy: "SIGINT")
        let english = report.table(language: .en)
        #expect(english.hasPrefix("Sweep of Tutorial (tutorial.json) over Women, least share (policy.women.minShare)\n"))
        #expect(english.hasSuffix("\n\n0.8: no such file\n2 values not solved: stopped by SIGINT\n"), "\(english)")
        #expect(english.components(separatedBy: "  stopped  ").count == 3)
        let vietnamese = report.table(language: .vi)
        #expect(vietnamese.hasSuffix("\n\n0,8: no such file\n2 giá trị chưa được giải: dừng do tín hiệu SIGINT\n"), "\(vietnamese)")
        #expect(vietnamese.components(separatedBy: "  đã dừng  ").count == 3)
        #expect(vietnamese.contains("  0,6  ") && !vietnamese.contains("0.6"))
        let csv = String(decoding: report.render(.csv), as: UTF8.self)
        #expect(csv.components(separatedBy: ",stopped,").count == 3)
        let page = String(decoding: report.render(.html, language: .vi), as: UTF8.self)
        #expect(page.contains("<li>2 giá trị chưa được giải: dừng do tín hiệu SIGINT</li>"))
    }

    @Test("A stopped sweep's footer counts every row shown as stopped, those stopped during their search said apart")
    func sweepInterruptedRowsCounted() throws {
        func row(_ value: String, during: Bool) -> SweepReport.Row {
            SweepReport.Row(
                values: [value], status: "stopped", objective: nil, gap: nil, figures: nil, solveSeconds: during ? 2.5 : nil, error: nil)
        }
        let optimal = SweepReport.Row(
            values: ["0.1"], status: "optimal", objective: 10, gap: 0, figures: nil, solveSeconds: 0.1, error: nil)
        let two = SweepReport(
            scenario: "/tmp/tutorial.json", parameters: ["policy.women.minShare"],
            rows: [optimal, row("0.2", during: true), row("0.3", during: true), row("0.4", during: false)], stoppedBy: "SIGINT")
        let english = two.table(language: .en)
        #expect(english.components(separatedBy: "  stopped  ").count == 4)
        #expect(english.hasSuffix("\n3 values not solved: stopped by SIGINT (2 of them during their search)\n"), "\(english)")
        let vietnamese = two.table(language: .vi)
        #expect(vietnamese.components(separatedBy: "  đã dừng  ").count == 4)
        #expect(
            vietnamese.hasSuffix("\n3 giá trị chưa được giải: dừng do tín hiệu SIGINT (trong đó 2 giá trị bị dừng khi đang giải)\n"),
            "\(vietnamese)")
        let one = SweepReport(
            scenario: "/tmp/tutorial.json", parameters: ["policy.women.minShare"], rows: [optimal, row("0.2", during: true)],
            stoppedBy: "SIGINT")
        #expect(one.table(language: .en).hasSuffix("\n1 value not solved: stopped by SIGINT (1 of them during its search)\n"))
        let page = String(decoding: two.render(.html, language: .en), as: UTF8.self)
        #expect(page.contains("<li>3 values not solved: stopped by SIGINT (2 of them during their search)</li>"))
    }

    @Test("sweep --format csv: the same sweep gives the same bytes; --timings adds the solves' wall times")
    func sweepCSVReproducible() throws {
        let arguments = [
            "sweep", "Scenarios/tutorial.json", "--set", "policy.women.minShare=0.4...0.6/0.1", "--set", "policy.tenure=hard,off",
            "--format", "csv",
        ]
        let first = try F.run(arguments)
        let second = try F.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdoutData == second.stdoutData)
        #expect(!first.stdout.contains("solve_seconds"))
        let header = try #require(first.stdout.components(separatedBy: "\r\n").first)
        #expect(header.hasSuffix(",teams_meeting_age_balance,age_balance_teams"), "\(header)")
        let timed = try F.run(arguments + ["--timings"])
        let lines = timed.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first?.hasSuffix(",age_balance_teams,solve_seconds") == true)
        #expect(lines.count == 7 && lines.dropFirst().allSatisfy { Double($0.split(separator: ",").last ?? "") != nil }, "\(lines)")
        // Without timings, each row is the timed row but its last cell.
        let plain = first.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(plain.dropFirst() == lines.dropFirst().map { String($0[..<$0.lastIndex(of: ",")!]) }[...])
        let help = try F.run(["sweep", "--help"])
        #expect(help.stdout.contains("--timings") && help.stdout.contains("solve_seconds"))
    }

    @Test("sweep --lang vi: values with the decimal comma, modes in words, the round named in the title")
    func sweepValuesWorded() throws {
        let run = try F.run([
            "sweep", "Scenarios/tutorial.json", "--set", "policy.women.minShare=0.5,0.6", "--set", "policy.tenure=hard,off", "--lang", "vi",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.hasPrefix(
                "Khảo sát kịch bản Tutorial: two communes and the finance department (tutorial.json) theo Cán bộ nữ, tỷ lệ tối thiểu (policy.women.minShare) × Thời hạn giữ chức vụ (policy.tenure)\n"
            ))
        // The parameters by their words in the header; the paths are in the title.
        #expect(run.stdout.contains("\n  Cán bộ nữ, tỷ lệ tối thiểu  Thời hạn giữ chức vụ  tình trạng  "))
        let rows = run.stdout.split(separator: "\n").filter { $0.hasPrefix("  0") }
        #expect(rows.count == 4)
        #expect(rows.first?.hasPrefix("  0,5" + String(repeating: " ", count: 25) + "bắt buộc") == true, "\(rows)")
        #expect(rows.last?.hasPrefix("  0,6" + String(repeating: " ", count: 25) + "không áp dụng") == true, "\(rows)")
        #expect(!run.stdout.contains("\"hard\"") && !run.stdout.contains("0.5 "))
    }

    @Test("succession: the years a candidate has held the post and has left after a term, as the scenario gives them, uncapped")
    func successionRealYears() throws {
        for language in ["en", "vi"] {
            let run = try F.run(["succession", "Scenarios/tutorial.json", "--lang", language])
            #expect(run.status == 0, "\(run.stderr)")
            let ready = language == "en" ? "ready" : "sàng"
            // The figures after the readiness: rating, years in post, fields, years after a term.
            func figures(_ cadre: String) -> [[String]] {
                run.stdout.split(separator: "\n").filter { $0.contains("  \(cadre)  ") }.compactMap { line in
                    let words = line.split(separator: " ").map(String.init)
                    return words.firstIndex(of: ready).map { Array(words[($0 + 1)...].prefix(4)) }
                }
            }
            // C-05 has held the chair 11 years (the readiness counts 10); retires in 2034: 3 years after a 5-year term.
            #expect(figures("C-05").allSatisfy { $0[1] == "11" && $0[3] == "3" } && !figures("C-05").isEmpty, "\(figures("C-05"))")
            // Vũ Thị Hoa, born 1984, a woman: retires in 2044, 13 years after a term from 2026.
            #expect(figures("C-06").allSatisfy { $0[3] == "13" } && !figures("C-06").isEmpty, "\(figures("C-06"))")
            #expect(run.stdout.contains("C-02 Trần Thị Bình (2035)"))
            #expect(run.stdout.contains("C-06 Vũ Thị Hoa, C-11 Dương Văn Minh, C-12 Lý Thị Ngọc"))
        }
        let page = try F.run(["succession", "Scenarios/tutorial.json", "--format", "html"])
        #expect(page.stdout.contains("<td>Vũ Thị Hoa</td>") && page.stdout.contains("<td>13</td>"))
        #expect(page.stdout.contains("3 (3 cadres: Vũ Thị Hoa, Dương Văn Minh, Lý Thị Ngọc)"))
    }

    @Test("English tables are what they were: the tutorial's slates are the golden file with --lang en")
    func englishUnchanged() throws {
        let run = try F.run(["succession", "Scenarios/tutorial.json", "--lang", "en"])
        let golden = try String(
            contentsOf: F.packageRoot.appendingPathComponent("Tests/EndToEndTests/Golden/tutorial-succession.txt"), encoding: .utf8)
        #expect(F.withoutTiming(run.stdout) == F.withoutTiming(golden))
        let compare = try F.run(["compare", "Scenarios/tutorial.json", "Scenarios/tutorial-no-tenure.json", "--lang", "en"])
        #expect(
            compare.stdout.hasPrefix(
                "Comparison of 2 scenarios\n\n                                  tutorial.json  tutorial-no-tenure.json\n  status                          optimal        optimal\n"
            ))
        #expect(compare.stdout.contains("  moves                           2 (cap 3)      1 (cap 3)\n"))
        // Posts as `solve` lists them (id, title, unit), holders by id and name.
        #expect(compare.stdout.contains("  P-AL-CHA chair, Xã An Lão     C-05 Hoàng Minh Đức  C-11 Dương Văn Minh\n"), "\(compare.stdout)")
        #expect(compare.stdout.contains("  C-05   Hoàng Minh Đức  P-AL-CHA chair, Xã An Lão"), "\(compare.stdout)")
    }
}

/// The pages printed as a committee prints them: headless chromium to PDF on A4, read back with
/// poppler. Skipped, saying so, where chromium or poppler-utils is not installed.
@Suite("What-if pages, printed")
struct WhatIfPrintTests {
    typealias F = Fixtures

    // Chromium and poppler as the report's print test finds and runs them.
    static var chromium: String? { ReportPrintTests.chromium }
    static var poppler: Bool { ReportPrintTests.poppler }
    static func tool(_ path: String, _ arguments: [String]) throws -> (status: Int32, stdout: String) {
        try ReportPrintTests.tool(path, arguments)
    }

    @Test(
        "Printed to PDF in Vietnamese, the comparison and the slates are a few A4 pages holding the names, figures and words",
        .enabled(if: chromium != nil && poppler, "chromium or poppler-utils is not installed: apt-get install -y chromium poppler-utils"),
        arguments: ["compare", "succession"])
    func printed(command: String) throws {
        let chromium = try #require(Self.chromium)
        let (folder, paths) = try WhatIfHTMLTests.variants()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("page.html")
        let pdf = folder.appendingPathComponent("page.pdf")
        let arguments =
            command == "compare"
            ? ["compare", "Scenarios/tutorial.json", paths["no-tenure.json"]!, paths["women.json"]!]
            : ["succession", paths["at-risk.json"]!]
        let run = try F.run(arguments + ["--format", "html", "--lang", "vi", "-o", html.path])
        #expect(run.status == 0, "\(run.stderr)")
        let print = try Self.tool(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--print-to-pdf=\(pdf.path)", html.absoluteString,
            ])
        #expect(print.status == 0)
        let info = try Self.tool("/usr/bin/pdfinfo", [pdf.path]).stdout
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap {
            Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces))
        }
        #expect((1...6).contains(pages ?? 0), "\(info)")
        #expect(info.contains("(A4)"), "\(info)")
        let text = try Self.tool("/usr/bin/pdftotext", ["-layout", pdf.path, "-"]).stdout
        let expected =
            command == "compare"
            ? ["Các kịch bản đặt cạnh nhau", "Hoàng Minh Đức", "Dương Văn Minh", "162,80", "+5 (+3,1 %)", "đánh đổi"]
            : ["Nguồn cán bộ kế nhiệm", "Chức danh chủ chốt có rủi ro (6)", "Trần Thị Bình", "Nguồn quy hoạch", "Bí thư"]
        for words in expected { #expect(text.contains(words), "\(words)") }
    }
}

extension WhatIfPrintTests {
    /// The pages of a PDF and its text, page by page.
    static func printedPages(_ html: URL, in folder: URL) throws -> [String] {
        let chromium = try #require(Self.chromium)
        let pdf = folder.appendingPathComponent(html.deletingPathExtension().lastPathComponent + ".pdf")
        let print = try Self.tool(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--print-to-pdf=\(pdf.path)", html.absoluteString,
            ])
        #expect(print.status == 0)
        let text = try Self.tool("/usr/bin/pdftotext", ["-layout", pdf.path, "-"]).stdout
        return text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    @Test(
        "A comparison of six variants prints every variant's column on the page; page 1 holds the table, not the title alone",
        .enabled(if: chromium != nil && poppler, "chromium or poppler-utils is not installed: apt-get install -y chromium poppler-utils"))
    func wideComparisonPrinted() throws {
        let (folder, paths) = try WhatIfHTMLTests.variants()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("compare.html")
        let files = ["no-tenure.json", "women.json", "locked.json", "moves-1.json", "impossible.json"].map { paths[$0]! }
        let run = try F.run(["compare", "Scenarios/tutorial.json"] + files + ["--format", "html", "-o", html.path])
        #expect(run.status == 10, "\(run.stderr)")
        let pages = try Self.printedPages(html, in: folder)
        let text = pages.joined()
        for label in ["tutorial.json", "no-tenure.json", "Women at 60 %, hard", "locked.json", "moves-1.json", "impossible.json"] {
            #expect(text.contains(label), "\(label)")
        }
        // The side-by-side figures of the last columns: the fewest moves' objective, the impossible one's status.
        #expect(text.contains("144.90") && text.contains("No plan keeps"), "\(text)")
        #expect(
            pages.first?.contains("The variants side by side") == true && pages.first?.contains("162.80") == true, "\(pages.first ?? "")")
    }

    @Test(
        "A sweep of two parameters prints every column on page 1, beside its title",
        .enabled(if: chromium != nil && poppler, "chromium or poppler-utils is not installed: apt-get install -y chromium poppler-utils"))
    func gridSweepPrinted() throws {
        let folder = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let html = folder.appendingPathComponent("sweep.html")
        let run = try F.run([
            "sweep", "Scenarios/tutorial.json", "--set", "policy.women.minShare=0...1/0.05", "--set", "policy.tenure=hard,off",
            "--format", "html", "--lang", "vi", "-o", html.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let pages = try Self.printedPages(html, in: folder)
        let first = try #require(pages.first)
        // The first row whole, its last column (teams meeting the age balance) included, and the status unbroken.
        let row = first.split(separator: "\n").first { $0.hasPrefix("0 ") }.map(String.init) ?? ""
        #expect(row.contains("bắt buộc") && row.contains("162,80") && row.contains("50,0 %") && row.hasSuffix("3/3"), "\(row)")
        #expect(first.contains("Phương án") && first.contains("chứng minh"))
    }
}

/// Text as the pages escape it (`HTMLReport.escape`): what a test looks for in the HTML.
enum HTMLEscaped {
    static func text(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;"
        )
        .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
