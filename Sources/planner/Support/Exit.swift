import ArgumentParser
import Foundation
import Planner

/// The exit codes documented in `planner --help` and the README, in one place.
enum Exit {
    static let success = ExitCode(0)
    static let verificationFailed = ExitCode(1)
    static let infeasible = ExitCode(10)
    static let noPlanWithinTimeLimit = ExitCode(11)
    static let usage = ExitCode(64)
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    static let software = ExitCode(70)
    static let cannotCreate = ExitCode(73)
    /// Stopped by a signal (128 + its number, as shells report it); the best plan found by
    /// then was written.
    static let interruptedBySIGINT = ExitCode(130)
    static let interruptedBySIGTERM = ExitCode(143)

    static func code(for status: PlanStatus) -> ExitCode {
        switch status {
        case .optimal, .feasible: success
        case .infeasible: infeasible
        case .noPlanWithinTimeLimit: noPlanWithinTimeLimit
        case .stopped: interruptedBySIGINT
        }
    }

    /// The exit code for a scenario that could not be read, without printing it again.
    static func report(error: ScenarioError) -> ExitCode {
        if case .unreadable = error { return noInput }
        return dataError
    }

    /// Prints `error` to stderr and returns the exit code for it.
    static func report(_ error: any Error) -> ExitCode {
        Console.error((error as? LocalizedError)?.errorDescription ?? "\(error)")
        switch error {
        case ScenarioError.unreadable, PlanFileError.unreadable: return noInput
        case is ScenarioError, is PlanFileError: return dataError
        case OutputError.isInput: return usage
        case is OutputError: return cannotCreate
        default: return software
        }
    }
}

enum Console {
    /// Messages quote what the user gave (ids, keys, paths): a character that would act on the
    /// terminal (an escape sequence, a bidirectional override) is shown as its code instead.
    static func error(_ text: String) {
        let shown = TextSafety.visible(text)
        FileHandle.standardError.write(Data((shown.hasSuffix("\n") ? shown : shown + "\n").utf8))
    }

    static func output(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }

    static func output(_ text: String) { output(Data(text.utf8)) }
}

/// Loads a scenario, printing its warnings to stderr.
func loadScenario(_ path: String) throws -> Planner.LoadedScenario {
    do {
        let loaded = try Planner.load(path)
        for warning in loaded.warnings { Console.error("\(path): warning: \(warning)") }
        return loaded
    } catch {
        throw Exit.report(error)
    }
}

/// Writes to `-o FILE` (atomically; `-` or no option: stdout), never over one of `inputs`.
func emit(_ data: Data, to output: String?, inputs: [String] = []) throws {
    guard let output else { return Console.output(data) }
    do {
        try OutputFile.write(data, to: output, inputs: inputs)
    } catch {
        throw Exit.report(error)
    }
}

/// Refuses, before any work, an output path that names an input or a folder.
func checkOutput(_ output: String?, inputs: [String]) throws {
    guard let output else { return }
    do { try OutputFile.check(output, inputs: inputs) } catch { throw Exit.report(error) }
}

/// The same for a command's several outputs, which also may not name one another.
func checkOutputs(_ outputs: [String?], inputs: [String]) throws {
    let given = outputs.compactMap { $0 }
    for (index, output) in given.enumerated() {
        try checkOutput(output, inputs: inputs)
        if given[..<index].contains(where: { OutputFile.sameTarget($0, output) }) {
            Console.error("\(output): two outputs of this command name the same file; give each its own")
            throw Exit.usage
        }
    }
}
