import Foundation
@_exported import PlannerCore
import PlannerGLPK
@_exported import PlannerGenerator
@_exported import PlannerModel
@_exported import PlannerRoster
@_exported import PlannerVerify

/// What a Swift caller uses: everything the `planner` command does, as functions.
public enum Planner {
    public static let version = "0.1.0"

    /// Time limit, relative gap and progress log: the solver's own options, passed through.
    public typealias Options = SolveOptions

    /// A scenario read from a file, with the hash of the file's bytes.
    public struct LoadedScenario: Sendable {
        public var scenario: Scenario
        public var warnings: [ScenarioProblem]
        public var sha256: String
        public var file: String
        /// The file and, for a variant, every base it rests on.
        public var files: [String] = []
    }

    /// Reads a scenario file, or an office's roster (a workbook or a folder of CSV files, with
    /// its settings file; docs/roster-format.md).
    public static func load(
        _ path: String, rosterSettings: String? = nil, rosterColumns: String? = nil
    ) throws(ScenarioError)
        -> LoadedScenario
    {
        registerRosterBases()
        let result =
            try RosterReader.isRoster(path)
            ? RosterReader.load(path: path, settingsPath: rosterSettings, columnNamesPath: rosterColumns) : ScenarioReader.load(path: path)
        return LoadedScenario(scenario: result.scenario, warnings: result.warnings, sha256: result.sha256, file: path, files: result.files)
    }

    /// Lets a variant's base or a swept file be a roster (`RosterBases`).
    static func registerRosterBases() {
        RosterBases.register(
            isRoster: { RosterReader.isRoster($0) },
            read: { path throws(ScenarioError) in ScenarioWriter.encode(try RosterReader.load(path: path).scenario) })
    }

    public static func buildModel(_ scenario: Scenario) -> RotationModel {
        RotationModelBuilder.build(scenario)
    }

    /// Builds the model, solves it, reads the solution back as a plan, and has the independent
    /// verifier re-check it before returning. A plan that fails verification is never returned.
    public static func solve(
        _ scenario: Scenario, sha256: String, options: Options = Options(), startingFrom startPlan: Plan? = nil,
        solver: any MIPSolver = GLPKSolver()
    ) throws(PlannerError) -> Plan {
        var unused: (any WarmModel)?
        return try solve(scenario, sha256: sha256, options: options, startingFrom: startPlan, solver: solver, keeping: false, kept: &unused)
    }

