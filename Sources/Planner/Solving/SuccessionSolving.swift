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

    /// The method with the stated order among equal slates, as `successionMethod` names it when
    /// the order is asked for (not under `--any-optimum`).
    public static let successionMethodWithOrder =
        successionMethod
        + "; among equal slates of the network the stated order's (ratingByRank, then idDraw), each by an LP over the last one's optimal face"

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
        // The time limit counts from the command's start when the caller gives it (`clockStart`:
        // reading the file and solving the round included), else from this call, as a round's
        // solve does. The solver counts each stage's limit from the stage's own start.
        let deadline = options.timeLimit.map { (options.clockStart ?? buildStart).addingTimeInterval($0) }
        func timeLeft() -> Double? { deadline.map { max(0, $0.timeIntervalSinceNow) } }
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
        var solved = (model: network, result: try stage(network, start: start, timeLimit: timeLeft()))
        var statistics = solved.result.statistics
        var networkPreference: PreferenceRecord?
        // The order among the network's optimal slates, when those meet the share rules (else
        // the model that counts people decides, below).
        if options.preferAmongEquals, solved.result.status == .optimal, !SolveInterruption.isRequested, let values = solved.result.values,
            SuccessionAssembly.meetsShares(network.slates(from: values), candidates: candidates)
        {
            var preferred = try preferredOnTheNetwork(network, result: solved.result, deadline: deadline, options: options, solver: solver)
            if let better = preferred.values {
                if SuccessionAssembly.meetsShares(network.slates(from: better), candidates: candidates) {
                    solved.result.values = better
                } else {
                    // The preferred among all the network's optimal slates misses a share rule
                    // that the slates in hand meet: those stand, and the order is not applied.
                    preferred.record.stages = []
                    preferred.record.equalOptimaFound = nil
                    preferred.record.note = "not applied: the slates it prefers miss a share rule that the slates kept meet"
                }
            }
            networkPreference = preferred.record
        }
        if let values = solved.result.values, solved.result.status.hasSolution {
            let slates = network.slates(from: values)
            if !SuccessionAssembly.meetsShares(slates, candidates: candidates) {
                let relaxationBound = solved.result.bound
                let left = timeLeft()
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
                timeLimit: options.timeLimit, relativeGap: options.relativeGap,
                method: options.preferAmongEquals ? successionMethodWithOrder : successionMethod,
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
        if options.preferAmongEquals, result.status != .optimal {
            var record = PreferenceRecord(order: successionOrder.map(\.name))
            record.note = "not applied: the slates are not proven optimal"
            plan.preference = record
        } else if options.preferAmongEquals, solved.model.countsPeople {
            // With people counted, as a round's stages the order cost the city's share variants
            // 14 and 24 s against 3.9 and 6.8 s and was proven on neither (docs/performance.md).
            var record = PreferenceRecord(order: successionOrder.map(\.name))
            record.note =
                "not applied: a share rule binds, and slates that count people come from a search whose choice among equal slates is not settled"
            plan.preference = record
        } else if options.preferAmongEquals {
            plan.preference = networkPreference
        }
        plan.timing = Timing(
            buildSeconds: solveStart.timeIntervalSince(buildStart), solveSeconds: Date().timeIntervalSince(solveStart),
            lpSeconds: statistics.lpSeconds)
        return plan
    }

    /// The succession's stated order (docs/model.md, "Solving the succession model", 3): its
    /// keys by name, with their words for a plan's note.
    static let successionOrder: [(name: String, words: String)] = [
        (PreferenceOrder.Key.ratingByRank.rawValue, PreferenceOrder.Key.ratingByRank.words),
        ("idDraw", "a fixed draw from each pair's ids"),
    ]

    /// The stated order on the network's optimum, exactly and without a search. The network is
    /// a b-matching (totally unimodular), and its optimal plans are the whole points of its
    /// optimal face: the plans that keep complementary slackness with the LP's optimal row
    /// prices (a column of nonzero reduced cost at the bound it sits at, a row of nonzero price
    /// at the bound it holds). Fixing those bounds keeps the matrix and makes the face a network
    /// of its own, with whole vertices: its LP for a key is the best key among the optimal
    /// plans, proven by the LP itself. A held objective row (a round's stages) would cut the
    /// network and leave a slab of fractional points above the optimum's less its rounding
    /// margin: on the city round that search stood at a gap of 10⁻⁶ after 100 nodes. Each key
    /// after the first is applied the same way, on the face of the one before.
    ///
    /// Returns the preferred slates (nil: keep the network's) and the record.
    static func preferredOnTheNetwork(
        _ network: SuccessionModel, result: MIPResult, deadline: Date?, options: Options, solver: any MIPSolver
    ) throws(PlannerError) -> (values: [Double]?, record: PreferenceRecord) {
        let keys = successionKeys(network)
        var record = PreferenceRecord(order: keys.map(\.name))
        let model = network.model
        guard let start = result.values, let firstPrices = result.rowPrices, firstPrices.count == model.rows.count else {
            record.note = "not applied: the network's row prices were not kept"
            return (nil, record)
        }
        let primary = model.objectiveValue(start)
        var plan = start
        var face = model
        var prices = firstPrices
        var changed = false
        func dot(_ coefficients: [Double], _ values: [Double]) -> Double { zip(coefficients, values).reduce(0) { $0 + $1.0 * $1.1 } }
        func spent(_ index: Int) -> (values: [Double]?, record: PreferenceRecord) {
            record.note = "not applied: " + keys[index...].map(\.words).joined(separator: ", ") + " (the time limit was spent)"
            record.equalOptimaFound = changed ? true : nil
            return (changed ? plan : nil, record)
        }
        for (index, key) in keys.enumerated() {
            // Nothing is built once the time limit is spent.
            if let deadline, deadline.timeIntervalSinceNow <= 0 { return spent(index) }
            // The face of the last LP's optimum: `face`'s objective is what that LP maximised.
            guard let next = optimalFace(of: face, plan: plan, rowPrices: prices) else {
                record.note = "not applied: \(key.words) (the last LP's row prices do not prove its optimum)"
                break
            }
            var keyed = next
            for j in keyed.columns.indices { keyed.setObjective(j, key.coefficients[j]) }
            keyed.objectiveConstant = 0
            let before = dot(key.coefficients, plan)
            // The time left when this key's LP starts: building the face took some of it.
            let left = deadline.map { $0.timeIntervalSinceNow }
            if let left, left <= 0 { return spent(index) }
            var faceOptions = SolveOptions(timeLimit: left, log: options.log)
            faceOptions.dive = false
            faceOptions.start = plan
            faceOptions.preferAmongEquals = false
            faceOptions.pricingBatch = 2 * keyed.rows.count
            // The columns the face leaves free; those fixed at 0 (most of the network's) stay out
            // of the library's problem, whose simplex prices every column it holds.
            // Of a post's free pairs, its three best by the key and those on the plan start the
            // LP; the rest are priced in as its row prices ask (city: 2.1 s for the whole
            // succession against 3.0 to 3.4 s with every free pair in, the same slates).
            var core = keyed.columns.map { $0.upper > $0.lower || $0.lower > 0 }
            for columns in network.pairColumns {
                let best = Set(columns.filter { core[$0] }.sorted { (key.coefficients[$0], -$0) > (key.coefficients[$1], -$1) }.prefix(3))
                for j in columns where core[j] && !best.contains(j) && plan[j] == 0 { core[j] = false }
            }
            faceOptions.pricingCore = core
            let solved: MIPResult
            do {
                solved = try solver.solve(keyed, options: faceOptions)
            } catch {
                record.note = "not applied: \(key.words) (its LP failed in the solver)"
                break
            }
            // Taken only as a plan of the network with its optimum and every earlier key held.
            guard let found = solved.values, model.isFeasible(found), model.objectiveValue(found) >= primary - 1e-6 * max(1, abs(primary)),
                keys[..<index].allSatisfy({ dot($0.coefficients, found) >= dot($0.coefficients, plan) - 0.5 })
            else {
                options.log?(
                    "planner: stated order, \(key.name): \(solved.status), plan \(solved.values != nil), feasible \(solved.values.map { model.isFeasible($0) } ?? false), objective \(solved.values.map { model.objectiveValue($0) } ?? .nan) against \(primary), earlier keys \(keys[..<index].map { dot($0.coefficients, solved.values ?? plan) - dot($0.coefficients, plan) })"
                )
                let stopped = solved.status == .timeLimitWithoutSolution || solved.interrupted || SolveInterruption.isRequested
                let cause =
                    SolveInterruption.isRequested
                    ? "a signal stopped it" : (stopped ? "the time limit stopped it" : "its LP gave no plan of the optimum")
                record.note = "not applied: \(key.words) (\(cause))"
                break
            }
            let after = dot(key.coefficients, found)
            let better = after > before + 0.5
            var stage = PreferenceStageRecord(
                key: key.name, value: better ? after : before, proven: solved.status == .optimal, changedPlan: better)
            stage.nodes = solved.statistics.nodes
            record.stages.append(stage)
            // A better plan of the optimum is taken even from a search cut short; the next key
            // then has no proven face to work on.
            if better {
                plan = found
                changed = true
            }
            guard solved.status == .optimal, let foundPrices = solved.rowPrices, foundPrices.count == keyed.rows.count else {
                let next = keys[(index + 1)...].map(\.words).joined(separator: ", ")
                if solved.status == .optimal {
                    if !next.isEmpty { record.note = "not applied: \(next) (the LP before kept no row prices)" }
                } else {
                    let cause = SolveInterruption.isRequested ? "a signal stopped its search" : "the time limit stopped its search"
                    record.note = "\(key.words): the best found, not proven (\(cause))" + (next.isEmpty ? "" : "; not applied: \(next)")
                }
                break
            }
            face = keyed
            prices = foundPrices
        }
        record.equalOptimaFound = changed ? true : nil
        return (changed ? plan : nil, record)
    }

    /// The keys of the succession's stated order, each with its coefficient on every column of
    /// the network: the rank key, then a fixed draw from each pair's ids (FNV-1a of "post|cadre",
    /// 1 to 2²⁰), under which two plans tie only by a coincidence of sums of those draws: it
    /// settles what the rank key leaves open (a cycle of equally ready cadres over posts whose
    /// rank products add up alike, 3 slates of the city round's 367), the same for every export
    /// of the same data.
    static func successionKeys(_ network: SuccessionModel) -> [(name: String, words: String, coefficients: [Double])] {
        let candidates = network.candidates
        let scenario = candidates.facts.scenario
        // The rank key: rank(post) · rank(cadre), ranked as the rotation's `ratingByRank` ranks
        // them (posts by weight then id, cadres by rating then id): ids decide last, never a
        // row's place in the file.
        let ranks = PreferenceOrder.Ranks(scenario)
        var rank = [Double](repeating: 0, count: network.model.columns.count)
        var draw = rank
        for (k, columns) in network.pairColumns.enumerated() {
            let p = candidates.keyPositions[k]
            for (i, column) in columns.enumerated() {
                let c = candidates.pairs[k][i].cadre
                rank[column] = Double(ranks.position[p] * ranks.cadre[c])
                draw[column] = Double(1 + fnv1a(scenario.positions[p].id + "|" + scenario.cadres[c].id) % (1 << 20))
            }
        }
        return zip(successionOrder, [rank, draw]).map { key, coefficients in (key.name, key.words, coefficients) }
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// `model`'s optimal face for `rowPrices`, optimal duals of its LP whose optimum `plan`
    /// reaches: every column of nonzero reduced cost fixed at the bound it sits at, every row of
    /// nonzero price an equality at the bound it holds. nil when the prices do not prove the
    /// plan's value (then the face they describe is not the optimum's) or the plan is not on it.
    static func optimalFace(of model: LinearModel, plan: [Double], rowPrices: [Double]) -> LinearModel? {
        let value = model.objectiveValue(plan)
        let bound = DualBound(model: model, columns: ColumnMajor(model), rowPrices: rowPrices)
        guard abs(bound.value - value) <= 1e-6 * max(1, abs(value)) else { return nil }
        var face = model
        // What counts as a nonzero reduced cost or price: above the arithmetic's noise, and below
        // a whole unit, which a key's (whole-number coefficients) can be: at 10⁻⁷ of the largest
        // rank product (10⁷ on a communes round) a reduced cost of −1 passed for 0, and the next
        // key's plan gave up a unit of the rank key.
        let slack = min(0.25, 1e-6 * max(1, model.columns.reduce(0) { max($0, abs($1.objective)) }))
        for (j, d) in bound.reducedCosts.enumerated() {
            let column = model.columns[j]
            if d > slack, column.upper.isFinite {
                face.setLowerBound(j, column.upper)
            } else if d < -slack {
                face.setUpperBound(j, column.lower)
            }
        }
        for (i, y) in bound.rowPrices.enumerated() {
            let row = model.rows[i]
            if y > slack, let upper = row.upper {
                face.setRowBounds(i, lower: upper, upper: upper)
            } else if y < -slack, let lower = row.lower {
                face.setRowBounds(i, lower: lower, upper: lower)
            }
        }
        guard face.isFeasible(plan, tolerance: 1e-6), face.problems().isEmpty else { return nil }
        return face
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
