import Foundation
import PlannerGLPK

extension Planner {
    /// Cadres the round appoints to a post they did not hold (moves and appointments from the
    /// pool): rule 7 leaves them off the slates when `allowAppointedInRound` is false.
    public static func appointed(in plan: Plan) -> Set<String> {
        Set(plan.moves.map(\.cadre) + plan.appointments.map(\.cadre))
    }

    /// Builds the succession model, solves it, reads the slates back, and has the independent
    /// verifier re-check the plan before returning it.
    ///
    /// - Parameter round: under `allowAppointedInRound: false`, the cadres the round appoints
    ///   and a record of where that came from (a plan file's hash, or "solved").
    public static func succession(_ scenario: Scenario, sha256: String, options: Options = Options(),
                                  round: (appointed: Set<String>, source: String)? = nil,
                                  solver: any MIPSolver = GLPKSolver()) throws(PlannerError) -> SuccessionPlan {
        let buildStart = Date()
        let excluded = scenario.policy.succession.allowAppointedInRound ? [] : (round?.appointed ?? [])
        let candidates = SuccessionCandidates(scenario, excluding: excluded)
        let succession = SuccessionModel.build(candidates)
        var options = options
        // Slates are a transportation problem with a few side rows; the whole model is small
        // enough that pricing would only add LP solves.
        options.pricingCore = nil
        if options.start == nil { options.start = succession.emptyPlan() }
        let solveStart = Date()
        let result: MIPResult
        do {
            result = try solver.solve(succession.model, options: options)
        } catch {
            throw .solver(error)
        }
        let identity = ScenarioIdentity(name: scenario.name, planningYear: scenario.planningYear, sha256: sha256)
        let provenance = Provenance(planner: version, solver: solver.name, solverVersion: solver.version,
                                    parameters: SolveParameters(timeLimit: options.timeLimit, relativeGap: options.relativeGap, method: GLPKSolver.method,
                                                                candidatesPerPost: 0))
        var plan = SuccessionPlan(scenario: identity, producedBy: provenance, status: planStatus(result.status), termStart: candidates.termStart,
                                  excludedAsAppointed: scenario.policy.succession.allowAppointedInRound ? [] : excluded.sorted(),
                                  round: scenario.policy.succession.allowAppointedInRound ? nil : round?.source)
        if let values = result.values, result.status.hasSolution {
            SuccessionAssembly.fill(&plan, candidates: candidates, chosen: succession.slates(from: values))
            if let bound = result.bound, let objective = plan.objective {
                let proven = result.status == .optimal && options.relativeGap == 0
                plan.bound = proven ? objective : max(bound, objective)
                plan.gap = proven ? 0 : max(0, plan.bound! - objective) / max(1, abs(objective))
            }
        }
        let verification = SuccessionVerifier.verify(plan, against: scenario, scenarioSHA256: sha256)
        guard verification.isValid else { throw .verificationFailed(verification.violations) }
        let model = succession.model
        plan.search = SearchRecord(
            rows: model.rows.count, columns: model.columns.count, integerColumns: model.columns.count { $0.kind != .continuous },
            nonzeros: model.nonzeroCount, lpBound: result.statistics.lpBound, branchAndBoundNodes: result.statistics.nodes,
            simplexIterations: result.statistics.simplexIterations, lpSolves: result.statistics.pricingRounds,
            objectiveStep: result.statistics.objectiveStep, provenBound: result.statistics.provenBound)
        plan.timing = Timing(buildSeconds: solveStart.timeIntervalSince(buildStart), solveSeconds: Date().timeIntervalSince(solveStart),
                             lpSeconds: result.statistics.lpSeconds)
        return plan
    }

    /// The scenario with every slate written into its cadres' `plannedFor` as `post:ID`
    /// entries (kept after the entries they had), so that a later rotation round plans with them.
    public static func scenario(_ scenario: Scenario, withPlanning plan: SuccessionPlan) -> Scenario {
        var entries: [String: [String]] = [:]
        for slate in plan.slates {
            for candidate in slate.candidates { entries[candidate.cadre, default: []].append(PlanningEntry.postPrefix + slate.position) }
        }
        var result = scenario
        for index in result.cadres.indices {
            for entry in entries[result.cadres[index].id] ?? [] where !result.cadres[index].plannedFor.contains(entry) {
                result.cadres[index].plannedFor.append(entry)
            }
        }
        return result
    }
}

