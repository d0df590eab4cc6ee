import Foundation
import Planner
import TestSupport
import Testing

/// `planner term` as a user runs it: the built binary, real files, real GLPK.
@Suite("planner term, end to end")
struct TermCommandTests {
    typealias F = Fixtures

    /// A term plan's JSON without the wall times its rounds' plans record (a joint term's
    /// round-by-round term beside it too).
    func withoutTiming(_ path: String) throws -> Data {
        let object = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        return try JSONSerialization.data(withJSONObject: try withoutTiming(object), options: [.sortedKeys])
    }

    func withoutTiming(_ term: [String: Any]) throws -> [String: Any] {
        var object = term
        var rounds = try #require(object["rounds"] as? [[String: Any]])
        for index in rounds.indices {
            var plan = try #require(rounds[index]["plan"] as? [String: Any])
            plan["timing"] = nil
            rounds[index]["plan"] = plan
        }
        object["rounds"] = rounds
        if let compared = object["roundByRoundPlan"] as? [[String: Any]] { object["roundByRoundPlan"] = try compared.map(withoutTiming) }
        return object
    }

    @Test(
        "--method joint on the tutorial: the term planned together beside round by round, never worse; verify and --resolve accept it, and catch a forged objective"
    )
    func joint() throws {
        let table = try F.run(["term", "Scenarios/tutorial.json", "--rounds", "2026,2028,2030", "--method", "joint"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Planned together: one model over every round"))
        #expect(table.stdout.contains("Status: the term proven optimal, objective "))
        #expect(table.stdout.contains("Planned together / round by round (4)"))
        // The term's row: together / round by round; together is never below.
        let termRow = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("  term  ") })
        let figures = termRow.split(separator: " ").filter { Double($0) != nil }.compactMap { Double($0) }
        #expect(figures.count >= 2 && figures[0] >= figures[1], "\(termRow)")

        let folder = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.json").path
        let second = folder.appendingPathComponent("b.json").path
        for path in [first, second] {
            let run = try F.run([
                "term", "Scenarios/tutorial.json", "--rounds", "2026,2028,2030", "--method", "joint", "--format", "json", "-o", path,
            ])
            #expect(run.status == 0, "\(run.stderr)")
        }
        #expect(try withoutTiming(first) == withoutTiming(second))
        let verified = try F.run(["verify", "Scenarios/tutorial.json", first])
        #expect(verified.status == 0 && verified.stdout.contains("planned together (3 of 3 rounds planned)"), "\(verified.stdout)")
        let resolved = try F.run(["verify", "Scenarios/tutorial.json", first, "--resolve"])
        #expect(resolved.status == 0 && resolved.stdout.contains("the term planned together again: optimal"), "\(resolved.stdout)")
        let page = folder.appendingPathComponent("term.html").path
        #expect(try F.run(["report", "Scenarios/tutorial.json", "--term", first, "-o", page]).status == 0)
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("<section id=\"compare\">"))

