import Foundation
import Planner
import TestSupport
import Testing

/// The built `planner` binary, run as a user runs it: real files, real GLPK, exit codes.
@Suite("planner, end to end")
struct CommandLineTests {
    typealias F = Fixtures

    @Test("The tutorial's plan, as the README walks through it")
    func tutorial() throws {
        let run = try F.run(["solve", "Scenarios/tutorial.json"])
        #expect(run.status == 0, "\(run.stderr)")
        let golden = try String(
            contentsOf: F.packageRoot.appendingPathComponent("Tests/EndToEndTests/Golden/tutorial.txt"), encoding: .utf8)
        #expect(F.withoutTiming(run.stdout) == F.withoutTiming(golden))
        #expect(run.stderr.isEmpty)
    }

    @Test("solve --format json -o writes a plan that verify accepts, byte for byte the same on a second run")
    func jsonVerifyAndDeterminism() throws {
        let folder = try F.temporaryDirectory()
        let first = folder.appendingPathComponent("a.json").path
        let second = folder.appendingPathComponent("b.json").path
        #expect(try F.run(["solve", "Scenarios/tutorial.json", "--format", "json", "-o", first]).status == 0)
        #expect(try F.run(["solve", "Scenarios/tutorial.json", "--format", "json", "-o", second]).status == 0)
        let permissions = try FileManager.default.attributesOfItem(atPath: first)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        #expect(try F.jsonWithoutTiming(first) == F.jsonWithoutTiming(second))
        let text = try String(contentsOfFile: first, encoding: .utf8)
        #expect(text.contains("\"solver\" : \"GLPK\""))
        #expect(text.contains("\"sha256\""))
        let verify = try F.run(["verify", "Scenarios/tutorial.json", first])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(verify.stdout.contains("ok"))

        // A plan edited by hand to break a rule is caught, with exit code 1.
        let broken = text.replacingOccurrences(of: "\"cadre\" : \"C-14\"", with: "\"cadre\" : \"C-13\"")
        #expect(broken != text)
        let brokenPath = folder.appendingPathComponent("broken.json").path
        try broken.write(toFile: brokenPath, atomically: true, encoding: .utf8)
        let rejected = try F.run(["verify", "Scenarios/tutorial.json", brokenPath])
        #expect(rejected.status == 1)
        #expect(rejected.stdout.contains("education"))
        #expect(!verify.stderr.contains("no field of the plan reads"), "the plan as written has no key it does not read")

        // A key misspelt by hand is read by nothing: said, with its place, not passed over.
        let misspelt = text.replacingOccurrences(of: "\"producedBy\" : {", with: "\"producedBy\" : {\n    \"solverVersoin\" : \"6\",")
        #expect(misspelt != text)
        let misspeltPath = folder.appendingPathComponent("misspelt.json").path
        try misspelt.write(toFile: misspeltPath, atomically: true, encoding: .utf8)
        let warned = try F.run(["verify", "Scenarios/tutorial.json", misspeltPath])
        #expect(warned.status == 0, "\(warned.stdout)")
        #expect(
            warned.stderr.contains("warning: a key no field of the plan reads, ignored: `producedBy.solverVersoin` (line "),
            "\(warned.stderr)")

        // A key the plan needs, misspelt: refused, and the near key named.
        let renamed = text.replacingOccurrences(of: "\"assignments\" :", with: "\"assignmnets\" :")
        let renamedPath = folder.appendingPathComponent("renamed.json").path
        try renamed.write(toFile: renamedPath, atomically: true, encoding: .utf8)
        let refused = try F.run(["verify", "Scenarios/tutorial.json", renamedPath])
        #expect(refused.status == 65 && refused.stderr.contains("has no key `assignments`"), "\(refused.stderr)")
        #expect(refused.stderr.contains("(it has `assignmnets`: misspelt?)"), "\(refused.stderr)")

