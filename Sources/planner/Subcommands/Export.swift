import ArgumentParser
import Foundation
import Planner

extension PlannerCommand {
    struct Export: PlannerSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the rotation model as GLPK writes it, for other solvers, or the round as a roster folder.",
            discussion:
                "Rows and columns are named by ids (x[cadre,position], post[position], …), never by people's names. In LP files GLPK writes '-' as '~' and brackets as parentheses. The objective is maximised; MPS files carry no objective sense, so solve them as maximisation (glpsol --max)."
        )

        @OptionGroup var scenario: ScenarioArgument

        @Option(help: "Write CPLEX LP format to this file.")
        var lp: String?

        @Option(help: "Write free MPS format to this file.")
        var mps: String?

        @Option(
            help: ArgumentHelp(
                "Write the round as a roster folder: a CSV file per table, Vietnamese headers and words, and policy.json (docs/roster-format.md).",
                valueName: "folder"))
        var roster: String?

        func validate() throws {
            if lp == nil && mps == nil && roster == nil {
                throw ValidationError("name an output: --lp FILE, --mps FILE or --roster FOLDER")
            }
            if roster == "-" { throw ValidationError("--roster names a folder to write the tables in; a folder cannot be stdout") }
        }

        func execute() throws {
            let loaded = try loadScenario(scenario.path)
            try checkOutputs([lp, mps], inputs: loaded.files, firstDefaultsToStandardOutput: false)
            if let roster { try writeRoster(loaded, to: roster) }
            for (path, format) in [(lp, ModelFormat.lp), (mps, ModelFormat.mps)] {
                guard let path else { continue }
                do {
                    try OutputFile.write(to: path, inputs: loaded.files) { temporary in
                        try Planner.export(loaded.scenario, format: format, to: temporary)
                    }
                } catch {
                    switch error {
                    case .output(let failure): throw failure
                    case .produce(let failure): throw failure
                    }
                }
            }
        }

        /// Each table's file is written atomically; the folder is made if missing. A folder that
        /// holds anything is refused, so that nothing of the user's is replaced or mixed in.
        func writeRoster(_ loaded: Planner.LoadedScenario, to folder: String) throws {
            let files = RosterWriter.files(loaded.scenario)
            let manager = FileManager.default
            var isFolder: ObjCBool = false
            if manager.fileExists(atPath: folder, isDirectory: &isFolder) {
                guard isFolder.boolValue else {
                    Console.error("\(folder): exists and is not a folder; --roster names a folder")
                    throw Exit.usage
                }
                // Nothing of the user's is replaced: a folder that holds anything is refused, even
                // files with a roster's names (a phone list called can-bo.csv is not ours).
                let present = ((try? manager.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }
                if !present.isEmpty {
                    Console.error(
                        "\(folder): the folder is not empty (\(present.sorted().prefix(3).joined(separator: ", "))\(present.count > 3 ? ", …" : "")); "
                            + "name a new or empty folder")
                    throw Exit.usage
                }
            } else {
                do {
                    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                } catch {
                    throw OutputError.cannotCreate(file: folder, reason: "the folder cannot be made")
                }
            }
            for file in files {
                try OutputFile.write(file.data, to: (folder as NSString).appendingPathComponent(file.name), inputs: loaded.files)
            }
        }
    }
}
