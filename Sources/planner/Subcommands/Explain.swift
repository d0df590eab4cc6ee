import ArgumentParser
import Foundation
import Planner

extension PlannerCommand {
    struct Explain: PlannerSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain a proposal: why this holder for a post, why this post for a cadre, why not another.",
            discussion: """
                Solves the round, then re-solves it with single assignments forced, and reports what the whole plan would \
                lose and who else would change post. --position: the holder, the parts of their fit, the runners-up \
                re-solved, the candidates left out with their first reason. --cadre: their post, and the other posts the \
                rules allow them, re-solved. --position P --why-not C: that assignment forced (rules that forbid it are \
                named and set aside for it alone). --questions FILE: a meeting's questions, one per line, answered from \
                one solve of the round kept alive (a forced pair is re-solved from the plan's basis).
                """)

        @OptionGroup var scenario: ScenarioArgument

        @OptionGroup var question: ExplainQuestion

        @Option(
            name: .customLong("questions"),
            help: ArgumentHelp(
                "A file of questions, one per line, each as this command's --position, --cadre, --why-not and --runners-up (- reads stdin; # starts a comment); the round is solved once and every question answered from it, in order (json: an array). With --verbose or --progress, each answer's time on stderr.",
                valueName: "file"))
        var questions: String?

        @OptionGroup var report: ReportOptions<Explain>

        @OptionGroup var solver: SolverOptions

        @OptionGroup var lang: LanguageOption

        func validate() throws {
            guard questions != nil else { return try question.check() }
            if question.position != nil || question.cadre != nil || question.whyNot != nil {
                throw ValidationError("--questions takes its questions from the file: give --position, --cadre and --why-not there")
            }
            if report.format != .table && report.format != .json {
                throw ValidationError("--questions writes its answers as table or json")
            }
        }

        func execute() throws {
            let loaded = try loadScenario(scenario.path)
            try checkOutput(report.output, inputs: loaded.files)
            let asked = try questions.map { try Self.read(questions: $0, scenario: loaded.scenario) }
            // JSON is the same in every language: its texts stay English.
            let language = report.format == .json ? .en : lang.language
            let explainer = try Explainer(
                loaded.scenario, sha256: loaded.sha256, options: solver.plannerOptions(lang.language), words: .of(language))
            guard let asked else {
                return try emit(
                    report.written(render(try question.answer(explainer), scenario: loaded.scenario, language: language)),
                    to: report.output, inputs: loaded.files)
            }
            // The round is solved and kept once; each answer is printed as soon as it is ready
            // (on stdout), or all are written at the end (-o, atomically).
            var written = Data()
            for (index, entry) in asked.enumerated() {
                let started = Date()
                let answer = render(try entry.question.answer(explainer), scenario: loaded.scenario, language: language)
                if solver.verbose || solver.progress == true {
                    Console.error(
                        "planner: question \(index + 1) (line \(entry.line)) answered in \(String(format: "%.2f", Date().timeIntervalSince(started))) s"
                    )
                }
                var part = Data()
                if report.format == .json {
                    part.append(Data((index == 0 ? "[\n" : ",\n").utf8))
                    part.append(answer)
                    if index == asked.count - 1 { part.append(Data("\n]\n".utf8)) }
                } else {
                    part.append(Data(((index == 0 ? "" : "\n") + "── " + entry.text + "\n").utf8))
                    part.append(answer)
                }
                if report.output == nil { Console.output(part) } else { written.append(part) }
            }
            if asked.isEmpty, report.format == .json { written = Data("[]\n".utf8) }
            if report.output != nil || asked.isEmpty { try emit(written, to: report.output, inputs: loaded.files) }
        }

        func render(_ explanation: Explanation, scenario: Scenario, language: ReportLanguage) -> Data {
            ExplanationReport.render(explanation, scenario: scenario, format: report.format, language: language)
        }

        /// The questions of a file, each checked as the command line would be and its ids
        /// against the scenario, every problem reported at once (file:line) before any solve.
        static func read(questions path: String, scenario: Scenario) throws -> [(line: Int, text: String, question: ExplainQuestion)] {
            let name = path == "-" ? "stdin" : path
            let data: Data
            do {
                data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                Console.error("\(name): cannot read the questions: \(error.localizedDescription)")
                throw Exit.noInput
            }
            guard let text = String(data: data, encoding: .utf8) else {
                Console.error("\(name): the questions are not UTF-8 text")
                throw Exit.dataError
            }
            let positions = Set(scenario.positions.map(\.id))
            let cadres = Set(scenario.cadres.map(\.id))
            var asked: [(line: Int, text: String, question: ExplainQuestion)] = []
            var problems: [String] = []
            for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !line.isEmpty, !line.hasPrefix("#") else { continue }
                let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                do {
                    let question = try ExplainQuestion.parse(words)
                    try question.check()
                    var unknown: [String] = []
                    if let p = question.position, !positions.contains(p) { unknown.append("no position \"\(p)\" in the scenario") }
                    for c in [question.cadre, question.whyNot].compactMap({ $0 }) where !cadres.contains(c) {
                        unknown.append("no cadre \"\(c)\" in the scenario")
                    }
                    problems += unknown.map { "\(name):\(offset + 1): \($0)" }
                    if unknown.isEmpty { asked.append((offset + 1, line, question)) }
                } catch {
                    let message = ExplainQuestion.message(for: error).split(separator: "\n").first.map(String.init) ?? "not a question"
                    problems.append("\(name):\(offset + 1): \(message)")
                }
            }
            guard problems.isEmpty else {
                for problem in problems { Console.error(problem) }
                throw Exit.usage
            }
            return asked
        }
    }
}

/// One question `explain` answers: a post (with a cadre forced into it, or its runners-up), or a
/// cadre. On the command line, or one per line of `--questions`.
struct ExplainQuestion: ParsableArguments {
    @Option(help: "A post to explain.")
    var position: String?

    @Option(help: "A cadre to explain.")
    var cadre: String?

    @Option(name: .customLong("why-not"), help: "With --position: a cadre to force into the post.")
    var whyNot: String?

    @Option(
        name: .customLong("runners-up"), parsing: .unconditional,
        help: "How many of the best candidates (or posts, with --cadre) to re-solve.")
    var runnersUp = 3

    func check() throws {
        if (position == nil) == (cadre == nil) { throw ValidationError("give one of --position and --cadre") }
        if whyNot != nil && position == nil { throw ValidationError("--why-not takes a cadre, with --position") }
        if !(0...50).contains(runnersUp) { throw ValidationError("--runners-up takes a whole number from 0 to 50") }
    }

    func answer(_ explainer: Explainer) throws -> Explanation {
        if let position {
            let p = try explainer.position(position)
            if let whyNot { return try explainer.whyNot(cadre: try explainer.cadre(whyNot), position: p) }
            return try explainer.explain(position: p, runnersUp: runnersUp)
        }
        return try explainer.explain(cadre: try explainer.cadre(cadre!), alternatives: runnersUp)
    }
}

extension PlannerCommand.Explain: CommandOutput {
    static let outputHelp = "Write the explanation to this file (atomically, readable by you only) instead of stdout."
}
