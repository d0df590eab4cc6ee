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

    /// The code `solve` gives for one scenario among several (compare, sweep): nil when it has a plan.
    static func code(for outcome: Planner.Outcome) -> ExitCode? {
        switch outcome {
        case .success(let plan): plan.status.hasPlan ? nil : code(for: plan.status)
        case .failure(let failure): code(for: failure)
        }
    }

    /// The exit code for any error a command meets: the table of `planner --help`, in one place.
    static func code(for error: any Error) -> ExitCode {
        switch error {
        case let code as ExitCode: code
        case ScenarioError.unreadable, PlanFileError.unreadable: noInput
        // A --set value the scenario cannot take is a mistake on the command line.
        case is SweepError: usage
        case is ScenarioError, is PlanFileError: dataError
        case RoundError.noPlan(_, let status): code(for: status)
        case is RoundError: dataError
        case ExplanationError.noPlan(let status): code(for: status)
        // An unknown post or cadre: the command line named it.
        case is ExplanationError: usage
        case is Planner.RefreshError: verificationFailed
        case OutputError.isInput, OutputError.emptyPath: usage
        case is OutputError: cannotCreate
        case WhatIfFailure.scenario(let failure): code(for: failure)
        case let error as AboutFile: code(for: error.error)
        // The solver failed, or the verifier rejected its plan (PlannerError): a bug to report.
        default: software
        }
    }

    /// Prints `error` to stderr (an exit code as such was reported where it arose) and
    /// returns the exit code for it.
    static func report(_ error: any Error) -> ExitCode {
        if let code = error as? ExitCode { return code }
        Console.error((error as? LocalizedError)?.errorDescription ?? "\(error)")
        return code(for: error)
    }
}

/// An error about a file whose message does not name it (an edited plan's broken rules): the
/// message follows the file's name.
struct AboutFile: LocalizedError {
    var file: String
    var error: any Error

    var errorDescription: String? {
        "\(file): " + ((error as? LocalizedError)?.errorDescription ?? "\(error)")
    }
}

/// A subcommand's work, its errors turned into the documented exit codes in one place
/// (`Exit.code(for:)`): `run` is the same for every command.
protocol PlannerSubcommand: ParsableCommand {
    func execute() throws
}

extension PlannerSubcommand {
    func run() throws {
        // A progress line left on the terminal would run into the shell's prompt.
        defer { ProgressLine.clear() }
        do {
            try execute()
        } catch let error as ValidationError {
            throw error
        } catch {
            throw Exit.report(error)
        }
    }
}

enum Console {
    /// Messages quote what the user gave (ids, keys, paths): a character that would act on the
    /// terminal (an escape sequence, a bidirectional override) is shown as its code instead.
    static func error(_ text: String) {
        ProgressLine.clear()
        let shown = TextSafety.visible(text)
        FileHandle.standardError.write(Data((shown.hasSuffix("\n") ? shown : shown + "\n").utf8))
    }

    static func output(_ data: Data) {
        ProgressLine.clear()
        FileHandle.standardOutput.write(data)
    }

    static func output(_ text: String) { output(Data(text.utf8)) }
}

/// Loads a scenario, printing its warnings to stderr.
func loadScenario(_ path: String) throws -> Planner.LoadedScenario {
    let loaded = try Planner.load(path)
    for warning in loaded.warnings { Console.error("\(path): warning: \(warning)") }
    return loaded
}

/// Writes to `-o FILE` (atomically; `-` or no option: stdout), never over one of `inputs`.
func emit(_ data: Data, to output: String?, inputs: [String] = []) throws {
    guard let output else { return Console.output(data) }
    try OutputFile.write(data, to: output, inputs: inputs)
}

/// Refuses, before any work, an output path that names an input or a folder.
func checkOutput(_ output: String?, inputs: [String]) throws {
    guard let output else { return }
    try OutputFile.check(output, inputs: inputs)
}

/// The same for a command's several outputs, which also may not name one another, nor two of
/// them stdout (two documents in one stream read as neither). `firstDefaultsToStandardOutput`:
/// the first is the command's `-o`, which writes to stdout when not given.
func checkOutputs(_ outputs: [String?], inputs: [String], firstDefaultsToStandardOutput: Bool = true) throws {
    let toStandardOutput = outputs.enumerated().filter { index, output in
        output == OutputFile.standardOutput || (output == nil && index == 0 && firstDefaultsToStandardOutput)
    }
    if toStandardOutput.count > 1 {
        Console.error("-: two outputs of this command would go to stdout; give all but one a file")
        throw Exit.usage
    }
    let given = outputs.compactMap { $0 }
    for (index, output) in given.enumerated() {
        try checkOutput(output, inputs: inputs)
        if given[..<index].contains(where: { OutputFile.sameTarget($0, output) }) {
            Console.error("\(output): two outputs of this command name the same file; give each its own")
            throw Exit.usage
        }
    }
}
