import Foundation
import PlannerGLPK

extension Planner {
    /// Candidates per post that a relaxed eligibility rule may open in the elastic model.
    static let elasticSample = 8

    /// A diagnosis as a document, and the rule instances it names (what tests and callers can
    /// check by solving: `conflicts(_:in:)`, `hasPlan(dropping:in:)`).
    public struct DiagnosisResult: Sendable {
        public var document: Diagnosis
        public var fewest: [RuleInstance]
        public var conflict: [RuleInstance]
    }

    /// Diagnoses a round with no feasible plan. Every model is solved by `solver`; `options`
    /// gives the time limit for the whole diagnosis (none by default): when it passes, the
    /// diagnosis reports what it has, its unfinished claims marked as such. The items' texts
    /// are in `words`' language: English, the language of the JSON document, by default.
    public static func diagnose(
        _ scenario: Scenario, sha256: String, options: Options = Options(),
        solver: any MIPSolver = GLPKSolver(), words: Words = .english
    ) throws(PlannerError) -> Diagnosis {
        try diagnosis(scenario, sha256: sha256, options: options, solver: solver, words: words).document
    }

    /// `widestProof`: the most pair columns the proof of the fewest may build (`widestProof`
    /// below); a test of a wide round's wording sets it low. `modelsInAdvance`: whether a model
    /// the count may need is built on a thread of its own while an LP runs (`fewestToRelax`);
    /// the diagnosis is the same either way, which a test checks.
    public static func diagnosis(
        _ scenario: Scenario, sha256: String, options: Options = Options(),
        solver: any MIPSolver = GLPKSolver(), words: Words = .english, widestProof: Int = Planner.widestProof,
        modelsInAdvance: Bool = true
    ) throws(PlannerError) -> DiagnosisResult {
        let identity = ScenarioIdentity(name: scenario.name, planningYear: scenario.planningYear, sha256: sha256)
        var search = ConflictSearch(scenario: scenario, options: options, solver: solver)
        search.widestProof = widestProof
        search.buildsModelsInAdvance = modelsInAdvance
        func result(_ document: Diagnosis, _ fewest: [RuleInstance] = [], _ conflict: [RuleInstance] = []) -> DiagnosisResult {
            var document = document
            // Stopped by a signal, not by a time limit: its words say so.
            if SolveInterruption.isRequested { document.stopped = true }
            return DiagnosisResult(document: document, fewest: fewest, conflict: conflict)
        }

        // 0. Conflicts evident from the scenario (`EvidentConflicts`): each is irreducible by
        // construction. When they share no rule, each needs one of its rules dropped: dropping
        // the lock, pin or must-fill of each is the fewest when the round then has a plan.
        let evident = EvidentConflicts.find(in: scenario)
        if !evident.isEmpty {
            let describer = ConflictDescriber(scenario: scenario, words: words)
            let disjoint = Set(evident.joined()).count == evident.reduce(0) { $0 + $1.count }
            let proposal = evident.map { $0[0] }
            search.purpose = "the round without one rule of each evident conflict"
            let yields = try search.roundHasPlan(without: Set(proposal))
            if disjoint, yields == true {
                let document = Diagnosis(
                    scenario: identity, infeasible: true, fewest: proposal.map(describer.describe), fewestProven: true,
                    fewestYieldsPlan: true,
                    conflict: evident[0].map(describer.describe), irreducible: true, conflictEvident: true, solves: search.solves)
                return result(document, proposal, evident[0])
            }
            // More conflicts than the evident ones (or evident ones sharing a rule): the fewest
            // comes from the search below, the conflict stays the evident one.
            let found = try fewestToRelax(scenario, neighbourhood: ConflictNeighbourhood(scenario: scenario), search: &search)
            let document = Diagnosis(
                scenario: identity, infeasible: true, fewest: (found?.instances ?? []).map(describer.describe),
                fewestProven: found?.proven ?? false, fewestCountedOnSample: found?.tooWide ?? false,
                fewestYieldsPlan: found == nil ? nil : try fewestCheck(found!.instances, search: &search),
                conflict: evident[0].map(describer.describe), irreducible: true, conflictEvident: true, solves: search.solves)
            return result(document, found?.instances ?? [], evident[0])
        }

        let neighbourhood = ConflictNeighbourhood(scenario: scenario)

        // 1. The fewest instances to relax (`fewestToRelax`).
        guard let (fewest, proven, tooWide) = try fewestToRelax(scenario, neighbourhood: neighbourhood, search: &search) else {
            // No answer in time: infeasible only when the elastic LP proved that something must
            // break before the time ran out; otherwise nothing is claimed.
            if !search.roundHasNoPlan, BoundPropagation.infeasibility(of: buildModel(scenario).model, log: options.log) != nil {
                // Bound propagation over the round settles it without an LP (as `solve` does): a
                // build and one pass, cheap beside the diagnosis the time limit cut short.
                search.roundHasNoPlan = true
            }
            return result(Diagnosis(scenario: identity, infeasible: search.roundHasNoPlan ? true : nil, solves: search.solves))
        }
        guard !fewest.isEmpty else {
            return result(Diagnosis(scenario: identity, infeasible: false, solves: search.solves))
        }
        // 2. The check: the round with those instances dropped has a plan.
        let dropped = Set(fewest)
        let yields = try fewestCheck(fewest, search: &search)

        // 3. A conflict around the first instance the relaxation names: grow the set of rules
        // that bear on the posts and cadres it involves until that set alone conflicts (each
        // test a small exact solve), else fall back on the elastic filter over the whole round.
        var candidates: [RuleInstance]?
        for seed in fewest where !search.outOfTime {
            var set: Set<RuleInstance> = [seed]
            for round in 0..<4 where !search.outOfTime {
                set = neighbourhood.grow(set)
                search.purpose = "neighbourhood of \(seed.rule), round \(round + 1), \(set.count) rules"
                if try search.conflicts(Array(set)) == true {
                    candidates = set.sorted()
                    break
                }
            }
            if candidates != nil { break }
        }
        if candidates == nil, !search.outOfTime { candidates = try elasticFilter(scenario, from: dropped, search: &search) }
        // 4. The deletion filter: drop whole groups, then single instances, whose absence still
        // leaves a conflict (whole-round rules first, eligibility data last).
        var conflict: [RuleInstance] = []
        var irreducible = false
        if let candidates {
            (conflict, irreducible) = try deletionFilter(candidates, search: &search)
        }
        let describer = ConflictDescriber(scenario: scenario, words: words)
        let document = Diagnosis(
            scenario: identity, infeasible: true, fewest: fewest.map(describer.describe), fewestProven: proven,
            fewestCountedOnSample: tooWide, fewestYieldsPlan: yields,
            conflict: conflict.map(describer.describe), irreducible: irreducible, solves: search.solves)
        return result(document, fewest, conflict)
    }

