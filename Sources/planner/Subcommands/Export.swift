import ArgumentParser
import Planner

extension PlannerCommand {
    struct Export: PlannerSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the rotation model as GLPK writes it, for other solvers.",
            discussion:
                "Rows and columns are named by ids (x[cadre,position], post[position], …), never by people's names. In LP files GLPK writes '-' as '~' and brackets as parentheses. The objective is maximised; MPS files carry no objective sense, so solve them as maximisation (glpsol --max)."
        )

        @OptionGroup var scenario: ScenarioArgument

        @Option(help: "Write CPLEX LP format to this file.")
        var lp: String?

        @Option(help: "Write free MPS format to this file.")
        var mps: String?

        func validate() throws {
            if lp == nil && mps == nil { throw ValidationError("name an output: --lp FILE or --mps FILE") }
        }

        func execute() throws {
            let loaded = try loadScenario(scenario.path)
            try checkOutputs([lp, mps], inputs: loaded.files)
            for (path, format) in [(lp, ModelFormat.lp), (mps, ModelFormat.mps)] {
                guard let path else { continue }
                do {
                    try OutputFile.write(to: path, inputs: loaded.files) { temporary in
                        try Planner.export(loaded.scenario, format: format, to: temporary)
                    }
                } catch {
                    switch error {
                    case .output(let failure): throw failure
                    case .produce(let failure): throw failure
                    }
                }
            }
        }
    }
}