/// Turns the chosen pairs into the plan document: ranked slates, risks, figures, objective.
enum SuccessionAssembly {
    static func fill(_ plan: inout SuccessionPlan, candidates: SuccessionCandidates, chosen: [[Int]]) {
        let facts = candidates.facts
        let scenario = facts.scenario
        let policy = candidates.policy
        var slatesOf: [Int: Int] = [:]
        var readinessTotal = 0.0, slotTotal = 0.0
        var penalties: [Penalty] = []
        var slates: [Slate] = []
        for (k, p) in candidates.keyPositions.enumerated() {
            let position = scenario.positions[p]
            let pairs = chosen[k].map { candidates.pairs[k][$0] }
            var listed: [SlateCandidate] = pairs.map { pair in
                let cadre = scenario.cadres[pair.cadre]
                slatesOf[pair.cadre, default: 0] += 1
                readinessTotal += position.weight * pair.readiness.value
                penalties += pair.penalties
                return SlateCandidate(cadre: cadre.id, holds: facts.postOfIncumbent[cadre.id].map { scenario.positions[$0].id },
                                      retirementYear: facts.retirementYear(cadre), readiness: pair.readiness,
                                      ready: pair.readiness.value >= policy.readiness.ready)
            }
            listed.sort { $0.readiness.value != $1.readiness.value ? $0.readiness.value > $1.readiness.value : $0.cadre < $1.cadre }
            slotTotal += (0..<listed.count).reduce(0) { $0 + position.weight * slotValue(policy.readiness, $1) }
            let least = slateMinimum(policy.slateSize, eligible: candidates.pairs[k].count)
            if case .soft(let price) = policy.slateSize.mode, listed.count < least {
                penalties.append(Penalty(rule: "succession.slateSize", subject: "slate of \(position.id)", shortfall: least - listed.count, price: price))
            }
            let incumbent = position.incumbent.flatMap { facts.cadreIndex[$0] }.map { scenario.cadres[$0] }
            let retires = incumbent.map { facts.retirementYear($0) }
            var risks: [SlateRisk] = []
            if listed.isEmpty { risks.append(.noCandidate) }
            if listed.count == 1 { risks.append(.singleCandidate) }
            if let retires, retires < candidates.termStart + policy.timeToServe.years, !listed.contains(where: \.ready) {
                risks.append(.incumbentRetiresWithoutReadySuccessor)
            }
            slates.append(Slate(position: position.id, title: position.title, unit: position.unit, incumbent: incumbent?.id,
                                incumbentRetirementYear: retires, eligible: candidates.pairs[k].count, candidates: listed, risks: risks))
        }
        var extra = 0.0
        let perCadre = policy.slatesPerCadre
        for (c, count) in slatesOf.sorted(by: { $0.key < $1.key }) {
            let allowed = perCadre.mode == .off ? count : perCadre.max
            extra += Double(count - 1) * policy.readiness.extraSlatePrice
            if case .soft(let price) = perCadre.mode, count > allowed {
                penalties.append(Penalty(rule: "succession.slatesPerCadre", subject: scenario.cadres[c].id, shortfall: count - allowed, price: price))
            }
        }
        let people = slatesOf.keys.map { scenario.cadres[$0] }
        let women = people.count { $0.gender == .female }
        let young = people.count { candidates.isYoung($0) }
        for (name, rule, count) in [("women", policy.women, women), ("young", policy.young, young)] {
            guard case .soft(let price) = rule.mode else { continue }
            let missing = ShareHull.needed(share: rule.minShare, total: people.count) - count
            if missing > 0 { penalties.append(Penalty(rule: "succession.\(name)", subject: "all slates", shortfall: missing, price: price)) }
        }
        let breakdown = SuccessionObjective(readiness: readinessTotal, slots: slotTotal, extraSlates: extra, penalties: penalties.sorted())
        plan.slates = slates
        plan.objectiveBreakdown = breakdown
        plan.objective = breakdown.total
        plan.figures = SuccessionAssembly.figures(slates, people: people, women: women, young: young, maxSlate: policy.slateSize.max)
    }

    static func figures(_ slates: [Slate], people: [Cadre], women: Int, young: Int, maxSlate: Int) -> SuccessionFigures {
        var bench = [Int](repeating: 0, count: max(maxSlate, slates.map(\.candidates.count).max() ?? 0) + 1)
        var count: [String: Int] = [:]
        for slate in slates {
            bench[slate.candidates.count] += 1
            for candidate in slate.candidates { count[candidate.cadre, default: 0] += 1 }
        }
        let most = count.values.max() ?? 0
        return SuccessionFigures(
            keyPosts: slates.count, benchStrength: bench, atRisk: slates.count { !$0.risks.isEmpty }, people: people.count, women: women,
            young: young, womenShare: people.isEmpty ? 0 : Double(women) / Double(people.count),
            youngShare: people.isEmpty ? 0 : Double(young) / Double(people.count), mostSlates: most,
            cadresOnMostSlates: most == 0 ? [] : count.filter { $0.value == most }.keys.sorted())
    }
}
