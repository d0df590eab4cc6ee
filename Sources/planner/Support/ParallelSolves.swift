import Foundation
import Planner

/// Solves several scenarios at once, each in its own `planner solve` process.
///
/// Processes, not threads: GLPK keeps its working state per thread and aborts the whole process
/// on an internal error, so a separate process per scenario keeps one scenario's failure from
/// taking the others with it, and uses every core without sharing anything.
enum ParallelSolves {
    struct Outcome: Sendable {
        var plan: Plan?
        var error: String?
    }

    static func run(_ files: [String], solverArguments: [String], jobs: Int) -> [Outcome] {
        let executable = self.executable
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("planner-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = Results(count: files.count)
        let slots = DispatchSemaphore(value: max(1, jobs))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            slots.wait()
            defer { slots.signal() }
            // Stopped: no new search starts; the scenario is reported as stopped.
            if SolveInterruption.isRequested {
                results.set(index, Outcome(error: "stopped before it was solved"))
                return
            }
            let output = folder.appendingPathComponent("plan-\(index).json").path
            results.set(index, solve(files[index], executable: executable, output: output, arguments: solverArguments))
        }
        return results.values
    }

    /// Solves the files one after another, each starting from the plan of the one before.
    static func chain(_ files: [String], solverArguments: [String], folder: URL) -> [Outcome] {
        var outcomes: [Outcome] = []
        var previous: String?
        for (index, file) in files.enumerated() {
            if SolveInterruption.isRequested {
                outcomes.append(Outcome(error: "stopped before it was solved"))
                continue
            }
            let output = folder.appendingPathComponent("chain-\(index).json").path
            let start = previous.map { ["--start", $0] } ?? []
            let outcome = solve(file, executable: executable, output: output, arguments: solverArguments + start)
            outcomes.append(outcome)
            previous = outcome.plan?.status.hasPlan == true ? output : previous
        }
        return outcomes
    }

    static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    static func solve(_ file: String, executable: String, output: String, arguments: [String]) -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        // The file after "--": a name that starts with "-" is a file, not an option.
        process.arguments = ["solve", "--format", "json", "-o", output] + arguments + ["--", file]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return Outcome(error: "could not start planner: \(error.localizedDescription)")
        }
        let pid = process.processIdentifier
        Interrupts.register(child: pid)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        Interrupts.unregister(child: pid)
        // 0, 10 and 11 write a plan document (with its status), and so do 130 and 143 (stopped
        // by a signal: the best plan found by then); anything else is an error.
        if [0, 10, 11, 130, 143].contains(process.terminationStatus), let plan = try? PlanFile.load(path: output) {
            return Outcome(plan: plan)
        }
        let firstLine = message.split(separator: "\n").first.map(String.init) ?? "exit code \(process.terminationStatus)"
        return Outcome(error: firstLine)
    }

    /// Results written from concurrent workers, each to its own index.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [Outcome]

        init(count: Int) { storage = Array(repeating: Outcome(), count: count) }

        func set(_ index: Int, _ outcome: Outcome) {
            lock.lock()
            storage[index] = outcome
            lock.unlock()
        }

        var values: [Outcome] {
            lock.lock()
            defer { lock.unlock() }
            return storage
        }
    }
}
