import Foundation
import TestSupport
import Testing

/// The tutorial's report printed as a committee prints it: headless chromium to PDF on A4, read
/// back with poppler's pdfinfo and pdftotext. Skipped, saying so, where chromium is not
/// installed (`.ci/run` installs it: `apt-get install -y chromium poppler-utils`).
@Suite("planner report, printed")
struct ReportPrintTests {
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

    /// `html` printed to `pdf` on A4 by headless chromium, and read back: pdfinfo's lines and
    /// the text with its layout.
    static func printed(_ html: URL, to pdf: URL, with chromium: String, in folder: URL) throws -> (info: String, text: String) {
        let print = try tool(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                "--print-to-pdf=\(pdf.path)", html.absoluteString,
            ])
        #expect(print.status == 0)
        return (try tool("/usr/bin/pdfinfo", [pdf.path]).stdout, try tool("/usr/bin/pdftotext", ["-layout", pdf.path, "-"]).stdout)
    }

    @Test(
        "Printed to PDF, each language's report has a few A4 pages holding the names, figures and words",
        .enabled(if: chromium != nil && poppler, "chromium or poppler-utils is not installed: apt-get install -y chromium poppler-utils"),
        arguments: ["en", "vi"])
    func printed(language: String) throws {
        let chromium = try #require(Self.chromium)
        let folder = try F.temporaryDirectory()
        let html = folder.appendingPathComponent("report.html")
        let pdf = folder.appendingPathComponent("report.pdf")
        let run = try F.run(["report", "Scenarios/tutorial.json", "--lang", language, "-o", html.path])
        #expect(run.status == 0, "\(run.stderr)")
        let (info, text) = try Self.printed(html, to: pdf, with: chromium, in: folder)
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap {
            Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces))
        }
        #expect((2...6).contains(pages ?? 0), "\(info)")
        #expect(info.contains("(A4)"), "\(info)")
        for expected in ["Trần Thị Bình", "Dương Văn Minh", "Phan Thị Quỳnh", "5 / 10", "c7e781196b49c2f6"] {
            #expect(text.contains(expected), "\(expected)")
        }
        if language == "vi" {
            for words in ["Cán bộ nữ trong lãnh", "Các chuỗi thay thế", "nghỉ hưu", "Bí thư", "đã được chứng minh"] {
                #expect(text.contains(words), "\(words)")
            }
        } else {
            #expect(text.contains("Vacancy chains"))
            #expect(text.contains("the best plan under these rules, proven"))
        }
    }

    @Test(
        "A name too long for the page is wrapped, not cut off at the page's edge",
        .enabled(if: chromium != nil && poppler, "chromium or poppler-utils is not installed: apt-get install -y chromium poppler-utils"))
    func longNamePrintedWhole() throws {
        let chromium = try #require(Self.chromium)
        let folder = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The tutorial with C-05 (who moves) under a name of 128 letters without a space: an
        // import can bring such a cell (names run together, a pasted address).
        let name =
            "Hoàng" + String(repeating: "X", count: 40) + String(repeating: "Y", count: 40) + String(repeating: "Z", count: 40) + "Đức"
        let tutorial = try String(contentsOf: F.packageRoot.appendingPathComponent("Scenarios/tutorial.json"), encoding: .utf8)
        let scenario = folder.appendingPathComponent("long-name.json")
        try tutorial.replacingOccurrences(of: "Hoàng Minh Đức", with: name).write(to: scenario, atomically: true, encoding: .utf8)
        let html = folder.appendingPathComponent("report.html")
        let run = try F.run(["report", scenario.path, "-o", html.path])
        #expect(run.status == 0, "\(run.stderr)")
        let (_, text) = try Self.printed(html, to: folder.appendingPathComponent("report.pdf"), with: chromium, in: folder)
        // Wrapped over lines, every letter is on the page: read without the line breaks. Cut
        // off, the page held the name only to about its 105th letter.
        let joined = text.filter { !$0.isNewline && $0 != " " }
        #expect(joined.contains(name), "\(text.prefix(3000))")
    }

    @Test(
        "The term's page in Vietnamese, from `report --term`, prints on A4 with its rounds, years and paths",
        .enabled(if: chromium != nil && poppler, "chromium or poppler-utils is not installed: apt-get install -y chromium poppler-utils"))
    func termPrinted() throws {
        let chromium = try #require(Self.chromium)
        let folder = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("term.json")
        let html = folder.appendingPathComponent("term.html")
        let pdf = folder.appendingPathComponent("term.pdf")
        let term = try F.run(["term", "Scenarios/tutorial.json", "--rounds", "2026,2028,2030", "--format", "json", "-o", json.path])
        #expect(term.status == 0, "\(term.stderr)")
        let run = try F.run(["report", "Scenarios/tutorial.json", "--term", json.path, "--lang", "vi", "-o", html.path])
        #expect(run.status == 0, "\(run.stderr)")
        let (info, text) = try Self.printed(html, to: pdf, with: chromium, in: folder)
        #expect(info.contains("(A4)"), "\(info)")
        for expected in [
            "KẾ HOẠCH NHIỆM KỲ", "Đội ngũ qua từng năm", "Cán bộ thay đổi vị trí (8)", "Trần Thị Bình", "Bí thư, Xã An Lão", "2035",
        ] {
            #expect(text.contains(expected), "\(expected)")
        }
    }
}