    /// Whether the round with `fewest` dropped has a plan (nil: no answer in time).
    static func fewestCheck(_ fewest: [RuleInstance], search: inout ConflictSearch) throws(PlannerError) -> Bool? {
        guard !search.outOfTime else { return nil }
        search.purpose = "the round without the fewest"
        return try search.roundHasPlan(without: Set(fewest))
    }

    /// The fewest hard instances whose relaxation yields a plan, and whether no fewer can do
    /// (proven by the LP's bound or the elastic MIP's); nil when no answer came in time (empty: the
    /// round has a plan).
    ///
    /// The elastic model over the whole round (every hard instance may break, each counted once,
    /// ties broken by the round's scaled objective) is a large MIP with an unusual objective,
    /// slow to solve whole (docs/performance.md, "Lab notes"). So: its LP relaxation first, cheap,
    /// whose value bounds the count from below; then the round with only the instances that LP breaks made
    /// elastic (the rest hard), a rotation round with a few elastic rows that solves in
    /// seconds. When that count meets the bound it is the fewest; otherwise the suspects grow
    /// by their neighbourhood, and last the whole elastic model is solved.
    ///
    /// The bound must hold over every relaxation, and an eligibility rule relaxed may let in any
    /// of the pairs it keeps out: with only a sample of each post's best-rated pairs, the count
    /// missed the one woman who, let into one post, needed one rule dropped where the sample
    /// needed two. So when the sample's LP says k ≥ 2 must break, the question "can fewer do?" is
    /// asked over every pair that breaks fewer than k instances (no relaxation of fewer than k
    /// uses another): first by the sample's row prices carried over to that model
    /// (`RotationModel.bound(fromPricesOf:)`, in Swift), and only when they allow fewer by that
    /// model's LP, its pairs priced in as it needs them and stopped once the count is settled
    /// (`leastBroken`). The last resort, the whole elastic MIP, is over those pairs too. A round
    /// so wide that this model would pass `widestProof` pairs is counted on the sample, and the
    /// count is then not claimed the fewest (unless it is one).
    static func fewestToRelax(
        _ scenario: Scenario, neighbourhood: ConflictNeighbourhood, search: inout ConflictSearch
    ) throws(PlannerError) -> (instances: [RuleInstance], proven: Bool, tooWide: Bool)? {
        let span = RotationModel.objectiveSpan(for: scenario)
        search.instancePrice = 2 * span
        // Asked to stop, the builder tests no more pairs (`pairs`): the model over every pair
        // took 20 s to build in a debug build, all of it after a Ctrl-C. A model cut short
        // this way is never solved: `search.solve` and the check after the wide build see the
        // request first.
        // Out of time, likewise: the model over every pair took 1.3 s on the city's hard variant,
        // past the limit when the elastic LP ended near it.
        let deadline = search.deadline
        let facts = search.facts
        // `inAdvance`: built on a thread of its own beside the LP, on that thread alone.
        @Sendable func elastic(
            pairsPerPost: Int, breakingAtMost: Int, unwanted: @escaping @Sendable () -> Bool = { false }, inAdvance: Bool = false
        ) -> RotationModel {
            RotationModelBuilder.build(
                facts: facts,
                relaxation: RuleRelaxation(
                    treatment: { _ in .elastic },
                    pairs: { _, _ in !unwanted() && !SolveInterruption.isRequested && deadline.map { Date() < $0 } ?? true },
                    elasticPairsPerPost: pairsPerPost,
                    elasticPairsBreakingAtMost: breakingAtMost, elasticPrice: 2 * span),
                pairTestsOnTwoThreads: !inAdvance)
        }
        guard !search.outOfTime else { return nil }
        let sampled = elastic(pairsPerPost: elasticSample, breakingAtMost: 2)
        // The model over every pair that breaks at most two instances is what the count needs
        // when the sample's LP says three must break (below): on the city's hard women-per-team
        // variant, 418,701 pairs and a second to build after that LP. So it is built on a
        // thread of its own while the LP runs, and dropped when the LP says otherwise. The same
        // model as built after the LP, so the same diagnosis (docs/performance.md, "The
        // diagnosis's model over every pair, built while the sample's LP runs").
        let narrowInAdvance = 2
        let inAdvance: SecondThread<RotationModel>? =
            search.buildsModelsInAdvance && ProcessInfo.processInfo.activeProcessorCount > 1
                && sampled.elasticPairsByBreaks.prefix(narrowInAdvance + 1).reduce(0, +) <= search.widestProof
            ? SecondThread { work in
                elastic(pairsPerPost: .max, breakingAtMost: narrowInAdvance, unwanted: { work.isCancelled }, inAdvance: true)
            }
            : nil
        defer { inAdvance?.cancel() }
        search.purpose = "elastic LP"
        guard var lp = try search.solve(sampled, relaxationOnly: true), let sampledValue = search.lastBound,
            let prices = search.lastRowPrices
        else { return nil }
        // The model whose LP `lp` solves: the sample, or the model over every narrow pair.
        var lpModel = sampled
        var least = leastBroken(sampledValue, span: span)
        if least >= 1 { search.roundHasNoPlan = true }
        var indicators = sampled.elasticIndicators
        // The count no relaxation can beat: the sample's only once checked over every pair; one
        // whatever the sample says (the round has no plan).
        var provenLeast = min(least, 1)
        var whole = sampled
        var wholeHasEveryNarrowPair = false
        var tooWide = false
        let narrow = least - 1
        let width = sampled.elasticPairsByBreaks.prefix(narrow + 1).reduce(0, +)
        if least <= 1 {
            provenLeast = least
        } else if width > search.widestProof {
            search.options.log?(
                "planner: diagnosis: \(width) pairs break fewer than \(least) rules, past \(search.widestProof): the count is the sample's")
            tooWide = true
        } else if search.outOfTime {
            // Asked to stop, or out of time: building the model over every such pair takes a
            // second of its own.
            return nil
        } else {
            let builtInAdvance = narrow == narrowInAdvance ? inAdvance?.result() : nil
            if builtInAdvance != nil {
                search.options.log?(
                    "planner: diagnosis: the model over every pair breaking at most \(narrow) rules was built while the sample's LP ran")
            }
            let full = builtInAdvance ?? elastic(pairsPerPost: .max, breakingAtMost: narrow)
            if search.outOfTime { return nil }  // the model may be cut short (`elastic`)
            (whole, wholeHasEveryNarrowPair) = (full, true)
            let overEveryPair = full.bound(fromPricesOf: sampled, prices: prices, absentInstancePrice: 2 * span)
            search.options.log?(
                "planner: diagnosis: the sampled LP's prices bound the elastic LP over the \(width) pairs breaking fewer than \(least) rules by \(overEveryPair) (the sample's own \(sampledValue))"
            )
            provenLeast = least
            if leastBroken(overEveryPair, span: span) < least {
                search.purpose = "elastic LP over every pair breaking fewer than \(least) rules"
                guard
                    let values = try search.solve(
                        full, relaxationOnly: true, relaxationSuffices: { leastBroken($0, span: span) == leastBroken($1, span: span) }),
                    let value = search.lastBound
                else { return nil }
                // Fewer than `least` use these pairs only: this LP's count, when below, bounds them.
                provenLeast = min(least, leastBroken(value, span: span))
                if provenLeast < least { (lp, lpModel, least, indicators) = (values, full, provenLeast, full.elasticIndicators) }
            }
        }
        var suspects = Set(indicators.filter { lp[$0.column] > 1e-6 }.map(\.instance))
        if least > 0, suspects.count == least, !search.outOfTime {
            // The LP names exactly as many instances as it proves must break: they are the
            // fewest when the round without them has a plan, and that one feasibility question
            // (the check the diagnosis asks next anyway) is far cheaper than the elastic MIP,
            // whose search found its first plan only by GLPK's proximity search, after 12 s on the
            // city's hard women-per-team variant (docs/performance.md, "The diagnosis's fewest from
            // one feasibility question").
            search.purpose = "the round without the LP's \(least) suspects"
            if try search.roundHasPlan(without: suspects, near: (lpModel, lp)) == true {
                search.roundHasPlanWithout = suspects
                return (suspects.sorted(), suspects.count <= provenLeast, tooWide)
            }
        }
        // The fewest found so far, and its count: a relaxation that yields a plan.
        var best: [RuleInstance]?
        for round in 0..<3 where (!suspects.isEmpty || least == 0) && !search.outOfTime {
            let elastic = suspects
            let model = RotationModelBuilder.build(
                scenario,
                relaxation: RuleRelaxation(
                    treatment: { elastic.contains($0) ? .elastic : .asPolicy }, elasticPairsPerPost: elasticSample, elasticPrice: 2 * span))
            search.purpose = "elastic on \(suspects.count) suspects, round \(round + 1)"
            if let values = try search.solve(model) {
                let broken = model.brokenInstances(values)
                // A search closed on a model with every pair the rules allow, breaking one or
                // more: the round has no plan, so one is the least.
                if search.lastWasProven, !broken.isEmpty { provenLeast = max(provenLeast, 1) }
                if broken.count <= least { return (broken, broken.count <= provenLeast, tooWide) }
                if best.map({ broken.count < $0.count }) ?? true { best = broken }
            }
            suspects = neighbourhood.grow(suspects).filter { !$0.isFilter || suspects.contains($0) }.union(suspects)
        }
        guard !search.outOfTime else { return best.map { ($0, $0.count <= provenLeast, tooWide) } }
        // Last, the whole elastic MIP over every pair that breaks at most B instances: a
        // relaxation of k ≤ B + 1 uses no other, so its optimum is the fewest when it is at most
        // B + 1. B is one below the best count found (the optimum is then at most that count), or
        // the sample's count when none was found.
        let breakingAtMost = (best?.count ?? (least + 1)) - 1
        let wide = sampled.elasticPairsByBreaks.prefix(max(0, breakingAtMost) + 1).reduce(0, +)
        var last = sampled
        var lastHasEveryPair = false
        if wholeHasEveryNarrowPair, breakingAtMost == narrow {
            (last, lastHasEveryPair) = (whole, true)
        } else if wide <= search.widestProof {
            (last, lastHasEveryPair) = (elastic(pairsPerPost: .max, breakingAtMost: max(0, breakingAtMost)), true)
        } else {
            search.options.log?(
                "planner: diagnosis: \(wide) pairs break at most \(breakingAtMost) rules, past \(search.widestProof): the last search is on the sample"
            )
            tooWide = true
        }
        search.purpose = "elastic, whole round"
        guard let values = try search.solve(last) else { return best.map { ($0, $0.count <= provenLeast, tooWide) } }
        let found = last.brokenInstances(values)
        if search.lastWasProven {
            // No relaxation of fewer than `found` uses only the model's pairs; one that uses
            // another breaks more than B. On the sample, only "the round has no plan" is proven.
            provenLeast = max(provenLeast, lastHasEveryPair ? min(found.count, breakingAtMost + 1) : min(found.count, 1))
        }
        let fewest = best.map { $0.count < found.count ? $0 : found } ?? found
        return (fewest, fewest.count <= provenLeast, tooWide)
    }

