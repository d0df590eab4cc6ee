import Foundation
import Planner
import TestSupport
import Testing

/// compare and sweep on the built binary, with the tutorial round and variants of it.
@Suite("What-if: compare and sweep, end to end")
struct WhatIfTests {
    typealias F = Fixtures

    func write(_ files: [String: String]) throws -> URL {
        let folder = try F.temporaryDirectory()
        let tutorial = F.packageRoot.appendingPathComponent("Scenarios/tutorial.json").path
        for (name, text) in files {
            try Data(text.replacingOccurrences(of: "TUTORIAL", with: tutorial).utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    @Test("Without the tenure rule, C-05 keeps the Kiến Thụy chair after 11 years, and C-11 takes An Lão's instead")
    func compareTenure() throws {
        // Tenure on: C-05 (11 years as Kiến Thụy's chair) must leave; he moves to An Lão's chair,
        // left open when C-02 moves up to secretary, and C-11 from the pool takes Kiến Thụy's.
        // Tenure off: C-05 stays (continuity), and C-11 goes to An Lão. Only those two differ.
        let folder = try write([
            "no-tenure.json": #"{"variantOf": "TUTORIAL", "name": "no tenure", "changes": [{"set": "policy.tenure", "to": "off"}]}"#
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try F.run([
            "compare", "Scenarios/tutorial.json", folder.appendingPathComponent("no-tenure.json").path, "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let comparison = try JSONDecoder().decode(Comparison.self, from: run.stdoutData)
        #expect(comparison.scenarios.map(\.status) == ["optimal", "optimal"])
        #expect(comparison.cadres.map(\.cadre) == ["C-05", "C-11"])
        #expect(comparison.cadres[0].posts == ["P-AL-CHA", "P-KT-CHA"])
        #expect(comparison.cadres[1].posts == ["P-KT-CHA", "P-AL-CHA"])
        #expect(comparison.positions.map(\.position) == ["P-AL-CHA", "P-KT-CHA"])
        #expect(comparison.scenarios[0].figures?.moves == 2 && comparison.scenarios[1].figures?.moves == 1)
        // Each column is the plan `solve` makes of that scenario.
        let alone = try F.run(["solve", folder.appendingPathComponent("no-tenure.json").path, "--format", "json"])
        let plan = try PlanFile.decode(alone.stdoutData, file: "plan")
        #expect(plan.objective == comparison.scenarios[1].objective)
        let table = try F.run(["compare", "Scenarios/tutorial.json", folder.appendingPathComponent("no-tenure.json").path])
        #expect(table.stdout.contains("Cadres whose post differs from tutorial.json (2)"))
        #expect(table.stdout.contains("Hoàng Minh Đức"))
    }

    @Test("A variant without a plan, or a broken one, is reported in its column; the exit code says which")
    func compareFailures() throws {
        let folder = try write([
            "locked.json": #"{"variantOf": "TUTORIAL", "changes": [{"update": "cadre", "id": "C-05", "with": {"locked": true}}]}"#,
            "broken.json": #"{"variantOf": "TUTORIAL", "changes": [{"remove": "cadre", "id": "C-99"}]}"#,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        // Locked in a post that tenure forbids him to keep: no feasible plan.
        let infeasible = try F.run([
            "compare", "Scenarios/tutorial.json", folder.appendingPathComponent("locked.json").path, "--format", "json",
        ])
        #expect(infeasible.status == 10)
        let comparison = try JSONDecoder().decode(Comparison.self, from: infeasible.stdoutData)
        #expect(comparison.scenarios.map(\.status) == ["optimal", "infeasible"])
        #expect(comparison.cadres.isEmpty)
        let broken = try F.run(["compare", "Scenarios/tutorial.json", folder.appendingPathComponent("broken.json").path])
        #expect(broken.status == 65)
        #expect(broken.stdout.contains("error"))
        #expect(broken.stderr.contains("changes[0]") && broken.stderr.contains("no cadre \"C-99\""))
        // A file that is not there: its column says error, and the note under the table names it once.
        let missing = folder.appendingPathComponent("missing.json").path
        let absent = try F.run(["compare", "Scenarios/tutorial.json", missing])
        #expect(absent.status == 66)
        #expect(absent.stdout.contains("\(missing): cannot read the scenario"))
        #expect(!absent.stdout.contains("\(missing): \(missing)"), "\(absent.stdout)")
    }

    @Test("A cadre a variant takes away, or a post it adds, is \"not in this scenario\" where it is absent, not \"no post\" or \"vacant\"")
    func compareAbsentPeopleAndPosts() throws {
        let folder = try write([
            "removed.json": #"{"variantOf": "TUTORIAL", "changes": [{"remove": "cadre", "id": "C-05"}]}"#,
            "added.json":
                #"{"variantOf": "TUTORIAL", "changes": [{"add": "position", "value": {"id": "P-AL-VCH2", "unit": "U-AL", "title": "vice-chair", "requirements": {"minEducation": "bachelor"}, "weight": 1.5}}]}"#,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try F.run([
            "compare", "Scenarios/tutorial.json", folder.appendingPathComponent("removed.json").path,
            folder.appendingPathComponent("added.json").path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = run.stdout.split(separator: "\n").map(String.init)
        let removed = try #require(rows.first { $0.hasPrefix("  C-05 ") })
        #expect(removed.contains("not in this scenario") && !removed.contains("no post"), "\(removed)")
        let added = try #require(rows.first { $0.hasPrefix("  P-AL-VCH2 ") })
        // Absent from the base and the other variant; held where it was added (or vacant).
        #expect(added.components(separatedBy: "not in this scenario").count == 3, "\(added)")
        #expect(!added.contains("vacant") || added.hasSuffix("vacant"), "\(added)")
        #expect(!run.stdout.contains("may be another round"), "variants share the base's posts")
        // Another round altogether: said under the figures.
        let other = folder.appendingPathComponent("other.json").path
        #expect(try F.run(["generate", "--size", "small", "--seed", "7", "-o", other]).status == 0)
        let unrelated = try F.run(["compare", "Scenarios/tutorial.json", other])
        #expect(
            unrelated.stdout.contains(
                "Note: other.json shares 0 of the 10 posts of tutorial.json: it may be another round, not a variant of it."),
            "\(unrelated.stdout)")
        // The page says it too, where the committee reads it.
        let page = try F.run(["compare", "Scenarios/tutorial.json", other, "--format", "html"])
        #expect(page.stdout.contains("<p>Note: other.json shares 0 of the 10 posts of tutorial.json"), "\(page.stdout.prefix(2000))")
        // And the JSON, for a program that reads the differences, with each file as it was given.
        let document = try F.run(["compare", "Scenarios/tutorial.json", other, "--format", "json"])
        let notes = try JSONDecoder().decode(Comparison.self, from: document.stdoutData).notes ?? []
        #expect(
            notes == ["Note: \(other) shares 0 of the 10 posts of Scenarios/tutorial.json: it may be another round, not a variant of it."])
        // Variants of one round have none: the key is absent.
        let variants = try F.run(["compare", "Scenarios/tutorial.json", "Scenarios/tutorial-no-tenure.json", "--format", "json"])
        #expect(!variants.stdout.contains("\"notes\""), "\(variants.stdout.prefix(300))")
        // Two generated rounds with the same ids for other people.
        let again = folder.appendingPathComponent("again.json").path
        #expect(try F.run(["generate", "--size", "small", "--seed", "8", "-o", again]).status == 0)
        let sameIds = try F.run(["compare", other, again])
        #expect(sameIds.stdout.contains("Note: again.json names other people than other.json under"), "\(sameIds.stdout)")
    }

    @Test("Each row of a sweep is the plan of a separate solve of the same change")
    func sweepMatchesSeparateSolves() throws {
        let run = try F.run(["sweep", "Scenarios/tutorial.json", "--set", "policy.women.minShare=0.5...0.7/0.1", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try JSONDecoder().decode(SweepReport.self, from: run.stdoutData)
        #expect(report.rows.map(\.values) == [["0.5"], ["0.6"], ["0.7"]])
        let folder = try write([:])
        defer { try? FileManager.default.removeItem(at: folder) }
        for row in report.rows {
            let file = folder.appendingPathComponent("v\(row.values[0]).json")
            try Data(
                #"{"variantOf": "TUTORIAL", "changes": [{"set": "policy.women.minShare", "to": VALUE}]}"#
                    .replacingOccurrences(of: "TUTORIAL", with: F.packageRoot.appendingPathComponent("Scenarios/tutorial.json").path)
                    .replacingOccurrences(of: "VALUE", with: row.values[0]).utf8
            ).write(to: file)
            let alone = try PlanFile.decode(try F.run(["solve", file.path, "--format", "json"]).stdoutData, file: "plan")
            #expect(alone.objective == row.objective && alone.status.rawValue == row.status)
            #expect(alone.figures == row.figures)
        }
        // The women rule is soft at 6 a woman: 5 of 10 women meets 50 %; 60 % lacks one, 70 % two.
        #expect(report.rows.compactMap(\.objective).map { ($0 * 100).rounded() / 100 } == [162.8, 156.8, 150.8])
    }

    @Test("A warm start is the start plan's holders made whole; a warm-started sweep gives the same rows")
    func warmStart() throws {
        let tutorial = try Planner.load(F.packageRoot.appendingPathComponent("Scenarios/tutorial.json").path)
        let plan = try F.solve(tutorial.scenario)
        let rotation = Planner.buildModel(tutorial.scenario)
        let start = try #require(Planner.warmStart(from: plan, for: rotation))
        #expect(rotation.model.isFeasible(start))
        #expect(rotation.solution(from: start).holder.map { $0.map { tutorial.scenario.cadres[$0].id } } == plan.assignments.map(\.cadre))
        var changed = tutorial.scenario
        changed.policy.tenure.mode = .off
        #expect(try Planner.solve(changed, sha256: "x", startingFrom: plan).objective == (try F.solve(changed)).objective)

        let arguments = ["sweep", "Scenarios/tutorial.json", "--set", "policy.women.minShare=0.5...0.7/0.1", "--format", "json"]
        let cold = try JSONDecoder().decode(SweepReport.self, from: try F.run(arguments).stdoutData)
        let warm = try JSONDecoder().decode(SweepReport.self, from: try F.run(arguments + ["--warm-start"]).stdoutData)
        #expect(warm.rows.map(\.objective) == cold.rows.map(\.objective) && warm.rows.count == 3)
    }

    @Test("A grid of two parameters as CSV; a bad --set is a usage error")
    func sweepGrid() throws {
        let run = try F.run([
            "sweep", "Scenarios/tutorial.json", "--set", "policy.moves.max=1,3", "--set", "policy.tenure=hard,off", "--format", "csv",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\r\n")
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("\u{FEFF}policy.moves.max,policy.tenure,status,objective"))
        #expect(lines[1].hasPrefix("1,hard,optimal,") && lines[4].hasPrefix("3,off,optimal,"))
        #expect(try F.run(["sweep", "Scenarios/tutorial.json", "--set", "policy.women.minShare=0.5...0.1/0.1"]).status == 64)
        // A value the scenario cannot take is a mistake on the command line (64), said of the
        // value set, not of the line and column of a variant made in memory.
        let bad = try F.run(["sweep", "Scenarios/tutorial.json", "--set", "policy.women.minShare=1...3/1"])
        #expect(
            bad.status == 64 && bad.stderr.contains("--set policy.women.minShare = 2: the scenario cannot take this value"), "\(bad.stderr)"
        )
        #expect(!bad.stderr.contains("line 1") && !bad.stderr.contains("changes[0]"), "\(bad.stderr)")
        // A huge price is out of range, not "inf", which no JSON reads.
        let huge = try F.run(["sweep", "Scenarios/tutorial.json", "--set", "objective.movePrice=1e300"])
        #expect(huge.status == 64 && huge.stderr.contains("1e+300 is out of range"), "\(huge.stderr)")
        let twice = try F.run(["sweep", "Scenarios/tutorial.json", "--set", "objective.movePrice=1,2", "--set", "objective.movePrice=3"])
        #expect(twice.status == 64 && twice.stderr.contains("--set objective.movePrice is given twice"), "\(twice.stderr)")
    }
}