    /// As `solve`; when `keeping`, `kept` comes back with the solver's proven model kept alive
    /// for warm re-solves (`WarmModel`), or nil where the round was not solved as one model
    /// (by parts, or evidently infeasible) or the solver cannot keep it. `built`: the round's
    /// model when the caller has built it already (an explanation keeps it for its contrasts).
    static func solve(
        _ scenario: Scenario, sha256: String, options: Options, startingFrom startPlan: Plan? = nil, solver: any MIPSolver,
        keeping: Bool, kept: inout (any WarmModel)?, built: RotationModel? = nil
    ) throws(PlannerError) -> Plan {
        kept = nil
        let buildStart = Date()
        if let plan = evidentlyInfeasible(scenario, sha256: sha256, options: options, solver: solver, since: buildStart) { return plan }
        let rotation = built ?? buildModel(scenario)
        let askedTimeLimit = options.timeLimit
        var options = options
        // Reading the file and building the model spend the limit too: it counts from the
        // command's start when the caller gives it (`clockStart`), else from this call.
        if let limit = options.timeLimit { options.timeLimit = max(0, limit - Date().timeIntervalSince(options.clockStart ?? buildStart)) }
        if let startPlan, options.start == nil { options.start = warmStart(from: startPlan, for: rotation) }
        let solveStart = Date()
        var result: MIPResult
        var parts: Int?
        if options.start == nil,
            let parted = try solveByParts(scenario, rotation: rotation, options: options, solver: solver, since: solveStart)
        {
            parts = parted.parts
            // The limit spent on the parts: their plan and bound are the answer. The whole round
            // would only be loaded into GLPK to stop at once (on a region round, 1.5 s past a
            // limit of 10 s, a review found).
            let limitSpent = options.timeLimit.map { Date().timeIntervalSince(solveStart) >= $0 } ?? false
            if parted.result.status == .optimal || SolveInterruption.isRequested || limitSpent {
                result = parted.result
            } else {
                // Not proven within the gap asked for: the whole round, from the parts' plan.
                options.start = parted.result.values
                if let limit = options.timeLimit { options.timeLimit = max(0, limit - Date().timeIntervalSince(solveStart)) }
                result = try solveModel(rotation, options: &options, solver: solver)
                // Both bounds hold for the whole model; keep the better plan and the lesser bound.
                if !result.status.hasSolution || (result.objective ?? -.infinity) < (parted.result.objective ?? -.infinity) {
                    var kept = parted.result
                    kept.statistics.nodes += result.statistics.nodes
                    result = kept
                }
                if let partsBound = parted.result.bound { result.bound = min(result.bound ?? partsBound, partsBound) }
            }
        } else {
            // The stated order's stages run on the solver's problem, from its proof's basis.
            if options.preferAmongEquals { options.objectiveStages = PreferenceOrder.stages(rotation) }
            (result, kept) = try solveModel(rotation, options: &options, solver: solver, keeping: keeping)
        }
        var preference: PreferenceRecord?
        var preferenceSeconds: Double?
        if options.preferAmongEquals, result.status == .optimal, !SolveInterruption.isRequested {
            let preferenceStart = Date()
            (result, preference) = try PreferenceOrder.prefer(
                result, rotation: rotation, options: options, solver: solver, since: solveStart)
            // Run inside the solve (`objectiveStages`): their own seconds, not this call's.
            preferenceSeconds = result.stages.map { $0.reduce(0) { $0 + $1.seconds } } ?? Date().timeIntervalSince(preferenceStart)
        }
        let identity = ScenarioIdentity(name: scenario.name, planningYear: scenario.planningYear, sha256: sha256)
        let provenance = Provenance(
            planner: version, solver: solver.name, solverVersion: solver.version,
            parameters: SolveParameters(
                timeLimit: askedTimeLimit, relativeGap: options.relativeGap, method: GLPKSolver.method,
                candidatesPerPost: options.pricingCore == nil ? 0 : options.candidatesPerPost))
        let stoppedBy = stopCause(result)
        var plan = Plan(scenario: identity, producedBy: provenance, status: planStatus(result.status))
        if stoppedBy != nil, !result.status.hasSolution, result.status != .infeasible { plan.status = .stopped }
        if let values = result.solution?.values {
            let solution = rotation.solution(from: values)
            plan = PlanAssembly.plan(
                identity: identity, provenance: provenance, status: plan.status, facts: rotation.facts, solution: solution)
            (plan.bound, plan.gap) = statedBound(result, objective: plan.objective, relativeGap: options.relativeGap)
        }
        plan.stoppedBy = stoppedBy
        if plan.status == .infeasible { plan.infeasibility = infeasibilityRecord(result.statistics.infeasibilityProof) }
        // A status without a plan is what this solve found: the claim is confirmed by solving.
        let verification = PlanVerifier.verify(
            plan, against: scenario, scenarioSHA256: sha256,
            options: PlanVerifier.Options(statusConfirmedBySolving: true))
        guard verification.isValid else { throw .verificationFailed(verification.violations) }
        let model = rotation.model
        plan.search = SearchRecord(model: model, statistics: result.statistics)
        plan.search?.parts = parts
        plan.preference = preference
        plan.timing = Timing(
            buildSeconds: solveStart.timeIntervalSince(buildStart), solveSeconds: Date().timeIntervalSince(solveStart),
            lpSeconds: result.statistics.lpSeconds)
        plan.timing?.preferenceSeconds = preferenceSeconds
        return plan
    }

    /// Solves a rotation model as `solve` does: each post's best candidates first and the rest
    /// priced in, the plan where every incumbent stays (completed by the rounding heuristic) as
    /// the start unless one is given, the rounding at GLPK's nodes. `options` comes back with
    /// what was chosen (the plan records the pricing).
    static func solveModel(_ rotation: RotationModel, options: inout Options, solver: any MIPSolver) throws(PlannerError) -> MIPResult {
        try solveModel(rotation, options: &options, solver: solver, keeping: false).0
    }