    /// The most pair columns the diagnosis's model over every pair may have: past it (about 0.7 GB
    /// of model; the city's hard women-per-team variant has 593,000 pairs, the communes' round
    /// 14 million), the count is the sample's, not claimed the fewest.
    public static let widestProof = 1_000_000

    /// The fewest instances a plan of the elastic model breaks when its value (or a bound on it)
    /// is `value`: a plan breaking k is worth −2·span·k plus an objective within ±span/2 of 0.
    static func leastBroken(_ value: Double, span: Double) -> Int {
        max(0, Int(((-value - span / 2) / (2 * span) - 1e-9).rounded(.up)))
    }

    /// Chinneck's elastic filter over the whole round: enforce what the elastic solution broke,
    /// until the enforced set alone has no solution (the rest stays elastic, free to break).
    /// Slow on a city round (each solve some tens of seconds): the fallback when no neighbourhood
    /// of the relaxation conflicts.
    static func elasticFilter(
        _ scenario: Scenario, from start: Set<RuleInstance>, search: inout ConflictSearch
    ) throws(PlannerError) -> [RuleInstance]? {
        var enforced = start
        let price = search.instancePrice
        for _ in 0..<64 where !search.outOfTime {
            let support = ConflictSupport(facts: search.facts, instances: enforced)
            let frozen = enforced
            let model = RotationModelBuilder.build(
                facts: search.facts,
                relaxation: RuleRelaxation(
                    treatment: { frozen.contains($0) ? .asPolicy : .elastic }, elasticPairs: { support.contains($0, $1) },
                    elasticPairsPerPost: elasticSample, elasticPrice: price))
            search.purpose = "elastic filter, \(enforced.count) enforced"
            guard let values = try search.solve(model) else { return search.lastWasInfeasible ? enforced.sorted() : nil }
            let broken = model.brokenInstances(values)
            if broken.isEmpty { return nil }
            enforced.formUnion(broken)
        }
        return nil
    }

