import Foundation
import Planner
import TestSupport
import Testing

/// `planner explain --questions FILE`: a committee's questions answered from one solve of the
/// round, each answer the one the question asked alone gives.
@Suite("explain --questions: a session of questions from one solve")
struct QuestionsTests {
    typealias F = Fixtures

    let asked = [
        "--position P-AL-SEC", "--position P-AL-SEC --why-not C-03", "# a comment, and a blank line, are skipped", "",
        "--cadre C-08 --runners-up 2",
    ]

    func questionsFile(_ lines: [String]) throws -> (folder: URL, path: String) {
        let folder = try F.temporaryDirectory()
        let path = folder.appendingPathComponent("questions.txt").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return (folder, path)
    }

    @Test("Each answer is the one its question gets alone, in the file's order, after a line naming it")
    func sameAnswersAsAlone() throws {
        let (folder, path) = try questionsFile(asked)
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = try F.run(["explain", "Scenarios/tutorial.json", "--questions", path, "--verbose"])
        #expect(session.status == 0, "\(session.stderr)")
        var expected = ""
        for (index, question) in ["--position P-AL-SEC", "--position P-AL-SEC --why-not C-03", "--cadre C-08 --runners-up 2"].enumerated() {
            let alone = try F.run(["explain", "Scenarios/tutorial.json"] + question.split(separator: " ").map(String.init))
            #expect(alone.status == 0, "\(alone.stderr)")
            expected += (index == 0 ? "" : "\n") + "── " + question + "\n" + alone.stdout
        }
        #expect(session.stdout == expected)
        // One solve of the round, and a time for each question (line numbers as in the file).
        #expect(session.stderr.components(separatedBy: "planner: starting plan").count == 2)
        for (number, line) in [(1, 1), (2, 2), (3, 5)] {
            #expect(session.stderr.contains("planner: question \(number) (line \(line)) answered in "))
        }
    }

    @Test("JSON: an array of the explanations, in order")
    func json() throws {
        let (folder, path) = try questionsFile(asked)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("answers.json").path
        let run = try F.run(["explain", "Scenarios/tutorial.json", "--questions", path, "--format", "json", "-o", output])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let answers = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [[String: Any]])
        #expect(answers.count == 3)
        #expect(answers.allSatisfy { $0["format"] as? String == "planner-explanation" })
        #expect(answers.map { $0["subject"] as? String } == ["post P-AL-SEC", "post P-AL-SEC", "cadre C-08"])
        #expect((answers[1]["contrasts"] as? [[String: Any]])?.first?["cadre"] as? String == "C-03")
    }

    @Test("Bad questions: every one reported with its line before any solve, exit 64, nothing written")
    func badQuestions() throws {
        let (folder, path) = try questionsFile([
            "--position P-AL-SEC", "--position P-NOPE", "--cadre C-08 --position P-AL-SEC", "--why-not C-99 --position P-AL-SEC",
            "--colour blue",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try F.run(["explain", "Scenarios/tutorial.json", "--questions", path, "--verbose"])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("\(path):2: no position \"P-NOPE\" in the scenario"))
        #expect(run.stderr.contains("\(path):3: give one of --position and --cadre"))
        #expect(run.stderr.contains("\(path):4: no cadre \"C-99\" in the scenario"))
        #expect(run.stderr.contains("\(path):5: "))
        #expect(!run.stderr.contains(":1: "))
        #expect(!run.stderr.contains("planner: starting plan"))

        let both = try F.run(["explain", "Scenarios/tutorial.json", "--questions", path, "--position", "P-AL-SEC"])
        #expect(both.status == 64)
        let csv = try F.run(["explain", "Scenarios/tutorial.json", "--questions", path, "--format", "csv"])
        #expect(csv.status == 64)
        #expect(csv.stderr.contains("--questions writes its answers as table or json"))
    }

    @Test("A file saved on Windows, quotes and trailing comments: read as a person wrote them; -o may not overwrite it")
    func filesAsPeopleWriteThem() throws {
        let folder = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("questions.txt").path
        try "# the meeting's questions\r\n--position \"P-AL-SEC\"\r\n\r\n--cadre 'C-08'   # the director\r\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let run = try F.run(["explain", "Scenarios/tutorial.json", "--questions", path, "--runners-up", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("── ") } == ["── --position P-AL-SEC", "── --cadre C-08"])
        // The command line's --runners-up is the default of the file's questions.
        let alone = try F.run(["explain", "Scenarios/tutorial.json", "--cadre", "C-08", "--runners-up", "1"])
        #expect(run.stdout.hasSuffix(alone.stdout))

        let over = try F.run(["explain", "Scenarios/tutorial.json", "--questions", path, "-o", path])
        #expect(over.status == 64)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("# the meeting's questions"))

        let empty = folder.appendingPathComponent("empty.txt").path
        try "# nothing asked yet\n\n".write(toFile: empty, atomically: true, encoding: .utf8)
        let none = try F.run(["explain", "Scenarios/tutorial.json", "--questions", empty])
        #expect(none.status == 64)
        #expect(none.stderr.contains("\(empty): no questions"))

        let long = folder.appendingPathComponent("long.txt").path
        try ("--position P-AL-SEC " + String(repeating: "--cadre C-05 ", count: 20000)).write(
            toFile: long, atomically: true, encoding: .utf8)
        let tooLong = try F.run(["explain", "Scenarios/tutorial.json", "--questions", long])
        #expect(tooLong.status == 64)
        #expect(tooLong.stderr.contains("\(long):1: not a question"))
    }

    @Test("A runner-up kept out by the holder's lock: the lock is named and set aside for the contrast, which has a loss")
    func holdersLock() throws {
        // C-08 is locked in P-TC-DIR; C-10 is otherwise eligible for it.
        let run = try F.run(["explain", "Scenarios/tutorial.json", "--position", "P-TC-DIR", "--why-not", "C-10", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let explanation = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let contrast = try #require((explanation["contrasts"] as? [[String: Any]])?.first)
        let broken = try #require(contrast["brokenRules"] as? [[String: Any]])
        #expect(broken.map { $0["rule"] as? String } == ["locks"])
        #expect((broken.first?["text"] as? String)?.contains("C-08") == true)
        #expect(contrast["status"] as? String == "optimal")
        #expect((contrast["loss"] as? Double).map { $0 > 0 } == true)
    }
}
