import ArgumentParser
import Planner

extension PlannerCommand {
    struct Verify: PlannerSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-check a rotation, succession or term plan against its scenario, independently of the solver.",
            discussion: """
                Checks every hard rule, and recomputes from the scenario and the plan alone every number the plan states: \
                the lists, the objective and its breakdown, each soft-rule shortfall, every figure, the bound and the gap. \
                A plan made from another version of the scenario file fails unless --scenario-changed says so. A status \
                without a plan ("infeasible") and a stated bound are claims about the optimum that only solving can check: \
                --resolve solves the scenario again and checks them. Exit code 1 when anything fails.
                """)

        @OptionGroup var scenario: ScenarioArgument

        @Argument(help: "The plan file (JSON, as written by `planner solve`, `planner succession` or `planner term`, with --format json).")
        var plan: String

        @Flag(
            name: .customLong("scenario-changed"),
            help: "The scenario file changed on purpose since the plan was made: a different hash is a warning, not a failure.")
        var scenarioChanged = false

        @Flag(help: "Solve the scenario again to check the plan's status (\"infeasible\", \"optimal\") and its stated bound.")
        var resolve = false

        @OptionGroup var solver: SolverOptions

        static let violationsShown = 500

        func execute() throws {
            let loaded = try loadScenario(scenario.path)
            let document = try PlanDocument.load(path: plan)
            var result: Verification
            let status: PlanStatus
            var statusWords: String?
            var unchecked: String?
            var resolvedNote: String?
            switch document {
            case .rotation(let rotation):
                // The checker's own gap, 0 unless --gap says otherwise, however generous the one
                // the plan records (a review's plan recorded 0.2 and was called optimal).
                var options = PlanVerifier.Options(scenarioChanged: scenarioChanged, largestGapForOptimal: solver.relativeGap)
                let gapForOptimal = PlanVerifier.gapForOptimal(rotation.producedBy, options: options)
                var extra: [Violation] = []
                if resolve {
                    Interrupts.installForSearch(then: "the plan's claims are left unconfirmed")
                    let recheck = try Planner.recheck(
                        rotation, in: loaded.scenario, sha256: loaded.sha256, options: solver.plannerOptions, gapForOptimal: gapForOptimal)
                    // Solving checked the status: its findings, if any, are in the recheck's violations.
                    options.statusConfirmedBySolving = true
                    extra = recheck.violations
                    resolvedNote = Self.solvedAgain(recheck.resolved.status, objective: recheck.resolved.objective)
                }
                result = PlanVerifier.verify(rotation, against: loaded.scenario, scenarioSHA256: loaded.sha256, options: options)
                result.violations += extra
                status = rotation.status
                if status == .optimal, gapForOptimal > 0 {
                    statusWords = "optimal within a relative gap of \(PlanReport.number(gapForOptimal))"
                }
                // What only solving can check is said to be a claim, not passed over in silence.
                if !resolve, status == .optimal {
                    unchecked = "that no better plan exists is the plan's claim: --resolve solves again to check it"
                }
            case .succession(let succession):
                let options = PlanVerifier.Options(scenarioChanged: scenarioChanged, largestGapForOptimal: solver.relativeGap)
                result = SuccessionVerifier.verify(
                    succession, against: loaded.scenario, scenarioSHA256: loaded.sha256, options: options)
                status = succession.status
                if resolve {
                    Interrupts.installForSearch(then: "the plan's claims are left unconfirmed")
                    let recheck = try Planner.recheck(
                        succession, loaded: loaded, options: solver.plannerOptions,
                        gapForOptimal: PlanVerifier.gapForOptimal(succession.producedBy, options: options))
                    result.violations += recheck.violations
                    resolvedNote = Self.solvedAgain(recheck.resolved.status, objective: recheck.resolved.objective)
                } else if status == .optimal {
                    unchecked = "that no better slates exist is the plan's claim: --resolve solves again to check it"
                }
                if !resolve, succession.round == "solved", !succession.excludedAsAppointed.isEmpty {
                    let claim =
                        "whom the round appoints (excludedAsAppointed, \(succession.excludedAsAppointed.count) left off every slate) is the plan's claim: --resolve solves the round again to check it"
                    unchecked = unchecked.map { $0 + "; " + claim } ?? claim
                }
            case .term(let term):
                var options = PlanVerifier.Options(scenarioChanged: scenarioChanged, largestGapForOptimal: solver.relativeGap)
                var extra: [Violation] = []
                status = term.status
                if resolve {
                    // Each round again, and its slates, on the office as the verifier carries it
                    // forward; its findings stand for the statuses the rounds claim.
                    Interrupts.installForSearch(then: "the plan's claims are left unconfirmed")
                    let recheck = try Planner.recheck(
                        term, against: loaded.scenario, sha256: loaded.sha256, options: solver.plannerOptions, verifierOptions: options)
                    extra = recheck.violations
                    options.statusConfirmedBySolving = true
                    resolvedNote = recheck.notes.joined(separator: "; ")
                } else if status == .optimal {
                    unchecked =
                        term.method == TermPlan.joint
                        ? "that no term does better is the term's claim: --resolve solves the term again to check it"
                        : "that no round has a better plan is each round's claim: --resolve solves every round again to check it"
                }
                result = TermVerifier.verify(term, against: loaded.scenario, scenarioSHA256: loaded.sha256, options: options)
                result.violations += extra
                let planned = term.rounds.count { $0.plan.status.hasPlan }
                let method = term.method == TermPlan.joint ? "planned together" : "round by round"
                statusWords = "\(status.rawValue), \(method) (\(planned) of \(term.settings.rounds.count) rounds planned)"
            }
            for warning in result.warnings { Console.error("\(plan): warning: \(warning)") }
            warnOfUnknownKeys(in: plan, of: document)
            // A re-solve stopped by a signal confirms nothing: said so, with 130 or 143.
            if let stopped = Interrupts.exitCodeIfStopped() {
                Console.error("\(plan): not verified: the re-solve was stopped before it could check the plan's claims")
                throw stopped
            }
            guard result.isValid else {
                var text = "\(plan): \(result.violations.count) violation\(result.violations.count == 1 ? "" : "s"):\n"
                // Each violation on its line: what it quotes of the plan file, which no reader
                // checked, shows a NUL, a bidirectional override or a line break as its code.
                // At most the first 500: a plan file of 900,000 doubled entries printed as many
                // lines, which no one reads (the count above says how many there are).
                let shown = result.violations.prefix(Self.violationsShown)
                text += shown.map { "  \(TextSafety.visible("\($0)", keepingLineBreaks: false))\n" }.joined()
                if result.violations.count > shown.count {
                    text += "  … and \(result.violations.count - shown.count) more\n"
                }
                if let resolvedNote { text += "  (\(resolvedNote))\n" }
                Console.output(TextSafety.visible(text))
                throw Exit.verificationFailed
            }
            var text = "\(plan): ok: status \(statusWords ?? status.rawValue)"
            if let objective = result.objective {
                text += "; every hard rule holds; objective recomputed as \(PlanReport.number(objective))"
                if !result.penalties.isEmpty {
                    text += "; \(result.penalties.count) soft-rule shortfall\(result.penalties.count == 1 ? "" : "s") priced in"
                }
            }
            if let resolvedNote { text += "; \(resolvedNote)" }
            if let unchecked { text += "; \(unchecked)" }
            Console.output(text + "\n")
        }

        /// What solving again gave, as the verdict's note says it.
        static func solvedAgain(_ status: PlanStatus, objective: Double?) -> String {
            "solved again: " + status.sentence + (objective.map { ", objective \(PlanReport.number($0))" } ?? "")
        }
    }
}

/// Warns of the keys in plan file `path` that no field of `document` reads (a misspelt
/// `assignments`, a `cadree` in one entry), with their places: `verify` and `refresh` read
/// only what they know, and what they pass over would otherwise go unsaid.
func warnOfUnknownKeys(in path: String, of document: PlanDocument) {
    let unknown = PlanDocument.unknownKeys(inFile: path, of: document)
    guard !unknown.isEmpty else { return }
    let shown = unknown.prefix(10).joined(separator: ", ") + (unknown.count > 10 ? " and \(unknown.count - 10) more" : "")
    Console.error(
        TextSafety.visible(
            "\(path): warning: \(unknown.count == 1 ? "a key" : "\(unknown.count) keys") no field of the plan reads, ignored: \(shown)",
            keepingLineBreaks: false))
}
