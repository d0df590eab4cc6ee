import Foundation
import TestSupport
import Testing

/// The office's data in, through the built `planner`: the shipped workbook (saved by LibreOffice)
/// and CSV folder, the city round exported to a roster and imported back, and broken rosters
/// with every mistake listed at once and nothing written.
@Suite("Rosters through the built binary")
struct RosterCommandTests {
    typealias F = Fixtures

    static func importing(_ arguments: [String]) throws -> (F.Run, String) {
        let folder = try F.temporaryDirectory()
        let output = folder.appendingPathComponent("round.json").path
        return (try F.run(["import"] + arguments + ["-o", output]), output)
    }

    @Test("The shipped workbook, the shipped CSV folder and the tutorial file are the same round")
    func shippedRostersAreTheTutorial() throws {
        let (fromJSON, jsonOut) = try Self.importing(["Scenarios/tutorial.json"])
        let (fromWorkbook, workbookOut) = try Self.importing(["Scenarios/roster/tutorial.xlsx"])
        let (fromFolder, folderOut) = try Self.importing(["Scenarios/roster/tutorial"])
        for run in [fromJSON, fromWorkbook, fromFolder] { #expect(run.status == 0, "\(run.stderr)") }
        let expected = try Data(contentsOf: URL(fileURLWithPath: jsonOut))
        #expect(try Data(contentsOf: URL(fileURLWithPath: workbookOut)) == expected)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folderOut)) == expected)
        // And `solve` reads the workbook directly: the same holders as the tutorial file.
        let folder = try F.temporaryDirectory()
        let planA = folder.appendingPathComponent("a.json").path
        let planB = folder.appendingPathComponent("b.json").path
        #expect(try F.run(["solve", "Scenarios/roster/tutorial.xlsx", "--format", "json", "-o", planA]).status == 0)
        #expect(try F.run(["solve", "Scenarios/tutorial.json", "--format", "json", "-o", planB]).status == 0)
        let a = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: planA))) as! [String: Any]
        let b = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: planB))) as! [String: Any]
        #expect(a["assignments"] as? NSArray == b["assignments"] as? NSArray)
        #expect((a["assignments"] as? [Any])?.isEmpty == false)
        // The plan is verified against the roster it came from.
        #expect(try F.run(["verify", "Scenarios/roster/tutorial.xlsx", planA]).status == 0)
    }

    @Test("The city round exported to a CSV roster and imported back: the same scenario and the same plan")
    func cityRoundTrip() throws {
        let folder = try F.temporaryDirectory()
        let roster = folder.appendingPathComponent("city").path
        let exported = try F.run(["export", "Scenarios/city.json", "--roster", roster])
        #expect(exported.status == 0, "\(exported.stderr)")
        // UTF-8 with a byte order mark (Excel keeps Vietnamese intact on a double click), CRLF.
        let cadres = try Data(contentsOf: URL(fileURLWithPath: roster + "/can-bo.csv"))
        #expect(Array(cadres.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: cadres.dropFirst(3), as: UTF8.self).hasPrefix("Mã cán bộ,Họ và tên,Giới tính"))
        #expect(String(decoding: cadres, as: UTF8.self).contains("\r\n"))
        let (fromRoster, rosterOut) = try Self.importing([roster])
        let (fromJSON, jsonOut) = try Self.importing(["Scenarios/city.json"])
        #expect(fromRoster.status == 0 && fromJSON.status == 0, "\(fromRoster.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: rosterOut)) == Data(contentsOf: URL(fileURLWithPath: jsonOut)))
        let planA = folder.appendingPathComponent("a.json").path
        let planB = folder.appendingPathComponent("b.json").path
        #expect(try F.run(["solve", roster, "--format", "json", "-o", planA]).status == 0)
        #expect(try F.run(["solve", "Scenarios/city.json", "--format", "json", "-o", planB]).status == 0)
        let a = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: planA))) as! [String: Any]
        let b = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: planB))) as! [String: Any]
        #expect(a["assignments"] as? NSArray == b["assignments"] as? NSArray)
        #expect(a["objective"] as? Double == b["objective"] as? Double)
        // Exporting into a folder of other files is refused; nothing is written into it.
        let busy = folder.appendingPathComponent("busy")
        try FileManager.default.createDirectory(at: busy, withIntermediateDirectories: true)
        // Even a file with a roster's name: a phone list called can-bo.csv is not ours to replace.
        try Data("Họ tên,SĐT\r\nAnh Ba,0901\r\n".utf8).write(to: busy.appendingPathComponent("can-bo.csv"))
        let refused = try F.run(["export", "Scenarios/city.json", "--roster", busy.path])
        #expect(refused.status == 64)
        #expect(try FileManager.default.contentsOfDirectory(atPath: busy.path) == ["can-bo.csv"])
        #expect(try String(contentsOf: busy.appendingPathComponent("can-bo.csv"), encoding: .utf8).contains("Anh Ba"))
        // import writes JSON, never into the roster as one of its files, never as a workbook.
        for output in [
            roster + "/policy.json", roster + "/columns.json", roster + "/new.csv", folder.appendingPathComponent("x.xlsx").path,
        ] {
            let run = try F.run(["import", roster, "-o", output])
            #expect(run.status == 64, "\(output)")
            #expect(!FileManager.default.fileExists(atPath: output) || output.hasSuffix("policy.json"))
        }
    }

    /// The shipped CSV folder copied, with each (file, old, new) edit made, as a staff member's
    /// mistakes would.
    static func brokenRoster(_ edits: [(String, String, String)]) throws -> String {
        let folder = try F.temporaryDirectory().appendingPathComponent("roster")
        try FileManager.default.copyItem(at: F.packageRoot.appendingPathComponent("Scenarios/roster/tutorial"), to: folder)
        for (file, old, new) in edits {
            let path = folder.appendingPathComponent(file).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(old), "\(file) has no \(old)")
            try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        }
        return folder.path
    }

    @Test("A broken roster: every mistake at once, with its file, row and column; exit 65; nothing written")
    func brokenRosterListsEveryMistake() throws {
        let roster = try Self.brokenRoster([
            ("vi-tri.csv", "P-AL-VCH,U-AL,Phó Chủ tịch", "P-AL-VCH,U-AL,Phó Chủ tịch UBNDD"),  // a title in neither language
            ("vi-tri.csv", "P-KT-SEC,U-KT", "P-KT-SEC,U-XX"),  // a post whose unit is missing
            ("can-bo.csv", "C-02,", "C-01,"),  // a duplicate cadre number
            ("can-bo.csv", ",1972,", ",2031,"),  // born after the planning year
            ("can-bo.csv", "Thạc sĩ", "Thạc sỉ"),  // an education level misspelt
        ])
        let (run, output) = try Self.importing([roster])
        #expect(run.status == 65)
        #expect(!FileManager.default.fileExists(atPath: output))
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.contains {
                $0.contains("vi-tri.csv") && $0.contains("column \"Chức vụ\"") && $0.contains("Phó Chủ tịch UBNDD")
                    && $0.contains("did you mean")
            })
        #expect(lines.contains { $0.contains("vi-tri.csv") && $0.contains("column \"Đơn vị\"") && $0.contains("\"U-XX\"") })
        #expect(lines.contains { $0.contains("can-bo.csv") && $0.contains("duplicate cadre id \"C-01\"") })
        #expect(lines.contains { $0.contains("can-bo.csv") && $0.contains("column \"Năm sinh\"") && $0.contains("2031") })
        #expect(
            lines.contains { $0.contains("can-bo.csv") && $0.contains("column \"Trình độ\"") && $0.contains("did you mean \"Thạc sĩ\"") })
        // Each names the row as the spreadsheet numbers it.
        #expect(lines.filter { $0.contains(", row ") }.count >= 5)
        // `solve` refuses the same roster with the same code.
        #expect(try F.run(["solve", roster]).status == 65)
        // A settings file named but not there is said to be missing, exit 66.
        let missing = try F.run(["import", "Scenarios/roster/tutorial.xlsx", "--settings", roster + "/no-such.policy.json"])
        #expect(
            missing.status == 66 && missing.stderr.contains("no-such.policy.json: the roster's settings file does not exist"),
            "\(missing.stderr)")
        #expect(!missing.stderr.contains("cannot read the scenario"))
    }

    @Test("policy.json beside a workbook is not its settings file, and the import says so rather than plan under the default policy")
    func policyBesideAWorkbookIsNamed() throws {
        let folder = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("tutorial.xlsx")
        try FileManager.default.copyItem(at: F.packageRoot.appendingPathComponent("Scenarios/roster/tutorial.xlsx"), to: workbook)
        let output = folder.appendingPathComponent("round.json").path
        let quiet = try F.run(["import", workbook.path, "-o", output])
        #expect(quiet.status == 0 && !quiet.stderr.contains("not read"), "\(quiet.stderr)")
        try Data(#"{"policy": {"tenure": "off"}}"#.utf8).write(to: folder.appendingPathComponent("policy.json"))
        let warned = try F.run(["import", workbook.path, "-o", output])
        #expect(warned.status == 0)
        #expect(
            warned.stderr.contains("policy.json: not read: a workbook's settings file is tutorial.policy.json beside it"),
            "\(warned.stderr)")
        // Named as the workbook reads it, the policy is taken and the warning goes.
        try FileManager.default.moveItem(
            at: folder.appendingPathComponent("policy.json"), to: folder.appendingPathComponent("tutorial.policy.json"))
        let read = try F.run(["import", workbook.path, "-o", output])
        #expect(read.status == 0 && !read.stderr.contains("not read"), "\(read.stderr)")
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains(#""tenure": {"mode": "off""#))
    }

    @Test("An office's own column names, from columns.json in the roster folder")
    func ownColumnNames() throws {
        let roster = try Self.brokenRoster([("can-bo.csv", "Điểm đánh giá", "Điểm KPI 2025"), ("can-bo.csv", "Họ và tên", "Họ tên đầy đủ")])
        // Without the names file, the cadres table lacks its required columns.
        let (without, _) = try Self.importing([roster])
        #expect(without.status == 65)
        #expect(without.stderr.contains("no header row"))
        try Data(#"{"columns": {"cadres": {"rating": ["Điểm KPI 2025"], "name": "Họ tên đầy đủ"}}}"#.utf8)
            .write(to: URL(fileURLWithPath: roster + "/columns.json"))
        let (with, output) = try Self.importing([roster])
        #expect(with.status == 0, "\(with.stderr)")
        let (tutorial, expected) = try Self.importing(["Scenarios/tutorial.json"])
        #expect(tutorial.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == Data(contentsOf: URL(fileURLWithPath: expected)))
        // An unknown column key in the names file is an error naming it.
        try Data(#"{"columns": {"cadres": {"ratng": "X"}}}"#.utf8).write(to: URL(fileURLWithPath: roster + "/columns.json"))
        let (broken, _) = try Self.importing([roster])
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("columns.cadres.ratng") && broken.stderr.contains("not a column of the cadres table"))
    }

    @Test("A scenario file with a misspelt title, planning entry or field is refused, naming the nearest word")
    func misspeltWordsInAScenarioFile() throws {
        let folder = try F.temporaryDirectory()
        let path = try F.tutorial(
            in: folder, named: "words.json",
            replacing: [
                ("\"title\": \"vice-chair\"", "\"title\": \"vice-chairman\""),
                ("\"plannedFor\": [\"chair\"]", "\"plannedFor\": [\"chiar\"]"),
            ])
        let run = try F.run(["validate", path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("\"vice-chairman\" is not a title of this round; did you mean \"vice-chair\""))
        #expect(run.stderr.contains("\"chiar\" is not a title of this round; did you mean \"chair\""))
        // The round's own word, declared, is accepted.
        let declared = try F.tutorial(
            in: folder, named: "declared.json",
            replacing: [
                ("\"title\": \"vice-chair\"", "\"title\": \"vice-chairman\""),
                (
                    "\"planningYear\": 2026,",
                    "\"planningYear\": 2026, \"vocabulary\": {\"titles\": [{\"id\": \"vice-chairman\", \"vi\": \"Phó Chủ tịch (cũ)\", \"en\": \"vice-chairman\"}]},"
                ),
            ])
        let accepted = try F.run(["validate", declared])
        #expect(accepted.status == 0, "\(accepted.stderr)")
    }

    @Test("A variant of a roster, and a sweep of one: the roster is the base")
    func variantsAndSweepsOfARoster() throws {
        let folder = try F.temporaryDirectory()
        try FileManager.default.copyItem(
            at: F.packageRoot.appendingPathComponent("Scenarios/roster/tutorial"), to: folder.appendingPathComponent("roster"))
        let variant = folder.appendingPathComponent("no-tenure.json").path
        try #"{"variantOf": "roster", "changes": [{"set": "policy.tenure", "to": "off"}]}"#.write(
            toFile: variant, atomically: true, encoding: .utf8)
        // The same round as the shipped variant of the tutorial file.
        let (fromRoster, rosterOut) = try Self.importing([variant])
        let (fromFile, fileOut) = try Self.importing(["Scenarios/tutorial-no-tenure.json"])
        #expect(fromRoster.status == 0 && fromFile.status == 0, "\(fromRoster.stderr)")
        let a = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: rosterOut))) as! [String: Any]
        let b = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: fileOut))) as! [String: Any]
        #expect(a["policy"] as? NSDictionary == b["policy"] as? NSDictionary)
        #expect(a["positions"] as? NSArray == b["positions"] as? NSArray)
        let sweep = try F.run([
            "sweep", folder.appendingPathComponent("roster").path, "--set", "policy.women.minShare=0.4,0.6", "--format", "csv",
        ])
        #expect(sweep.status == 0, "\(sweep.stderr)")
        #expect(sweep.stdout.split(whereSeparator: \.isNewline).filter { $0.contains("optimal") }.count == 2)
    }

    @Test("A name a spreadsheet would take for a formula is exported as text and read back as written")
    func formulaLikeTextIsNeutralised() throws {
        let folder = try F.temporaryDirectory()
        let round = try F.tutorial(
            in: folder, named: "names.json",
            replacing: [
                ("Nguyễn Văn An", "=HYPERLINK(\\\"http://x\\\",\\\"An\\\")"), ("Sở Tài chính", "+cmd|calc"),
                // Names that begin with an apostrophe: before a formula's first character, before
                // another apostrophe, before a letter. Each comes back as written.
                ("Trần Thị Bình", "'=Trần Thị Bình"), ("Lê Văn Cường", "''Lê Văn Cường"), ("Phạm Quang Dũng", "'Phạm Quang Dũng"),
            ])
        let roster = folder.appendingPathComponent("roster").path
        #expect(try F.run(["export", round, "--roster", roster]).status == 0)
        let cadres = try String(contentsOfFile: roster + "/can-bo.csv", encoding: .utf8)
        #expect(cadres.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"An\"\")\""))
        #expect(try String(contentsOfFile: roster + "/don-vi.csv", encoding: .utf8).contains("'+cmd|calc"))
        let (back, output) = try Self.importing([roster])
        let (direct, expected) = try Self.importing([round])
        #expect(back.status == 0 && direct.status == 0, "\(back.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == Data(contentsOf: URL(fileURLWithPath: expected)))
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains(#""name": "'=Trần Thị Bình""#))
    }

    @Test("Numbers too small or too large for plain digits in the shortest form are exported written out, and read back as they were")
    func exponentNumbersSurviveTheRoundTrip() throws {
        let folder = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A weight of 10⁻⁷ is "1e-07" at its shortest; the roster's reader takes plain digits only.
        let round = try F.tutorial(
            in: folder, named: "numbers.json",
            replacing: [("\"weight\": 1.5", "\"weight\": 1e-7"), ("\"rating\": 70", "\"rating\": 0.000001")])
        let roster = folder.appendingPathComponent("roster").path
        #expect(try F.run(["export", round, "--roster", roster]).status == 0)
        let positions = try String(contentsOfFile: roster + "/vi-tri.csv", encoding: .utf8)
        #expect(positions.contains(",0.0000001") && !positions.contains("e-"), "\(positions)")
        let (back, output) = try Self.importing([roster])
        let (direct, expected) = try Self.importing([round])
        #expect(back.status == 0 && direct.status == 0, "\(back.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == Data(contentsOf: URL(fileURLWithPath: expected)))
    }

    @Test("planner vocabulary lists the standard words in both languages")
    func vocabularyCommand() throws {
        let run = try F.run(["vocabulary", "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("\u{FEFF}kind,id,vi,en"))
        #expect(run.stdout.contains("title,secretary,Bí thư,secretary"))
        #expect(run.stdout.contains("education,master,Thạc sĩ,master"))
    }
}
