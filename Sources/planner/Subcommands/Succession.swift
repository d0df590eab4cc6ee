import ArgumentParser
import Foundation
import Planner

extension PlannerCommand {
    struct Succession: PlannerSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan successor slates for every key post, optimised across posts.",
            discussion: """
                Key posts, grades and the slate rules are the scenario's `policy.succession` (docs/scenario-format.md); \
                readiness and the model are in docs/model.md. The plan is re-checked by the independent verifier before it is \
                printed. Exit code 10 means the hard rules admit no slates; 11 that none were found within the time limit.
                """)

        @OptionGroup var scenario: ScenarioArgument

        @OptionGroup var report: ReportOptions<Succession>

        @Option(
            name: .customLong("write-planning"),
            help:
                "Also write the scenario with every slate added to its cadres' plannedFor (as post:ID entries), for a later rotation round."
        )
        var writePlanning: String?

        @Option(
            help:
                "The round's rotation plan (JSON), read when the policy does not allow planning cadres the round appoints; without it, planner solves the round first."
        )
        var round: String?

        @Flag(
            inversion: .prefixedNo,
            help:
                "When the hard rules admit no slates, name the rules that cannot all hold together (each relaxed in turn; within --time-limit, or 10 s without one)."
        )
        var diagnose = true

        @OptionGroup var lang: LanguageOption

        @OptionGroup var solver: SolverOptions

        func execute() throws {
            let scenario = self.scenario.path
            let loaded = try loadScenario(scenario)
            let inputs = loaded.files + [round].compactMap { $0 }
            try checkOutputs([report.output, writePlanning], inputs: inputs)
            Interrupts.installForSearch()
            if Planner.successionNeedsRound(loaded.scenario), round == nil {
                Console.error("\(scenario): the policy leaves cadres the round appoints off the slates; solving the round first")
            }
            if let round, !Planner.successionNeedsRound(loaded.scenario) {
                // Read and checked all the same: a file named on the command line that is missing
                // or broken is an error, not passed over (a review's --round /nonexistent ran on).
                _ = try PlanDocument.load(path: round)
                Console.error(
                    "\(round): warning: not used: the policy puts cadres the round appoints on the slates (policy.succession.allowAppointedInRound), so the slates do not depend on the round's plan"
                )
            }
            let plan = try Planner.succession(
                loaded, round: round.map { .planFile($0) } ?? .solveFirst, options: solver.plannerOptions(lang.language),
                // The time limit is the command's: the diagnosis has what the slates left of it.
                diagnosingWithin: diagnose ? (solver.timeLimitLeft ?? 10) : nil)
            if let writePlanning, plan.status.hasPlan {
                let next = Planner.scenario(loaded.scenario, withPlanning: plan)
                try OutputFile.write(ScenarioWriter.encode(next), to: writePlanning, inputs: inputs)
            }
            var rendered = SuccessionReport.render(plan, scenario: loaded.scenario, format: report.format, language: lang.language)
            if SolveInterruption.isRequested, plan.status != .optimal, report.format == .table {
                // Said on the page, not only on stderr: a stopped search's risks are not the slates'.
                rendered.append(Data(("\n" + Words.of(lang.language)("slates.stopped") + "\n").utf8))
            }
            try emit(report.written(rendered), to: report.output, inputs: inputs)
            if let stopped = Interrupts.exitCodeIfStopped() { throw stopped }
            if !plan.status.hasPlan { Console.error("\(scenario): \(plan.status.sentence(in: lang.language))") }
            let code = Exit.code(for: plan.status)
            if code != Exit.success { throw code }
        }
    }
}

extension PlannerCommand.Succession: CommandOutput {
    static let outputHelp = "Write the succession plan to this file (atomically, readable by you only) instead of stdout."
}
