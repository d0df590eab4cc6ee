import Foundation
import Planner
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The built binary against what a careless or hostile user does: outputs that are not plain
/// files, signals in the middle of a search, plans with false claims, text that turns into
/// something else, files written by another program.
@Suite("planner, hardened", .serialized)
struct HardeningTests {
    typealias F = Fixtures

    /// A private folder, and the tutorial copied into it.
    static func folderWithTutorial() throws -> (URL, String) {
        let folder = try F.temporaryDirectory()
        let tutorial = folder.appendingPathComponent("tutorial.json").path
        try FileManager.default.copyItem(atPath: F.packageRoot.appendingPathComponent("Scenarios/tutorial.json").path, toPath: tutorial)
        return (folder, tutorial)
    }

    static func isCharacterDevice(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR
    }

    // MARK: -o

    @Test("-o into a device or FIFO writes through it and leaves it a device; never renamed over")
    func outputIntoDevices() throws {
        let (folder, tutorial) = try Self.folderWithTutorial()
        // A private copy of /dev/null (mknod needs root, which CI has): if this ever regressed,
        // the file replaced would be this one, not the system's.
        let device = folder.appendingPathComponent("null-device").path
        var null = stat()
        if stat("/dev/null", &null) == 0, mknod(device, S_IFCHR | 0o666, null.st_rdev) == 0 {
            let run = try F.run(["solve", tutorial, "-o", device])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(Self.isCharacterDevice(device))
            let export = try F.run(["export", tutorial, "--mps", device])
            #expect(export.status == 0, "\(export.stderr)")
            #expect(Self.isCharacterDevice(device))
        }
        #expect(Self.isCharacterDevice("/dev/null"))

        // A FIFO: the plan arrives through it, and it stays a FIFO.
        let fifo = folder.appendingPathComponent("plan.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = ReceivedBytes()
        let reader = Thread {
            // Blocks until planner opens the FIFO for writing, then reads to its end.
            let descriptor = open(fifo, O_RDONLY)
            guard descriptor >= 0 else { return }
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count <= 0 { break }
                received.append(buffer[0..<count])
            }
            close(descriptor)
            received.finish()
        }
        reader.start()
        let run = try F.run(["solve", tutorial, "--format", "json", "-o", fifo])
        #expect(run.status == 0)
        #expect(received.wait(seconds: 30))
        #expect(try PlanFile.decode(received.data, file: fifo).status == .optimal)
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        // No temporary file is left beside any of them.
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(left.isEmpty)
    }

