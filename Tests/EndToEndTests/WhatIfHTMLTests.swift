import Foundation
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
                "Sweep of Tutorial: two communes and the finance department (tutorial.json) over policy.women.minShare",
                "The best plan, proven", "162.80", "50.0 %", "Women share",
            ]
            : [
                "Khảo sát kịch bản Tutorial: two communes and the finance department (tutorial.json) theo policy.women.minShare",
                "Phương án tốt nhất, đã chứng minh", "162,80", "50,0 %",
                "Tỷ lệ nữ",
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
            "Khảo sát kịch bản Tutorial: two communes and the finance department (tutorial.json) theo policy.women.minShare", "tình trạng",
            "giá trị mục tiêu", "tỷ lệ nữ", "162,80", "50,0 %",
        ] {
            #expect(sweep.stdout.contains(text), "\(text)")
        }
        for english in ["Sweep of", "status", "optimal", "objective", "women share", "vacancies", "solve s"] {
            #expect(!sweep.stdout.contains(english), "\(english)")
        }

        let slates = try F.run(["succession", "Scenarios/tutorial.json", "--lang", "vi"])
        #expect(slates.status == 0, "\(slates.stderr)")
        for text in [
            "Quy hoạch kế nhiệm: ", "Tình trạng: tối ưu; giá trị mục tiêu 4586,60", "Chức danh chủ chốt: 6",
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
        // The last column is the solve's wall time.
        func withoutTimes(_ csv: String) -> [String] {
            csv.components(separatedBy: "\r\n").map { $0.split(separator: ",").dropLast().joined(separator: ",") }
        }
        #expect(withoutTimes(sweepEnglish.stdout) == withoutTimes(sweepVietnamese.stdout))
        let json = try F.run(["compare", "Scenarios/tutorial.json", paths["no-tenure.json"]!, "--format", "json", "--lang", "vi"])
        #expect(json.stdout.contains("\"status\" : \"optimal\"") && !json.stdout.contains("tối ưu"))
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
        #expect(compare.stdout.contains("  P-AL-CHA  C-05           C-11\n"))
    }
}

/// The pages printed as a committee prints them: headless chromium to PDF on A4, read back with
/// poppler. Skipped, saying so, where chromium or poppler-utils is not installed.
@Suite("What-if pages, printed")
struct WhatIfPrintTests {
    typealias F = Fixtures

    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static let poppler =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo")

    /// Runs a tool, returning its stdout (stderr is chromium's chatter about D-Bus and GPUs).
    static func tool(_ path: String, _ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
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

/// Text as the pages escape it (`HTMLReport.escape`): what a test looks for in the HTML.
enum HTMLEscaped {
    static func text(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;"
        )
        .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