    /// Reduces a conflicting set to an irreducible one: each group, then each instance, is
    /// dropped for good when the rest still conflicts. Groups first (all cadre rules, all of one
    /// post's requirements, …): most of a neighbourhood is beside the point, and one test then
    /// settles many instances. Returns the set and whether every test was decided in time.
    ///
    /// The instances one at a time, in runs: after a run is dropped the next is twice as long,
    /// and a run that cannot be dropped is tried again half as long, down to one instance. The
    /// result is the one-at-a-time filter's exactly: when the rest conflicts without a run, it
    /// conflicts without any part of it (fewer rules only leave more plans), so one at a time
    /// would have dropped each; and an instance is kept only when dropping it alone, from the same
    /// set, leaves a plan. On the city's hard women-per-team variant a hundred instances in a row
    /// went one solve each (docs/performance.md, "The deletion filter drops runs").
    static func deletionFilter(_ candidates: [RuleInstance], search: inout ConflictSearch) throws(PlannerError) -> ([RuleInstance], Bool) {
        var conflict = candidates.sorted()
        var decided = true
        /// Whether the set without `drop` still conflicts (then it is the set); nil when time ran out.
        func attempt(_ drop: Set<RuleInstance>) throws(PlannerError) -> Bool? {
            let without = conflict.filter { !drop.contains($0) }
            guard without.count < conflict.count, !without.isEmpty else { return false }
            guard !search.outOfTime else { return nil }
            search.purpose = "deletion filter, \(without.count) kept"
            let answer = try search.conflicts(without)
            if answer == true { conflict = without }
            return answer
        }
        let groups = Dictionary(grouping: conflict, by: ConflictNeighbourhood.group).sorted { $0.key < $1.key }
        if groups.count > 1 {
            for (_, members) in groups where members.count > 1 {
                if try attempt(Set(members)) == nil { decided = false }
            }
        }
        let order = conflict
        var next = 0
        var run = 1
        while next < order.count {
            let members = order[next..<min(order.count, next + run)]
            switch try attempt(Set(members)) {
            case true?:
                next += members.count
                run *= 2
            case false? where members.count > 1, nil where members.count > 1:
                run = max(1, members.count / 2)
            case false?:
                next += 1
            case nil:
                decided = false
                next += 1
            }
        }
        return (conflict, decided)
    }

