import Foundation
import PlannerGLPK

extension Planner {
    /// What `parameters.method` says of a round's plan in a joint term.
    public static let jointRoundMethod =
        "a round of a term planned together: the term model (every round's rules, linked round to round) solved whole by GLPK branch and bound from the round-by-round term as a start; the round's plan is the term model's, scored on the round's office"

    /// Plans the rounds of a term together (docs/model.md, "The term planned together"): one
    /// model over every round, whose optimum is the best sequence of round plans for the sum of
    /// the rounds' objectives. The same rounds are planned round by round first: that term is
    /// the plan the joint one is compared with (`roundByRoundPlan`), and the start its search
    /// begins from, so the joint term is never worse than it.
    ///
    /// The caller has checked `settings.problems(planningYear:)`; slates are not drawn
    /// (`settings.slates` is refused by the command). A time limit in `options` is for both.
    public static func termJoint(
        _ base: Scenario, sha256: String, settings: TermSettings, options: Options = Options(), solver: any MIPSolver = GLPKSolver()
    ) throws(PlannerError) -> TermPlan {
        let start = Date()
        var options = options
        if options.clockStart == nil { options.clockStart = start }
        let alone = try termRoundByRound(base, sha256: sha256, settings: settings, options: options)

        let firstYear = settings.rounds[0]
        let first = firstOffice(base, settings: settings)
        let buildStart = Date()
        let term = termModel(base, settings: settings)
        options.log?(
            "planner: term model of \(settings.rounds.count) rounds: \(term.model.columns.count) columns, \(term.model.rows.count) rows, built in \(String(format: "%.2f", Date().timeIntervalSince(buildStart))) s"
        )

        var solveOptions = options
        solveOptions.pricingCore = nil
        solveOptions.candidatesPerPost = 0
        solveOptions.objectiveStages = []
        solveOptions.objectiveStagesOtherwise = []
        solveOptions.preferAmongEquals = false
        solveOptions.heuristic = nil
        solveOptions.start = nil
        solveOptions.everyCut = true
        let scenarioIndex = ScenarioFacts(first)
        // The round-by-round term as a start: its rounds' holders fixed, the rest of its
        // columns (releases, moves, counts, shortfalls) found by the solver in a moment.
        if alone.rounds.count == settings.rounds.count, alone.rounds.allSatisfy({ $0.plan.status.hasPlan }) {
            let holders = alone.rounds.map { round in
                Dictionary(
                    uniqueKeysWithValues: round.plan.holders.compactMap { position, cadre in
                        scenarioIndex.positionIndex[position].flatMap { p in scenarioIndex.cadreIndex[cadre].map { (p, $0) } }
                    })
            }
            var fixedOptions = solveOptions
            fixedOptions.dive = false
            let fixed = try solveTerm(term.fixingAssignments(to: holders), options: fixedOptions, solver: solver)
            if fixed.status.hasSolution, let values = fixed.values {
                solveOptions.start = values
                // Priced from the start's columns (a restricted model it keeps feasible) and
                // every column that is not an assignment: the whole model's LP, started cold by
                // GLPK's primal simplex, did not finish in 300 s on the city's three rounds.
                var core = [Bool](repeating: true, count: term.model.columns.count)
                for round in term.assignments { for a in round { core[a.column] = values[a.column] > 0.5 } }
                solveOptions.pricingCore = core
                solveOptions.pricingBatch = solveOptions.pricingBatch ?? 3000
            } else {
                options.log?("planner: the round-by-round term is no start for the term model (\(fixed.status)); searching without one")
            }
        }
        let result = try solveTerm(term.model, options: solveOptions, solver: solver)
        options.log?(
            "planner: term model \(result.status), objective \(result.objective.map { String($0) } ?? "-"), bound \(result.bound.map { String($0) } ?? "-")"
        )

        let identity = ScenarioIdentity(name: base.name, planningYear: base.planningYear, sha256: sha256)
        var status: PlanStatus
        switch result.status {
        case .optimal: status = .optimal
        case .feasible: status = result.interrupted ? .stopped : .feasible
        case .infeasible: status = .infeasible
        case .timeLimitWithoutSolution, .unbounded: status = result.interrupted ? .stopped : .noPlanWithinTimeLimit
        }
        guard result.status.hasSolution, let values = result.values else {
            var plan = TermPlan(
                scenario: identity, method: TermPlan.joint, settings: settings, status: status, rounds: [],
                unsolvedRounds: settings.rounds, years: [], paths: [])
            plan.roundByRoundPlan = [alone]
            return plan
        }

        // Each round's plan: the term model's holders, scored on the office the rounds before
        // leave (carried as the round-by-round term carries it).
        let holdersByRound = term.holders(values).map { round in
            Dictionary(uniqueKeysWithValues: round.map { (first.positions[$0.key].id, first.cadres[$0.value].id) })
        }
        var rounds: [TermRound] = []
        var roundScenarios: [Scenario] = []
        var carried = first
        var taken: [String: Int] = [:]
        var movesLeft = settings.maxMoves
        let provenance = Provenance(
            planner: version, solver: solver.name, solverVersion: solver.version,
            parameters: SolveParameters(
                timeLimit: options.timeLimit, relativeGap: options.relativeGap, method: jointRoundMethod, candidatesPerPost: 0))
        for (k, year) in settings.rounds.enumerated() {
            if k > 0 {
                carried = carried.nextRound(
                    year: year, holders: holdersByRound[k - 1], takenInTerm: taken, minimumStay: settings.minimumStay)
            }
            // Under a cap on the term's moves, the office states what the rounds before left.
            let office = carried.cappingMoves(left: movesLeft)
            let isFile = k == 0 && year == base.planningYear
            guard var plan = plan(holding: holdersByRound[k], in: office, sha256: isFile ? sha256 : roundSHA256(office)) else {
                throw .verificationFailed([
                    Violation(
                        rule: "term", subject: "round \(year)",
                        message: "the term model's plan for the round breaks a hard rule of the round's office")
                ])
            }
            plan.producedBy = provenance
            rounds.append(TermRound(year: year, plan: plan))
            roundScenarios.append(office)
            taken = office.takenInTerm(taken, holders: holdersByRound[k])
            movesLeft = movesLeft.map { $0 - plan.moves.count }
        }
        let years = TermView.years(
            rounds: zip(roundScenarios, rounds).map { (scenario: $0.0, plan: $0.1.plan) }, until: settings.until, firstYear: firstYear,
            endsBefore: nil)
        var plan = TermPlan(
            scenario: identity, method: TermPlan.joint, settings: settings, status: status, rounds: rounds, unsolvedRounds: [],
            years: years, paths: TermView.paths(base: base, rounds: rounds))
        plan.roundByRoundPlan = [alone]
        // The term's objective is its rounds' objectives, each scored on its office. It is the
        // term model's objective, or more where the model's solution took anew a post its cadre
        // held (keeping it is worth as much or more, and the plan keeps it): never less, and never
        // above the bound, which holds for the best term (docs/model.md).
        let total = rounds.reduce(0) { $0 + ($1.plan.objective ?? 0) }
        let modelObjective = result.objective ?? total
        let tolerance = 1e-6 * max(1, abs(total))
        var bound = status == .optimal ? modelObjective : result.bound.map { max($0, modelObjective) }
        guard total >= modelObjective - tolerance, bound.map({ total <= $0 + tolerance }) ?? true else {
            throw .verificationFailed([
                Violation(
                    rule: "term", subject: "objective",
                    message:
                        "the rounds' objectives sum to \(total), the term model's objective is \(modelObjective) and its bound \(bound.map { String($0) } ?? "-")"
                )
            ])
        }
        if status == .optimal { bound = total }
        plan.objective = total
        plan.bound = bound.map { max($0, total) }
        let verification = TermVerifier.verify(
            plan, against: base, scenarioSHA256: sha256, options: PlanVerifier.Options(statusConfirmedBySolving: true))
        guard verification.isValid else { throw .verificationFailed(verification.violations) }
        return plan
    }