    /// As `solveModel`, keeping the proven model alive when asked (`MIPSolver.solveKeeping`).
    static func solveModel(
        _ rotation: RotationModel, options: inout Options, solver: any MIPSolver, keeping: Bool
    ) throws(PlannerError) -> (MIPResult, (any WarmModel)?) {
        // Before the starting plan and the pricing core are made: on a round that propagation
        // shows infeasible they were most of the time left (mix 16 of `bench/mixes`).
        if options.propagateBounds, let infeasible = BoundPropagation.infeasibility(of: rotation.model, log: options.log) {
            return (infeasible, nil)
        }
        prepare(rotation, options: &options)
        var solverOptions = options
        solverOptions.propagateBounds = false  // done above
        do {
            return keeping
                ? try solver.solveKeeping(rotation.model, options: solverOptions)
                : (try solver.solve(rotation.model, options: solverOptions), nil)
        } catch {
            throw .solver(error)
        }
    }

    /// What `solveModel` gives a solve of the rotation model: the pricing core, the plan where
    /// everyone stays as the start unless one is given, the rounding at the search's nodes.
    /// `rounding`: the model's rounding when the caller has it already (`RotationRounding.rebased`).
    static func prepare(_ rotation: RotationModel, options: inout Options, rounding given: RotationRounding? = nil) {
        let rounding = given ?? RotationRounding(rotation)
        if options.pricingCore == nil, options.candidatesPerPost > 0 {
            options.pricingCore = rotation.pricingCore(perPosition: options.candidatesPerPost)
        }
        // A plan in hand from the start: its columns make the restricted model feasible.
        if options.start == nil {
            options.start = rotation.stayPlan(rounding)
            options.log?(
                "planner: starting plan (every incumbent stays where allowed): "
                    + (options.start.map { String(rotation.model.objectiveValue($0)) } ?? "none"))
        }
        if options.heuristic == nil {
            options.heuristic = { relaxation in rounding(relaxation) }
        }
    }

    /// A warm start for `scenario` from a plan of it or of a neighbouring scenario (a sweep's
    /// previous value): the plan's holders where this model allows them, completed into a whole
    /// solution that keeps every hard rule; nil when that fails.
    public static func warmStart(from plan: Plan, for rotation: RotationModel, rounding: RotationRounding? = nil) -> [Double]? {
        let holders = Dictionary(plan.assignments.compactMap { a in a.cadre.map { (a.position, $0) } }, uniquingKeysWith: { a, _ in a })
        let values = indicator(of: holders, in: rotation).values
        return rounding.map { $0(values) } ?? rotation.rounded(values)
    }

    /// 1 on the assignment column of each (post, holder) pair the model has, 0 elsewhere, and how
    /// many of the pairs had a column.
    static func indicator(of holders: [String: String], in rotation: RotationModel) -> (values: [Double], found: Int) {
        let scenario = rotation.scenario
        var values = [Double](repeating: 0, count: rotation.model.columns.count)
        var found = 0
        for (index, meaning) in rotation.meanings.enumerated() {
            guard case .assign(let c, let p) = meaning, holders[scenario.positions[p].id] == scenario.cadres[c].id else { continue }
            values[index] = 1
            found += 1
        }
        return (values, found)
    }

    /// The plan in which exactly the given holders hold their posts (position id → cadre id;
    /// every other post vacant), completed with the releases, counts and shortfalls that
    /// follow, with its objective and figures; nil when no such plan keeps every hard rule.
    /// No solver runs: this is how a plan written by hand, or a generator's witness, is scored.
    public static func plan(holding holders: [String: String], in scenario: Scenario, sha256: String) -> Plan? {
        let rotation = buildModel(scenario)
        let wanted = indicator(of: holders, in: rotation)
        guard wanted.found == holders.count, let values = rotation.rounded(wanted.values) else { return nil }
        let solution = rotation.solution(from: values)
        // The rounding fills must-fill posts it finds empty; a hand-written plan is taken as written.
        guard solution.holder.enumerated().allSatisfy({ p, c in holders[scenario.positions[p].id] == c.map { scenario.cadres[$0].id } })
        else {
            return nil
        }
        let identity = ScenarioIdentity(name: scenario.name, planningYear: scenario.planningYear, sha256: sha256)
        let provenance = Provenance(
            planner: version, solver: "none (plan given)", solverVersion: "-",
            parameters: SolveParameters(timeLimit: nil, relativeGap: 0, method: "given"))
        return PlanAssembly.plan(identity: identity, provenance: provenance, status: .feasible, facts: rotation.facts, solution: solution)
    }

