import Foundation
import Planner

// libFuzzer's entry point. The same bytes go to:
//  1. the scenario reader, `ScenarioReader.read(data:file:)`. A document with a top-level
//     `variantOf` is a variant: the reader resolves its base relative to `file`, which names a
//     file in the base folder (`base/` beside this package, or $PLANNER_FUZZ_BASE), where
//     `tutorial.json` is the base the seed variants name;
//  2. when it reads without errors: the rotation model (`RotationModelBuilder.build`, as
//     `Planner.buildModel` builds it), the diagnosis's all-elastic model, the succession network
//     and the succession model with people counted, each checked by `LinearModel.problems()`,
//     the check run before GLPK sees a model. GLPK itself is never called;
//  3. the plan-file readers `PlanFile.decode` and `SuccessionFile.decode`.
//
// A trap anywhere (runtime error, index out of range, overflow, force unwrap) is a finding, and
// so is a scenario that reads without errors but whose model `problems()` rejects: the solver
// would refuse it with "invalid model", so the harness stops with `fatalError` and the problems.

/// The folder a variant's base is looked up in.
let baseFolder: String = {
    if let folder = ProcessInfo.processInfo.environment["PLANNER_FUZZ_BASE"], !folder.isEmpty { return folder }
    // bench/fuzz/Sources/PlannerFuzz/Harness.swift → bench/fuzz/base
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("base").path
}()

/// With PLANNER_FUZZ_VERBOSE=1, each input's outcome is printed to standard error (for
/// reproducing a finding or checking the seeds; never while fuzzing: it slows every run).
let verbose = ProcessInfo.processInfo.environment["PLANNER_FUZZ_VERBOSE"] == "1"

func say(_ line: @autoclosure () -> String) {
    if verbose { FileHandle.standardError.write(Data(("planner-fuzz: " + line() + "\n").utf8)) }
}

/// The name the input goes by: a file in the base folder (it need not exist).
let inputName = baseFolder + "/fuzz-input.json"

func check(_ model: LinearModel, _ what: String, bytes: Int) {
    let problems = model.problems()
    say("\(what): \(model.columns.count) columns, \(model.rows.count) rows, \(problems.count) problems")
    guard problems.isEmpty else {
        fatalError(
            "\(what) of a scenario that reads without errors fails LinearModel.problems() (\(bytes) bytes of input): "
                + problems.prefix(10).joined(separator: "; "))
    }
}

func fuzzOne(_ data: Data) {
    let read: Result<ScenarioReader.Result, ScenarioError> = Result { () throws(ScenarioError) in
        try ScenarioReader.read(data: data, file: inputName)
    }
    if case .failure(let error) = read { say("scenario: \(String(describing: error).prefix(300))") }
    if case .success(let result) = read {
        let scenario = result.scenario
        say("scenario: \(scenario.positions.count) positions, \(scenario.cadres.count) cadres, \(result.warnings.count) warnings")

        let rotation = RotationModelBuilder.build(scenario)
        check(rotation.model, "the rotation model", bytes: data.count)

        // As `planner diagnose` builds it: every hard rule instance elastic.
        let span = RotationModel.objectiveSpan(for: scenario)
        let elastic = RotationModelBuilder.build(
            scenario,
            relaxation: RuleRelaxation(
                treatment: { _ in .elastic }, elasticPairsPerPost: 8, elasticPrice: 2 * span))
        check(elastic.model, "the all-elastic (diagnosis) model", bytes: data.count)

        let candidates = SuccessionCandidates(scenario)
        let network = SuccessionModel.build(candidates)
        check(network.model, "the succession network", bytes: data.count)
        // With people counted, and the x ≤ y row written for each post's first three pairs.
        var strengthening = Set<[Int]>()
        for (k, columns) in network.pairColumns.enumerated() {
            for i in columns.indices.prefix(3) { strengthening.insert([k, i]) }
        }
        let counted = SuccessionModel.build(candidates, countingPeople: true, strengthening: strengthening)
        check(counted.model, "the succession model with people counted", bytes: data.count)
    }
    do {
        let plan = try PlanFile.decode(data, file: inputName)
        say("plan: \(plan.assignments.count) assignments")
    } catch {
        say("plan: \(error.errorDescription ?? "")")
    }
    do {
        let plan = try SuccessionFile.decode(data, file: inputName)
        say("succession plan: \(plan.slates.count) slates")
    } catch {
        say("succession plan: \(error.errorDescription ?? "")")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = count > 0 && bytes != nil ? Data(bytes: bytes!, count: count) : Data()
    fuzzOne(data)
    return 0
}
