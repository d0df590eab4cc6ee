import ArgumentParser
import Foundation
import Planner

extension PlannerCommand {
    struct Term: PlannerSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan the rotation rounds of a term, one after another or together, and follow the office year by year.",
            discussion: """
                Each round is solved as `planner solve` solves one, optimal alone, from the office the round before left: \
                posts as that round filled them, ages and years in post counted to the round's year, and a cadre moved or \
                appointed held in post for --minimum-stay years. Then every year to --until: the figures, who retires, \
                and the key posts at risk (the holder retires; no one planned for the post may be appointed). \
                docs/model.md ("The term, round by round") states the rules. With --method joint the rounds are \
                planned together in one model, the best term for the sum of the rounds' objectives, beside the same \
                rounds planned round by round (docs/model.md, "The term planned together"); exit 10 or 11 when no term \
                plans every round. The term plan is re-checked by the \
                independent verifier before it is printed; `planner verify SCENARIO TERM.json` checks it again. \
                Exit code 10 when a round has no feasible plan (the rounds after it are not planned), 11 when a round \
                finds none within the time limit, which is for the whole term.
                """)

        @OptionGroup var scenario: ScenarioArgument

        @Option(
            help: ArgumentHelp("The rounds' years, increasing, from the scenario's planning year on: 2026,2028,2030.", valueName: "years"))
        var rounds: String

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("The last year the office is followed to (default: 2035, or the last round if later).", valueName: "year"))
        var until: Int?

        @Option(
            name: .customLong("minimum-stay"), parsing: .unconditional,
            help: ArgumentHelp(
                "Years a cadre moved or appointed in a round stays in post before another move (0: no minimum).", valueName: "years"))
        var minimumStay: Int = TermSettings.defaultMinimumStay

        @Option(
            name: .customLong("max-term-moves"), parsing: .unconditional,
            help: ArgumentHelp(
                "At most this many moves over the whole term (incumbents who change post, summed over the rounds), besides each round's own cap; hard, with the moves rule hard or off. 0 to 1000000.",
                valueName: "moves"))
        var maxTermMoves: Int?

        @Option(
            help: ArgumentHelp(
                "round-by-round: each round optimal alone, in turn. joint: the rounds planned together in one model (the best term for the sum of the rounds' objectives), shown beside the same rounds planned round by round.",
                valueName: "method"))
        var method: String = TermPlan.roundByRound

        @Flag(
            help: ArgumentHelp(
                "Before each round after the scenario's own, draw successor slates for the key posts (as `planner succession`) on the office the round before left, and let the round appoint their candidates; each round's slates replace the last."
            ))
        var slates = false

        @Option(
            name: .customLong("write-rounds"),
            help: ArgumentHelp(
                "Also write each later round's scenario to this existing folder as round-YEAR.json: the office as the round found it, for solve, explain or verify.",
                valueName: "folder"))
        var writeRounds: String?

        @Option(
            name: .customLong("export-mps"),
            help: ArgumentHelp(
                "With --method joint: also write the term model in free MPS format to this file, for other solvers (ids only, no names). The objective is maximised; MPS files carry no objective sense, so solve it as maximisation (glpsol --max).",
                valueName: "file"))
        var exportMPS: String?

        @OptionGroup var report: ReportOptions<Term>

        @OptionGroup var lang: LanguageOption

        @OptionGroup var solver: SolverOptions

        func execute() throws {
            Interrupts.installForSearch()
            let years = try Self.years(rounds)
            let loaded = try loadScenario(scenario.path)
            let settings = TermSettings(rounds: years, until: until, minimumStay: minimumStay, slates: slates, maxMoves: maxTermMoves)
            var problems = settings.problems(for: loaded.scenario)
            if !TermPlan.methods.contains(method) {
                problems.append("--method \(method) is not a method (\(TermPlan.methods.joined(separator: " or ")))")
            }
            if method == TermPlan.joint && slates { problems.append("--slates is for --method round-by-round only") }
            if method != TermPlan.joint && exportMPS != nil { problems.append("--export-mps is for --method joint only") }
            guard problems.isEmpty else {
                for problem in problems { Console.error("\(scenario.path): \(problem)") }
                throw Exit.usage
            }
            let roundFiles = try writeRounds.map { folder in try Self.roundFiles(in: folder, years: years) } ?? [:]
            try checkOutputs([report.output, exportMPS] + years.compactMap { roundFiles[$0] }, inputs: loaded.files)
            if let exportMPS {
                do {
                    try OutputFile.write(to: exportMPS, inputs: loaded.files) { temporary in
                        try Planner.exportTerm(loaded.scenario, settings: settings, format: .mps, to: temporary)
                    }
                } catch {
                    switch error {
                    case .output(let failure): throw failure
                    case .produce(let failure): throw failure
                    }
                }
            }
            let options = solver.plannerOptions(lang.language)
            let term =
                method == TermPlan.joint
                ? try Planner.termJoint(loaded.scenario, sha256: loaded.sha256, settings: settings, options: options)
                : try Planner.termRoundByRound(loaded.scenario, sha256: loaded.sha256, settings: settings, options: options)
            try emit(
                report.written(TermReport.render(term, scenario: loaded.scenario, format: report.format, language: lang.language)),
                to: report.output, inputs: loaded.files)
            // Each round's office as the verifier carried it: the one its plan names, byte for byte.
            for round in TermVerifier.roundScenarios(term, against: loaded.scenario, scenarioSHA256: loaded.sha256) {
                let year = round.year
                // The first round is the file itself, unless a cap on the term's moves caps it.
                guard let path = roundFiles[year], !(year == loaded.scenario.planningYear && year == years.first && maxTermMoves == nil)
                else { continue }
                let bytes = ScenarioWriter.encode(round.scenario)
                // Written only as a file every command reads: checked as `validate` would.
                do {
                    _ = try ScenarioReader.read(data: bytes, file: path)
                } catch {
                    Console.error(
                        "\(path): the office carried to \(year) is not a scenario file planner reads: \(error.localizedDescription)")
                    throw Exit.dataError
                }
                try OutputFile.write(bytes, to: path, inputs: loaded.files)
            }
            for round in term.rounds {
                // Said where it is seen: a round planned without the slates asked for.
                if let slates = round.slates, !slates.status.hasPlan {
                    Console.error(
                        "\(scenario.path): warning: round \(round.year): no slates were drawn (\(slates.status.sentence)); the round was planned without them"
                    )
                }
            }
            // 130 or 143 when the signal cut the term short; one that came after every round was
            // planned changes nothing written, and the exit code says what was written.
            if term.status == .stopped, let stopped = Interrupts.exitCodeIfStopped() { throw stopped }
            if term.method == TermPlan.joint, !term.status.hasPlan {
                Console.error("\(scenario.path): the term planned together: \(term.status.sentence)")
                throw Exit.code(for: term.status)
            }
            if let failed = term.rounds.first(where: { !$0.plan.status.hasPlan }) {
                Console.error("\(scenario.path): round \(failed.year): \(failed.plan.status.sentence)")
                if failed.plan.status == .infeasible {
                    // Where to ask why: the file itself, or the round's office written out. A cap
                    // on the term's moves caps the first round too: then the file is not that
                    // round (a review's diagnosis of the file found no conflict).
                    let round =
                        failed.year == loaded.scenario.planningYear && failed.year == years.first && maxTermMoves == nil
                        ? scenario.path : roundFiles[failed.year] ?? "round-\(failed.year).json (--write-rounds FOLDER writes it)"
                    Console.error("\(scenario.path): `planner diagnose \(round)` names the rules in conflict")
                }
                throw Exit.code(for: failed.plan.status)
            }
        }

        /// Where each round's scenario goes in `folder`, which must be a folder that exists.
        static func roundFiles(in folder: String, years: [Int]) throws -> [Int: String] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
                Console.error("--write-rounds \(folder): no such folder (make it first)")
                throw Exit.cannotCreate
            }
            guard isFolder.boolValue else {
                Console.error("--write-rounds \(folder): not a folder")
                throw Exit.cannotCreate
            }
            let base = URL(fileURLWithPath: folder)
            return Dictionary(uniqueKeysWithValues: years.map { ($0, base.appendingPathComponent("round-\($0).json").path) })
        }

        /// "2026,2028,2030" as years; a clear usage error for anything else.
        static func years(_ text: String) throws -> [Int] {
            let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            var years: [Int] = []
            for part in parts {
                guard let year = Int(part), part.allSatisfy(\.isASCII), (1900...2200).contains(year) else {
                    Console.error("--rounds \(text): \"\(part)\" is not a year (give years parted by commas: 2026,2028,2030)")
                    throw Exit.usage
                }
                years.append(year)
            }
            return years
        }
    }
}

extension PlannerCommand.Term: CommandOutput {
    static let outputHelp = "Write the term plan to this file (atomically, readable by you only) instead of stdout."
    static let formatHelp =
        "Output format: table (default), json (what `planner verify` reads), html (a page to read in a browser or print) or csv (the office year by year, a row per year)."
}
