import ArgumentParser
import Foundation
import Planner

extension PlannerCommand {
    struct Report: PlannerSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the committee's report of a round: one self-contained HTML file.",
            discussion: """
                Solves the round (or reads --plan, verified against the scenario first, as `planner verify` does) and \
                writes an HTML report that opens with no network: the status, the figures before and after beside their \
                targets, charts, the vacancy chains, the changes unit by unit with their reasons, and each unit's posts \
                before and after; with --succession, the successor slates for every key post. With --term, the page of a term plan (`planner \
                term --format json`), verified first. It names people: keep it as you keep the roster. Exit code 1 \
                when --plan or --term fails the check.
                """)

        @OptionGroup var scenario: ScenarioArgument

        @Option(help: "A plan (JSON, from `planner solve --format json`) of this scenario to report instead of solving.")
        var plan: String?

        @Option(
            help:
                "A term plan (JSON, from `planner term --format json`) of this scenario: the report is the term's page, verified against the scenario first."
        )
        var term: String?

        @OptionGroup var lang: LanguageOption

        @Option(
            name: [.short, .customLong("output")],
            help: "Write the report to this file (atomically, readable by you only) instead of stdout.")
        var output: String?

        @Flag(
            help:
                "Add the successor slates for every key post, made from the posts as they stand before the round (as `planner succession` makes them; the round's appointees are kept off them where the policy says so)."
        )
        var succession = false

        @Flag(
            name: .customLong("scenario-changed"),
            help:
                "With --plan: the scenario file changed on purpose since the plan was made (the same round exported in another order, say): a different hash is a warning, not a refusal; every rule is still checked against this scenario, and the plan is reported as this file's plan, not proven optimal for it (`planner report` without --plan solves it)."
        )
        var scenarioChanged = false

        @OptionGroup var solver: SolverOptions

        func execute() throws {
            Interrupts.installForSearch()
            if term != nil, plan != nil || succession {
                Console.error("--term reports a term plan: it does not take --plan or --succession")
                throw Exit.usage
            }
            if scenarioChanged, plan == nil {
                Console.error("--scenario-changed goes with --plan: a plan made from another version of the scenario file")
                throw Exit.usage
            }
            let loaded = try loadScenario(scenario.path)
            let inputs = loaded.files + [plan, term].compactMap { $0 }
            try checkOutput(output, inputs: inputs)
            if let term {
                try reportTerm(term, loaded: loaded, inputs: inputs)
                return
            }
            var reported: Plan
            if let plan {
                switch try PlanDocument.load(path: plan) {
                case .rotation(let rotation): reported = rotation
                case .term:
                    Console.error("\(plan): a term plan, not a round's: give it with --term")
                    throw Exit.dataError
                case .succession:
                    Console.error("\(plan): a succession plan, not a round's: `planner succession --format html` makes its page")
                    throw Exit.dataError
                }
                // A report is read as the truth about a round: a plan that breaks a rule, or was
                // made from another scenario, is refused, not reported.
                try Self.refuseUnless(
                    PlanVerifier.verify(
                        reported, against: loaded.scenario, scenarioSHA256: loaded.sha256,
                        options: PlanVerifier.Options(scenarioChanged: scenarioChanged)), file: plan)
                if scenarioChanged {
                    // Every rule holds in this file, but the plan's optimality and bound were
                    // proven for the file it was made from: reported as this file's plan, not
                    // proven optimal here (a review's report said "proven" of a plan 29.85 below
                    // this file's optimum, under the other file's hash and planning year).
                    reported.scenario = ScenarioIdentity(
                        name: loaded.scenario.name, planningYear: loaded.scenario.planningYear, sha256: loaded.sha256)
                    if reported.status == .optimal { reported.status = .feasible }
                    reported.bound = nil
                    reported.gap = nil
                }
            } else {
                // A round without a plan: the report names the rules in conflict (as solve does).
                reported = try Planner.solve(
                    loaded.scenario, sha256: loaded.sha256, options: solver.plannerOptions(lang.language), adding: [.diagnosisIfInfeasible])
            }
            let language = lang.language
            var slates: SuccessionPlan?
            if succession, !reported.status.hasPlan, Planner.successionNeedsRound(loaded.scenario) {
                Console.error(
                    "\(scenario.path): --succession: the round has no plan, and the policy keeps the round's appointees off the slates (policy.succession.allowAppointedInRound): no slates in the report"
                )
            }
            if succession, reported.status.hasPlan || !Planner.successionNeedsRound(loaded.scenario) {
                // The round's appointees are kept off the slates when the policy says so.
                let round =
                    Planner.successionNeedsRound(loaded.scenario)
                    ? (Planner.appointed(in: reported), plan == nil ? "solved" : "plan file") : nil
                var made = try Planner.succession(
                    loaded.scenario, sha256: loaded.sha256, options: solver.plannerOptions(lang.language), round: round)
                // No slates: the rules in conflict, as `planner succession` names them.
                if made.status == .infeasible {
                    made.conflict = try Planner.successionConflict(
                        loaded.scenario, sha256: loaded.sha256, options: solver.plannerOptions(lang.language), round: round,
                        deadline: Date().addingTimeInterval(solver.timeLimitLeft ?? 10),
                        firstStepEstimate: made.timing.map { $0.buildSeconds + $0.solveSeconds } ?? 0)
                }
                slates = made
            }
            // A round without a plan: its conflicts and diagnosis in the report's language (the
            // plan's JSON keeps the English; `solve` words its page the same way).
            let worded = Planner.reworded(reported, in: loaded.scenario, words: language.words)
            let report = RoundReport(plan: worded, scenario: loaded.scenario, succession: slates)
            let html = HTMLReport.render(report, language: language)
            try emit(Data(html.utf8), to: output, inputs: inputs)
            if !reported.status.hasPlan { Console.error("\(scenario.path): \(reported.status.sentence(in: language))") }
            if let stopped = Interrupts.exitCode(stoppedBy: reported.stoppedBy) { throw stopped }
            let code = Exit.code(for: reported.status)
            if code != Exit.success { throw code }
        }

        /// A report is read as the truth: a document that fails its check is refused, each
        /// violation listed, exit code 1.
        static func refuseUnless(_ check: Verification, file: String) throws {
            guard !check.isValid else {
                for warning in check.warnings { Console.error("\(file): warning: \(warning)") }
                return
            }
            let count = check.violations.count
            Console.error(
                "\(file): \(count) violation\(count == 1 ? "" : "s"); not reported:\n"
                    + check.violations.map { "  \($0)" }.joined(separator: "\n"))
            throw Exit.verificationFailed
        }

        /// The page of a term plan, checked first as `planner verify` checks it: a term plan that
        /// breaks a rule in any round or year, or was made from another scenario, is refused.
        func reportTerm(_ path: String, loaded: Planner.LoadedScenario, inputs: [String]) throws {
            let term: TermPlan
            switch try PlanDocument.load(path: path) {
            case .term(let plan): term = plan
            case .rotation:
                Console.error("\(path): a round's plan, not a term plan: give it with --plan")
                throw Exit.dataError
            case .succession:
                Console.error("\(path): a succession plan, not a term plan: `planner succession --format html` makes its page")
                throw Exit.dataError
            }
            let options = PlanVerifier.Options(statusConfirmedBySolving: true)
            try Self.refuseUnless(
                TermVerifier.verify(term, against: loaded.scenario, scenarioSHA256: loaded.sha256, options: options), file: path)
            let page = TermReport.render(term, scenario: loaded.scenario, format: .html, language: lang.language)
            try emit(page, to: output, inputs: inputs)
        }
    }
}
