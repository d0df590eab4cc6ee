import ArgumentParser
import Planner

extension PlannerCommand {
    struct Diagnose: PlannerSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Name the rules that conflict in a round with no feasible plan.",
            discussion: """
                Two answers, each checked by solving: the fewest hard rule instances whose relaxation gives a plan, and a \
                conflict that cannot be reduced (the instances cannot all hold; dropping any one lets the others hold). \
                Eligibility rules count as instances: a post's requirement, a cadre's retirement or lock. docs/model.md \
                ("Diagnosing an infeasible round") says how. Exit code 0 when the diagnosis ran (also when the round has a plan); \
                11 when the time limit passed before it could tell whether the round has a plan (the report says so and claims \
                nothing); 130 or 143 when Ctrl-C or SIGTERM stopped it, what it had found by then written as usual.
                """)

        @OptionGroup var scenario: ScenarioArgument

        @OptionGroup var report: ReportOptions<Diagnose>

        @OptionGroup var solver: SolverOptions

        @OptionGroup var lang: LanguageOption

        func execute() throws {
            let loaded = try loadScenario(scenario.path)
            try checkOutput(report.output, inputs: loaded.files)
            // JSON is the same in every language: its texts stay English.
            let language = report.format == .json ? .en : lang.language
            // A stop ends the diagnosis at its next solve, and what it found is written.
            Interrupts.installForSearch(then: "what was settled by then follows")
            let diagnosis = try Planner.diagnose(
                loaded.scenario, sha256: loaded.sha256, options: solver.plannerOptions(lang.language), words: .of(language))
            try emit(
                report.written(DiagnosisReport.render(diagnosis, format: report.format, language: language)), to: report.output,
                inputs: loaded.files)
            if let stopped = Interrupts.exitCodeIfStopped() { throw stopped }
            if diagnosis.infeasible == nil { throw Exit.noPlanWithinTimeLimit }
        }
    }
}

extension PlannerCommand.Diagnose: CommandOutput {
    static let outputHelp = "Write the diagnosis to this file (atomically, readable by you only) instead of stdout."
}
