import ArgumentParser
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
                named and set aside for it alone).
                """)

        @OptionGroup var scenario: ScenarioArgument

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

        @OptionGroup var report: ReportOptions<Explain>

        @OptionGroup var solver: SolverOptions

        @OptionGroup var lang: LanguageOption

        func validate() throws {
            if (position == nil) == (cadre == nil) { throw ValidationError("give one of --position and --cadre") }
            if whyNot != nil && position == nil { throw ValidationError("--why-not takes a cadre, with --position") }
            if !(0...50).contains(runnersUp) { throw ValidationError("--runners-up takes a whole number from 0 to 50") }
        }

        func execute() throws {
            let loaded = try loadScenario(scenario.path)
            try checkOutput(report.output, inputs: loaded.files)
            // JSON is the same in every language: its texts stay English.
            let language = report.format == .json ? .en : lang.language
            let explainer = try Explainer(
                loaded.scenario, sha256: loaded.sha256, options: solver.plannerOptions(lang.language), words: .of(language))
            let explanation: Explanation
            if let position {
                let p = try explainer.position(position)
                if let whyNot {
                    explanation = try explainer.whyNot(cadre: try explainer.cadre(whyNot), position: p)
                } else {
                    explanation = try explainer.explain(position: p, runnersUp: runnersUp)
                }
            } else {
                explanation = try explainer.explain(cadre: try explainer.cadre(cadre!), alternatives: runnersUp)
            }
            try emit(
                report.written(ExplanationReport.render(explanation, scenario: loaded.scenario, format: report.format, language: language)),
                to: report.output, inputs: loaded.files)
        }
    }
}

extension PlannerCommand.Explain: CommandOutput {
    static let outputHelp = "Write the explanation to this file (atomically, readable by you only) instead of stdout."
}
