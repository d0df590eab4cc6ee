import ArgumentParser
import Foundation
import Planner

extension PlannerCommand {
    struct VocabularyList: PlannerSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "vocabulary",
            abstract: "List the words a round is written in: titles, fields, education levels and sexes, in Vietnamese and English.",
            discussion: """
                Every title, planning entry, field and policy title list of a scenario must be one of these ids; \
                a roster may write any of the labels or other spellings instead. With a scenario or roster, its \
                own words (its "vocabulary" section) are listed with the standard ones.
                """)

        @Argument(help: ArgumentHelp("A scenario or roster whose own words to add (optional).", valueName: "scenario"))
        var scenario: String?

        @Option(help: "table or csv (UTF-8 with a byte order mark, for Excel).")
        var format: Format = .table

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv }

        func execute() throws {
            let vocabulary = try scenario.map { try loadScenario($0).scenario.words } ?? Vocabulary.standard
            var rows: [[String]] = [["kind", "id", "vi", "en", "other spellings"]]
            for kind in Vocabulary.Kind.allCases {
                for word in vocabulary.words(kind) {
                    rows.append([kind.rawValue, word.id, word.vi, word.en, word.aliases.joined(separator: "; ")])
                }
            }
            switch format {
            case .csv:
                Console.output(CSVText.byteOrderMark + Data(CSVText.document(rows).utf8))
            case .table:
                let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
                for row in rows {
                    let padded = (0..<4).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                    Console.output((padded + [row[4]]).joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n")
                }
            }
        }
    }
}
