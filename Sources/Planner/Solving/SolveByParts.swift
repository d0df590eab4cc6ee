import Foundation
import PlannerGLPK
import PlannerSolving

/// Solving a round part by part (docs/performance.md, "Parts").
///
/// A round of several cities plans each city's cadres for its own posts: its model falls into
/// independent parts, tied only by the round's shared rows (the moves cap, the share rules).
/// Each part is solved as a round of its own, two at a time, each on its own thread; each keeps
/// the share rules and its own share of the moves cap (⌊share × its incumbents⌋, which sum to at
/// most the round's cap), so the parts' plans together keep every hard rule of the round. The
/// bound is proven over every column of the whole model by `DualBound`, with the parts' row prices
/// and, for the shared rows, the prices that give the least bound.
extension Planner {
    struct PartsOutcome {
        var result: MIPResult
        var parts: Int
    }

    static func solveByParts(
        _ scenario: Scenario, rotation: RotationModel, options: Options, solver: any MIPSolver,
        since start: Date
    ) throws(PlannerError) -> PartsOutcome? {
        guard scenario.positions.count >= options.partsMinimumPosts else { return nil }
        let parts = rotation.parts()
        guard parts.count >= 2 else { return nil }
        let deadline = options.timeLimit.map { start.addingTimeInterval($0) }
        options.log?("planner: \(parts.count) parts, the largest of \(parts[0].positions.count) posts")
        let scenarios = parts.enumerated().map { k, part in subScenario(scenario, part, index: k, of: parts.count) }
        let outcomes: [Result<(RotationModel, MIPResult), PlannerError>] = concurrently(scenarios.count, workers: options.partWorkers) {
            k in
            var partOptions = options
            partOptions.pricingCore = nil
            partOptions.start = nil
            partOptions.heuristic = nil
            partOptions.partsMinimumPosts = .max
            if let deadline { partOptions.timeLimit = max(0, deadline.timeIntervalSinceNow) }
            let log = options.log
            partOptions.log = log.map { log in { @Sendable line in log("part \(k + 1): " + line) } }
            let part = buildModel(scenarios[k])
            return Result { () throws(PlannerError) in (part, try solveModel(part, options: &partOptions, solver: solver)) }
        }
        var solved: [(RotationModel, MIPResult)] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let pair): solved.append(pair)
            case .failure(let error): throw error
            }
        }
        // A part without a plan (a share rule it cannot meet alone, the time limit): the whole round.
        guard solved.allSatisfy({ $0.1.status.hasSolution && $0.1.values != nil }) else { return nil }

        // The parts' holders, completed into a solution of the whole model.
        var holders = [Double](repeating: 0, count: rotation.model.columns.count)
        var held = Set<[Int]>()
        for (part, result) in solved {
            for (j, meaning) in part.meanings.enumerated() {
                guard case .assign(let c, let p) = meaning, result.values![j] > 0.5 else { continue }
                guard let cadre = rotation.facts.cadreIndex[part.scenario.cadres[c].id],
                    let post = rotation.facts.positionIndex[part.scenario.positions[p].id]
                else { continue }
                held.insert([cadre, post])
            }
        }
        for (j, meaning) in rotation.meanings.enumerated() {
            if case .assign(let c, let p) = meaning, held.contains([c, p]) { holders[j] = 1 }
        }
        guard let values = rotation.rounded(holders) else { return nil }
        let objective = rotation.model.objectiveValue(values)

        // The certificate over every column of the whole model.
        let model = rotation.model
        let matrix = ColumnMajor(model)
        var rowIndex: [String: Int] = [:]
        for (i, row) in model.rows.enumerated() { rowIndex[row.name] = i }
        var prices = [Double](repeating: 0, count: model.rows.count)
        var sharedPrices: [Int: [Double]] = [:]
        for (part, result) in solved {
            guard let y = result.rowPrices else { continue }
            for (k, row) in part.model.rows.enumerated() {
                guard let i = rowIndex[row.name] else { continue }
                if rotation.sharedRows.contains(i) { sharedPrices[i, default: []].append(y[k]) } else { prices[i] = y[k] }
            }
        }
        var bound = Double.infinity
        var best = prices
        let choices: [([Double]) -> Double] = [{ $0.reduce(0, +) / Double($0.count) }, { $0.min()! }, { $0.max()! }, { _ in 0 }]
        for choose in choices {
            var y = prices
            for (i, list) in sharedPrices where !list.isEmpty { y[i] = choose(list) }
            let value = DualBound(model: model, columns: matrix, rowPrices: y).value
            if value < bound {
                bound = value
                best = y
            }
        }
        var statistics = SolveStatistics()
        for (_, result) in solved {
            statistics.addEffort(of: result.statistics)
            statistics.columnsUsed = (statistics.columnsUsed ?? 0) + (result.statistics.columnsUsed ?? 0)
        }
        let step = model.objectiveStep()
        statistics.objectiveStep = step
        statistics.provenBound = bound
        statistics.lpBound = bound
        let gap = max(0, bound - objective) / max(1, abs(objective))
        let proven = Proof.proves(bound, incumbent: objective, step: step) || (options.relativeGap > 0 && gap <= options.relativeGap)
        options.log?(
            "planner: parts' plan \(objective), bound \(bound) over every column, gap \(String(format: "%.5f", gap)), \(String(format: "%.2f", Date().timeIntervalSince(start))) s"
        )
        var result = MIPResult(
            status: proven ? .optimal : .feasible, values: values, objective: objective, bound: max(bound, objective),
            statistics: statistics)
        result.rowPrices = best
        return PartsOutcome(result: result, parts: parts.count)
    }

    /// The round restricted to one part: its posts, units, cadres (relatives outside it left
    /// out: no row ties them), pins and forbidden pairs; every locality. An explicit moves cap
    /// is shared out in proportion to the part's incumbents, rounded down.
    static func subScenario(_ scenario: Scenario, _ part: RoundPart, index: Int, of count: Int) -> Scenario {
        let positions = part.positions.map { scenario.positions[$0] }
        let ids = Set(part.cadres.map { scenario.cadres[$0].id })
        let cadres = part.cadres.map { c -> Cadre in
            var cadre = scenario.cadres[c]
            cadre.relatives = cadre.relatives.filter(ids.contains)
            return cadre
        }
        let unitIDs = Set(positions.map(\.unit))
        let postIDs = Set(positions.map(\.id))
        var policy = scenario.policy
        if let max = policy.moves.max {
            let inPart = positions.compactMap(\.incumbent).count
            let all = scenario.positions.compactMap(\.incumbent).count
            policy.moves.max = all == 0 ? max : Int((Double(max) * Double(inPart) / Double(all)).rounded(.down))
        }
        return Scenario(
            version: scenario.version, name: "\(scenario.name), part \(index + 1) of \(count)", planningYear: scenario.planningYear,
            localities: scenario.localities, units: scenario.units.filter { unitIDs.contains($0.id) }, positions: positions,
            cadres: cadres, pinned: scenario.pinned.filter { ids.contains($0.cadre) && postIDs.contains($0.position) },
            forbidden: scenario.forbidden.filter { ids.contains($0.cadre) && postIDs.contains($0.position) },
            policy: policy, objective: scenario.objective)
    }

    /// Runs `work` for 0..<count on `workers` threads of their own, and returns the results in
    /// order. Dedicated threads, not tasks or dispatch queues: GLPK's objects must be created, used
    /// and deleted on one OS thread (ecosystem.md).
    static func concurrently<T: Sendable>(_ count: Int, workers: Int, _ work: @escaping @Sendable (Int) -> T) -> [T] {
        let slots = WorkSlots<T>(count)
        let done = DispatchGroup()
        for _ in 0..<max(1, min(workers, count)) {
            done.enter()
            let thread = Thread {
                while true {
                    slots.lock.lock()
                    let k = slots.next
                    slots.next += 1
                    slots.lock.unlock()
                    guard k < count else { break }
                    let result = work(k)
                    slots.lock.lock()
                    slots.results[k] = result
                    slots.lock.unlock()
                }
                // Every problem of this thread is gone: GLPK's state for it can go too.
                GLPKBackend.releaseThreadState()
                done.leave()
            }
            // The rounding's augmenting paths recurse once per post of a path.
            thread.stackSize = 64 << 20
            thread.start()
        }
        done.wait()
        return slots.results.map { $0! }
    }
}

/// The shared state of `Planner.concurrently`: the next index to take and the results, both
/// guarded by `lock` (which is what makes the unchecked `Sendable` safe).
final class WorkSlots<T>: @unchecked Sendable {
    let lock = NSLock()
    var next = 0
    var results: [T?]

    init(_ count: Int) { results = Array(repeating: nil, count: count) }
}