    /// Whether the instances alone (every other rule off) conflict: true, false, or nil when
    /// the solver ran out of time. What the deletion filter asks, and what tests check.
    public static func conflicts(
        _ instances: [RuleInstance], in scenario: Scenario, options: Options = Options(),
        solver: any MIPSolver = GLPKSolver()
    ) throws(PlannerError) -> Bool? {
        var search = ConflictSearch(scenario: scenario, options: options, solver: solver)
        return try search.conflicts(instances)
    }

    /// Whether the round has a plan once `instances` are dropped (every other rule as the
    /// policy says): true, false, or nil when the solver ran out of time.
    public static func hasPlan(
        dropping instances: [RuleInstance], in scenario: Scenario, options: Options = Options(),
        solver: any MIPSolver = GLPKSolver()
    ) throws(PlannerError) -> Bool? {
        var search = ConflictSearch(scenario: scenario, options: options, solver: solver)
        return try search.roundHasPlan(without: Set(instances))
    }
}

extension Planner {
    /// Every hard rule instance of a round, in report order: what a diagnosis chooses from.
    /// Enumerates every (cadre, post) pair, so it is for small rounds (tests, worked examples).
    public static func hardInstances(of scenario: Scenario) -> [RuleInstance] {
        let model = RotationModelBuilder.build(
            scenario,
            relaxation: RuleRelaxation(
                treatment: { _ in .elastic }, elasticPairsPerPost: .max, elasticPairsBreakingAtMost: .max,
                keepsObjective: false))
        return model.elasticIndicators.map(\.instance).sorted()
    }
}

/// The solves of one diagnosis, counted, all within the caller's time limit.
struct ConflictSearch {
    let scenario: Scenario
    /// Worked out once: the deletion filter builds a model and a support for each of its tests.
    let facts: ScenarioFacts
    let options: Planner.Options
    let solver: any MIPSolver
    /// When the diagnosis must end (the time limit, from the search's start).
    let deadline: Date?
    var solves = 0
    var lastWasInfeasible = false
    var lastBound: Double?
    /// The row prices of the last solve's LP, when it was asked for the relaxation only.
    var lastRowPrices: [Double]?
    /// The last solve proved its answer optimal (within the gap asked for).
    var lastWasProven = false
    /// Instances the round was found to have a plan without (`feasible`), so that the
    /// diagnosis's check of its fewest asks it once.
    var roundHasPlanWithout: Set<RuleInstance>?
    /// What each broken rule costs in the elastic models (2·span), set by the first of them.
    var instancePrice = 1.0
    /// The most pair columns the model over every pair may have (`Planner.widestProof`).
    var widestProof = Planner.widestProof
    /// Whether a model the count may need is built while an LP runs (`Planner.diagnosis`).
    var buildsModelsInAdvance = true
    /// What the next solve is for, in the progress log.
    var purpose = "elastic"
    /// The elastic LP proved that some hard rule must break: the round has no plan, whatever the
    /// rest of the diagnosis finds in its time.
    var roundHasNoPlan = false

