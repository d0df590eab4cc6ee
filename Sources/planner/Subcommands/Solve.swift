import ArgumentParser
import Foundation
import Planner

extension PlannerCommand {
    struct Solve: PlannerSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Solve a rotation round and print the plan.",
            discussion:
                "The plan is re-checked by the independent verifier before it is printed. Exit code 10 means no feasible plan exists; 11 that none was found within the time limit."
        )

        @OptionGroup var scenario: ScenarioArgument

        @OptionGroup var report: ReportOptions<Solve>

        @Option(
            help:
                "A plan (JSON) of this or a neighbouring scenario to start from: its holders, where this round allows them, are the first plan the search knows."
        )
        var start: String?

        @Flag(
            inversion: .prefixedNo,
            help:
                "When the round has no feasible plan, name the rules that conflict (as `planner diagnose` does; within --time-limit, or 10 s without one)."
        )
        var diagnose = true

        @Flag(help: "Add a one-line reason to every move, appointment, release and vacancy (`planner explain` says more).")
        var explain = false

        @Option(
            name: .customLong("figures-csv"),
            help: ArgumentHelp(
                "Also write the plan's figures as CSV to this file: one row per figure, its value and target (with a byte order mark unless --no-bom).",
                valueName: "file"))
        var figuresCSV: String?

        @OptionGroup var lang: LanguageOption

        @OptionGroup var solver: SolverOptions

        func execute() throws {
            // First, so that a signal during reading is a stop request too: the search then
            // returns at once with what it has.
            Interrupts.installForSearch()
            let scenario = self.scenario.path
            let loaded = try loadScenario(scenario)
            let inputs = loaded.files + [start].compactMap { $0 }
            try checkOutputs([report.output, figuresCSV], inputs: inputs)
            // Two tables on one stream would be no CSV a spreadsheet reads.
            if figuresCSV == OutputFile.standardOutput, (report.output ?? OutputFile.standardOutput) == OutputFile.standardOutput {
                Console.error("--figures-csv -: the plan goes to stdout already; name a file for one of them")
                throw Exit.usage
            }
            let startPlan = try start.map { path throws(PlanFileError) in try PlanFile.load(path: path) }
            var extras: Planner.PlanExtras = []
            if diagnose { extras.insert(.diagnosisIfInfeasible) }
            if explain { extras.insert(.reasons) }
            let plan = try Planner.solve(
                loaded.scenario, sha256: loaded.sha256, options: solver.plannerOptions(lang.language), startingFrom: startPlan,
                adding: extras)
            try emit(
                report.written(
                    PlanReport.render(
                        // A round without a plan: its diagnosis and proof in the language asked for (JSON keeps English).
                        report.format == .json ? plan : Planner.reworded(plan, in: loaded.scenario, words: .of(lang.language)),
                        scenario: loaded.scenario, format: report.format, language: lang.language)), to: report.output,
                inputs: inputs
            )
            if let figuresCSV {
                let table = Data(PlanReport.figuresCSV(plan, policy: loaded.scenario.policy).utf8)
                try emit(report.withByteOrderMark(table), to: figuresCSV, inputs: inputs)
            }
            if !plan.status.hasPlan { Console.error("\(scenario): \(plan.status.sentence(in: lang.language))") }
            // A plan not proven optimal (a time limit, a gap asked for), written as CSV or JSON:
            // said on stderr too, since the file opened alone reads like any plan. The table
            // opens with the same line; a stop by a signal says it below.
            if plan.status == .feasible, report.format != .table, Interrupts.exitCode(stoppedBy: plan.stoppedBy) == nil {
                Console.error("\(scenario): " + PlanReport.statusSentence(plan, language: lang.language))
            }
            if let stopped = Interrupts.exitCode(stoppedBy: plan.stoppedBy) {
                Console.error(
                    "\(scenario): stopped by \(plan.stoppedBy!): "
                        + (plan.status.hasPlan ? "the best plan found so far, \(plan.status.sentence)" : plan.status.sentence))
                throw stopped
            }
            let code = Exit.code(for: plan.status)
            if code != Exit.success { throw code }
        }
    }
}

extension PlannerCommand.Solve: CommandOutput {
    static let outputHelp = "Write the plan to this file (atomically, readable by you only) instead of stdout."
}
