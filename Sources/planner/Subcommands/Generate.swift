import ArgumentParser
import Planner

extension PlannerCommand {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a realistic, seeded rotation round (the shipped city round comes from here).")

        @Option(help: "Size: \(ScenarioGenerator.Size.allCases.map(\.rawValue).joined(separator: ", ")).")
        var size: ScenarioGenerator.Size = .city

        @Option(help: "Seed; the same seed gives the same file, byte for byte.")
        var seed: UInt64 = 1

        @Option(name: [.short, .customLong("output")], help: "Write to this file instead of stdout.")
        var output: String?

        func run() throws {
            let scenario = ScenarioGenerator.generate(size: size, seed: seed)
            try emit(ScenarioWriter.encode(scenario), to: output)
        }
    }
}

extension ScenarioGenerator.Size: ExpressibleByArgument {}