    init(scenario: Scenario, options: Planner.Options, solver: any MIPSolver) {
        self.scenario = scenario
        facts = ScenarioFacts(scenario)
        self.options = options
        self.solver = solver
        // From the command's start when the caller gives it (`clockStart`): reading the file and
        // building the first model spend the limit too (`diagnose --time-limit 0` took 0.7 s on city).
        deadline = options.timeLimit.map { (options.clockStart ?? Date()).addingTimeInterval($0) }
    }

    /// The time limit has passed, or a stop was asked for: no further solve is started.
    var outOfTime: Bool {
        SolveInterruption.isRequested || (deadline.map { Date() >= $0 } ?? false)
    }

    /// A solution of the model, or nil (infeasible, or no solution in time: `lastWasInfeasible`
    /// says which). Driven as a rotation round is: the plan where every incumbent stays,
    /// completed by the rounding heuristic, as a start; the rounding at GLPK's nodes; the LP dive.
    /// With nothing in the objective but the broken instances, GLPK's own search finds no
    /// whole solution in minutes on the city round.
    mutating func solve(
        _ rotation: RotationModel, relaxationOnly: Bool = false,
        relaxationSuffices: (@Sendable (_ restricted: Double, _ bound: Double) -> Bool)? = nil, anyPlan: Bool = false,
        alsoInCore: [Bool]? = nil
    ) throws(PlannerError) -> [Double]? {
        guard !outOfTime else {
            lastWasInfeasible = false
            lastWasProven = false
            lastBound = nil
            lastRowPrices = nil
            return nil
        }
        solves += 1
        var stage = options
        stage.relaxationOnly = relaxationOnly
        stage.relaxationSuffices = relaxationSuffices
        stage.anyPlan = anyPlan
        stage.elasticShortRowsFirst = true
        if let deadline { stage.timeLimit = max(0, deadline.timeIntervalSinceNow) }
        let rounding = RotationRounding(rotation)
        // The round with its objective prices its candidates in as `solve` does; a model that
        // counts broken rules has nothing to price by.
        stage.pricingCore =
            rotation.model.columns.contains { $0.objective > 0 } ? rotation.pricingCore(perPosition: options.candidatesPerPost) : nil
        // Columns the caller expects the LP to use (`roundHasPlan(without:near:)`).
        if let alsoInCore, var core = stage.pricingCore, alsoInCore.count == core.count {
            for j in core.indices where alsoInCore[j] { core[j] = true }
            stage.pricingCore = core
        }
        stage.heuristic = { rounding($0) }
        stage.start = rotation.stayPlan(rounding)
        // Each broken rule costs 2·span, and the round's objective stays within ±span/2: a plan
        // that breaks one fewer is better by at least span, so a gap of span proves the count.
        if !rotation.elasticIndicators.isEmpty {
            stage.absoluteGap = instancePrice / 2
            // The dive loses its way on the elastic model, where branch and bound closes it at
            // its first node (docs/performance.md, "Lab notes").
            stage.dive = false
            // Not GLPK's proximity search for a first plan (`proximitySearchWithoutPlan`): on
            // some small rounds its inner simplex fails an assertion and GLPK aborts the whole
            // process (docs/performance.md, "GLPK's proximity search aborts"); the elastic
            // search it served now runs only when the LP names more suspects than it proves.
        }
        let result: MIPResult
        let started = Date()
        do { result = try solver.solve(rotation.model, options: stage) } catch { throw .solver(error) }
        options.log?(
            "planner: diagnosis solve \(solves) (\(purpose)): \(result.status), \(rotation.model.columns.count) columns, \(String(format: "%.2f", Date().timeIntervalSince(started))) s"
        )
        lastWasInfeasible = result.status == .infeasible || result.status == .unbounded
        lastBound = result.bound
        lastRowPrices = result.rowPrices
        lastWasProven = result.status == .optimal
        return result.solution?.values
    }

    /// Whether a model has a solution: true, false, or nil when time ran out first. The first
    /// plan found answers it.
    mutating func feasible(_ rotation: RotationModel, alsoInCore: [Bool]? = nil) throws(PlannerError) -> Bool? {
        if try solve(rotation, anyPlan: true, alsoInCore: alsoInCore) != nil { return true }
        return lastWasInfeasible ? false : nil
    }

