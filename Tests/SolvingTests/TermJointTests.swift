import Foundation
import Planner
import TestSupport
import Testing

/// The term planned together (`planner term --method joint`): one model over every round,
/// whose optimum is the best sequence of round plans, each keeping its round's hard rules on
/// the office the rounds before leave. Checked against exhaustive enumeration of such
/// sequences (scored by the plan verifier alone), and on a round worked out by hand where
/// planning the term together beats planning it round by round.
@Suite("The term planned together: the best sequence of rounds")
struct TermJointTests {
    typealias F = Fixtures

    func joint(_ scenario: Scenario, rounds: [Int], minimumStay: Int = 2, maxMoves: Int? = nil) throws -> TermPlan {
        let settings = TermSettings(rounds: rounds, minimumStay: minimumStay, maxMoves: maxMoves)
        let term = try Planner.termJoint(scenario, sha256: "test", settings: settings)
        let verification = TermVerifier.verify(
            term, against: scenario, scenarioSHA256: "test", options: PlanVerifier.Options(statusConfirmedBySolving: true))
        #expect(verification.isValid, "\(verification.violations)")
        return term
    }

    /// The best sum of the rounds' objectives over every sequence of plans the verifier
    /// accepts round after round, each round's office carried from the plan before (`carried`,
    /// with `movesLeft` of a cap on the term's moves); nil when no sequence plans every round.
    static func bestTerm(
        _ carried: Scenario, rest: [Int], taken: [String: Int], minimumStay: Int, movesLeft: Int? = nil, memo: inout [Data: Double?]
    ) -> Double? {
        let key = ScenarioWriter.encode(carried) + Data("\(rest)\(taken.sorted { $0.key < $1.key })\(String(describing: movesLeft))".utf8)
        if let known = memo[key] { return known }
        var best: Double?
        let office = carried.cappingMoves(left: movesLeft)
        for accepted in RandomRound.acceptedPlans(office) {
            var holders: [String: String] = [:]
            for (position, holder) in zip(office.positions, accepted.holders) { if let holder { holders[position.id] = holder } }
            var total = accepted.objective
            if let year = rest.first {
                var ownPost: [String: String] = [:]
                for position in office.positions { if let incumbent = position.incumbent { ownPost[incumbent] = position.id } }
                let moves = holders.filter { position, cadre in ownPost[cadre].map { $0 != position } ?? false }.count
                let nextTaken = office.takenInTerm(taken, holders: holders)
                let next = carried.nextRound(year: year, holders: holders, takenInTerm: nextTaken, minimumStay: minimumStay)
                guard
                    let future = bestTerm(
                        next, rest: Array(rest.dropFirst()), taken: nextTaken, minimumStay: minimumStay,
                        movesLeft: movesLeft.map { $0 - moves },
                        memo: &memo)
                else { continue }
                total += future
            }
            best = max(best ?? -.infinity, total)
        }
        memo[key] = best
        return best
    }

    /// Random tiny rounds (3 posts, 4 cadres, every rule in a random mode) over 2026, 2028 and
    /// 2031 with a minimum stay of 3: the joint term's objective is the best over every
    /// sequence of accepted round plans; a term without a plan is one no sequence plans; and it
    /// is never below the same rounds planned round by round.
    @Test("A random tiny term planned together is the best sequence of rounds, against exhaustive enumeration")
    func bruteForce() throws {
        var planned = 0
        var better = 0
        var capBinds = 0
        for seed in UInt64(1)...40 {
            var scenario = RandomRound.make(seed: seed)
            // What binds over a term more than in one round: a tenure limit reached within it,
            // the moves cap as a share of the incumbents, the same-title exemption either way,
            // and another spacing of rounds and minimum stay.
            var g = SeededRandom(seed: seed, salt: 91)
            scenario.policy.tenure.maxYears = [3, 4, 10][g.int(3)]
            if g.int(2) == 0 {
                scenario.policy.moves.max = nil
                scenario.policy.moves.maxShare = 0.5
            }
            scenario.policy.planning.exemptSameTitle = g.int(2) == 0
            let rounds = g.int(2) == 0 ? [2026, 2028, 2031] : [2026, 2027, 2029]
            let minimumStay = [0, 2, 3][g.int(3)]
            // Periodic rotation: one title's posts rotate after 2 or 3 years.
            if g.int(2) == 0 { scenario.policy.tenure.yearsByTitle = [["secretary", "vice-chair", "chair"][g.int(3)]: 2 + g.int(2)] }
            // A cap on the term's moves, often with the moves rule off (the cap then the only one);
            // not with a soft moves rule (refused).
            var maxMoves = [nil, 0, 1, 2][g.int(4)]
            if maxMoves != nil, g.int(2) == 0 { scenario.policy.moves.mode = .off }
            if case .soft = scenario.policy.moves.mode { maxMoves = nil }
            let term = try joint(scenario, rounds: rounds, minimumStay: minimumStay, maxMoves: maxMoves)
            var memo: [Data: Double?] = [:]
            let best = Self.bestTerm(
                scenario, rest: Array(rounds.dropFirst()), taken: [:], minimumStay: minimumStay, movesLeft: maxMoves, memo: &memo)
            #expect((best == nil) == !term.status.hasPlan, "seed \(seed): \(term.status) vs \(String(describing: best))")
            guard let best, let objective = term.objective else { continue }
            #expect(term.status == .optimal, "seed \(seed)")
            #expect(abs(best - objective) < 1e-6, "seed \(seed): \(objective) vs \(best)")
            planned += 1
            // Where the cap binds, the term without it is better.
            if maxMoves != nil, let free = try joint(scenario, rounds: rounds, minimumStay: minimumStay).objective, free > objective + 1e-6
            {
                capBinds += 1
            }
            let alone = try #require(term.roundByRoundPlan?.first)
            if alone.status == .optimal {
                let aloneTotal = alone.rounds.compactMap(\.plan.objective).reduce(0, +)
                #expect(objective >= aloneTotal - 1e-6, "seed \(seed)")
                if objective > aloneTotal + 1e-6 { better += 1 }
            }
        }
        #expect(planned >= 15)
        #expect(capBinds >= 1)
        print(
            "joint brute force: \(planned) terms planned, \(better) better than round by round, \(capBinds) where the term's cap on moves binds"
        )
    }
}

