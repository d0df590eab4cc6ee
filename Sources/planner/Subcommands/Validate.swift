import ArgumentParser
import Planner

extension PlannerCommand {
    struct Validate: PlannerSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Check scenario files and list every problem, or print \"ok\".")

        @Argument(help: "Scenario files (JSON).")
        var scenarios: [String]

        func execute() throws {
            var worst: ExitCode = Exit.success
            for path in scenarios {
                do {
                    let loaded = try Planner.load(path)
                    for warning in loaded.warnings { Console.error("\(path): warning: \(warning)") }
                    let s = loaded.scenario
                    Console.output("\(path): ok (\(s.units.count) units, \(s.positions.count) positions, \(s.cadres.count) cadres)\n")
                } catch {
                    let code = Exit.report(error)
                    if worst == Exit.success || code == Exit.dataError { worst = code }
                }
            }
            if worst != Exit.success { throw worst }
        }
    }
}
