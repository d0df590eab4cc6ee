import Foundation

/// A scenario put together from parts that are not one JSON file: an office's roster gives the
/// entities (units, posts, cadres, localities, pins), a small JSON file beside it the settings
/// (name, planning year, policy, objective, vocabulary). Both pass the same checks as a scenario
/// file; problems come back split by where they are to be fixed.
extension ScenarioReader {
    /// The keys a settings file may hold: the scenario format's, but for the entities.
    public static let settingsKeys = ["$schema", "description", "name", "planningYear", "policy", "objective", "vocabulary"]

    public struct Assembled: Sendable {
        /// The round, when it has no problem.
        public var result: Result?
        /// Problems in the entities, with paths such as `positions[3].unit` into the order
        /// `entities` listed them (no line: the entities were not read from JSON).
        public var entityProblems: [ScenarioProblem] = []
        /// Problems in the settings file, with its lines.
        public var settingsProblems: [ScenarioProblem] = []
    }

    /// Checks `entities` with the settings read from `settings` (JSON named `settingsFile` in
    /// errors) in place of its own. The result's hash is that of the scenario written
    /// canonically: the same roster and settings give the same hash, byte for byte.
    public static func assemble(entities: Scenario, settings: Data?, settingsFile: String) throws(ScenarioError) -> Assembled {
        var tree = try parse(ScenarioWriter.encode(entities), file: "roster")
        var assembled = Assembled()
        if let settings {
            let settingsTree = try parse(settings, file: settingsFile)
            guard case .object(let members) = settingsTree.value else {
                throw .invalid(
                    file: settingsFile,
                    problems: [
                        ScenarioProblem(
                            path: "", location: settingsTree.location, entity: nil, message: "expected an object of the round's settings")
                    ])
            }
            guard case .object(var rootMembers) = tree.value else { return assembled }
            for member in members {
                guard settingsKeys.contains(member.key) else {
                    var message =
                        "\"\(member.key)\" is not a setting: a settings file holds " + settingsKeys.dropFirst().joined(separator: ", ")
                        + "; the units, posts and cadres come from the roster's tables"
                    if let suggestion = KeySuggestion.nearest(to: member.key, among: settingsKeys) {
                        message += "; did you mean \"\(suggestion)\"?"
                    }
                    assembled.settingsProblems.append(
                        ScenarioProblem(path: member.key, location: member.keyLocation, entity: nil, message: message))
                    continue
                }
                if let index = rootMembers.firstIndex(where: { $0.key == member.key }) {
                    rootMembers[index] = member
                } else {
                    rootMembers.append(member)
                }
            }
            tree.value = .object(rootMembers)
        }
        var reading = Reading()
        let scenario = reading.scenario(tree)
        for found in reading.problems {
            let top = String(found.path.prefix { $0 != "." && $0 != "[" })
            if settings != nil, settingsKeys.contains(top) {
                assembled.settingsProblems.append(found)
            } else {
                assembled.entityProblems.append(
                    ScenarioProblem(path: found.path, location: nil, entity: found.entity, message: found.message))
            }
        }
        guard let scenario, assembled.entityProblems.isEmpty, assembled.settingsProblems.isEmpty else { return assembled }
        let ordered = scenario.canonicallyOrdered()
        // What reading warns of is in the settings file (the policy), whose lines are not the roster's.
        let settingsWarnings = reading.warningsInFileOrder.map {
            ScenarioProblem(path: $0.path, location: nil, entity: $0.entity, message: $0.message + " (in the settings file)")
        }
        assembled.result = Result(
            scenario: ordered, warnings: settingsWarnings + ScenarioWarnings.find(in: scenario),
            sha256: SHA256.hex(ScenarioWriter.encode(ordered)), files: [])
        return assembled
    }
}

extension ScenarioReader {
    /// What a roster needs from its settings file before its tables are read: the planning year
    /// (ages are counted from it) and the round's own words (cells are read through them). Nil
    /// where the file does not say or cannot be read; `assemble` reports its problems.
    public static func peekSettings(_ data: Data) -> (planningYear: Int?, vocabulary: Vocabulary?) {
        guard let tree = try? parse(data, file: "settings"), case .object(let members) = tree.value else { return (nil, nil) }
        var year: Int?
        if let node = members.first(where: { $0.key == "planningYear" })?.node, case .number(_, let value) = node.value,
            value.isFinite, value == value.rounded(), abs(value) < 10_000
        {
            year = Int(value)
        }
        var reading = Reading()
        let vocabulary = members.first(where: { $0.key == "vocabulary" }).flatMap { reading.vocabulary($0.node) }
        return (year, vocabulary)
    }
}