extension TermJointTests {
    /// P1 (weight 1) is vacant; P2 (weight 3) is held by R, 58 in 2026 and locked in that round,
    /// who reaches 60 in 2028. A (rated 90) and B (60) hold nothing; the minimum stay is 3 years.
    /// Only the rating counts: 10 points per 100, times the post's weight.
    ///
    /// Round by round, 2026 takes its best alone: A in P1 (9) and R in P2 (15), 24. In 2028 R
    /// retires, A is held in P1 by the minimum stay (9), and B takes P2 (18): 27. The term: 51.
    ///
    /// Together: 2026 appoints B to P1 instead (6 + 15 = 21, 3 less), so that in 2028 A, free,
    /// takes P2 (27) beside B (6): 33. The term: 54, 3 more. No term does better: 2026 with P1
    /// vacant gives 15 + 33 = 48, and R is locked in P2 in 2026.
    @Test("Planning the term together appoints the weaker cadre first to keep the stronger one free for the post that opens")
    func jointBeatsRoundByRound() throws {
        let scenario = F.scenario(
            positions: [F.post("P1"), F.post("P2", title: "chair", incumbent: "R", weight: 3)],
            cadres: [F.cadre("R", rating: 50, age: 58, locked: true), F.cadre("A", rating: 90), F.cadre("B", rating: 60)],
            policy: F.policy {
                $0.retirement.mode = .hard
                $0.retirement.maleAge = 60
                $0.retirement.femaleAge = 60
                $0.locks.mode = .hard
            })
        let term = try joint(scenario, rounds: [2026, 2028], minimumStay: 3)
        let alone = try #require(term.roundByRoundPlan?.first)
        func holders(_ plan: Plan) -> [String: String] { plan.holders }
        #expect(alone.rounds.map { holders($0.plan) } == [["P1": "A", "P2": "R"], ["P1": "A", "P2": "B"]])
        #expect(alone.rounds.map(\.plan.objective) == [24, 27])
        #expect(term.rounds.map { holders($0.plan) } == [["P1": "B", "P2": "R"], ["P1": "B", "P2": "A"]])
        #expect(term.rounds.map(\.plan.objective) == [21, 33])
        #expect(term.objective == 54 && term.bound == 54 && term.status == .optimal)
        #expect(term.method == TermPlan.joint)
        #expect(term.rounds.allSatisfy { $0.plan.status == .feasible })

        // With a minimum stay of 2, A may move up in 2028 after all: round by round is then as
        // good as the term planned together (9 + 15, then 27 + 6).
        let free = try joint(scenario, rounds: [2026, 2028], minimumStay: 2)
        #expect(free.objective == 57)
        #expect(free.roundByRoundPlan?.first?.rounds.compactMap(\.plan.objective).reduce(0, +) == 57)

        // The verifier holds a joint term to its stated objective and bound.
        var wrongObjective = term
        wrongObjective.objective = 55
        #expect(
            TermVerifier.verify(wrongObjective, against: scenario, scenarioSHA256: "test").violations.map(\.subject).contains("objective"))
        var lowBound = term
        lowBound.bound = 53
        #expect(TermVerifier.verify(lowBound, against: scenario, scenarioSHA256: "test").violations.map(\.subject).contains("bound"))
        var withoutComparison = term
        withoutComparison.roundByRoundPlan = nil
        #expect(
            TermVerifier.verify(withoutComparison, against: scenario, scenarioSHA256: "test").violations.map(\.subject) == [
                "roundByRoundPlan"
            ])
        // A term stopped by a signal keeps the best term found by then; one without a plan has
        // no rounds.
        var stopped = term
        stopped.status = .stopped
        #expect(TermVerifier.verify(stopped, against: scenario, scenarioSHA256: "test").isValid)
        var infeasibleWithRounds = term
        infeasibleWithRounds.status = .infeasible
        #expect(
            TermVerifier.verify(infeasibleWithRounds, against: scenario, scenarioSHA256: "test").violations.map(\.subject) == ["status"])

        // The round-by-round term beside it is a claim too: its rounds forged into the joint
        // ones, each "optimal", pass the plain check (claims) and fail `--resolve`, which plans
        // the round-by-round term again (2026 alone is worth 24, not 21).
        var forged = term
        var forgedAlone = alone
        forgedAlone.rounds = term.rounds.map { round in
            var round = round
            round.plan.status = .optimal
            round.plan.bound = round.plan.objective
            round.plan.gap = 0
            return round
        }
        forgedAlone.years = term.years
        forgedAlone.paths = term.paths
        forged.roundByRoundPlan = [forgedAlone]
        #expect(TermVerifier.verify(forged, against: scenario, scenarioSHA256: "test").isValid)
        let recheck = try Planner.recheck(forged, against: scenario, sha256: "test")
        #expect(recheck.violations.contains { $0.subject.hasPrefix("roundByRoundPlan: round 2026") }, "\(recheck.violations)")
        #expect(try Planner.recheck(term, against: scenario, sha256: "test").violations.isEmpty)

        // A round of a joint term stated optimal alone is a claim the term does not make.
        var optimalRound = term
        optimalRound.rounds[0].plan.status = .optimal
        #expect(!TermVerifier.verify(optimalRound, against: scenario, scenarioSHA256: "test").isValid)
    }
}