    /// Whether the round has a plan once `dropped` are off (every other rule as the policy says):
    /// true, false, or nil when time ran out; answered without a solve when the fewest's own
    /// search already found it has (`roundHasPlanWithout`).
    ///
    /// `near`: an LP solution of another model of the round (the elastic LP that named
    /// `dropped`): the pairs it uses join the first LP's columns, where the LP's plan is likely
    /// to be. On the city's hard women-per-team variant the question took 0.24 to 0.37 s with
    /// them and 0.81 to 0.85 s without (docs/performance.md). Only the columns change, not the
    /// answer: the pricing brings in any other column the LP needs.
    mutating func roundHasPlan(
        without dropped: Set<RuleInstance>, near relaxation: (model: RotationModel, values: [Double])? = nil
    ) throws(PlannerError) -> Bool? {
        if roundHasPlanWithout == dropped { return true }
        let rotation = RotationModelBuilder.build(
            facts: facts, relaxation: RuleRelaxation(treatment: { dropped.contains($0) ? .off : .asPolicy }))
        return try feasible(rotation, alsoInCore: relaxation.map { Self.samePairs(as: $0.model, using: $0.values, in: rotation) })
    }

    /// Flags on `target`'s columns: the pairs that `source`'s `values` use.
    static func samePairs(as source: RotationModel, using values: [Double], in target: RotationModel) -> [Bool] {
        let cadres = source.scenario.cadres.count
        var used = Set<Int>()
        for (j, meaning) in source.meanings.enumerated() where j < values.count && values[j] > 1e-9 {
            if case .assign(let c, let p) = meaning { used.insert(p * cadres + c) }
        }
        return target.meanings.map { meaning in
            guard case .assign(let c, let p) = meaning else { return false }
            return used.contains(p * cadres + c)
        }
    }

    /// Whether `instances` alone conflict, on the model over the pairs they demand
    /// (`ConflictSupport`): the same answer as over every pair, with far fewer columns.
    mutating func conflicts(_ instances: [RuleInstance]) throws(PlannerError) -> Bool? {
        let kept = Set(instances)
        let support = ConflictSupport(facts: facts, instances: kept)
        let model = RotationModelBuilder.build(
            facts: facts,
            relaxation: RuleRelaxation(
                treatment: { kept.contains($0) ? .asPolicy : .off }, pairs: { support.contains($0, $1) }, keepsObjective: false))
        return try feasible(model).map { !$0 }
    }
}

/// The rules around a set of rule instances: what a conflict involving them can be made of.
struct ConflictNeighbourhood {
    let scenario: Scenario
    let facts: ScenarioFacts
    let rules: PairRules
    /// Hard instances that demand pairs, by the post or cadre they touch, and the moves cap.
    var byPost: [Int: [RuleInstance]] = [:]
    var byCadre: [Int: [RuleInstance]] = [:]
    var moves: RuleInstance?

    init(scenario: Scenario) {
        self.scenario = scenario
        facts = ScenarioFacts(scenario)
        rules = PairRules(scenario)
        let policy = scenario.policy
        for (p, position) in scenario.positions.enumerated() where position.mustFill && policy.mustFill.mode == .hard {
            byPost[p, default: []].append(.mustFill(position: p))
        }
        for u in scenario.units.indices {
            let rules = RotationRules.all.filter { $0.bindsTeamHard(unit: u, facts: facts) }.map {
                RuleInstance.team(rule: $0.key, unit: u)
            }
            for p in facts.teams[u] { byPost[p, default: []] += rules }
        }
        for (c, cadre) in scenario.cadres.enumerated() {
            guard let own = facts.postOfIncumbent[cadre.id] else { continue }
            if cadre.locked, policy.locks.mode == .hard {
                byCadre[c, default: []].append(.lock(cadre: c))
                byPost[own, default: []].append(.lock(cadre: c))
            }
            if policy.release.mode == .hard, !facts.retiresInRound(cadre) { byCadre[c, default: []].append(.release(cadre: c)) }
        }
        if policy.locks.mode == .hard {
            for (index, pin) in scenario.pinned.enumerated() {
                if let c = facts.cadreIndex[pin.cadre] { byCadre[c, default: []].append(.pin(index: index)) }
                if let p = facts.positionIndex[pin.position] { byPost[p, default: []].append(.pin(index: index)) }
            }
        }
        if policy.relatives.mode == .hard {
            for (a, b) in facts.relativePairs {
                for u in scenario.units.indices {
                    let instance = RuleInstance.relatives(first: a, second: b, unit: u)
                    byCadre[a, default: []].append(instance)
                    byCadre[b, default: []].append(instance)
                }
            }
        }
        if policy.moves.mode == .hard { moves = .moves }
    }

