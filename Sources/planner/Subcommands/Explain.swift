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
                "A file of questions, one per line, each as this command's --position, --cadre, --why-not and --runners-up (- reads stdin; # starts a comment; --runners-up on the command line is the default for the file's questions); the round is solved once and every question answered from it, in order (json: an array). With --verbose or --progress, each answer's time on stderr.",
                valueName: "file"))
        var questions: String?

        @OptionGroup var report: ReportOptions<Explain>

        @OptionGroup var solver: SolverOptions

        @OptionGroup var lang: LanguageOption

        func validate() throws {
            guard let questions else { return try question.check() }
            if questions.isEmpty { throw ValidationError("--questions takes a file of questions, or - for stdin") }
            if let runnersUp = question.runnersUp, !(0...50).contains(runnersUp) {
                throw ValidationError("--runners-up takes a whole number from 0 to 50")
            }
            if question.position != nil || question.cadre != nil || question.whyNot != nil {
                throw ValidationError("--questions takes its questions from the file: give --position, --cadre and --why-not there")
            }
            if report.format != .table && report.format != .json {
                throw ValidationError("--questions writes its answers as table or json")
            }
        }

        func execute() throws {
            Interrupts.installForSearch(then: "what was settled by then follows")
            let loaded = try loadScenario(scenario.path)
            // The questions file is an input too: -o may not write over it.
            let inputs = loaded.files + (questions.map { $0 == "-" ? [] : [$0] } ?? [])
            try checkOutput(report.output, inputs: inputs)
            let asked = try questions.map { try Self.read(questions: $0, scenario: loaded.scenario, runnersUp: question.runnersUp) }
            // JSON is the same in every language: its texts stay English.
            let language = report.format == .json ? .en : lang.language
            let explainer = try Explainer(
                loaded.scenario, sha256: loaded.sha256, options: solver.plannerOptions(lang.language), words: .of(language))
            guard let asked else {
                try emit(
                    report.written(render(try question.answer(explainer), scenario: loaded.scenario, language: language)),
                    to: report.output, inputs: inputs)
                if let stopped = Interrupts.exitCodeIfStopped() { throw stopped }
                return
            }
            // The round is solved and kept once; each answer is printed as soon as it is ready
            // (on stdout), or all are written at the end (-o, atomically).
            var written = Data()
            var answered = 0
            for (index, entry) in asked.enumerated() {
                // Stopped by a signal: the questions answered so far stand, the rest are not asked.
                if SolveInterruption.isRequested { break }
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
                answered += 1
            }
            let unanswered = asked.count - answered
            if report.format == .json, answered > 0, unanswered > 0 {
                // The array the last answer would have closed.
                if report.output == nil { Console.output(Data("\n]\n".utf8)) } else { written.append(Data("\n]\n".utf8)) }
            }
            if answered == 0, report.format == .json { written = Data("[]\n".utf8) }
            if report.output != nil || answered == 0 { try emit(written, to: report.output, inputs: inputs) }
            if let stopped = Interrupts.exitCodeIfStopped() {
                Console.error("planner: \(unanswered) of \(asked.count) questions not answered")
                throw stopped
            }
        }

        func render(_ explanation: Explanation, scenario: Scenario, language: ReportLanguage) -> Data {
            var rendered = ExplanationReport.render(explanation, scenario: scenario, format: report.format, language: language)
            if SolveInterruption.isRequested, report.format == .table {
                // Said on the page, not only on stderr (a review saw a stopped run name another holder).
                rendered.append(Data((Words.of(language)("explain.stopped") + "\n").utf8))
            }
            return rendered
        }

        /// The questions of a file, each checked as the command line would be and its ids
        /// against the scenario, every problem reported at once (file:line) before any solve.
        /// A question without --runners-up takes the command line's.
        static func read(
            questions path: String, scenario: Scenario, runnersUp: Int?
        ) throws -> [(line: Int, text: String, question: ExplainQuestion)] {
            let name = path == "-" ? "stdin" : path
            var isFolder: ObjCBool = false
            if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                Console.error("\(name): is a folder, not a file of questions")
                throw Exit.noInput
            }
            let data: Data
            do {
                data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                Console.error(
                    "\(name): cannot read the questions (\(FileManager.default.fileExists(atPath: path) ? "not readable" : "no such file"))"
                )
                throw Exit.noInput
            }
            guard let text = String(data: data, encoding: .utf8) else {
                Console.error("\(name): the questions are not UTF-8 text")
                throw Exit.dataError
            }
            let positions = Set(scenario.positions.map(\.id))
            let cadres = Set(scenario.cadres.map(\.id))
            // Ids are quoted as given, but never at any length.
            func shown(_ id: String) -> String { id.count > 60 ? String(id.prefix(60)) + "…" : id }
            var asked: [(line: Int, text: String, question: ExplainQuestion)] = []
            var problems: [String] = []
            // Windows line ends (\r\n, one Character in Swift) and old Mac ones (\r) end a line too.
            for (offset, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
                let place = "\(name):\(offset + 1)"
                // A word starting with # starts a comment, at the start of a line or after a question.
                var words: [String] = []
                for word in raw.split(whereSeparator: { $0.isWhitespace }).map(String.init) {
                    if word.hasPrefix("#") { break }
                    // Quotes as a shell would have taken them away.
                    var unquoted = word
                    for quote in ["\"", "'"] where unquoted.count >= 2 && unquoted.hasPrefix(quote) && unquoted.hasSuffix(quote) {
                        unquoted = String(unquoted.dropFirst().dropLast())
                    }
                    words.append(unquoted)
                }
                guard !words.isEmpty else { continue }
                // A question has at most four options; a line of thousands would only be a mistake,
                // and parsing it would take minutes.
                guard words.count <= 12, raw.count <= 1000 else {
                    problems.append(
                        "\(place): not a question: \(words.count) words, \(raw.count) characters (a question has at most four options)")
                    continue
                }
                if words.contains(where: { $0 == "-h" || $0 == "--help" }) {
                    problems.append("\(place): not a question: --help (planner explain --help describes the options a question takes)")
                    continue
                }
                do {
                    var question = try ExplainQuestion.parse(words)
                    if question.runnersUp == nil { question.runnersUp = runnersUp }
                    try question.check()
                    var unknown: [String] = []
                    if let p = question.position, !positions.contains(p) { unknown.append("no position \"\(shown(p))\" in the scenario") }
                    for c in [question.cadre, question.whyNot].compactMap({ $0 }) where !cadres.contains(c) {
                        unknown.append("no cadre \"\(shown(c))\" in the scenario")
                    }
                    problems += unknown.map { "\(place): \($0)" }
                    if unknown.isEmpty { asked.append((offset + 1, words.joined(separator: " "), question)) }
                } catch {
                    let message = ExplainQuestion.message(for: error).split(separator: "\n").first.map(String.init) ?? "not a question"
                    problems.append("\(place): \(message.count > 200 ? String(message.prefix(200)) + "…" : message)")
                }
            }
            if problems.isEmpty, asked.isEmpty {
                problems.append("\(name): no questions (one per line, as --position P, --cadre C or --position P --why-not C)")
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
        help:
            "How many of the best candidates (or posts, with --cadre) to re-solve, 3 by default; with --position every candidate who fits better than the holder is re-solved too, up to 10 in all."
    )
    var runnersUp: Int?

    /// The runners-up (or other posts) to re-solve: 3 unless asked.
    var runnersUpOrDefault: Int { runnersUp ?? 3 }

    func check() throws {
        if (position == nil) == (cadre == nil) { throw ValidationError("give one of --position and --cadre") }
        if whyNot != nil && position == nil { throw ValidationError("--why-not takes a cadre, with --position") }
        if let runnersUp, !(0...50).contains(runnersUp) { throw ValidationError("--runners-up takes a whole number from 0 to 50") }
    }

    func answer(_ explainer: Explainer) throws -> Explanation {
        if let position {
            let p = try explainer.position(position)
            if let whyNot { return try explainer.whyNot(cadre: try explainer.cadre(whyNot), position: p) }
            return try explainer.explain(position: p, runnersUp: runnersUpOrDefault)
        }
        return try explainer.explain(cadre: try explainer.cadre(cadre!), alternatives: runnersUpOrDefault)
    }
}

extension PlannerCommand.Explain: CommandOutput {
    static let outputHelp = "Write the explanation to this file (atomically, readable by you only) instead of stdout."
}