extension TermJointTests {
    /// As `jointBeatsRoundByRound`, but the chair P2 must be filled (hard) and only A is planned
    /// for a chair (planning hard): round by round appoints A to P1 in 2026, A is then held there
    /// in 2028 by the minimum stay of 3 years, and 2028 has no plan (R retires, no one else may
    /// take P2). Together: B takes P1 in 2026 and A takes P2 in 2028, 21 + 33 = 54. With A
    /// forbidden from P2, no term plans 2028: the term planned together is infeasible too.
    func mustFillChair(forbidA: Bool) -> Scenario {
        F.scenario(
            positions: [F.post("P1"), F.post("P2", title: "chair", incumbent: "R", mustFill: true, weight: 3)],
            cadres: [
                F.cadre("R", rating: 50, age: 58, locked: true), F.cadre("A", rating: 90, plannedFor: ["vice-chair", "chair"]),
                F.cadre("B", rating: 60, plannedFor: ["vice-chair"]),
            ],
            policy: F.policy {
                $0.retirement.mode = .hard
                $0.retirement.maleAge = 60
                $0.retirement.femaleAge = 60
                $0.locks.mode = .hard
                $0.mustFill.mode = .hard
                $0.planning.mode = .hard
            },
            forbidden: forbidA ? [AssignmentPair(cadre: "A", position: "P2")] : [])
    }

    @Test("A term round by round can leave a later round without a plan that planning the term together avoids")
    func jointAvoidsADeadEnd() throws {
        let scenario = mustFillChair(forbidA: false)
        let term = try joint(scenario, rounds: [2026, 2028], minimumStay: 3)
        let alone = try #require(term.roundByRoundPlan?.first)
        #expect(alone.status == .infeasible)
        #expect(alone.rounds.map(\.plan.status) == [.optimal, .infeasible])
        #expect(term.status == .optimal && term.objective == 54)
        #expect(term.rounds.map(\.plan.holders) == [["P1": "B", "P2": "R"], ["P1": "B", "P2": "A"]])
        // The table says so: the round-by-round term has no plan for 2028.
        let table = TermReport.table(term, scenario: scenario)
        #expect(table.contains("Status: the term proven optimal, objective 54\n"), "\(table)")
        #expect(table.contains("  2028  33 / -") && table.contains("  term  54 / -  "), "\(table)")
        #expect(table.contains("Round by round: round 2028 has no feasible plan."), "\(table)")

        let dead = mustFillChair(forbidA: true)
        let none = try joint(dead, rounds: [2026, 2028], minimumStay: 3)
        #expect(none.status == .infeasible && none.rounds.isEmpty && none.unsolvedRounds == [2026, 2028])
        #expect(none.objective == nil)
        #expect(TermReport.table(none, scenario: dead).contains("no term plans every round"))
        // Unconfirmed, "infeasible" is a claim, as a round's is; solving confirms it.
        let unconfirmed = TermVerifier.verify(none, against: dead, scenarioSHA256: "test")
        #expect(unconfirmed.violations.map(\.subject) == ["status"], "\(unconfirmed.violations)")
        let confirmed = TermVerifier.verify(
            none, against: dead, scenarioSHA256: "test", options: PlanVerifier.Options(statusConfirmedBySolving: true))
        #expect(confirmed.isValid, "\(confirmed.violations)")
    }
}