    /// One step out: the rules that demand pairs of the posts and cadres the set touches, then
    /// every hard rule that keeps a cadre from a post the set demands (or a post from a cadre
    /// it demands).
    func grow(_ set: Set<RuleInstance>) -> Set<RuleInstance> {
        var result = set
        var posts = Set<Int>()
        var cadres = Set<Int>()
        for instance in set {
            switch instance {
            case .requirement(_, let p), .tenure(let p), .mustFill(let p): posts.insert(p)
            case .cadreRule(_, let c), .release(let c): cadres.insert(c)
            case .forbidden(let index):
                let pair = scenario.forbidden[index]
                if let c = facts.cadreIndex[pair.cadre] { cadres.insert(c) }
                if let p = facts.positionIndex[pair.position] { posts.insert(p) }
            case .team(_, let u): posts.formUnion(facts.teams[u])
            case .lock(let c):
                cadres.insert(c)
                if let own = facts.postOfIncumbent[scenario.cadres[c].id] { posts.insert(own) }
            case .pin(let index):
                let pin = scenario.pinned[index]
                if let c = facts.cadreIndex[pin.cadre] { cadres.insert(c) }
                if let p = facts.positionIndex[pin.position] { posts.insert(p) }
            case .relatives(let a, let b, _): cadres.formUnion([a, b])
            case .moves, .women, .nonLocalShare: break
            }
        }
        for p in posts { result.formUnion(byPost[p] ?? []) }
        for c in cadres { result.formUnion(byCadre[c] ?? []) }
        if let moves, !cadres.isEmpty || !posts.isEmpty { result.insert(moves) }
        let support = ConflictSupport(facts: facts, instances: result)
        for p in support.demandedPosts { for c in scenario.cadres.indices { result.formUnion(rules.broken(cadre: c, position: p)) } }
        for c in support.demandedCadres { for p in scenario.positions.indices { result.formUnion(rules.broken(cadre: c, position: p)) } }
        return result
    }

    /// The group an instance is dropped with in the deletion filter's first pass.
    static func group(_ instance: RuleInstance) -> String {
        switch instance {
        case .cadreRule(let rule, _): "cadre rule \(rule)"
        case .requirement(let rule, _): "requirement \(rule)"
        case .tenure, .forbidden: "pair rules"
        case .mustFill: "must fill"
        case .lock, .pin, .release: "locks"
        case .team: "teams"
        case .relatives: "relatives"
        case .moves, .women, .nonLocalShare: "round"
        }
    }
}

/// The candidate pairs a set of instances alone can need.
///
/// With every other rule off, a solution of the instances can drop any pair that fills no
/// demand: a filter (an eligibility rule, tenure, a forbidden pair) only removes pairs; the
/// moves cap and the relatives rule only limit them. What demands a pair: a post that must be
/// filled, a team rule (its team's posts), a lock or pin (its cadre and post), a hard release
/// (the incumbent needs some post), and a share rule (the pairs that raise the share: women, or
/// non-local cadres, on the posts it counts). Dropping any other pair keeps every such row
/// satisfied, so the instances conflict over these pairs exactly when they conflict over all.
struct ConflictSupport: Sendable {
    /// Demanded posts and cadres, by index (asked once per pair of the round, for every
    /// deletion test: flags, not sets, and no copies of the scenario's entities).
    let posts: [Bool]
    let cadres: [Bool]
    /// Pairs that raise a share rule's count: a woman on a leadership post (flags by cadre and
    /// by post, empty when no women's share is among the instances), a cadre who is not local on
    /// a listed head post.
    let raisesWomen: Bool
    let womenCadre: [Bool]
    let leadershipPost: [Bool]
    let facts: ScenarioFacts
    let raisesNonLocal: Bool

    var demandedPosts: [Int] { posts.indices.filter { posts[$0] } }
    var demandedCadres: [Int] { cadres.indices.filter { cadres[$0] } }

    init(facts: ScenarioFacts, instances: Set<RuleInstance>) {
        let scenario = facts.scenario
        self.facts = facts
        var posts = [Bool](repeating: false, count: scenario.positions.count)
        var cadres = [Bool](repeating: false, count: scenario.cadres.count)
        var women = false
        var nonLocal = false
        for instance in instances {
            switch instance {
            case .mustFill(let p): posts[p] = true
            case .team(_, let u): for p in facts.teams[u] { posts[p] = true }
            case .lock(let c):
                cadres[c] = true
                if let own = facts.postOfIncumbent[scenario.cadres[c].id] { posts[own] = true }
            case .pin(let index):
                let pin = scenario.pinned[index]
                if let c = facts.cadreIndex[pin.cadre] { cadres[c] = true }
                if let p = facts.positionIndex[pin.position] { posts[p] = true }
            case .release(let c): cadres[c] = true
            case .women: women = true
            case .nonLocalShare: nonLocal = true
            case .requirement, .cadreRule, .tenure, .forbidden, .relatives, .moves: break
            }
        }
        self.posts = posts
        self.cadres = cadres
        raisesWomen = women
        womenCadre = women ? scenario.cadres.map { $0.gender == .female } : []
        leadershipPost = women ? scenario.positions.map(\.leadership) : []
        raisesNonLocal = nonLocal
    }

    func contains(_ c: Int, _ p: Int) -> Bool {
        if posts[p] || cadres[c] { return true }
        if raisesWomen, womenCadre[c], leadershipPost[p] { return true }
        if raisesNonLocal {
            let position = facts.scenario.positions[p]
            if facts.isListedHead(position), !facts.isLocal(facts.scenario.cadres[c], toUnit: facts.unit(of: position)) { return true }
        }
        return false
    }
}