    /// The first round's office, as the round-by-round term plans it: the file itself in its
    /// own year, else the file carried to the first round's year.
    static func firstOffice(_ base: Scenario, settings: TermSettings) -> Scenario {
        guard let firstYear = settings.rounds.first, firstYear != base.planningYear else { return base }
        return base.nextRound(year: firstYear, holders: base.incumbents, takenInTerm: [:], minimumStay: settings.minimumStay)
    }

    /// The term model of `settings`' rounds (docs/model.md, "The term planned together").
    public static func termModel(_ base: Scenario, settings: TermSettings) -> TermModel {
        TermModelBuilder.build(
            first: firstOffice(base, settings: settings), laterYears: Array(settings.rounds.dropFirst()), minimumStay: settings.minimumStay,
            maxMoves: settings.maxMoves)
    }

    /// Writes the term model for other solvers. Names are ids only.
    public static func exportTerm(_ base: Scenario, settings: TermSettings, format: ModelFormat, to path: String) throws(PlannerError) {
        do {
            try GLPKBackend().write(termModel(base, settings: settings).model, format: format, to: path)
        } catch {
            throw .solver(error)
        }
    }

    /// Solves `model` within what is left of the term's time limit (the solver counts its limit
    /// from its own start; the term's counts from the command's, `clockStart`).
    static func solveTerm(_ model: LinearModel, options: Options, solver: any MIPSolver) throws(PlannerError) -> MIPResult {
        var options = options
        if let limit = options.timeLimit, let clock = options.clockStart {
            options.timeLimit = max(0, limit - Date().timeIntervalSince(clock))
            options.clockStart = nil
        }
        do {
            return try solver.solve(model, options: options)
        } catch {
            throw .solver(error)
        }
    }
}
