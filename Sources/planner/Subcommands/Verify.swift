import ArgumentParser
import Planner

extension PlannerCommand {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-check a rotation or succession plan against its scenario, independently of the solver.",
            discussion: "Checks every hard rule, recomputes the objective and the soft-rule penalties from the scenario and the plan alone, and lists every violation. Exit code 1 when there is one. The plan's `format` field tells a rotation plan from a succession plan.")

        @Argument(help: "The scenario file (JSON).")
        var scenario: String

        @Argument(help: "The plan file (JSON, as written by `planner solve --format json` or `planner succession --format json`).")
        var plan: String

        func run() throws {
            let loaded = try loadScenario(scenario)
            let document: PlanDocument
            do {
                document = try PlanDocument.load(path: plan)
            } catch {
                throw Exit.report(error)
            }
            let result: Verification
            let status: PlanStatus
            switch document {
            case .rotation(let rotation):
                result = PlanVerifier.verify(rotation, against: loaded.scenario, scenarioSHA256: loaded.sha256)
                status = rotation.status
            case .succession(let succession):
                result = SuccessionVerifier.verify(succession, against: loaded.scenario, scenarioSHA256: loaded.sha256)
                status = succession.status
            }
            for warning in result.warnings { Console.error("\(plan): warning: \(warning)") }
            guard result.isValid else {
                var text = "\(plan): \(result.violations.count) violation\(result.violations.count == 1 ? "" : "s"):\n"
                text += result.violations.map { "  \($0)\n" }.joined()
                Console.output(text)
                throw Exit.verificationFailed
            }
            var text = "\(plan): ok: status \(status.rawValue)"
            if let objective = result.objective {
                text += "; every hard rule holds; objective recomputed as \(PlanReport.number(objective))"
                if !result.penalties.isEmpty {
                    text += "; \(result.penalties.count) soft-rule shortfall\(result.penalties.count == 1 ? "" : "s") priced in"
                }
            }
            Console.output(text + "\n")
        }
    }
}