        // A term claiming more than its rounds add up to is caught.
        var object = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: first))) as? [String: Any])
        object["objective"] = (object["objective"] as? Double ?? 0) + 1
        let forged = folder.appendingPathComponent("forged.json").path
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: forged))
        let caught = try F.run(["verify", "Scenarios/tutorial.json", forged])
        #expect(caught.status != 0 && caught.stdout.contains("term (objective)"), "\(caught.stdout)")

        let slates = try F.run(["term", "Scenarios/tutorial.json", "--rounds", "2026,2028", "--method", "joint", "--slates"])
        #expect(slates.status == 64 && slates.stderr.contains("--slates is for --method round-by-round only"))
    }

    @Test(
        "The tutorial over three rounds: a table in either language, JSON that verify accepts (and --resolve confirms), the same bytes twice"
    )
    func tutorial() throws {
        let table = try F.run(["term", "Scenarios/tutorial.json", "--rounds", "2026,2028,2030", "--until", "2032"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("Term plan: Tutorial"))
        #expect(table.stdout.contains("Status: every round optimal"))
        #expect(table.stdout.contains("The office year by year (7)"))
        // Who reaches retirement age when, by name and post: C-08, the finance director, in 2032.
        let retiring = table.stdout.split(separator: "\n").filter { $0.contains("C-08 Bùi Thị Hạnh") && $0.contains("P-TC-DIR director") }
        #expect(retiring.count == 1 && retiring.first?.hasPrefix("  2032  ") == true, "\(table.stdout)")
        let vietnamese = try F.run(["term", "Scenarios/tutorial.json", "--rounds", "2026,2028", "--lang", "vi"])
        #expect(vietnamese.status == 0)
        #expect(vietnamese.stdout.hasPrefix("Kế hoạch nhiệm kỳ: Tutorial"))
        #expect(vietnamese.stdout.contains("Đội ngũ qua từng năm (10)"))

        let folder = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.json").path
        let second = folder.appendingPathComponent("b.json").path
        for path in [first, second] {
            let run = try F.run(["term", "Scenarios/tutorial.json", "--rounds", "2026,2028,2030", "--format", "json", "-o", path])
            #expect(run.status == 0, "\(run.stderr)")
        }
        #expect(try withoutTiming(first) == withoutTiming(second))

        // Each later round's scenario, written out, is the one its round's plan names: solved
        // alone it gives the same holders, and verify takes the round's plan against it.
        let rounds = folder.appendingPathComponent("rounds")
        try FileManager.default.createDirectory(at: rounds, withIntermediateDirectories: false)
        let written = try F.run(["term", "Scenarios/tutorial.json", "--rounds", "2026,2028,2030", "--write-rounds", rounds.path])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: rounds.path).sorted() == ["round-2028.json", "round-2030.json"])
        let round2028 = rounds.appendingPathComponent("round-2028.json").path
        let alone = folder.appendingPathComponent("alone.json").path
        #expect(try F.run(["solve", round2028, "--format", "json", "-o", alone]).status == 0)
        let term = try TermFile.decode(Data(contentsOf: URL(fileURLWithPath: first)), file: first)
        // Those a round retires reach retirement age that year: the table's list names them
        // beside those who leave between rounds (a review read them as missing).
        let termTable = try F.run(["term", "Scenarios/tutorial.json", "--rounds", "2026,2028,2030"]).stdout
        let listed = termTable.components(separatedBy: "Reaching retirement age, year by year").last ?? ""
        let retiredByRounds = term.rounds.flatMap { round in round.plan.retirements.map { (round.year, $0.cadre) } }
        #expect(!retiredByRounds.isEmpty)
        for (year, cadre) in retiredByRounds {
            #expect(listed.split(separator: "\n").contains { $0.contains("\(year)  \(cadre) ") }, "\(year) \(cadre): \(listed)")
        }
        let solvedAlone = try PlanFile.load(path: alone)
        #expect(solvedAlone.scenario == term.rounds[1].plan.scenario)
        #expect(solvedAlone.assignments == term.rounds[1].plan.assignments)
        let verify = try F.run(["verify", "Scenarios/tutorial.json", first])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("ok: status optimal, round by round (3 of 3 rounds planned)"))
        let resolved = try F.run(["verify", "Scenarios/tutorial.json", first, "--resolve"])
        #expect(resolved.status == 0, "\(resolved.stdout)")
        #expect(resolved.stdout.contains("2030 solved again: optimal"))

        // Another holder in the 2028 round's plan, and another year's figure: both caught.
        var forged = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: first))) as? [String: Any])
        var years = try #require(forged["years"] as? [[String: Any]])
        years[2]["vacancies"] = 7
        forged["years"] = years
        let path = folder.appendingPathComponent("forged.json").path
        try JSONSerialization.data(withJSONObject: forged).write(to: URL(fileURLWithPath: path))
        let caught = try F.run(["verify", "Scenarios/tutorial.json", path])
        #expect(caught.status == 1)
        #expect(caught.stdout.contains("term (2028 vacancies): states 7"), "\(caught.stdout)")

        // The years as CSV, for a spreadsheet: a header and a row per year, with a byte order mark.
        let csv = try F.run(["term", "Scenarios/tutorial.json", "--rounds", "2026,2028,2030", "--until", "2032", "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdoutData.starts(with: CSVText.byteOrderMark))
        let lines = String(decoding: csv.stdoutData.dropFirst(3), as: UTF8.self).split(separator: "\r\n")
        #expect(lines.count == 8)
        #expect(lines.first?.hasPrefix("year,leadershipPosts,leadershipPostsFilled,") == true)
        #expect(lines.last?.hasPrefix("2032,10,") == true)

        // The page: from `term --format html` and from `report --term`, the same bytes; a
        // tampered term plan is refused, not reported.
        let page = try F.run(["term", "Scenarios/tutorial.json", "--rounds", "2026,2028,2030", "--format", "html"])
        #expect(page.status == 0)
        #expect(page.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(page.stdout.contains("<section id=\"years\">") && page.stdout.contains("<svg class=\"chart\""))
        let report = try F.run(["report", "Scenarios/tutorial.json", "--term", first])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout == page.stdout)
        let refused = try F.run(["report", "Scenarios/tutorial.json", "--term", path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("not reported"))
        #expect(refused.stdout.isEmpty)
    }

    /// The tutorial with C-04, the Kiến Thụy secretary, born in 1966 (62 in 2028) and the post
    /// asking a rating of 95 that no one has: the 2028 round cannot fill it (must-fill, hard).
    /// The tutorial's three rounds with at most 2 moves over the term: round by round, 2026
    /// spends both and 2030 (where a post must be filled by a move) has no plan; planned
    /// together, the term keeps within the cap and plans every round.
    @Test("--max-term-moves: round by round dead-ends where the term planned together keeps within the cap; verify catches a term over it")
    func termMovesCap() throws {
        let args = ["term", "Scenarios/tutorial.json", "--rounds", "2026,2028,2030", "--max-term-moves", "2"]
        let alone = try F.run(args)
        #expect(alone.status == 10, "\(alone.stderr)")
        #expect(alone.stdout.contains("Moves over the term: 2, of at most 2"), "\(alone.stdout)")
        let folder = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("capped.json").path
        let together = try F.run(args + ["--method", "joint", "--format", "json", "-o", path])
        #expect(together.status == 0, "\(together.stderr)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let settings = try #require(object["settings"] as? [String: Any])
        #expect(settings["maxMoves"] as? Int == 2)
        let rounds = try #require(object["rounds"] as? [[String: Any]])
        let moves = rounds.compactMap { ($0["plan"] as? [String: Any])?["moves"] as? [Any] }.map(\.count)
        #expect(moves.count == 3 && moves.reduce(0, +) <= 2, "\(moves)")
        #expect(try F.run(["verify", "Scenarios/tutorial.json", path]).status == 0)
        // The same term under a cap of 1 breaks it.
        var forgedObject = object
        var forgedSettings = settings
        forgedSettings["maxMoves"] = 1
        forgedObject["settings"] = forgedSettings
        let forged = folder.appendingPathComponent("forged.json").path
        try JSONSerialization.data(withJSONObject: forgedObject).write(to: URL(fileURLWithPath: forged))
        let caught = try F.run(["verify", "Scenarios/tutorial.json", forged])
        #expect(
            caught.status != 0 && caught.stdout.contains("term (moves): 2 incumbents change post over the term; the term's cap is 1"),
            "\(caught.stdout)")
        // A soft moves rule cannot carry the term's hard cap.
        let soft = folder.appendingPathComponent("soft.json").path
        var scenario = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "Scenarios/tutorial.json"))) as? [String: Any])
        var policy = scenario["policy"] as? [String: Any] ?? [:]
        policy["moves"] = ["mode": "soft", "price": 5]
        scenario["policy"] = policy
        try JSONSerialization.data(withJSONObject: scenario).write(to: URL(fileURLWithPath: soft))
        let refused = try F.run(["term", soft, "--rounds", "2026,2028", "--max-term-moves", "2"])
        #expect(refused.status == 64 && refused.stderr.contains("the scenario's moves rule is soft"), "\(refused.stderr)")

        // A cap of 0 leaves the first round no plan: the file is not that round (the cap caps it),
        // so the hint names the round written out, and diagnosing it names the cap.
        let written = folder.appendingPathComponent("rounds")
        try FileManager.default.createDirectory(at: written, withIntermediateDirectories: true)
        let none = try F.run([
            "term", "Scenarios/tutorial.json", "--rounds", "2026,2028", "--max-term-moves", "0", "--write-rounds", written.path,
        ])
        #expect(none.status == 10, "\(none.stderr)")
        let first = written.appendingPathComponent("round-2026.json").path
        #expect(none.stderr.contains("`planner diagnose \(first)` names the rules in conflict"), "\(none.stderr)")
        let diagnosis = try F.run(["diagnose", first])
        #expect(diagnosis.stdout.contains("moves, the round: at most 0 incumbents may change post"), "\(diagnosis.stdout)")
    }

    @Test("A round without a plan: exit 10, later rounds not planned; verify --resolve confirms the claim")
    func infeasibleRound() throws {
        let folder = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try F.tutorial(
            in: folder, named: "infeasible.json",
            replacing: [
                ("\"birthYear\": 1968, \"homeLocality\": \"tien-lang\"", "\"birthYear\": 1966, \"homeLocality\": \"tien-lang\""),
                (
                    "\"requirements\": {\"minEducation\": \"bachelor\", \"minRating\": 70}, \"incumbent\": \"C-04\"",
                    "\"requirements\": {\"minEducation\": \"bachelor\", \"minRating\": 95}, \"incumbent\": \"C-04\""
                ),
            ])
        let output = folder.appendingPathComponent("term.json").path
        let run = try F.run(["term", scenario, "--rounds", "2026,2028,2030", "--format", "json", "-o", output])
        #expect(run.status == 10, "\(run.stderr)")
        #expect(run.stderr.contains("round 2028: no feasible plan"), "\(run.stderr)")
        let term = try TermFile.decode(Data(contentsOf: URL(fileURLWithPath: output)), file: output)
        #expect(term.status == .infeasible && term.unsolvedRounds == [2030])
        let unconfirmed = try F.run(["verify", scenario, output])
        #expect(unconfirmed.status == 1)
        #expect(unconfirmed.stdout.contains("run planner verify --resolve"))
        let resolved = try F.run(["verify", scenario, output, "--resolve"])
        #expect(resolved.status == 0, "\(resolved.stdout)")
        #expect(resolved.stdout.contains("2028 solved again: no feasible plan"), "\(resolved.stdout)")
    }

    /// The tutorial with slates that cannot be drawn (every slate full, all of its people
    /// women): each later round is planned without them, and the table and stderr say so.
    @Test("Slates that cannot be drawn: the rounds are planned without them, and the table and a warning say so")
    func slatesThatCannotBeDrawn() throws {
        let folder = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try F.tutorial(
            in: folder, named: "no-slates.json",
            replacing: [
                (
                    "\"policy\": {",
                    "\"policy\": {\"succession\": {\"women\": {\"mode\": \"hard\", \"minShare\": 1.0}, \"slateSize\": {\"mode\": \"hard\", \"min\": 3, \"max\": 3}},"
                )
            ])
        let run = try F.run(["term", scenario, "--rounds", "2026,2028", "--slates"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Slates before 2028: no feasible plan"), "\(run.stdout)")
        #expect(run.stdout.contains("the round was planned without them"))
        #expect(run.stderr.contains("warning: round 2028: no slates were drawn"), "\(run.stderr)")
        // Given to report --plan, a term plan is named for what it is.
        let term = folder.appendingPathComponent("term.json").path
        #expect(try F.run(["term", scenario, "--rounds", "2026,2028", "--format", "json", "-o", term]).status == 0)
        let misused = try F.run(["report", scenario, "--plan", term])
        #expect(misused.status == 65)
        #expect(misused.stderr.contains("a term plan, not a round's: give it with --term"), "\(misused.stderr)")
    }

    @Test(
        "Rounds and years that make no term are refused with exit 64 (a missing folder 73), naming the problem; nothing is solved or written"
    )
    func refused() throws {
        let folder = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("term.json").path
        let cases: [([String], String)] = [
            (["--rounds", "2026,twenty"], "\"twenty\" is not a year"),
            (["--rounds", "2028,2026"], "increasing years"),
            (["--rounds", "2024,2026"], "before the scenario's planning year, 2026"),
            (["--rounds", "2026,2030", "--until", "2028"], "--until 2028 is before the last round, 2030"),
            (["--rounds", "2026", "--minimum-stay", "-1"], "--minimum-stay -1"),
            (["--rounds", "2026", "--write-rounds", "/nonexistent/rounds"], "no such folder"),
            (["--rounds", "2026", "--write-rounds", "Scenarios/tutorial.json"], "not a folder"),
            (["--rounds", "2026,2076"], "more than 30 years past the planning year"),
        ]
        for (arguments, message) in cases {
            let run = try F.run(["term", "Scenarios/tutorial.json"] + arguments + ["-o", output])
            #expect(run.status == (arguments.contains("--write-rounds") ? 73 : 64), "\(arguments): \(run.stderr)")
            #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output))
        }
    }
}
