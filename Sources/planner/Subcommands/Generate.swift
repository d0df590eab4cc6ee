import ArgumentParser
import Planner

extension PlannerCommand {
    struct Generate: PlannerSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a realistic, seeded rotation round (the shipped city round and the benchmark ladder come from here).",
            discussion: """
                Sizes, smallest first: tutorial (12 posts), small (64), city (606), communes (about 3,300), \
                region (about 16,500), stress (about 49,500); docs/scenario-format.md describes them. Every \
                generated round has a plan that keeps every hard rule of the default policy; --witness writes \
                it, and `planner verify ROUND WITNESS` checks it.
                """)

        @Option(help: "Size: \(ScenarioGenerator.Size.allCases.map(\.rawValue).joined(separator: ", ")).")
        var size: ScenarioGenerator.Size = .city

        @Option(help: "Seed; the same seed gives the same file, byte for byte.")
        var seed: UInt64 = 1

        @Option(name: [.short, .customLong("output")], help: "Write to this file instead of stdout.")
        var output: String?

        @Option(help: "Also write the plan that shows the round is feasible (JSON, as solve writes plans).")
        var witness: String?

        func execute() throws {
            try checkOutputs([output, witness], inputs: [])
            let round = ScenarioGenerator.round(size: size, seed: seed)
            let data = ScenarioWriter.encode(round.scenario)
            if let witness {
                // In the order a reader of the file sees the round (`ScenarioReader` orders it
                // canonically), so that the witness's lists are those `solve` would write.
                let scenario = round.scenario.canonicallyOrdered()
                guard let plan = Planner.plan(holding: round.witness, in: scenario, sha256: SHA256.hex(data)) else {
                    Console.error(
                        "internal error: the generator's witness plan breaks a hard rule; please report this with the size and seed")
                    throw Exit.software
                }
                try emit(PlanFile.encode(plan), to: witness)
            }
            try emit(data, to: output)
        }
    }
}

extension ScenarioGenerator.Size: ExpressibleByArgument {}
