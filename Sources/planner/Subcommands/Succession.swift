import ArgumentParser
import Foundation
import Planner

extension PlannerCommand {
    struct Succession: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan successor slates for every key post, optimised across posts.",
            discussion: """
                Key posts, grades and the slate rules are the scenario's `policy.succession` (docs/scenario-format.md); \
                readiness and the model are in docs/model.md. The plan is re-checked by the independent verifier before it is \
                printed. Exit code 10 means the hard rules admit no slates; 11 that none were found within the time limit.
                """)

        @Argument(help: "The scenario file (JSON).")
        var scenario: String

        @Option(help: "Output format: table, json or csv.")
        var format: PlanReport.Format = .table

        @Option(name: [.short, .customLong("output")], help: "Write the succession plan to this file (atomically, readable by you only) instead of stdout.")
        var output: String?

        @Option(name: .customLong("write-planning"),
                help: "Also write the scenario with every slate added to its cadres' plannedFor (as post:ID entries), for a later rotation round.")
        var writePlanning: String?

        @Option(help: "The round's rotation plan (JSON), read when the policy does not allow planning cadres the round appoints; without it, planner solves the round first.")
        var round: String?

        @OptionGroup var solver: SolverOptions

        func run() throws {
            let loaded = try loadScenario(scenario)
            let inputs = loaded.files + [round].compactMap { $0 }
            try checkOutputs([output, writePlanning], inputs: inputs)
            var appointed: (appointed: Set<String>, source: String)?
            if !loaded.scenario.policy.succession.allowAppointedInRound {
                appointed = try roundAppointments(loaded)
            }
            let plan: SuccessionPlan
            do {
                plan = try Planner.succession(loaded.scenario, sha256: loaded.sha256, options: solver.plannerOptions, round: appointed)
            } catch {
                throw Exit.report(error)
            }
            if let writePlanning, plan.status.hasPlan {
                let next = Planner.scenario(loaded.scenario, withPlanning: plan)
                do { try OutputFile.write(ScenarioWriter.encode(next), to: writePlanning, inputs: inputs) } catch { throw Exit.report(error) }
            }
            try emit(SuccessionReport.render(plan, scenario: loaded.scenario, format: format), to: output, inputs: inputs)
            if !plan.status.hasPlan { Console.error("\(scenario): \(plan.status.sentence)") }
            let code = Exit.code(for: plan.status)
            if code != Exit.success { throw code }
        }

        /// Rule 7's input: who the round appoints, from `--round` or from solving the round.
        func roundAppointments(_ loaded: Planner.LoadedScenario) throws -> (appointed: Set<String>, source: String) {
            if let round {
                let plan: Plan
                do { plan = try PlanFile.load(path: round) } catch { throw Exit.report(error) }
                if plan.scenario.sha256 != loaded.sha256 {
                    // Another round's appointments would keep the wrong people off the slates.
                    Console.error("\(round): the round's plan was made from a different scenario file (SHA-256 \(plan.scenario.sha256.prefix(12))…, \(scenario) has \(loaded.sha256.prefix(12))…); solve this scenario and pass its plan, or leave out --round to solve it here")
                    throw Exit.dataError
                }
                guard plan.status.hasPlan else {
                    Console.error("\(round): the round's plan has no assignments (status \(plan.status.rawValue))")
                    throw Exit.dataError
                }
                // Who it appoints is read from its lists: they must be what its assignments say.
                let check = PlanVerifier.verify(plan, against: loaded.scenario, scenarioSHA256: loaded.sha256)
                guard check.isValid else {
                    Console.error("\(round): the round's plan does not pass planner verify:\n"
                                  + check.violations.prefix(10).map { "  \($0)" }.joined(separator: "\n"))
                    throw Exit.dataError
                }
                let data = FileManager.default.contents(atPath: round) ?? Data()
                return (Planner.appointed(in: plan), "plan file SHA-256 " + SHA256.hex(data))
            }
            Console.error("\(scenario): the policy leaves cadres the round appoints off the slates; solving the round first")
            let plan: Plan
            do { plan = try Planner.solve(loaded.scenario, sha256: loaded.sha256, options: solver.plannerOptions) } catch { throw Exit.report(error) }
            guard plan.status.hasPlan else {
                Console.error("\(scenario): the round: \(plan.status.sentence)")
                throw Exit.code(for: plan.status)
            }
            return (Planner.appointed(in: plan), "solved")
        }
    }
}
