import Planner
import PlannerGLPK
import TestSupport
import Testing

/// The pieces that make solving fast (docs/performance.md), each shown to keep the optimum:
/// the share hull rows, the objective step, the dual bound that certifies priced-out columns,
/// and the priced solve itself against the whole model.
@Suite("Fast and still exact")
struct SolvingTests {
    typealias F = Fixtures

    @Test("The share hull for 25 % of 253 to 606 posts: n ≥ 64 at the bottom, 2n − t ≥ −302 at the top")
    func shareHullByHand() {
        let edges = ShareHull.edges(share: 0.25, totals: 253...606)
        // 253…256 posts all need 64 women; 604 need 151, 605 and 606 need 152. The line
        // n = t/4 through the multiples of 4 is the share row itself and is left out.
        #expect(edges.map { [$0.from.total, $0.from.needed, $0.to.total, $0.to.needed] } == [[253, 64, 256, 64], [604, 151, 606, 152]])
        // The top edge as a row: run·n − rise·t ≥ run·n1 − rise·t1, i.e. 2n − t ≥ −302.
        let top = edges[1]
        #expect(top.run == 2 && top.rise == 1 && top.run * top.from.needed - top.rise * top.from.total == -302)
    }

    @Test(
        "Every whole plan keeps every hull row, and each row is met exactly at its two corners",
        arguments: [0.1, 0.15, 0.25, 0.3, 1.0 / 3, 0.333, 0.4, 0.5, 0.75])
    func shareHullIsSound(share: Double) {
        for totals in [0...7, 3...40, 17...61, 100...173] {
            for edge in ShareHull.edges(share: share, totals: totals) {
                func slack(_ t: Int, _ n: Int) -> Int {
                    edge.run * n - edge.rise * t - (edge.run * edge.from.needed - edge.rise * edge.from.total)
                }
                for t in totals { #expect(slack(t, ShareHull.needed(share: share, total: t)) >= 0, "share \(share), \(t) posts") }
                #expect(slack(edge.from.total, edge.from.needed) == 0 && slack(edge.to.total, edge.to.needed) == 0)
            }
        }
        #expect(ShareHull.needed(share: 0.3, total: 10) == 3)  // 0.3 · 10 = 3.0000000000000004
    }

    @Test("The objective step: 9.45, 10.2 and −6 move in steps of 0.15; a continuous column or π has none")
    func objectiveStep() {
        var model = LinearModel(name: "m", direction: .maximize)
        model.addColumn("a", kind: .binary, upper: 1, objective: 9.45)
        model.addColumn("b", kind: .binary, upper: 1, objective: 10.2)
        model.addColumn("c", kind: .integer, upper: 5, objective: -6)
        model.addColumn("d", kind: .continuous, upper: 5, objective: 0)
        #expect(abs((model.objectiveStep() ?? 0) - 0.15) < 1e-12)
        var continuous = model
        continuous.addColumn("e", kind: .continuous, upper: 1, objective: 1)
        #expect(continuous.objectiveStep() == nil)
        var irrational = model
        irrational.addColumn("f", kind: .binary, upper: 1, objective: Double.pi)
        #expect(irrational.objectiveStep() == nil)
    }

    @Test("The dual bound is above every solution for any row prices, and equals the LP optimum at GLPK's", arguments: 0..<20)
    func dualBoundIsSound(seed: Int) throws {
        var random = SplitMix(seed: UInt64(seed))
        // Five 0–1 columns, three rows of each kind of bound, small whole coefficients.
        var model = LinearModel(name: "random", direction: .maximize)
        for j in 0..<5 { model.addColumn("x\(j)", kind: .binary, upper: 1, objective: Double(random.int(-5...9))) }
        for i in 0..<3 {
            let terms = (0..<5).map { LinearModel.Term(column: $0, coefficient: Double(random.int(-2...3))) }.filter { $0.coefficient != 0 }
            switch i {
            case 0: model.addRow("le", terms: terms, upper: Double(random.int(0...4)))
            case 1: model.addRow("ge", terms: terms, lower: Double(random.int(-3...1)))
            default: model.addRow("eq", terms: terms, lower: Double(random.int(-1...1)), upper: Double(random.int(1...2)))
            }
        }
        let matrix = ColumnMajor(model)
        var best = -Double.infinity
        for mask in 0..<32 {
            let x = (0..<5).map { Double((mask >> $0) & 1) }
            if model.isFeasible(x) { best = max(best, model.objectiveValue(x)) }
        }
        guard best > -Double.infinity else { return }
        for _ in 0..<50 {
            let prices = (0..<3).map { _ in Double(random.int(-40...40)) / 10 }
            let bound = DualBound(model: model, columns: matrix, rowPrices: prices)
            #expect(bound.value >= best - 1e-9, "prices \(prices)")
            for j in 0..<5 {
                // Any solution with x_j = 1 is worth at most valueUsing(j).
                for mask in 0..<32 where (mask >> j) & 1 == 1 {
                    let x = (0..<5).map { Double((mask >> $0) & 1) }
                    if model.isFeasible(x) { #expect(model.objectiveValue(x) <= bound.valueUsing(j, in: model) + 1e-9) }
                }
            }
        }
    }

    /// Two posts, three candidates each (x0–x2 for one, x3–x5 for the other: "at most one of
    /// these" rows), and one more row of random coefficients. Whatever the prices, keeping the
    /// two choice rows in the bound's inner problem stays above every solution and never above
    /// the plain bound; with no prices at all it charges each post its best candidate only.
    @Test("The bound with the 'one of' rows kept is sound for any row prices, and tighter", arguments: 0..<20)
    func choiceRowBoundIsSound(seed: Int) throws {
        var random = SplitMix(seed: UInt64(seed))
        var model = LinearModel(name: "choices", direction: .maximize)
        for j in 0..<6 { model.addColumn("x\(j)", kind: .binary, upper: 1, objective: Double(random.int(-3...9))) }
        model.addRow("post1", terms: (0..<3).map { .init(column: $0, coefficient: 1) }, upper: 1)
        model.addRow("post2", terms: (3..<6).map { .init(column: $0, coefficient: 1) }, lower: 0, upper: 1)
        let terms = (0..<6).map { LinearModel.Term(column: $0, coefficient: Double(random.int(-2...3))) }.filter { $0.coefficient != 0 }
        model.addRow("other", terms: terms, upper: Double(random.int(0...3)))
        let matrix = ColumnMajor(model)
        let choices = ChoiceRows(model)
        var best = -Double.infinity
        for mask in 0..<64 {
            let x = (0..<6).map { Double((mask >> $0) & 1) }
            if model.isFeasible(x) { best = max(best, model.objectiveValue(x)) }
        }
        for _ in 0..<50 {
            let prices = (0..<3).map { _ in Double(random.int(-40...40)) / 10 }
            let plain = DualBound(model: model, columns: matrix, rowPrices: prices)
            let kept = choices.bound(plain, in: model)
            #expect(kept >= best - 1e-9, "prices \(prices)")
            #expect(kept <= plain.value + 1e-9)
        }
        let free = DualBound(model: model, columns: matrix, rowPrices: [0, 0, 0])
        let objective = model.columns.map(\.objective)
        let eachPostsBest = max(0, objective[0...2].max()!) + max(0, objective[3...5].max()!)
        #expect(abs(choices.bound(free, in: model) - eachPostsBest) < 1e-9)
    }

    @Test("Pricing brings in the candidate the best plan needs: with one candidate per post, B comes in for P1 so that A can lead P2")
    func pricingBringsInWhatTheOptimumNeeds() throws {
        // A is the best candidate for both posts; B is second for P1 and no candidate for P2.
        // Starting from A alone for each post, the restricted model leaves a post vacant; the
        // LP's prices show B worth bringing in, and the optimum A → P2, B → P1 follows.
        var policy = F.allOff
        policy.mustFill.mode = .hard
        policy.planning.mode = .hard
        let scenario = F.scenario(
            positions: [F.post("P1", title: "chair", mustFill: true), F.post("P2", title: "secretary", mustFill: true)],
            cadres: [
                F.cadre("A", rating: 90, plannedFor: ["chair", "secretary"]), F.cadre("B", rating: 80, plannedFor: ["chair"]),
                F.cadre("C", rating: 50, plannedFor: ["chair"]),
            ],
            policy: policy)
        var options = Planner.Options()
        options.candidatesPerPost = 1
        let priced = try F.solve(scenario, options: options)
        #expect(priced.status == .optimal)
        #expect(F.holders(priced) == ["P1": "B", "P2": "A"])
        #expect(priced.objective == 17)
    }

    @Test("Priced solves equal whole-model solves on generated rounds", arguments: [(1, 1), (2, 2), (3, 1), (4, 3), (5, 2), (6, 1)])
    func pricedEqualsWhole(seed: Int, candidates: Int) throws {
        let scenario = ScenarioGenerator.generate(size: .small, seed: UInt64(seed))
        var whole = Planner.Options()
        whole.candidatesPerPost = 0
        var priced = Planner.Options()
        priced.candidatesPerPost = candidates
        let a = try F.solve(scenario, options: whole)
        let b = try F.solve(scenario, options: priced)
        #expect(a.status == b.status)
        if a.status == .optimal, let x = a.objective, let y = b.objective {
            #expect(abs(x - y) < 1e-6, "seed \(seed): whole model \(x), priced \(y)")
            #expect(b.bound == y)
            // The proof is on record: the bound proven over every column is less than one step above.
            if let proven = b.search?.provenBound, let step = b.search?.objectiveStep { #expect(proven < y + step) }
        }
    }
}

/// A small deterministic random source for the tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
}