        // A thousand doubled entries: every violation counted, the first 500 shown.
        var document = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let assignments = try #require(document["assignments"] as? [Any])
        document["assignments"] = assignments + Array(repeating: assignments[0], count: 1000)
        let doubledPath = folder.appendingPathComponent("doubled.json").path
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: doubledPath))
        let doubled = try F.run(["verify", "Scenarios/tutorial.json", doubledPath])
        #expect(doubled.status == 1)
        let lines = doubled.stdout.split(separator: "\n")
        #expect(lines.first?.contains(": 2000 violations:") == true, "\(lines.first ?? "")")
        #expect(lines.count == 502 && lines.last == "  … and 1500 more", "\(lines.count) \(lines.last ?? "")")
    }

    @Test("verify of another round's plan names the mismatch first, before the hundreds of violations it brings")
    func anotherRoundsPlanIsSaidFirst() throws {
        let folder = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("tutorial-plan.json").path
        #expect(try F.run(["solve", "Scenarios/tutorial.json", "--format", "json", "-o", plan]).status == 0)
        let run = try F.run(["verify", "Scenarios/city.json", plan])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count > 500, "every post of the city round is still checked")
        #expect(lines.dropFirst().first?.contains("the plan names the round \"Tutorial") == true, "\(lines.prefix(3))")
        #expect(lines.dropFirst(2).first?.contains("the plan was made from a different scenario file") == true)
    }

    @Test("Two localities within each other: each named with the cycle, not every locality within them")
    func localityCycle() throws {
        let folder = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Hải Phòng made to lie within An Lão, which lies within Hải Phòng; eleven other
        // localities lie within Hải Phòng and are not on the cycle.
        var scenario =
            try JSONSerialization.jsonObject(with: Data(contentsOf: F.packageRoot.appendingPathComponent("Scenarios/tutorial.json")))
            as! [String: Any]
        var localities = scenario["localities"] as! [[String: Any]]
        let city = try #require(localities.firstIndex { $0["id"] as? String == "hai-phong" })
        localities[city]["within"] = "an-lao"
        scenario["localities"] = localities
        let path = folder.appendingPathComponent("cycle.json").path
        try JSONSerialization.data(withJSONObject: scenario).write(to: URL(fileURLWithPath: path))
        let run = try F.run(["validate", path])
        #expect(run.status == 65)
        let cycles = run.stderr.split(separator: "\n").filter { $0.contains("in a cycle") }
        #expect(cycles.count == 2, "\(run.stderr)")
        #expect(
            cycles.contains {
                $0.contains("(locality hai-phong): localities contain each other in a cycle: hai-phong → an-lao → hai-phong")
            })
        #expect(cycles.contains { $0.contains("(locality an-lao): localities contain each other in a cycle: an-lao → hai-phong → an-lao") })
    }

    @Test("A broken file: every problem listed with file, line, path and id; exit code 65")
    func brokenFile() throws {
        let folder = try F.temporaryDirectory()
        let path = folder.appendingPathComponent("broken.json").path
        var text = try String(contentsOf: F.packageRoot.appendingPathComponent("Scenarios/tutorial.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"unit\": \"U-KT\", \"title\": \"chair\"", with: "\"unit\": \"U-XX\", \"title\": \"chair\"")
        text = text.replacingOccurrences(of: "\"birthYear\": 1990", with: "\"birthYear\": 2031")
        text = text.replacingOccurrences(of: "\"rating\": 86", with: "\"ratng\": 86")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        for command in ["validate", "solve"] {
            let run = try F.run([command, path])
            #expect(run.status == 65)
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.contains("positions[4].unit (position P-KT-CHA): unit \"U-XX\" does not exist"))
            #expect(run.stderr.contains("cadres[10].birthYear (cadre C-11)"))
            #expect(run.stderr.contains("cadres[11].ratng (cadre C-12): unknown key \"ratng\"; did you mean \"rating\"?"))
            #expect(run.stderr.contains("\(path): line "))
        }
    }

    @Test("Missing input is exit code 66; malformed JSON names line and column")
    func missingAndMalformed() throws {
        let missing = try F.run(["solve", "no-such-file.json"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("no-such-file.json: cannot read the scenario: no such file"))
        let folder = try F.temporaryDirectory()
        let path = folder.appendingPathComponent("bad.json").path
        try "{\n  \"version\": 1,\n  \"units\": [\n}".write(toFile: path, atomically: true, encoding: .utf8)
        let malformed = try F.run(["validate", path])
        #expect(malformed.status == 65)
        #expect(malformed.stderr.contains("\(path):4:1: malformed JSON"))
    }

    @Test("No feasible plan is exit code 10, reported on stdout and stderr")
    func infeasible() throws {
        let folder = try F.temporaryDirectory()
        let path = folder.appendingPathComponent("infeasible.json").path
        var text = try String(contentsOf: F.packageRoot.appendingPathComponent("Scenarios/tutorial.json"), encoding: .utf8)
        // The locked director must stay, but is also pinned elsewhere.
        text = text.replacingOccurrences(
            of: "  \"policy\": {", with: "  \"pinned\": [{\"cadre\": \"C-08\", \"position\": \"P-TC-DEP2\"}],\n  \"policy\": {")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try F.run(["solve", path])
        #expect(run.status == 10, "\(run.stderr)")
        #expect(run.stdout.contains("no feasible plan"))
        #expect(run.stderr.contains("no feasible plan"))
    }

    @Test("export writes LP and MPS named by ids only, never by people's names")
    func export() throws {
        let folder = try F.temporaryDirectory()
        let lp = folder.appendingPathComponent("m.lp").path
        let mps = folder.appendingPathComponent("m.mps").path
        let run = try F.run(["export", "Scenarios/tutorial.json", "--lp", lp, "--mps", mps])
        #expect(run.status == 0, "\(run.stderr)")
        let lpText = try String(contentsOfFile: lp, encoding: .utf8)
        let mpsText = try String(contentsOfFile: mps, encoding: .utf8)
        #expect(lpText.contains("x(C~11,P~KT~CHA)"))
        #expect(mpsText.contains("x[C-11,P-KT-CHA]"))
        for name in ["Dương", "Nguyễn", "Minh"] {
            #expect(!lpText.contains(name))
            #expect(!mpsText.contains(name))
        }
    }

    @Test("Usage errors are exit code 64, and --help documents the exit codes")
    func usage() throws {
        #expect(try F.run(["solve"]).status == 64)
        #expect(try F.run(["solve", "Scenarios/tutorial.json", "--gap", "-1"]).status == 64)
        let help = try F.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("10  no feasible plan"))
        // The table reads as a table at the help's 80 columns: each line a code or the indented
        // rest of one (a source line longer than the width came out as a stray fragment).
        let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let table = lines.drop { $0 != "Exit codes:" }.dropFirst().prefix { !$0.isEmpty }
        #expect(table.count >= 11)
        for line in table {
            #expect(line.wholeMatch(of: #/\s\s\d+ +\S.*/#) != nil || line.hasPrefix("      "), "a stray line in the exit codes: \(line)")
        }
    }

    @Test("generate is seeded: the same seed writes the same bytes, and the result validates")
    func generate() throws {
        let a = try F.run(["generate", "--size", "small", "--seed", "1"])
        let b = try F.run(["generate", "--size", "small", "--seed", "1"])
        #expect(a.status == 0)
        #expect(a.stdoutData == b.stdoutData)
        let folder = try F.temporaryDirectory()
        let path = folder.appendingPathComponent("small.json").path
        try a.stdoutData.write(to: URL(fileURLWithPath: path))
        #expect(try F.run(["validate", path]).status == 0)
        let solved = try F.run(["solve", path, "--format", "csv"])
        #expect(solved.status == 0)
        #expect(
            solved.stdout.hasPrefix(
                "\u{FEFF}outcome,cadre,cadre_name,from_position,from_unit,from_unit_name,from_title,to_position,to_unit,to_unit_name,to_title\r\n"
            ))
    }

    /// A review found city witnesses failing verify: the generator listed the releases in its
    /// own order, the reader orders the round canonically.
    @Test(
        "generate --witness writes a plan for the round that verify accepts; lists in another order are a warning",
        arguments: [("small", "3"), ("city", "7")])
    func witness(size: String, seed: String) throws {
        let folder = try F.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let round = folder.appendingPathComponent("round.json").path
        let witness = folder.appendingPathComponent("witness.json").path
        #expect(try F.run(["generate", "--size", size, "--seed", seed, "-o", round, "--witness", witness]).status == 0)
        let verify = try F.run(["verify", round, witness])
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
        #expect(!verify.stderr.contains("different scenario"))
        #expect(!verify.stderr.contains("another order"))

        // The same stays listed backwards: the same plan, said with a warning.
        var document = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: witness))) as? [String: Any])
        let stays = try #require(document["stays"] as? [Any])
        #expect(stays.count > 1)
        document["stays"] = Array(stays.reversed())
        let reordered = folder.appendingPathComponent("reordered.json").path
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: reordered))
        let lenient = try F.run(["verify", round, reordered])
        #expect(lenient.status == 0, "\(lenient.stdout)")
        #expect(lenient.stderr.contains("the list of stays has the entries the assignments give, in another order"))
        // One stay left out: the list no longer says what the assignments say.
        document["stays"] = Array(stays.dropFirst())
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: reordered))
        let strict = try F.run(["verify", round, reordered])
        #expect(strict.status == 1)
        // Named as the assignments give it: the cadre and the post.
        let first = try #require(stays.first as? [String: Any])
        let (cadre, post) = (try #require(first["cadre"] as? String), try #require(first["position"] as? String))
        #expect(
            strict.stdout.contains(
                "the list of stays does not match the assignments: one entry they give missing from it (\(cadre) in \(post))"),
            "\(strict.stdout)")
        // The figures are the assignments', not the edited list's: no second violation for it.
        #expect(!strict.stdout.contains("figures.stays"), "\(strict.stdout)")
        // And one stay twice: which entry of the list the assignments do not give.
        document["stays"] = stays + [stays[0]]
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: reordered))
        let doubled = try F.run(["verify", round, reordered])
        #expect(doubled.status == 1)
        #expect(
            doubled.stdout.contains("the list of stays does not match the assignments: stays[\(stays.count)] not given by them"),
            "\(doubled.stdout)")
    }

    @Test("The shipped city round validates, solves to a plan, and verify accepts it")
    func city() throws {
        let validate = try F.run(["validate", "Scenarios/city.json"])
        #expect(validate.status == 0)
        #expect(validate.stdout.contains("606 positions"))
        let folder = try F.temporaryDirectory()
        let path = folder.appendingPathComponent("city-plan.json").path
        let run = try F.run(["solve", "Scenarios/city.json", "--time-limit", "600", "--format", "json", "-o", path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try F.run(["verify", "Scenarios/city.json", path]).status == 0)
        // Proven optimal, and the proof is on record: the bound proven over all 25,448 columns
        // lies less than one objective step (0.025) above the plan, though the solve kept
        // only some of them in its restricted model.
        let plan = try PlanFile.load(path: path)
        #expect(plan.status == .optimal)
        let search = try #require(plan.search)
        let objective = try #require(plan.objective)
        let proven = try #require(search.provenBound)
        let step = try #require(search.objectiveStep)
        #expect(step == 0.025)
        #expect(proven >= objective - 1e-6 && proven < objective + step)
        #expect((search.columnsUsed ?? .max) < search.columns)
    }
}

@Suite("planner's output channels")
struct OutputChannelTests {
    @Test("--verbose sends GLPK's and planner's progress to stderr; stdout holds the same plan as without it")
    func verbose() throws {
        let quiet = try Fixtures.run(["solve", "Scenarios/tutorial.json"])
        let verbose = try Fixtures.run(["solve", "Scenarios/tutorial.json", "--verbose"])
        func plan(_ text: String) -> String { text.split(separator: "\n").filter { !$0.hasPrefix("Solved by") }.joined(separator: "\n") }
        #expect(plan(quiet.stdout) == plan(verbose.stdout))
        #expect(quiet.stderr.isEmpty)
        // GLPK's simplex log ("obj = … inf = …") and planner's own steps (LP solves, the dive).
        #expect(verbose.stderr.contains("obj =") && verbose.stderr.contains("planner: LP 1 optimal"))
        #expect(verbose.stderr.contains("planner: best plan after the dive"))
        #expect(!verbose.stderr.contains("Nguyễn"))
    }
}
