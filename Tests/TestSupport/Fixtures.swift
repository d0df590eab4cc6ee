import Foundation
import Planner

/// Small scenarios written in code, as worked examples, and helpers that solve them with the
/// real GLPK and put every plan through the independent verifier.
public enum Fixtures {
    /// `allOff` with the rules a test is about switched on by `change`.
    public static func policy(_ change: (inout Policy) -> Void) -> Policy {
        var policy = allOff
        change(&policy)
        return policy
    }

    /// A policy with every rule off, so that a test switches on only the rule it is about.
    public static var allOff: Policy {
        var policy = Policy()
        for rule in Policy.rules { rule.setMode(.off, in: &policy) }
        return policy
    }

    /// Objective weights where only the rating counts (10 points per 100), so a person can
    /// add up a plan's fit in their head.
    public static var ratingOnly: ObjectiveWeights {
        var weights = ObjectiveWeights()
        weights.fieldMatch = 0
        weights.continuity = 0
        weights.movePrice = 0
        weights.vacancyPrice = 0
        return weights
    }

    public static let localities = [
        Locality(id: "city", name: "City"),
        Locality(id: "north", name: "North", within: "city"),
        Locality(id: "south", name: "South", within: "city"),
    ]

    /// One grassroots unit in the north with the given posts.
    public static func scenario(
        positions: [Position], cadres: [Cadre], policy: Policy = allOff, objective: ObjectiveWeights = ratingOnly,
        units: [OrgUnit] = [OrgUnit(id: "U1", name: "Unit one", locality: "north", grassroots: true)],
        pinned: [AssignmentPair] = [], forbidden: [AssignmentPair] = []
    ) -> Scenario {
        Scenario(
            name: "test", planningYear: 2026, localities: localities, units: units, positions: positions, cadres: cadres,
            pinned: pinned, forbidden: forbidden, policy: policy, objective: objective)
    }

    /// A round without a plan, for diagnoses: the youth rule asks the team of two posts for
    /// someone under 42, and both posts ask a rating of 70 that the one young cadre (60) lacks.
    public static var youthAgainstRating: Scenario {
        scenario(
            positions: [
                post("P1", requirements: Requirements(minRating: 70)),
                post("P2", title: "chair", requirements: Requirements(minRating: 70)),
            ],
            cadres: [cadre("O1", rating: 80), cadre("O2", rating: 85), cadre("Y", rating: 60, age: 35)],
            policy: policy {
                $0.youth.mode = .hard
                $0.minRating.mode = .hard
            })
    }

    public static func post(
        _ id: String, title: String = "vice-chair", unit: String = "U1", incumbent: String? = nil,
        requirements: Requirements = Requirements(), mustFill: Bool = false, weight: Double = 1
    ) -> Position {
        Position(id: id, unit: unit, title: title, requirements: requirements, incumbent: incumbent, mustFill: mustFill, weight: weight)
    }

    public static func cadre(
        _ id: String, rating: Double, age: Int = 45, gender: Gender = .male, home: String = "south",
        education: EducationLevel = .master, fields: [String] = [], yearsInPost: Int = 0,
        plannedFor: [String] = [], locked: Bool = false, relatives: [String] = []
    ) -> Cadre {
        Cadre(
            id: id, name: "Person \(id)", gender: gender, birthYear: 2026 - age, homeLocality: home, education: education,
            fields: fields, rating: rating, yearsInPost: yearsInPost, plannedFor: plannedFor, locked: locked, relatives: relatives)
    }

    public struct VerificationFailure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Throws unless the verifier found every hard rule kept and, for a plan, recomputed the
    /// objective it states.
    static func requireVerified(_ check: Verification, hasPlan: Bool, objective stated: Double?) throws {
        guard check.isValid else {
            throw VerificationFailure(description: check.violations.map(\.description).joined(separator: "; "))
        }
        if hasPlan, let stated, let recomputed = check.objective, abs(stated - recomputed) > 1e-6 {
            throw VerificationFailure(description: "objective \(stated) but recomputed \(recomputed)")
        }
    }

    /// Solves with GLPK and re-checks the plan with the independent verifier: hard rules hold,
    /// and the objective recomputed from the scenario equals the plan's.
    public static func solve(_ scenario: Scenario, options: Planner.Options = Planner.Options()) throws -> Plan {
        let plan = try Planner.solve(scenario, sha256: "test", options: options)
        let check = PlanVerifier.verify(plan, against: scenario, options: PlanVerifier.Options(statusConfirmedBySolving: true))
        try requireVerified(check, hasPlan: plan.status.hasPlan, objective: plan.objective)
        return plan
    }