    /// The bound and gap a plan states: the solver's bound, against the objective recomputed
    /// exactly. A proof of optimality is stated as bound = objective; otherwise floating-point
    /// noise must never put the bound below the plan.
    static func statedBound(_ result: MIPResult, objective: Double?, relativeGap: Double) -> (Double?, Double?) {
        guard let bound = result.bound, let objective else { return (nil, nil) }
        if result.status == .optimal && relativeGap == 0 { return (objective, 0) }
        let stated = max(bound, objective)
        return (stated, max(0, stated - objective) / max(1, abs(objective)))
    }

    /// The plan for a round whose hard rules evidently conflict (`EvidentConflicts`): infeasible,
    /// proven by the conflicts themselves, without building or solving a model.
    static func evidentlyInfeasible(
        _ scenario: Scenario, sha256: String, options: Options, solver: any MIPSolver, since start: Date
    ) -> Plan? {
        let conflicts = EvidentConflicts.find(in: scenario)
        guard !conflicts.isEmpty else { return nil }
        options.log?("planner: \(conflicts.count) evident conflicts among the hard rules; no model is solved")
        let identity = ScenarioIdentity(name: scenario.name, planningYear: scenario.planningYear, sha256: sha256)
        let provenance = Provenance(
            planner: version, solver: solver.name, solverVersion: solver.version,
            parameters: SolveParameters(
                timeLimit: options.timeLimit, relativeGap: options.relativeGap, method: GLPKSolver.method,
                candidatesPerPost: options.pricingCore == nil ? 0 : options.candidatesPerPost))
        var plan = Plan(scenario: identity, producedBy: provenance, status: .infeasible)
        let describer = ConflictDescriber(scenario: scenario)
        plan.infeasibility = InfeasibilityProofRecord(
            method: .conflictingRules,
            text: conflicts.count == 1
                ? "the hard rules below cannot all hold; found from the scenario before solving"
                : "each of the \(conflicts.count) sets of hard rules below cannot all hold; found from the scenario before solving",
            conflicts: conflicts.map { $0.map(describer.describe) })
        plan.timing = Timing(buildSeconds: 0, solveSeconds: Date().timeIntervalSince(start), lpSeconds: 0)
        return plan
    }

    /// The words for what the solver says proves a round infeasible.
    static func infeasibilityRecord(_ proof: InfeasibilityProof?) -> InfeasibilityProofRecord? {
        switch proof {
        case .certificate(let value, let columns)?:
            return InfeasibilityProofRecord(
                method: .lpCertificate,
                text:
                    "row prices from the elastic LP show that no values of the model's \(columns) columns meet every row (checked over every column, value \(String(format: "%.4g", value)) < 0)",
                certificateValue: value)
        case .relaxation(let columns)?:
            return InfeasibilityProofRecord(method: .lpRelaxation, text: "the LP relaxation over all \(columns) columns has no solution")
        case .propagation(let row, let passes)?:
            return InfeasibilityProofRecord(
                method: .boundPropagation,
                text:
                    "propagating the columns' bounds through the model's rows (\(passes) \(passes == 1 ? "pass" : "passes")) leaves row \(row) with no values that meet it; no LP was needed",
                row: row)
        case .search(let nodes)?:
            return InfeasibilityProofRecord(
                method: .search, text: "branch and bound over every column found no plan (\(nodes) nodes)")
        case nil:
            return nil
        }
    }

    static func planStatus(_ status: MIPStatus) -> PlanStatus {
        switch status {
        case .optimal: .optimal
        case .feasible: .feasible
        // The rotation model is bounded (every column has a finite upper bound), so an
        // unbounded report can only mean no plan worth the name; treat it as infeasible.
        case .infeasible, .unbounded: .infeasible
        case .timeLimitWithoutSolution: .noPlanWithinTimeLimit
        }
    }

    /// The name of the signal that stopped a search (`SolveInterruption.code`).
    static func stopCause(_ result: MIPResult) -> String? {
        guard result.interrupted || (SolveInterruption.isRequested && result.status != .optimal) else { return nil }
        switch SolveInterruption.code {
        case 15: return "SIGTERM"
        case 2: return "SIGINT"
        default: return "a stop request"
        }
    }

