import Foundation
import PlannerGLPK

extension Planner {
    /// Cadres the round appoints to a post they did not hold (moves and appointments from the
    /// pool): rule 7 leaves them off the slates when `allowAppointedInRound` is false.
    public static func appointed(in plan: Plan) -> Set<String> {
        Set(plan.moves.map(\.cadre) + plan.appointments.map(\.cadre))
    }

    /// How a succession plan is solved, for the record in every plan (docs/model.md).
    public static let successionMethod =
        "the slates as a b-matching network (LP by primal simplex, whole by total unimodularity; "
        + "pairs priced in from the best per post, certified over every pair); when its plan misses a share rule, the model with "
        + "people counted, solved by GLPK branch and bound from that plan"

    /// Builds the succession model, solves it, reads the slates back, and has the independent
    /// verifier re-check the plan before returning it.
    ///
    /// Two stages (docs/model.md, "Solving the succession model"): the network without the
    /// share rules first; its optimum bounds every plan, so when its slates meet the shares they
    /// are optimal. Otherwise the model that counts people is solved, starting from those slates.
    ///
    /// - Parameter round: under `allowAppointedInRound: false`, the cadres the round appoints
    ///   and a record of where that came from (a plan file's hash, or "solved").
    public static func succession(
        _ scenario: Scenario, sha256: String, options: Options = Options(),
        round: (appointed: Set<String>, source: String)? = nil,
        solver: any MIPSolver = GLPKSolver()
    ) throws(PlannerError) -> SuccessionPlan {
        let buildStart = Date()
        let allowAppointed = scenario.policy.succession.allowAppointedInRound
        let excluded = allowAppointed ? [] : (round?.appointed ?? [])
        let candidates = SuccessionCandidates(scenario, excluding: excluded)
        let network = SuccessionModel.build(candidates)
        let solveStart = Date()
        func stage(_ model: SuccessionModel, start: [[Int]]?, timeLimit: Double?) throws(PlannerError) -> MIPResult {
            var stageOptions = options
            stageOptions.timeLimit = timeLimit
            stageOptions.start = start.flatMap { model.solution(holding: $0) }
            // Twice as many pairs per pricing round as the model has rows: the network needs a
            // large share of its pairs and each of its LPs is cheap, so fewer, larger rounds win
            // (docs/performance.md, "Lab notes").
            stageOptions.pricingBatch = 2 * model.model.rows.count
            // The network's LP is whole: nothing to dive for. With people counted the dive
            // fixes its way into dead ends where branch and bound is quick (docs/performance.md).
            stageOptions.dive = false
            stageOptions.pricingCore = options.candidatesPerPost > 0 ? model.pricingCore(perPost: options.candidatesPerPost) : nil
            do {
                return try solver.solve(model.model, options: stageOptions)
            } catch {
                throw .solver(error)
            }
        }
        // The greedy slates when they keep the hard rules (a hard minimum may need more), else none.
        let greedy = network.greedySlates()
        let start = network.solution(holding: greedy) != nil ? greedy : [[Int]](repeating: [], count: candidates.keyPositions.count)
        var solved = (model: network, result: try stage(network, start: start, timeLimit: options.timeLimit))
        var statistics = solved.result.statistics
        if let values = solved.result.values, solved.result.status.hasSolution {
            let slates = network.slates(from: values)
            if !SuccessionAssembly.meetsShares(slates, candidates: candidates) {
                let relaxationBound = solved.result.bound
                let left = options.timeLimit.map { max(0, $0 - Date().timeIntervalSince(solveStart)) }
                // The pairs a plan is likely to use get their x ≤ y row: the network's plan and each
                // post's best few.
                var strengthening = Set<[Int]>()
                for (k, chosen) in slates.enumerated() { for i in chosen { strengthening.insert([k, i]) } }
                for (k, columns) in network.pairColumns.enumerated() {
                    let best = columns.indices.sorted {
                        (network.model.columns[columns[$0]].objective, -$0) > (network.model.columns[columns[$1]].objective, -$1)
                    }
                    for i in best.prefix(max(3, options.candidatesPerPost)) { strengthening.insert([k, i]) }
                }
                let counted = SuccessionModel.build(candidates, countingPeople: true, strengthening: strengthening)
                var result = try stage(counted, start: slates, timeLimit: left)
                // The network's bound holds for the whole model too (it is a relaxation).
                if let bound = result.bound, let relaxationBound { result.bound = min(bound, relaxationBound) }
                statistics.addEffort(of: result.statistics)
                statistics.provenBound = result.statistics.provenBound
                statistics.objectiveStep = result.statistics.objectiveStep
                solved = (counted, result)
            }
        }
        let result = solved.result
        let identity = ScenarioIdentity(name: scenario.name, planningYear: scenario.planningYear, sha256: sha256)
        let provenance = Provenance(
            planner: version, solver: solver.name, solverVersion: solver.version,
            parameters: SolveParameters(
                timeLimit: options.timeLimit, relativeGap: options.relativeGap, method: successionMethod,
                candidatesPerPost: options.candidatesPerPost))
        var plan = SuccessionPlan(
            scenario: identity, producedBy: provenance, status: planStatus(result.status), termStart: candidates.termStart,
            excludedAsAppointed: allowAppointed ? [] : excluded.sorted(), round: allowAppointed ? nil : round?.source)
        if let values = result.solution?.values {
            SuccessionAssembly.fill(&plan, candidates: candidates, chosen: solved.model.slates(from: values))
            (plan.bound, plan.gap) = statedBound(result, objective: plan.objective, relativeGap: options.relativeGap)
        }
        let verification = SuccessionVerifier.verify(plan, against: scenario, scenarioSHA256: sha256)
        guard verification.isValid else { throw .verificationFailed(verification.violations) }
        let model = solved.model.model
        statistics.columnsUsed = result.statistics.columnsUsed
        plan.search = SearchRecord(model: model, statistics: statistics)
        plan.peopleCounted = solved.model.countsPeople
        plan.timing = Timing(
            buildSeconds: solveStart.timeIntervalSince(buildStart), solveSeconds: Date().timeIntervalSince(solveStart),
            lpSeconds: statistics.lpSeconds)
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
    /// Whether the slates meet every active share rule (rule 6) over the distinct people on them.
    static func meetsShares(_ chosen: [[Int]], candidates: SuccessionCandidates) -> Bool {
        let policy = candidates.policy
        var people = Set<Int>()
        for (k, pairs) in chosen.enumerated() { for i in pairs { people.insert(candidates.pairs[k][i].cadre) } }
        let cadres = people.map { candidates.facts.scenario.cadres[$0] }
        let groups: [(ListShareRule, Int)] = [
            (policy.women, cadres.count { $0.gender == .female }), (policy.young, cadres.count { candidates.isYoung($0) }),
        ]
        return groups.allSatisfy { rule, count in
            !rule.mode.isActive || count >= ShareHull.needed(share: rule.minShare, total: people.count)
        }
    }

    static func fill(_ plan: inout SuccessionPlan, candidates: SuccessionCandidates, chosen: [[Int]]) {
        let facts = candidates.facts
        let scenario = facts.scenario
        let policy = candidates.policy
        var slatesOf: [Int: Int] = [:]
        var readinessTotal = 0.0
        var slotTotal = 0.0
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
                return SlateCandidate(
                    cadre: cadre.id, holds: facts.postOfIncumbent[cadre.id].map { scenario.positions[$0].id },
                    retirementYear: facts.retirementYear(cadre), readiness: pair.readiness,
                    ready: pair.readiness.value >= policy.readiness.ready)
            }
            listed.sort { $0.readiness.value != $1.readiness.value ? $0.readiness.value > $1.readiness.value : $0.cadre < $1.cadre }
            slotTotal += (0..<listed.count).reduce(0) { $0 + position.weight * slotValue(policy.readiness, $1) }
            let least = slateMinimum(policy.slateSize, eligible: candidates.pairs[k].count)
            if case .soft(let price) = policy.slateSize.mode, listed.count < least {
                penalties.append(
                    Penalty(rule: "succession.slateSize", subject: "slate of \(position.id)", shortfall: least - listed.count, price: price)
                )
            }
            let incumbent = position.incumbent.flatMap { facts.cadreIndex[$0] }.map { scenario.cadres[$0] }
            let retires = incumbent.map { facts.retirementYear($0) }
            var risks: [SlateRisk] = []
            if listed.isEmpty { risks.append(.noCandidate) }
            if listed.count == 1 { risks.append(.singleCandidate) }
            if let retires, retires < candidates.termStart + policy.timeToServe.years, !listed.contains(where: \.ready) {
                risks.append(.incumbentRetiresWithoutReadySuccessor)
            }
            slates.append(
                Slate(
                    position: position.id, title: position.title, unit: position.unit, incumbent: incumbent?.id,
                    incumbentRetirementYear: retires, eligible: candidates.pairs[k].count, candidates: listed, risks: risks))
        }
        var extra = 0.0
        let perCadre = policy.slatesPerCadre
        for (c, count) in slatesOf.sorted(by: { $0.key < $1.key }) {
            let allowed = perCadre.mode == .off ? count : perCadre.max
            extra += Double(count - 1) * policy.readiness.extraSlatePrice
            if case .soft(let price) = perCadre.mode, count > allowed {
                penalties.append(
                    Penalty(rule: "succession.slatesPerCadre", subject: scenario.cadres[c].id, shortfall: count - allowed, price: price))
            }
        }
        let people = slatesOf.keys.map { scenario.cadres[$0] }
        let women = people.count { $0.gender == .female }
        let young = people.count { candidates.isYoung($0) }
        for (name, rule, count) in [("women", policy.women, women), ("young", policy.young, young)] {
            guard case .soft(let price) = rule.mode else { continue }
            let missing = ShareHull.needed(share: rule.minShare, total: people.count) - count
            if missing > 0 {
                penalties.append(Penalty(rule: "succession.\(name)", subject: "all slates", shortfall: missing, price: price))
            }
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