    /// The rotation rules off (`allOff`) and succession rules that a person can follow by hand:
    /// readiness is the rating (every other part weighs 0), places on a slate and extra slates
    /// are worth nothing, the shares are off; slates of 1 to 3, at most 3 slates per cadre,
    /// a full term of 5 years.
    public static var successionByRating: Policy {
        var policy = allOff
        var succession = SuccessionPolicy()
        succession.readiness.rating = 1
        succession.readiness.experience = 0
        succession.readiness.fields = 0
        succession.readiness.service = 0
        succession.readiness.sameUnit = 0
        succession.readiness.slotValues = [0]
        succession.readiness.extraSlatePrice = 0
        succession.women.mode = .off
        succession.young.mode = .off
        policy.succession = succession
        return policy
    }

    /// Solves the succession plan with GLPK and re-checks it with the independent verifier:
    /// every rule holds, and the objective recomputed from the scenario equals the plan's.
    public static func succession(
        _ scenario: Scenario, options: Planner.Options = Planner.Options(),
        round: (appointed: Set<String>, source: String)? = nil
    ) throws -> SuccessionPlan {
        let plan = try Planner.succession(scenario, sha256: "test", options: options, round: round)
        let check = SuccessionVerifier.verify(plan, against: scenario)
        try requireVerified(check, hasPlan: plan.status.hasPlan, objective: plan.objective)
        return plan
    }

    /// Key post id → the slate's cadre ids in rank order, for assertions that read like the plan.
    public static func slates(_ plan: SuccessionPlan) -> [String: [String]] {
        Dictionary(plan.slates.map { ($0.position, $0.candidates.map(\.cadre)) }, uniquingKeysWith: { a, _ in a })
    }

    /// Position id → holder id, or "vacant", for assertions that read like the plan.
    public static func holders(_ plan: Plan) -> [String: String] {
        Dictionary(plan.assignments.map { ($0.position, $0.cadre ?? "vacant") }, uniquingKeysWith: { a, _ in a })
    }

    /// Who holds a post after the round, in any post.
    public static func holderSet(_ plan: Plan) -> Set<String> { Set(plan.assignments.compactMap(\.cadre)) }

    // MARK: The built binary

    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The `planner` executable built beside the test bundle (swift test builds it: the
    /// end-to-end test target depends on it).
    public static var plannerBinary: URL {
        if let override = ProcessInfo.processInfo.environment["PLANNER_BINARY"] { return URL(fileURLWithPath: override) }
        let beside = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("planner")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("planner")
        if FileManager.default.isExecutableFile(atPath: executable.path) { return executable }
        return packageRoot.appendingPathComponent(".build/debug/planner")
    }

    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var stdoutData: Data
    }

    /// Runs the built `planner` with `arguments`, in the package root. Its language is English
    /// whatever the locale of the machine running the tests (a developer's `LANG=vi_VN` would
    /// otherwise turn every table Vietnamese); `locale` sets LC_ALL, LC_MESSAGES and LANG instead.
    public static func run(_ arguments: [String], locale: [String: String] = ["LC_ALL": "C.UTF-8"]) throws -> Run {
        let process = Process()
        process.executableURL = plannerBinary
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        var environment = ProcessInfo.processInfo.environment
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] { environment[key] = locale[key] }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
    }

    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("planner-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The tutorial round with each (text, replacement) applied, written to `name` in `folder`:
    /// how a test makes a file a user might have typed. Returns its path.
    public static func tutorial(in folder: URL, named name: String, replacing edits: [(String, String)]) throws -> String {
        var text = try String(contentsOf: packageRoot.appendingPathComponent("Scenarios/tutorial.json"), encoding: .utf8)
        for (old, new) in edits { text = text.replacingOccurrences(of: old, with: new) }
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A JSON document from a file without its `timing` member, keys sorted: what two runs on
    /// the same input must agree on byte for byte.
    public static func jsonWithoutTiming(_ path: String) throws -> Data {
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        object["timing"] = nil
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    /// A report without its last line, which holds wall times (golden-file comparisons).
    public static func withoutTiming(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("Solved by") }.joined(separator: "\n")
    }
}

/// A small seeded generator (a linear congruential one) for the random rounds the brute-force
/// tests build: the same seed gives the same round on every machine.
public struct SeededRandom {
    var state: UInt64

    public init(seed: UInt64, salt: UInt64) { state = seed &* 2_654_435_761 &+ salt }

    public mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }

    public mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    /// A rule mode: hard, soft at `price`, or off.
    public mutating func mode(_ price: Double) -> RuleMode { [RuleMode.hard, .soft(price: price), .off][int(3)] }
}