    @Test("-o follows a symbolic link and replaces the file it names; '-' is stdout; an input is refused with 64")
    func outputLinksStdoutAndInputs() throws {
        let (folder, tutorial) = try Self.folderWithTutorial()
        let target = folder.appendingPathComponent("real-plan.json").path
        try "old".write(toFile: target, atomically: true, encoding: .utf8)
        let link = folder.appendingPathComponent("plan.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real-plan.json")
        #expect(try F.run(["solve", tutorial, "--format", "json", "-o", link]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real-plan.json")
        #expect(try PlanFile.load(path: target).status == .optimal)

        let dash = try F.run(["solve", tutorial, "--format", "json", "-o", "-"])
        #expect(dash.status == 0)
        #expect(try PlanFile.decode(dash.stdoutData, file: "-").status == .optimal)

        let before = try Data(contentsOf: URL(fileURLWithPath: tutorial))
        let inputLink = folder.appendingPathComponent("same-as-input.json").path
        try FileManager.default.createSymbolicLink(atPath: inputLink, withDestinationPath: tutorial)
        for output in [tutorial, inputLink] {
            let refused = try F.run(["solve", tutorial, "-o", output])
            #expect(refused.status == 64)
            #expect(refused.stderr.contains("refusing to write the output over the input file"))
        }
        // A variant's base is an input too.
        let variant = folder.appendingPathComponent("variant.json").path
        try #"{"variantOf": "tutorial.json", "changes": [{"set": "policy.tenure", "to": "off"}]}"#.write(
            toFile: variant, atomically: true, encoding: .utf8)
        #expect(try F.run(["solve", variant, "-o", tutorial]).status == 64)
        #expect(try F.run(["export", tutorial, "--lp", tutorial]).status == 64)
        #expect(try Data(contentsOf: URL(fileURLWithPath: tutorial)) == before)
        // An empty output path is a mistake on the command line, like these (a review saw 73).
        let empty = try F.run(["solve", tutorial, "-o", ""])
        #expect(empty.status == 64 && empty.stderr.contains("the output path is empty"), "\(empty.stderr)")
    }

    @Test("export into a folder it cannot write exits 73 and leaves nothing behind")
    func exportUnwritable() throws {
        let run = try F.run(["export", "Scenarios/tutorial.json", "--mps", "/proc/planner-cannot-write-here.mps"])
        #expect(run.status == 73)
        #expect(run.stderr.contains("cannot write the output"))
        let missing = try F.run(["solve", "Scenarios/tutorial.json", "-o", "/no-such-folder/plan.json"])
        #expect(missing.status == 73)
        #expect(missing.stderr.contains("does not exist"))
    }

    // MARK: Signals

    /// The built binary, started with its own temporary folder (so that what it leaves is
    /// visible), its stderr gathered as it comes.
    final class Running: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var gathered = Data()
        private let finished = DispatchSemaphore(value: 0)

        init(_ arguments: [String], temporary: URL) throws {
            process.executableURL = F.plannerBinary
            process.arguments = arguments
            process.currentDirectoryURL = F.packageRoot
            var environment = ProcessInfo.processInfo.environment
            environment["TMPDIR"] = temporary.path
            process.environment = environment
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let handle = errors.fileHandleForReading
            Thread { [self] in
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    lock.lock()
                    gathered.append(chunk)
                    lock.unlock()
                }
                finished.signal()
            }.start()
        }

        var stderr: String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: gathered, as: UTF8.self)
        }

        /// Waits until stderr shows `text` (the search has started), or the process ends.
        func wait(for text: String, seconds: Double = 300) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if stderr.contains(text) { return true }
                if !process.isRunning { return false }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return false
        }

        func signal(_ number: Int32) { kill(process.processIdentifier, number) }

        func finish() -> (status: Int32, stderr: String) {
            process.waitUntilExit()
            finished.wait()
            return (process.terminationStatus, stderr)
        }
    }

    /// A round that takes seconds to solve: the communes rung of the generator.
    static func slowRound(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("communes.json").path
        let run = try F.run(["generate", "--size", "communes", "--seed", "2026", "-o", path])
        #expect(run.status == 0)
        return path
    }

    @Test("Ctrl-C during diagnose: what it found by then is written, its unfinished claims not made; exit 130")
    func interruptDiagnose() throws {
        let folder = try F.temporaryDirectory()
        let round = F.packageRoot.appendingPathComponent("Scenarios/city-women-per-team-hard.json").path
        let output = folder.appendingPathComponent("diagnosis.json").path
        let diagnosing = try Running(["diagnose", round, "--format", "json", "-o", output, "--verbose"], temporary: folder)
        #expect(diagnosing.wait(for: "diagnosis solve 1 "), "the diagnosis must still be running when the signal comes")
        diagnosing.signal(SIGINT)
        let (status, message) = diagnosing.finish()
        #expect(status == 130, "\(message)")
        #expect(message.contains("stopped by SIGINT"))
        #expect(message.contains("what was settled by then follows"), "\(message)")
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.contains("\"format\" : \"planner-diagnosis\""), "\(written)")
        // Stopped, not out of time: the document says so, and its words with it.
        #expect(written.contains("\"stopped\" : true"), "\(written)")
        // The deletion filter cannot have finished: the conflict is not claimed irreducible.
        #expect(written.contains("\"irreducible\" : false"), "\(written)")
    }

    @Test("Ctrl-C during solve: the best plan so far is written with its status, bound and gap; exit 130")
    func interruptSolve() throws {
        let folder = try F.temporaryDirectory()
        let round = try Self.slowRound(in: folder)
        let output = folder.appendingPathComponent("plan.json").path
        // --verbose: the search says when it has started its first LP, and the signal comes then.
        let solving = try Running(["solve", round, "--format", "json", "-o", output, "--verbose"], temporary: folder)
        #expect(solving.wait(for: "planner: starting plan"), "the round must still be solving when the signal comes")
        solving.signal(SIGINT)
        let (status, message) = solving.finish()
        #expect(status == 130, "\(message)")
        #expect(message.contains("stopped by SIGINT"))
        let plan = try PlanFile.load(path: output)
        #expect(plan.stoppedBy == "SIGINT")
        if plan.status.hasPlan {
            #expect(plan.status == .feasible)
            #expect(plan.bound != nil && plan.gap != nil)
            let loaded = try Planner.load(round)
            #expect(PlanVerifier.verify(plan, against: loaded.scenario, scenarioSHA256: loaded.sha256).isValid)
        } else {
            #expect(plan.status == .stopped)
        }
    }

    /// A review found these three killed by the raw signal: no word, nothing written.
    @Test(
        "Ctrl-C or SIGTERM during explain, succession or verify --resolve: the command stops at its next checkpoint and says so",
        arguments: ["explain", "succession", "verify"])
    func interruptOtherSearches(command: String) throws {
        let folder = try F.temporaryDirectory()
        let round = try Self.slowRound(in: folder)
        let arguments: [String]
        switch command {
        case "explain":
            let scenario = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: round))) as? [String: Any])
            let positions = try #require(scenario["positions"] as? [[String: Any]])
            let position = try #require(positions.first?["id"] as? String)
            arguments = ["explain", round, "--position", position, "--verbose"]
        case "succession":
            arguments = ["succession", round, "--verbose"]
        default:
            let plan = folder.appendingPathComponent("plan.json").path
            let solved = try F.run(["solve", round, "--time-limit", "3", "--format", "json", "-o", plan])
            #expect([0, 11].contains(solved.status), "\(solved.stderr)")
            arguments = ["verify", round, plan, "--resolve", "--verbose"]
        }
        let signal = command == "succession" ? SIGTERM : SIGINT
        let running = try Running(arguments, temporary: folder)
        // GLPK's own log line: the first LP of the search has started.
        #expect(running.wait(for: " obj = "), "the search must still be running when the signal comes")
        running.signal(signal)
        let (status, message) = running.finish()
        #expect(status == 128 + signal, "\(message)")
        #expect(message.contains("stopped by \(signal == SIGTERM ? "SIGTERM" : "SIGINT")"), "\(message)")
        if command == "verify" { #expect(message.contains("not verified: the re-solve was stopped")) }
    }

    @Test("SIGTERM while solve diagnoses an infeasible round: the proven answer is written at once, its diagnosis marked unfinished")
    func terminateDuringDiagnosis() throws {
        let folder = try F.temporaryDirectory()
        let round = F.packageRoot.appendingPathComponent("Scenarios/city-women-per-team-hard.json").path
        let output = folder.appendingPathComponent("plan.json").path
        // A time limit long enough that the diagnosis is still running when the signal comes
        // (without one, the diagnosis `solve` adds stops after 10 s).
        let solving = try Running(
            ["solve", round, "--format", "json", "-o", output, "--verbose", "--time-limit", "300"], temporary: folder)
        #expect(solving.wait(for: "diagnosis solve 1"), "the diagnosis must have started when the signal comes")
        let stopAsked = Date()
        solving.signal(SIGTERM)
        let (status, message) = solving.finish()
        #expect(Date().timeIntervalSince(stopAsked) < 30, "the diagnosis stops at its next solve")
        #expect(status == 10, "\(message)")
        let plan = try PlanFile.load(path: output)
        #expect(plan.status == .infeasible)
        // A team with no woman eligible: its row cannot hold, shown by bound propagation.
        #expect(plan.infeasibility?.method == .boundPropagation)
        #expect(plan.infeasibility?.row?.hasPrefix("woman[") == true)
        #expect(plan.diagnosis?.irreducible == false)
    }

    @Test("A round on which GLPK's proximity search aborted the process: the answer and its diagnosis come back, exit 10")
    func noAbortInTheDiagnosis() throws {
        // A small generated round with a random policy, found by a review: the diagnosis asked
        // GLPK's proximity search for a first plan, which failed an assertion inside GLPK and
        // took the process down with it (exit 134). The diagnosis no longer asks for it.
        let round = F.packageRoot.appendingPathComponent("Tests/ExplanationTests/Rounds/proximity-abort.json").path
        let folder = try F.temporaryDirectory()
        let output = folder.appendingPathComponent("plan.json").path
        let run = try F.run(["solve", round, "--format", "json", "-o", output, "--time-limit", "5"])
        #expect(run.status == 10, "\(run.stderr)")
        let plan = try PlanFile.load(path: output)
        #expect(plan.status == .infeasible)
        #expect(plan.infeasibility?.method == .boundPropagation)
        #expect(plan.diagnosis != nil)
    }

    @Test(
        "Without --time-limit, the diagnosis solve adds to an infeasible round is bounded: the proven answer comes in seconds, not after a search of minutes"
    )
    func diagnosisBoundedWithoutLimit() throws {
        // The city round with a women's share of 60 % made hard: the LP certificate proves it
        // infeasible in about a second, and a diagnosis without a bound searched on for minutes.
        let folder = try F.temporaryDirectory()
        let path = folder.appendingPathComponent("women-60.json").path
        var document =
            try JSONSerialization.jsonObject(with: Data(contentsOf: F.packageRoot.appendingPathComponent("Scenarios/city.json")))
            as! [String: Any]
        var policy = document["policy"] as! [String: Any]
        policy["women"] = ["mode": "hard", "minShare": 0.6]
        document["policy"] = policy
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
        let output = folder.appendingPathComponent("plan.json").path
        let started = Date()
        let solving = try Running(["solve", path, "--format", "json", "-o", output], temporary: folder)
        // Waits for the process to end (stderr never holds a NUL); past the bound plus a generous
        // margin for a loaded machine, the test stops it itself.
        let ended = !solving.wait(for: "\u{0}", seconds: 120) && Date().timeIntervalSince(started) < 120
        if !ended { solving.signal(SIGKILL) }
        let (status, message) = solving.finish()
        #expect(ended, "solve still running after 120 s")
        #expect(status == 10, "\(message)")
        #expect(Date().timeIntervalSince(started) < 120)
        let plan = try PlanFile.load(path: output)
        #expect(plan.status == .infeasible)
        #expect(plan.infeasibility?.method == .lpCertificate)
        #expect(plan.diagnosis != nil)
    }

    @Test("SIGTERM stops the same way with exit 143; a second Ctrl-C ends at once and leaves no temporary file")
    func terminateAndSecondInterrupt() throws {
        let folder = try F.temporaryDirectory()
        let round = try Self.slowRound(in: folder)
        let output = folder.appendingPathComponent("plan.json").path
        let terminated = try Running(["solve", round, "--format", "json", "-o", output, "--verbose"], temporary: folder)
        #expect(terminated.wait(for: "planner: starting plan"))
        terminated.signal(SIGTERM)
        #expect(terminated.finish().status == 143)
        #expect(try PlanFile.load(path: output).stoppedBy == "SIGTERM")

        let second = folder.appendingPathComponent("second.json").path
        let interrupted = try Running(["solve", round, "--format", "json", "-o", second, "--verbose"], temporary: folder)
        #expect(interrupted.wait(for: "planner: starting plan"))
        let stopAsked = Date()
        interrupted.signal(SIGINT)
        #expect(interrupted.wait(for: "a second Ctrl-C or SIGTERM ends it at once", seconds: 30))
        interrupted.signal(SIGINT)
        #expect(interrupted.finish().status == 130)
        #expect(Date().timeIntervalSince(stopAsked) < 30)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(left.isEmpty)
    }

    @Test("Ctrl-C during compare: every search of the comparison stops, what was solved by then is shown; exit 130, no file left")
    func interruptCompare() throws {
        let folder = try F.temporaryDirectory()
        let round = try Self.slowRound(in: folder)
        let variant = folder.appendingPathComponent("no-tenure.json").path
        try #"{"variantOf": "communes.json", "changes": [{"set": "policy.women.minShare", "to": 0.3}]}"#.write(
            toFile: variant, atomically: true, encoding: .utf8)
        let temporary = folder.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let written = folder.appendingPathComponent("comparison.json")
        let comparing = try Running(
            ["compare", round, variant, "--jobs", "2", "--format", "json", "-o", written.path], temporary: temporary)
        // Both scenarios' searches have started: each runs on a thread of the process, named for it.
        var solving = 0
        let deadline = Date().addingTimeInterval(300)
        while solving < 2, comparing.process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            solving = Self.threads(of: comparing.process.processIdentifier, named: Planner.solveThreadName)
        }
        #expect(solving == 2)
        // Threads, not processes: there is no child for the signal to miss.
        #expect(Self.children(of: comparing.process.processIdentifier).isEmpty)
        Thread.sleep(forTimeInterval: 1)
        comparing.signal(SIGINT)
        let (status, message) = comparing.finish()
        #expect(status == 130, "\(message)")
        #expect(message.contains("stopped by SIGINT"))
        // Both columns are shown, each with the plan its search had when it stopped.
        let comparison = try JSONDecoder().decode(Comparison.self, from: Data(contentsOf: written))
        #expect(comparison.scenarios.count == 2)
        #expect(
            comparison.scenarios.allSatisfy { ["optimal", "feasible", "stopped"].contains($0.status) },
            "\(comparison.scenarios.map(\.status))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
    }

    @Test("Ctrl-C while a sweep still checks its values: it stops checking, solves nothing more, and says so; exit 130")
    func interruptSweepWhileChecking() throws {
        let folder = try F.temporaryDirectory()
        let written = folder.appendingPathComponent("sweep.csv")
        // 1,000 values of the tutorial round, the most a sweep takes: checking them all takes
        // seconds (the debug build: more than 4).
        let sweeping = try Running(
            [
                "sweep", F.packageRoot.appendingPathComponent("Scenarios/tutorial.json").path,
                "--set", "policy.women.minShare=0...0.995/0.005", "--set", "policy.moves.max=0...4/1",
                "--jobs", "1", "--format", "csv", "-o", written.path,
            ], temporary: folder)
        Thread.sleep(forTimeInterval: 1.5)
        #expect(sweeping.process.isRunning, "the sweep must still be checking its values when the signal comes")
        let stopAsked = Date()
        sweeping.signal(SIGINT)
        let (status, message) = sweeping.finish()
        #expect(status == 130, "\(message)")
        #expect(Date().timeIntervalSince(stopAsked) < 15)
        #expect(message.contains("stopped by SIGINT"))
        // Every value has its row; none was solved, and each says so: stopped, not an error.
        let rows = try String(contentsOf: written, encoding: .utf8).components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(rows.count == 1000)
        #expect(rows.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false)[2] == "stopped" })
    }

    @Test("A sweep stopped by Ctrl-C: the values not solved are stopped in the table's language, counted in one line after it")
    func interruptSweepTable() throws {
        let folder = try F.temporaryDirectory()
        let written = folder.appendingPathComponent("sweep.txt")
        let sweeping = try Running(
            [
                "sweep", F.packageRoot.appendingPathComponent("Scenarios/tutorial.json").path,
                "--set", "policy.women.minShare=0...0.995/0.005", "--set", "policy.moves.max=0...4/1",
                "--jobs", "1", "--lang", "vi", "-o", written.path,
            ], temporary: folder)
        Thread.sleep(forTimeInterval: 1.5)
        sweeping.signal(SIGINT)
        let (status, message) = sweeping.finish()
        #expect(status == 130, "\(message)")
        let table = try String(contentsOf: written, encoding: .utf8)
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!table.contains("lỗi") && !table.contains("error") && !table.contains("stopped before it was solved"))
        // The rows: those solved before the signal, then every other value, stopped.
        let stopped = lines.filter { $0.contains("  đã dừng  ") }.count
        #expect(stopped > 0)
        let notes = lines.filter { $0.contains("chưa được giải") }
        // One line; a solve the signal caught running is counted in it too, and named after it.
        #expect(notes.count == 1 && notes[0].hasPrefix("\(stopped) giá trị chưa được giải: dừng do tín hiệu SIGINT"), "\(notes)")
        #expect(lines.last == "" && lines.dropLast().last == notes.first)
    }

    /// How many threads of process `pid` carry `name`, read from /proc.
    static func threads(of pid: pid_t, named name: String) -> Int {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.count { task in
            (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/comm", encoding: .utf8))?.trimmingCharacters(
                in: .whitespacesAndNewlines) == name
        }
    }

    /// Process ids whose parent is `pid`, read from /proc.
    static func children(of pid: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let child = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == pid ? child : nil
        }
    }

    // MARK: verify

    /// The tutorial's plan as JSON, to falsify.
    static func tutorialPlan(in folder: URL) throws -> (path: String, json: [String: Any]) {
        let path = folder.appendingPathComponent("plan.json").path
        #expect(try F.run(["solve", "Scenarios/tutorial.json", "--format", "json", "-o", path]).status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        return (path, json)
    }

    /// The tutorial's plan with the Kiến Thụy vice-chair post left empty by hand (its lists
    /// not updated): the solved plan's path, the edited plan and the edited plan's path.
    static func tutorialPlanWithAVacancy(in folder: URL) throws -> (path: String, json: [String: Any], edited: String) {
        var (path, plan) = try tutorialPlan(in: folder)
        var assignments = plan["assignments"] as! [[String: Any]]
        let index = try #require(assignments.firstIndex { $0["outcome"] as? String == "stay" && $0["position"] as? String == "P-KT-VCH" })
        assignments[index]["cadre"] = nil
        assignments[index]["outcome"] = "vacant"
        plan["assignments"] = assignments
        let edited = folder.appendingPathComponent("edited.json").path
        try write(plan, to: edited)
        return (path, plan, edited)
    }

    static func write(_ json: [String: Any], to path: String) throws {
        try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
    }

    @Test(
        "verify re-derives every number a plan states: each falsified one is caught, with its name",
        arguments: [
            ("figures", "teamsWithAWoman", 1.0),
            ("figures", "womenShare", -0.25),
            ("figures", "nonLocalShare", -0.25),
            ("figures", "movesLimit", 1),
            ("figures", "grassrootsTeamsMeetingYouth", 1),
            ("figures", "retirements", -1),
            ("objectiveBreakdown", "fit", 0.25),
            ("objectiveBreakdown", "releaseCost", -0.25),
        ])
    func falsifiedFigures(section: String, key: String, change: Double) throws {
        let named = "\(section).\(key)"
        let folder = try F.temporaryDirectory()
        var (path, plan) = try Self.tutorialPlan(in: folder)
        var part = plan[section] as! [String: Any]
        let value = (part[key] as? Double) ?? 0
        part[key] = change == change.rounded() ? Int(value) + Int(change) as Any : value + change as Any
        plan[section] = part
        try Self.write(plan, to: path)
        let run = try F.run(["verify", "Scenarios/tutorial.json", path])
        #expect(run.status == 1)
        #expect(run.stdout.contains(named), "\(run.stdout)")
    }

    @Test("verify catches a dropped shortfall, a negative gap, an objective off by 0.01, another scenario's hash")
    func falsifiedClaims() throws {
        let folder = try F.temporaryDirectory()
        let (path, original) = try Self.tutorialPlan(in: folder)
        func check(_ edit: (inout [String: Any]) -> Void, _ expected: String, flags: [String] = []) throws -> F.Run {
            var plan = original
            edit(&plan)
            try Self.write(plan, to: path)
            let run = try F.run(["verify", "Scenarios/tutorial.json", path] + flags)
            #expect(run.stdout.contains(expected), "\(run.stdout)")
            return run
        }
        #expect(
            try check(
                { plan in
                    var breakdown = plan["objectiveBreakdown"] as! [String: Any]
                    breakdown["penalties"] = []
                    plan["objectiveBreakdown"] = breakdown
                }, "objectiveBreakdown.penalties"
            ).status == 1)
        #expect(try check({ $0["gap"] = -0.5 }, "gap").status == 1)
        #expect(try check({ $0["objective"] = ($0["objective"] as! Double) + 0.01 }, "objective").status == 1)
        let hash = { (plan: inout [String: Any]) in
            var scenario = plan["scenario"] as! [String: Any]
            scenario["sha256"] = String(repeating: "0", count: 64)
            plan["scenario"] = scenario
        }
        #expect(try check(hash, "different scenario file").status == 1)
        // Said to be on purpose: a warning, and the plan passes.
        var plan = original
        hash(&plan)
        try Self.write(plan, to: path)
        let changed = try F.run(["verify", "Scenarios/tutorial.json", path, "--scenario-changed"])
        #expect(changed.status == 0)
        #expect(changed.stderr.contains("warning"))
    }

    @Test("A claim of \"infeasible\" is not verified without solving; --resolve refutes a false one and confirms a true one")
    func infeasibleClaims() throws {
        let folder = try F.temporaryDirectory()
        var (path, plan) = try Self.tutorialPlan(in: folder)
        plan["status"] = "infeasible"
        for key in ["assignments", "moves", "appointments", "stays", "vacancies", "releases", "retirements"] { plan[key] = [] }
        for key in ["objective", "objectiveBreakdown", "figures", "bound", "gap"] { plan.removeValue(forKey: key) }
        try Self.write(plan, to: path)
        let unconfirmed = try F.run(["verify", "Scenarios/tutorial.json", path])
        #expect(unconfirmed.status == 1)
        #expect(unconfirmed.stdout.contains("--resolve"))
        let refuted = try F.run(["verify", "Scenarios/tutorial.json", path, "--resolve"])
        #expect(refuted.status == 1)
        #expect(refuted.stdout.contains("solving found one"))

        let hard = "Scenarios/city-women-per-team-hard.json"
        let infeasible = folder.appendingPathComponent("infeasible.json").path
        #expect(try F.run(["solve", hard, "--format", "json", "-o", infeasible, "--no-diagnose"]).status == 10)
        #expect(try F.run(["verify", hard, infeasible]).status == 1)
        let confirmed = try F.run(["verify", hard, infeasible, "--resolve"])
        #expect(confirmed.status == 0, "\(confirmed.stdout)")
    }

    @Test("A plan edited by hand: verify rejects its stale lists, refresh re-derives them, verify accepts the result")
    func refreshAnEditedPlan() throws {
        let folder = try F.temporaryDirectory()
        let vacancy = try Self.tutorialPlanWithAVacancy(in: folder)
        let (path, edited) = (vacancy.path, vacancy.edited)
        var plan = vacancy.json
        var assignments = plan["assignments"] as! [[String: Any]]
        let index = try #require(assignments.firstIndex { $0["position"] as? String == "P-KT-VCH" })
        #expect(try F.run(["verify", "Scenarios/tutorial.json", edited]).status == 1)
        let refreshed = folder.appendingPathComponent("refreshed.json").path
        let refresh = try F.run(["refresh", "Scenarios/tutorial.json", edited, "-o", refreshed])
        #expect(refresh.status == 0, "\(refresh.stderr)")
        let verify = try F.run(["verify", "Scenarios/tutorial.json", refreshed])
        #expect(verify.status == 0, "\(verify.stdout)")
        let result = try PlanFile.load(path: refreshed)
        #expect(result.status == .feasible)
        #expect(result.vacancies.contains("P-KT-VCH"))
        #expect((result.objective ?? 0) < (try PlanFile.load(path: path).objective ?? 0))

        // An edit that breaks a hard rule is named, and nothing is written.
        assignments[index]["cadre"] = "C-09"  // has reached retirement age: the retirement rule is hard
        plan["assignments"] = assignments
        try Self.write(plan, to: edited)
        let broken = folder.appendingPathComponent("broken.json").path
        let refused = try F.run(["refresh", "Scenarios/tutorial.json", edited, "-o", broken])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("retirement (C-09 in P-KT-VCH)"), "\(refused.stderr)")
        // The stale record of the stated order is bookkeeping, not a hard rule the edit breaks.
        #expect(!refused.stderr.contains("preference"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: broken))

        // A post listed twice, or left out, names no holder clearly: refused, each post named,
        // never read as "the last entry holds it and the sitting holder is released".
        var doubled = assignments
        doubled[index]["cadre"] = NSNull()
        doubled.append(["position": "P-KT-VCH", "cadre": "C-16", "outcome": "appointment"])
        doubled.removeAll { $0["position"] as? String == "P-AL-CHA" }
        plan["assignments"] = doubled
        try Self.write(plan, to: edited)
        let unclear = try F.run(["refresh", "Scenarios/tutorial.json", edited, "-o", broken])
        #expect(unclear.status == 1)
        #expect(unclear.stderr.contains("position P-KT-VCH is listed twice"), "\(unclear.stderr)")
        #expect(unclear.stderr.contains("position P-AL-CHA is missing from the assignments"), "\(unclear.stderr)")
        #expect(!FileManager.default.fileExists(atPath: broken))

        // A misspelt key in an entry reads as a post left vacant: the key is named, with its
        // place, before what the edit then breaks.
        var misspelt = assignments
        misspelt[index]["cadre"] = nil
        misspelt[index]["cadree"] = "C-16"
        plan["assignments"] = misspelt
        try Self.write(plan, to: edited)
        let warned = try F.run(["refresh", "Scenarios/tutorial.json", edited, "-o", refreshed])
        #expect(
            warned.stderr.contains("warning: a key no field of the plan reads, ignored: `assignments[\(index)].cadree` (line"),
            "\(warned.stderr)")
    }

    /// A review's plan: edited, refreshed, then relabelled "optimal" with a recorded gap of 1.
    /// Its bound and gap agree, so only the gap it may claim can catch it.
    @Test("A plan may not make itself optimal by recording a generous gap: verify --gap and --resolve judge it")
    func optimalByAGenerousGap() throws {
        let folder = try F.temporaryDirectory()
        let (_, _, edited) = try Self.tutorialPlanWithAVacancy(in: folder)
        let refreshed = folder.appendingPathComponent("refreshed.json").path
        #expect(try F.run(["refresh", "Scenarios/tutorial.json", edited, "-o", refreshed]).status == 0)
        var faked = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: refreshed))) as? [String: Any])
        #expect((faked["gap"] as? Double ?? 0) > 0)
        faked["status"] = "optimal"
        var producedBy = try #require(faked["producedBy"] as? [String: Any])
        var parameters = try #require(producedBy["parameters"] as? [String: Any])
        parameters["relativeGap"] = 1
        producedBy["parameters"] = parameters
        faked["producedBy"] = producedBy
        let fake = folder.appendingPathComponent("fake.json").path
        try Self.write(faked, to: fake)

        // The checker's gap is its own, 0 by default: the claim fails on the plan's own figures...
        let strict = try F.run(["verify", "Scenarios/tutorial.json", fake])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("more than the 0.0 asked for"), "\(strict.stdout)")
        // ...unless the checker accepts as much, and then it says within what gap.
        let lenient = try F.run(["verify", "Scenarios/tutorial.json", fake, "--gap", "1"])
        #expect(lenient.status == 0, "\(lenient.stdout)")
        #expect(lenient.stdout.contains("status optimal within a relative gap of 1"))
        #expect(lenient.stdout.contains("--resolve solves again to check it"))
        // ...and against the optimum solving finds.
        let resolved = try F.run(["verify", "Scenarios/tutorial.json", fake, "--resolve", "--gap", "0"])
        #expect(resolved.status == 1)
        #expect(resolved.stdout.contains("solved again: optimal"), "\(resolved.stdout)")
        // A plan solved to optimality passes the strict check.
        let (solved, _) = try Self.tutorialPlan(in: F.temporaryDirectory())
        #expect(try F.run(["verify", "Scenarios/tutorial.json", solved, "--resolve", "--gap", "0"]).status == 0)
    }

    // MARK: Text and CSV

    @Test("Control and bidirectional characters in any text field are refused, each with its place")
    func controlCharacters() throws {
        let path = try F.tutorial(
            in: F.temporaryDirectory(), named: "control.json",
            replacing: [
                ("Nguyễn Văn An", #"Nguyễn\nC-99 Injected"#), ("Trần Thị Bình", "Trần \u{202E}Bình"), ("Xã An Lão", #"Xã\tAn Lão"#),
            ])
        let run = try F.run(["validate", path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("(cadre C-01): holds a line break (U+000A)"))
        #expect(run.stderr.contains("(cadre C-02): holds a bidirectional-formatting character (U+202E)"))
        #expect(run.stderr.contains("(unit U-AL): holds a tab (U+0009)"))
        #expect(try F.run(["solve", path]).status == 65)
    }

    @Test("A plan file's id with a bidirectional override or a NUL: verify names it with the characters as codes")
    func controlCharactersInAPlan() throws {
        let folder = try F.temporaryDirectory()
        var (path, plan) = try Self.tutorialPlan(in: folder)
        var assignments = plan["assignments"] as! [[String: Any]]
        let cadre = assignments[0]["cadre"] as! String
        assignments[0]["cadre"] = cadre + "\u{202E}XYZ\u{0}"
        // A line break would start a line of the id's making in the report (a review's finding).
        assignments[1]["cadre"] = "C-99\nfake: ok"
        plan["assignments"] = assignments
        try Self.write(plan, to: path)
        let run = try F.run(["verify", "Scenarios/tutorial.json", path])
        #expect(run.status == 1)
        // Shown as codes: a terminal would otherwise print the rest of the line reversed.
        #expect(run.stdout.contains("cadre \(cadre)\\u{202E}XYZ\\u{0} is not in the scenario"), "\(run.stdout)")
        #expect(!run.stdout.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0 })
        #expect(run.stdout.contains("cadre C-99\\u{A}fake: ok is not in the scenario"), "\(run.stdout)")
        #expect(!run.stdout.components(separatedBy: "\n").contains { $0.hasPrefix("fake") })
    }

    @Test("CSV cells that a spreadsheet would run as a formula are neutralised; numbers are not")
    func spreadsheetSafeCSV() throws {
        let path = try F.tutorial(
            in: F.temporaryDirectory(), named: "formula.json",
            replacing: [
                ("Trần Thị Bình", #"=HYPERLINK(\"http://example.invalid\",\"x\")"#), ("Xã An Lão", "@SUM(1+1)"),
            ])
        let run = try F.run(["solve", path, "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("'=HYPERLINK("))
        #expect(run.stdout.contains(",'@SUM(1+1),"))
        #expect(!run.stdout.contains(",=HYPERLINK"))
        let sweep = try F.run(["sweep", path, "--set", "policy.women.minShare=0.4,0.5", "--format", "csv"])
        #expect(sweep.stdout.contains("\r\n0.4,optimal,"))
    }

    // MARK: Smaller things

    @Test("A minified scenario reads as the pretty one does, with columns on its one line")
    func minifiedScenario() throws {
        let folder = try F.temporaryDirectory()
        let tutorial = try JSONSerialization.jsonObject(
            with: Data(contentsOf: F.packageRoot.appendingPathComponent("Scenarios/tutorial.json")))
        var minified = String(decoding: try JSONSerialization.data(withJSONObject: tutorial, options: [.sortedKeys]), as: UTF8.self)
        let path = folder.appendingPathComponent("one-line.json").path
        try minified.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try F.run(["validate", path]).status == 0)
        // A wrong value far along the one line is placed by its column.
        let at = try #require(minified.range(of: "\"rating\":86"))
        let column = minified.distance(from: minified.startIndex, to: at.lowerBound) + "\"rating\":".count + 1
        minified.replaceSubrange(at, with: "\"rating\":860")
        try minified.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try F.run(["validate", path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("line 1, column \(column):"), "\(run.stderr)")
    }

    @Test("Errors in plain words: a variant's bad set, a whole cycle, a plan file's wrong type, a negative limit")
    func plainErrors() throws {
        let folder = try F.temporaryDirectory()
        let base = F.packageRoot.appendingPathComponent("Scenarios/tutorial.json").path
        let variant = folder.appendingPathComponent("variant.json").path
        try """
        {"variantOf": "\(base)", "changes": [
          {"set": "policy.nosuch", "to": 1},
          {"set": "policy.tenure.maxYears", "to": "ten"},
          {"remove": "cadre", "id": "C-99"}
        ]}
        """.write(toFile: variant, atomically: true, encoding: .utf8)
        let bad = try F.run(["validate", variant])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("line 2, column 3: changes[0] → policy.nosuch: unknown key \"nosuch\""), "\(bad.stderr)")
        #expect(bad.stderr.contains("line 3, column 3: changes[1] → policy.tenure.maxYears"))
        #expect(bad.stderr.contains("line 4, column 3: changes[2]: no cadre \"C-99\""))

        for (name, next) in [("a", "b"), ("b", "c"), ("c", "a")] {
            try #"{"variantOf": "\#(next).json"}"#.write(
                toFile: folder.appendingPathComponent("\(name).json").path, atomically: true, encoding: .utf8)
        }
        let cycle = try F.run(["validate", folder.appendingPathComponent("a.json").path])
        #expect(cycle.stderr.contains("the bases form a cycle: a.json → b.json → c.json → a.json"), "\(cycle.stderr)")

        let planPath = folder.appendingPathComponent("plan.json").path
        #expect(try F.run(["solve", "Scenarios/tutorial.json", "--format", "json", "-o", planPath]).status == 0)
        var plan = try String(contentsOfFile: planPath, encoding: .utf8)
        plan = plan.replacingOccurrences(of: "\"status\" : \"optimal\"", with: "\"status\" : 5")
        try plan.write(toFile: planPath, atomically: true, encoding: .utf8)
        let typed = try F.run(["verify", "Scenarios/tutorial.json", planPath])
        #expect(typed.status == 65)
        #expect(typed.stderr.contains("`status` should be text (a string in quotes), but it is a number"), "\(typed.stderr)")
        #expect(!typed.stderr.contains("Expected to decode"))
        // A fraction where a whole number goes: Foundation's decoder reports no place for it, and
        // the message said "line 1, column 1: `` holds a value this field does not take".
        let fraction = plan.replacingOccurrences(of: "\"status\" : 5", with: "\"status\" : \"optimal\"")
            .replacingOccurrences(of: "\"stays\" : 6,", with: "\"stays\" : 6.5,")
            .replacingOccurrences(of: "\"releases\" : 1,", with: "\"releases\" : 1e30,")
        #expect(fraction.contains("6.5") && fraction.contains("1e30"))
        try fraction.write(toFile: planPath, atomically: true, encoding: .utf8)
        let whole = try F.run(["verify", "Scenarios/tutorial.json", planPath])
        #expect(whole.status == 65)
        func line(of text: String) -> Int { (fraction.components(separatedBy: "\n").firstIndex { $0.contains(text) } ?? -1) + 1 }
        #expect(
            whole.stderr.contains(
                "line \(line(of: "1e30")), column 18: `figures.releases` holds 1e30, more than a whole-number field holds"),
            "\(whole.stderr)")
        #expect(
            whole.stderr.contains("line \(line(of: "6.5")), column 15: `figures.stays` should be a whole number, but it is 6.5"),
            "\(whole.stderr)")
        // A number no field holds is not said to be a fraction (a review's finding: "`gap` should be
        // a whole number, but it is 1e-400").
        try plan.replacingOccurrences(of: "\"status\" : 5", with: "\"status\" : \"optimal\"")
            .replacingOccurrences(of: "\"gap\" : 0,", with: "\"gap\" : 1e-400,").write(toFile: planPath, atomically: true, encoding: .utf8)
        let tiny = try F.run(["verify", "Scenarios/tutorial.json", planPath])
        #expect(tiny.status == 65)
        #expect(tiny.stderr.contains("`gap` holds 1e-400, beyond the numbers a plan holds"), "\(tiny.stderr)")
        // Another version's plan: where its version stands (a review found it said without a place).
        let versioned = plan.replacingOccurrences(of: "\"status\" : 5", with: "\"status\" : \"optimal\"")
            .replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 2")
        #expect(versioned.contains("\"version\" : 2"))
        try versioned.write(toFile: planPath, atomically: true, encoding: .utf8)
        let version = try F.run(["verify", "Scenarios/tutorial.json", planPath])
        #expect(version.status == 65)
        let versionLine = (versioned.components(separatedBy: "\n").firstIndex { $0.contains("\"version\" : 2") } ?? -1) + 1
        #expect(
            version.stderr.contains("line \(versionLine), column 15: unsupported plan version 2: this build reads version 1"),
            "\(version.stderr)")

        let negative = try F.run(["solve", "Scenarios/tutorial.json", "--time-limit", "-1"])
        #expect(negative.status == 64)
        #expect(negative.stderr.contains("--time-limit is negative"))
        let negativeJobs = try F.run(["compare", "Scenarios/tutorial.json", "Scenarios/tutorial.json", "--jobs", "-1"])
        #expect(negativeJobs.status == 64)
        #expect(negativeJobs.stderr.contains("--jobs takes a positive number"))
        let help = try F.run(["compare", "--help"])
        let jobs = help.stdout.components(separatedBy: "--jobs <jobs>").last ?? ""
        let jobsHelp = String(jobs.prefix { $0 != "-" })
        #expect(jobsHelp.components(separatedBy: "default").count == 2, "\(jobsHelp)")
    }

    @Test("What a review found: a sweep over a huge range, export over a variant's base, two outputs on one file, a file named -x")
    func reviewFindings() throws {
        let folder = try F.temporaryDirectory()
        let base = try F.tutorial(in: folder, named: "base.json", replacing: [])
        let variant = folder.appendingPathComponent("variant.json").path
        try #"{"variantOf": "base.json", "changes": []}"#.write(toFile: variant, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: URL(fileURLWithPath: base))
        for range in ["objective.rating=0...1e300/1", "policy.women.minShare=0...1/1e-320", "objective.rating=-1e308...1e308/1"] {
            let sweep = try F.run(["sweep", base, "--set", range])
            #expect(sweep.status == 64, "\(range): \(sweep.stderr)")
        }
        let injected = try F.run(["sweep", base, "--set", #"policy.tenure","to":"off"},{"set":"policy.women.minShare=0.3"#])
        #expect(injected.status == 64)
        #expect(try F.run(["export", variant, "--mps", base]).status == 64)
        #expect(try Data(contentsOf: URL(fileURLWithPath: base)) == before)
        let same = folder.appendingPathComponent("model.txt").path
        let twice = try F.run(["export", base, "--lp", same, "--mps", same])
        #expect(twice.status == 64)
        #expect(twice.stderr.contains("two outputs of this command name the same file"))
        // Nor two documents to stdout, one after the other (-o, when not given, is stdout).
        for arguments in [
            ["export", base, "--lp", "-", "--mps", "-"], ["generate", "--size", "small", "--witness", "-"],
            ["succession", base, "--write-planning", "-"],
        ] {
            let both = try F.run(arguments)
            #expect(both.status == 64 && both.stdout.isEmpty, "\(arguments): \(both.stderr)")
            #expect(both.stderr.contains("two outputs of this command would go to stdout"), "\(arguments): \(both.stderr)")
        }
        let one = try F.run(["generate", "--size", "small", "-o", "-", "--witness", folder.appendingPathComponent("w.json").path])
        #expect(one.status == 0 && !one.stdout.isEmpty)
        let folderToStdout = try F.run(["export", base, "--roster", "-"])
        #expect(folderToStdout.status == 64 && folderToStdout.stderr.contains("a folder cannot be stdout"))
        let dashed = try F.tutorial(in: folder, named: "-x.json", replacing: [])
        let compare = try F.run(["compare", base, "--", dashed])
        #expect(compare.status == 0, "\(compare.stderr)")
        // A name that would act on the terminal is shown by its code.
        let escape = try F.run(["validate", folder.appendingPathComponent("t\u{1B}[31m.json").path])
        #expect(escape.status == 66)
        #expect(escape.stderr.contains("\\u{1B}[31m"))
        #expect(!escape.stderr.contains("\u{1B}"))
    }

    @Test("verify refuses what no solve produces: a gap asked of 10^9, a stop by SIGKILL, another round's year")
    func impossibleRecords() throws {
        let folder = try F.temporaryDirectory()
        let (path, original) = try Self.tutorialPlan(in: folder)
        let edits: [(String, (inout [String: Any]) -> Void)] = [
            (
                "producedBy.parameters.relativeGap",
                { plan in
                    var producedBy = plan["producedBy"] as! [String: Any]
                    var parameters = producedBy["parameters"] as! [String: Any]
                    parameters["relativeGap"] = 1e9
                    producedBy["parameters"] = parameters
                    plan["producedBy"] = producedBy
                }
            ),
            ("stoppedBy", { $0["stoppedBy"] = "SIGKILL" }),
            (
                "plan (scenario)",
                { plan in
                    var scenario = plan["scenario"] as! [String: Any]
                    scenario["planningYear"] = 2027
                    plan["scenario"] = scenario
                }
            ),
        ]
        for (name, edit) in edits {
            var plan = original
            edit(&plan)
            try Self.write(plan, to: path)
            let run = try F.run(["verify", "Scenarios/tutorial.json", path])
            #expect(run.status == 1)
            #expect(run.stdout.contains(name), "\(run.stdout)")
        }
        // succession --round reads who is appointed from the lists: a plan whose lists disagree
        // with its assignments is refused.
        var plan = original
        plan["moves"] = []
        try Self.write(plan, to: path)
        let barred = folder.appendingPathComponent("barred.json").path
        try
            #"{"variantOf": "\#(F.packageRoot.path)/Scenarios/tutorial.json", "changes": [{"set": "policy.succession.allowAppointedInRound", "to": false}]}"#
            .write(toFile: barred, atomically: true, encoding: .utf8)
        let solved = folder.appendingPathComponent("round.json").path
        #expect(try F.run(["solve", barred, "--format", "json", "-o", solved]).status == 0)
        var round = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: solved))) as! [String: Any]
        round["moves"] = []
        try Self.write(round, to: solved)
        let refused = try F.run(["succession", barred, "--round", solved])
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("does not pass planner verify"))
    }

    @Test("A time limit that stops the search before its first LP still states a bound and a gap")
    func boundAfterTimeLimit() throws {
        let folder = try F.temporaryDirectory()
        let round = try Self.slowRound(in: folder)
        let output = folder.appendingPathComponent("plan.json").path
        let run = try F.run(["solve", round, "--time-limit", "0", "--format", "json", "-o", output])
        #expect(run.status == 0, "\(run.stderr)")
        let plan = try PlanFile.load(path: output)
        #expect(plan.status == .feasible)
        let bound = try #require(plan.bound)
        let objective = try #require(plan.objective)
        #expect(bound >= objective)
        #expect(plan.gap != nil)
    }

    @Test("explain and diagnose print CSV when asked; succession --round refuses another scenario's plan")
    func csvAndRound() throws {
        let explain = try F.run(["explain", "Scenarios/tutorial.json", "--position", "P-AL-SEC", "--format", "csv"])
        #expect(explain.status == 0)
        #expect(explain.stdout.hasPrefix("\u{FEFF}row,position,cadre,cadre_name,fit,objective,loss,status,rules_broken,reason\r\n"))
        #expect(explain.stdout.contains("\r\nplan,P-AL-SEC,C-02,"))

        let folder = try F.temporaryDirectory()
        let other = folder.appendingPathComponent("other.json").path
        #expect(try F.run(["solve", "Scenarios/tutorial-no-tenure.json", "--format", "json", "-o", other]).status == 0)
        let variant = folder.appendingPathComponent("barred.json").path
        try
            #"{"variantOf": "\#(F.packageRoot.path)/Scenarios/tutorial.json", "changes": [{"set": "policy.succession.allowAppointedInRound", "to": false}]}"#
            .write(toFile: variant, atomically: true, encoding: .utf8)
        let round = try F.run(["succession", variant, "--round", other])
        #expect(round.status == 65, "\(round.stderr)")
        #expect(round.stderr.contains("different scenario file"))
    }
}

/// Bytes read on another thread, handed over when the reader is done.
final class ReceivedBytes: @unchecked Sendable {
    private let lock = NSCondition()
    private var bytes = Data()
    private var done = false

    func append(_ slice: ArraySlice<UInt8>) {
        lock.lock()
        bytes.append(contentsOf: slice)
        lock.unlock()
    }

    func finish() {
        lock.lock()
        done = true
        lock.broadcast()
        lock.unlock()
    }

    func wait(seconds: Double) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let deadline = Date().addingTimeInterval(seconds)
        while !done { if !lock.wait(until: deadline) { return false } }
        return true
    }

    var data: Data {
        lock.lock()
        defer { lock.unlock() }
        return bytes
    }
}
