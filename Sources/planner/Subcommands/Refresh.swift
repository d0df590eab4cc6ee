import ArgumentParser
import Planner

extension PlannerCommand {
    struct Refresh: PlannerSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-derive an edited plan's lists, figures and objective from its assignments.",
            discussion: """
                A plan edited by hand (a holder changed in `assignments`) keeps the old plan's moves, figures and \
                objective, so `verify` rejects it. `refresh` keeps only the assignments and works out the rest again, \
                as `solve` writes it; the status becomes "feasible". Exit code 1 when the edited assignments break a \
                hard rule (each is listed); nothing is written then.
                """)

        @OptionGroup var scenario: ScenarioArgument

        @Argument(help: "The edited plan (JSON, as written by `planner solve --format json`).")
        var plan: String

        @OptionGroup var report: ReportOptions<Refresh>

        @OptionGroup var lang: LanguageOption

        func execute() throws {
            let loaded = try loadScenario(scenario.path)
            try checkOutput(report.output, inputs: loaded.files + [plan])
            let edited = try PlanFile.load(path: plan)
            // A misspelt key in an assignment reads as a post left vacant: named before the result.
            warnOfUnknownKeys(in: plan, of: .rotation(edited))
            switch Planner.refreshed(edited, in: loaded.scenario, sha256: loaded.sha256) {
            case .success(let refreshed):
                try emit(
                    report.written(PlanReport.render(refreshed, scenario: loaded.scenario, format: report.format, language: lang.language)),
                    to: report.output,
                    inputs: loaded.files + [plan])
            case .failure(let error):
                throw AboutFile(file: plan, error: error)
            }
        }
    }
}

extension PlannerCommand.Refresh: CommandOutput {
    static let outputHelp =
        "Write the plan to this file (atomically, readable by you only) instead of stdout; it may not be the edited plan itself."
    static let defaultFormat = PlanReport.Format.json
    static let formatHelp = "Output format: json (default), table, csv or html."
}