    /// Writes the rotation model for other solvers. Names are ids only.
    public static func export(_ scenario: Scenario, format: ModelFormat, to path: String) throws(PlannerError) {
        do {
            try GLPKBackend().write(buildModel(scenario).model, format: format, to: path)
        } catch {
            throw .solver(error)
        }
    }

    /// The solver `solve` uses unless told otherwise.
    public static var defaultSolver: any MIPSolver { GLPKSolver() }
}

public enum PlannerError: LocalizedError, Sendable, Equatable {
    /// The solver refused the model or failed.
    case solver(SolverError)
    /// The solver's plan broke a rule when re-checked: a bug in planner, never shown as a plan.
    case verificationFailed([Violation])

    public var errorDescription: String? {
        switch self {
        case .solver(let error):
            return error.errorDescription
        case .verificationFailed(let violations):
            return "internal error: the independent verifier rejected the solver's plan; please report this with the scenario:\n"
                + violations.prefix(20).map { "  " + $0.description }.joined(separator: "\n")
        }
    }
}

public typealias ModelFormat = PlannerGLPK.ModelFormat

extension SearchRecord {
    /// The size of the model solved and the solver's effort, as a plan records them.
    init(model: LinearModel, statistics: SolveStatistics) {
        self.init(
            rows: model.rows.count, columns: model.columns.count, integerColumns: model.columns.count { $0.kind != .continuous },
            nonzeros: model.nonzeroCount, lpBound: statistics.lpBound, branchAndBoundNodes: statistics.nodes,
            simplexIterations: statistics.simplexIterations, columnsUsed: statistics.columnsUsed, lpSolves: statistics.pricingRounds,
            objectiveStep: statistics.objectiveStep, provenBound: statistics.provenBound)
    }
}

/// Turns a solution into the plan document: the assignments in scenario order, the lists, the
/// figures and the objective breakdown.
enum PlanAssembly {
    static func plan(
        identity: ScenarioIdentity, provenance: Provenance, status: PlanStatus, facts: ScenarioFacts, solution: RotationModel.Solution
    ) -> Plan {
        let scenario = facts.scenario
        var assignments: [PositionAssignment] = []
        var moves: [Move] = []
        var appointments: [Appointment] = []
        var stays: [Stay] = []
        var vacancies: [String] = []
        var releases: [Release] = []
        var retirements: [Retirement] = []
        var held = Set<Int>()
        for (p, position) in scenario.positions.enumerated() {
            guard let c = solution.holder[p] else {
                assignments.append(PositionAssignment(position: position.id, cadre: nil, outcome: .vacant))
                vacancies.append(position.id)
                continue
            }
            held.insert(c)
            let cadre = scenario.cadres[c]
            switch facts.postOfIncumbent[cadre.id] {
            case p?:
                assignments.append(PositionAssignment(position: position.id, cadre: cadre.id, outcome: .stay))
                stays.append(Stay(cadre: cadre.id, position: position.id))
            case let from?:
                assignments.append(PositionAssignment(position: position.id, cadre: cadre.id, outcome: .move))
                moves.append(Move(cadre: cadre.id, from: scenario.positions[from].id, to: position.id))
            case nil:
                assignments.append(PositionAssignment(position: position.id, cadre: cadre.id, outcome: .appointment))
                appointments.append(Appointment(cadre: cadre.id, to: position.id))
            }
        }
        for position in scenario.positions {
            guard let id = position.incumbent, let c = facts.cadreIndex[id], !held.contains(c) else { continue }
            let cadre = scenario.cadres[c]
            if facts.retiresInRound(cadre) {
                retirements.append(Retirement(cadre: id, from: position.id, year: facts.retirementYear(cadre)))
            } else {
                releases.append(Release(cadre: id, from: position.id))
            }
        }
        let figures = PlanFigures.compute(facts: facts, holder: solution.holder, retirements: retirements.count)
        return Plan(
            scenario: identity, producedBy: provenance, status: status, objective: solution.breakdown.total,
            assignments: assignments, moves: moves, appointments: appointments, stays: stays, vacancies: vacancies,
            releases: releases, retirements: retirements, objectiveBreakdown: solution.breakdown, figures: figures)
    }
}
