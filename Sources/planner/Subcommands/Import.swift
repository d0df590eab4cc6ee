import ArgumentParser
import Foundation
import Planner

extension PlannerCommand {
    struct Import: PlannerSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Read an office's roster (an .xlsx workbook or a folder of CSV files) and write it as a scenario.",
            discussion: """
                The roster's tables (units, posts, cadres, and optionally localities, relatives, planning, \
                pinned and forbidden pairs, and the round's name and planning year) are found by their sheet or \
                file names and their columns by their headers, in Vietnamese or English (docs/roster-format.md). \
                The policy comes from a settings file: policy.json in a roster folder, NAME.policy.json beside a \
                workbook NAME.xlsx, or --settings FILE; without one, the default policy. An office's own names for \
                tables and columns come from columns.json (NAME.columns.json, or --columns FILE). Every problem is listed \
                with its file, sheet, row and column (exit 65), and nothing is written. Every other command reads \
                a roster as it reads a scenario file.
                """)

        @Argument(help: ArgumentHelp("The roster: an .xlsx workbook, a CSV file or a folder of CSV files.", valueName: "roster"))
        var roster: String

        @Option(
            name: .long,
            help: ArgumentHelp("The settings file (JSON: name, planningYear, policy, objective, vocabulary).", valueName: "file"))
        var settings: String?

        @Option(
            name: .long,
            help: ArgumentHelp(
                "The office's own names for tables and columns (JSON; default columns.json in the folder, NAME.columns.json beside NAME.xlsx).",
                valueName: "file"))
        var columns: String?

        @Option(name: [.short, .long], help: ArgumentHelp("Write the scenario to this file (default: stdout).", valueName: "file"))
        var output: String?

        func execute() throws {
            try checkImportOutput()
            let loaded = try Planner.load(roster, rosterSettings: settings, rosterColumns: columns)
            for warning in loaded.warnings { Console.error("\(roster): warning: \(warning)") }
            try checkOutput(output, inputs: loaded.files)
            try emit(ScenarioWriter.encode(loaded.scenario), to: output, inputs: loaded.files)
            let s = loaded.scenario
            Console.error("\(roster): \(s.units.count) units, \(s.positions.count) positions, \(s.cadres.count) cadres\n")
        }

        /// The output is a scenario (JSON): never a name a spreadsheet or the roster's reader
        /// would take for one of its own files, so that it cannot replace a workbook or join
        /// the roster it came from.
        func checkImportOutput() throws {
            guard let output, output != OutputFile.standardOutput else { return }
            let name = (output as NSString).lastPathComponent.lowercased()
            let ext = (name as NSString).pathExtension
            if ["xlsx", "xlsm", "xls", "ods", "csv", "tsv", "txt"].contains(ext) {
                Console.error("\(output): import writes a scenario file (JSON); name it .json")
                throw Exit.usage
            }
            var isFolder: ObjCBool = false
            let rosterFolder = URL(fileURLWithPath: roster).standardizedFileURL.path
            let outputFolder = URL(fileURLWithPath: output).standardizedFileURL.deletingLastPathComponent().path
            if FileManager.default.fileExists(atPath: roster, isDirectory: &isFolder), isFolder.boolValue, outputFolder == rosterFolder,
                ["policy.json", "columns.json"].contains(name)
            {
                Console.error(
                    "\(output): the roster folder reads this file as its \(name == "policy.json" ? "settings" : "column names"); name the output otherwise"
                )
                throw Exit.usage
            }
        }
    }
}
