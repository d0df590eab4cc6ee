import Planner
import TestSupport
import Testing

/// The term planned round by round (`planner term`): each rule that carries from one round to
/// the next, in a scenario small enough to follow by hand, where that rule changes the term
/// plan. Only the rating counts in the objective (10 points per 100, times the post's weight),
/// retirement is at 60 for everyone, and every term plan is re-checked by the independent
/// term verifier (and, inside `termRoundByRound`, every round's plan by the plan verifier).
@Suite("The term, round by round: the rules over time, one worked example each")
struct TermTests {
    typealias F = Fixtures

    func policy(_ change: (inout Policy) -> Void = { _ in }) -> Policy {
        F.policy {
            $0.retirement.mode = .hard
            $0.retirement.maleAge = 60
            $0.retirement.femaleAge = 60
            $0.locks.mode = .hard
            change(&$0)
        }
    }

    func term(_ scenario: Scenario, rounds: [Int], until: Int? = nil, minimumStay: Int = 2, maxMoves: Int? = nil) throws -> TermPlan {
        let settings = TermSettings(rounds: rounds, until: until, minimumStay: minimumStay, maxMoves: maxMoves)
        let term = try Planner.termRoundByRound(scenario, sha256: "test", settings: settings)
        // Solving confirmed any round's status without a plan, as `planner verify --resolve` does.
        let verification = TermVerifier.verify(
            term, against: scenario, scenarioSHA256: "test", options: PlanVerifier.Options(statusConfirmedBySolving: true))
        #expect(verification.isValid, "\(verification.violations)")
        return term
    }

    func holders(_ plan: Plan) -> [String: String] {
        Dictionary(uniqueKeysWithValues: plan.assignments.compactMap { a in a.cadre.map { (a.position, $0) } })
    }

    /// P1 (weight 1) is vacant; P2 (weight 2) is held by R, 58 in 2026, locked in that round,
    /// who reaches 60 in 2028. A (90) and B (60) hold nothing.
    /// 2026: A takes P1 (9 points), R stays in P2 (10): 19.
    /// 2028: R retires and P2 opens. A moving up to P2 and B taking P1 gives 18 + 6 = 24; A
    /// staying and B taking P2 gives 9 + 12 = 21. With a minimum stay of 2 years A may move
    /// (2 years since 2026); with 3 A is held in P1 and the round makes 21.
    var movingUp: Scenario {
        F.scenario(
            positions: [F.post("P1"), F.post("P2", title: "chair", incumbent: "R", weight: 2)],
            cadres: [F.cadre("R", rating: 50, age: 58, locked: true), F.cadre("A", rating: 90), F.cadre("B", rating: 60)],
            policy: policy())
    }

    @Test("Minimum stay: a cadre appointed in 2026 is held in post in 2028 when the stay is 3 years, and moves up when it is 2")
    func minimumStay() throws {
        let two = try term(movingUp, rounds: [2026, 2028], minimumStay: 2)
        let three = try term(movingUp, rounds: [2026, 2028], minimumStay: 3)
        for plan in [two, three] {
            #expect(holders(plan.rounds[0].plan) == ["P1": "A", "P2": "R"])
            #expect(plan.rounds[0].plan.objective == 19)
            #expect(plan.rounds[1].plan.retirements.map(\.cadre) == ["R"])
        }
        #expect(holders(two.rounds[1].plan) == ["P1": "B", "P2": "A"])
        #expect(two.rounds[1].plan.objective == 24)
        #expect(holders(three.rounds[1].plan) == ["P1": "A", "P2": "B"])
        #expect(three.rounds[1].plan.objective == 21)
        #expect(two.paths.map(\.cadre) == ["A", "B", "R"])
        #expect(two.paths.first?.steps == [.init(year: 2026, position: "P1"), .init(year: 2028, position: "P2")])
        #expect(two.status == .optimal && two.unsolvedRounds.isEmpty)
    }

    /// `movingUp` with R rated 70, over 2026, 2027 and 2028. 2026 as before. In 2027 R's lock
    /// is gone (it was the file's round's), and A, held in P1 under either stay, cannot move up;
    /// R (14 in P2) beats B (12), so nothing changes. In 2028 R retires: A moves up under a stay
    /// of 2 (two years on), but a stay of 3 still holds A, though A did not change post in 2027:
    /// it counts from the round A took the post (a review found it counted from the round before
    /// only).
    @Test("Minimum stay over several rounds: counted from the round the post was taken, not the round before")
    func minimumStayOverRounds() throws {
        var scenario = movingUp
        scenario.cadres[0].rating = 70
        let two = try term(scenario, rounds: [2026, 2027, 2028], minimumStay: 2)
        let three = try term(scenario, rounds: [2026, 2027, 2028], minimumStay: 3)
        for plan in [two, three] { #expect(holders(plan.rounds[1].plan) == ["P1": "A", "P2": "R"]) }
        #expect(holders(two.rounds[2].plan) == ["P1": "B", "P2": "A"])
        #expect(holders(three.rounds[2].plan) == ["P1": "A", "P2": "B"])
        let carried = TermVerifier.roundScenarios(three, against: scenario, scenarioSHA256: "test")
        #expect(carried.map { $0.scenario.cadres.filter(\.locked).map(\.id) } == [["R"], ["A"], ["A"]])
    }

    @Test("The verifier re-derives the minimum stay: a 2028 round that moves the held cadre fails")
    func forgedMinimumStay() throws {
        let three = try term(movingUp, rounds: [2026, 2028], minimumStay: 3)
        let two = try term(movingUp, rounds: [2026, 2028], minimumStay: 2)
        var forged = three
        forged.rounds[1].plan = two.rounds[1].plan
        let verification = TermVerifier.verify(forged, against: movingUp, scenarioSHA256: "test")
        #expect(!verification.isValid)
        #expect(verification.violations.contains { $0.rule == "locks" && $0.subject.hasPrefix("round 2028") })
        // Figures that do not follow from the rounds fail too.
        var wrongYear = three
        wrongYear.years[1].vacancies += 1
        #expect(TermVerifier.verify(wrongYear, against: movingUp, scenarioSHA256: "test").violations.map(\.subject) == ["2027 vacancies"])
    }

    /// One round in 2026 and the office followed to 2029: R (58) holds the chair P2 until he
    /// reaches 60 in 2028. The chair is then vacant, and at risk unless someone planned for a
    /// chair may be appointed: B is planned for "chair"; with a hard minimum rating of 70 for
    /// P2, B (60) may not be, and the post is at risk.
    @Test("Retirement by year: the view opens the post in the year its holder reaches 60, at risk when no planned cadre may take it")
    func postsAtRisk() throws {
        func scenario(minRating: Double?) -> Scenario {
            F.scenario(
                positions: [
                    F.post("P1"), F.post("P2", title: "chair", incumbent: "R", requirements: Requirements(minRating: minRating), weight: 2),
                ],
                cadres: [
                    F.cadre("R", rating: 50, age: 58, locked: true), F.cadre("A", rating: 90),
                    F.cadre("B", rating: 60, plannedFor: ["chair"]),
                ],
                policy: policy { $0.minRating.mode = .hard })
        }
        let covered = try term(scenario(minRating: nil), rounds: [2026], until: 2029)
        let uncovered = try term(scenario(minRating: 70), rounds: [2026], until: 2029)
        for plan in [covered, uncovered] {
            #expect(plan.years.map(\.year) == [2026, 2027, 2028, 2029])
            #expect(plan.years.map(\.retiring) == [[], [], ["R"], []])
            #expect(plan.years.map(\.keyPostsVacant) == [[], [], ["P2"], ["P2"]])
            #expect(plan.years.map(\.leadershipPostsFilled) == [2, 2, 1, 1])
        }
        #expect(covered.years.map(\.keyPostsAtRisk) == [[], [], [], []])
        #expect(uncovered.years.map(\.keyPostsAtRisk) == [[], [], ["P2"], []])
    }

    /// Planning hard: A is planned for vice-chair posts, B for nothing. 2026: A takes P1 (9),
    /// R (locked) keeps the chair P2 (10). 2028: R retires. Without slates nobody is planned for
    /// a chair: P2 stays vacant and the round makes 9. With slates drawn before 2028 (readiness
    /// by rating, shares off), P2's slate holds A and B; A moving up would leave P1 to no one
    /// planned for it (18), while B taking P2 and A staying makes 12 + 9 = 21.
    @Test("The term's own slates: a round may appoint the candidates slated before it, and the verifier checks the slates")
    func ownSlates() throws {
        let scenario = F.scenario(
            positions: [F.post("P1"), F.post("P2", title: "chair", incumbent: "R", weight: 2)],
            cadres: [
                F.cadre("R", rating: 50, age: 58, locked: true), F.cadre("A", rating: 90, plannedFor: ["vice-chair"]),
                F.cadre("B", rating: 60),
            ],
            policy: policy {
                $0.planning.mode = .hard
                $0.succession = F.successionByRating.succession
            })
        let without = try term(scenario, rounds: [2026, 2028])
        let with = try Planner.termRoundByRound(
            scenario, sha256: "test", settings: TermSettings(rounds: [2026, 2028], slates: true))
        let options = PlanVerifier.Options(statusConfirmedBySolving: true)
        let verification = TermVerifier.verify(with, against: scenario, scenarioSHA256: "test", options: options)
        #expect(verification.isValid, "\(verification.violations)")
        #expect(holders(without.rounds[1].plan) == ["P1": "A"])
        #expect(without.rounds[1].plan.objective == 9)
        #expect(with.rounds[0].slates == nil)
        #expect(F.slates(try #require(with.rounds[1].slates))["P2"] == ["A", "B"])
        #expect(holders(with.rounds[1].plan) == ["P1": "A", "P2": "B"])
        #expect(with.rounds[1].plan.objective == 21)
        // A round whose slates are taken away was planned for another office: caught.
        var forged = with
        forged.rounds[1].slates = nil
        #expect(!TermVerifier.verify(forged, against: scenario, scenarioSHA256: "test", options: options).isValid)
    }

    /// The tutorial over three rounds with slates: each round's office carries the `post:`
    /// entries of the slates drawn before it and no others (a review found the 2028 slates'
    /// entries still in force in 2030, where a cadre was appointed off a slate since replaced).
    @Test("The term's own slates: each round's slates replace the last")
    func slatesReplaceTheLast() throws {
        let loaded = try Planner.load(F.packageRoot.appendingPathComponent("Scenarios/tutorial.json").path)
        let plan = try Planner.termRoundByRound(
            loaded.scenario, sha256: loaded.sha256, settings: TermSettings(rounds: [2026, 2028, 2030], slates: true))
        let scenarios = TermVerifier.roundScenarios(plan, against: loaded.scenario, scenarioSHA256: loaded.sha256)
        #expect(scenarios.map(\.year) == [2026, 2028, 2030])
        for (round, (_, scenario, _, _)) in zip(plan.rounds, scenarios).dropFirst() {
            let slates = try #require(round.slates)
            var expected: Set<String> = []
            for slate in slates.slates {
                for candidate in slate.candidates { expected.insert("\(candidate.cadre) post:\(slate.position)") }
            }
            var entries: Set<String> = []
            for cadre in scenario.cadres {
                for entry in cadre.plannedFor where entry.hasPrefix("post:") { entries.insert("\(cadre.id) \(entry)") }
            }
            #expect(entries == expected, "round \(round.year)")
        }
        // A round a signal stopped, claimed "optimal" for the term, is refused.
        var stopped = plan
        stopped.rounds[2].plan.stoppedBy = "SIGINT"
        let options = PlanVerifier.Options(statusConfirmedBySolving: true)
        let refused = TermVerifier.verify(stopped, against: loaded.scenario, scenarioSHA256: loaded.sha256, options: options)
        #expect(refused.violations.contains { $0.subject == "status" && $0.message.contains("stopped") })
        // Said as stopped in that round, its best plan kept (a review saw "stopped at round 0").
        stopped.status = .stopped
        let table = TermReport.table(stopped, scenario: loaded.scenario)
        #expect(table.contains("Status: stopped in round 2030: the best plan it had found by then is kept"), "\(table)")

        // Slates claimed not drawn: "stopped" cannot be followed by a planned round, and
        // "infeasible" is a claim only solving confirms (a review's forgeries passed).
        for (claim, message) in [(PlanStatus.stopped, "stopped slates end the term"), (.infeasible, "only solving can confirm")] {
            var forged = plan
            forged.rounds[1].slates?.status = claim
            let found = TermVerifier.verify(forged, against: loaded.scenario, scenarioSHA256: loaded.sha256)
            #expect(found.violations.contains { $0.subject == "round 2028 slates" && $0.message.contains(message) }, "\(found.violations)")
        }
    }

    /// Under a soft retirement rule the holder may stay on past the age (the next round
    /// decides): the view keeps R in P2 and lists him as reaching the age in 2028, where a hard
    /// rule empties the post (a review found the view emptying it under a soft one).
    @Test("Retirement soft: the view lists who reaches the age and leaves the post to the next round")
    func softRetirementView() throws {
        let scenario = F.scenario(
            positions: [F.post("P1"), F.post("P2", title: "chair", incumbent: "R", weight: 2)],
            cadres: [F.cadre("R", rating: 50, age: 58), F.cadre("A", rating: 90)],
            policy: policy { $0.retirement.mode = .soft(price: 0) })
        let plan = try term(scenario, rounds: [2026], until: 2029)
        #expect(plan.years.map(\.retiring) == [[], [], ["R"], []])
        #expect(plan.years.map(\.leadershipPostsFilled) == [2, 2, 2, 2])
        #expect(plan.years.map(\.keyPostsVacant) == [[], [], [], []])
    }

    /// B, planned for chairs, would succeed R in the chair P2 in 2028; with non-local heads hard
    /// at a share of 1, B (local to the unit's north) may not hold a chair there, and the post
    /// is at risk (a review found the rule left out of the check).
    @Test("Posts at risk: a planned successor the non-local rule keeps out does not count")
    func atRiskNonLocal() throws {
        func scenario(home: String) -> Scenario {
            F.scenario(
                positions: [F.post("P1"), F.post("P2", title: "chair", incumbent: "R", weight: 2)],
                cadres: [
                    F.cadre("R", rating: 50, age: 58, home: "south", locked: true), F.cadre("A", rating: 90),
                    F.cadre("B", rating: 60, home: home, plannedFor: ["chair"]),
                ],
                policy: policy {
                    $0.nonLocalHeads.mode = .hard
                    $0.nonLocalHeads.minShare = 1
                    $0.nonLocalHeads.titles = ["chair"]
                })
        }
        #expect(try term(scenario(home: "south"), rounds: [2026], until: 2028).years.map(\.keyPostsAtRisk) == [[], [], []])
        #expect(try term(scenario(home: "north"), rounds: [2026], until: 2028).years.map(\.keyPostsAtRisk) == [[], [], ["P2"]])
    }

    @Test("A term stopped before its last rounds is \"stopped\"; claiming it optimal fails verification")
    func stoppedTerm() throws {
        let whole = try term(movingUp, rounds: [2026, 2028], minimumStay: 2)
        var stopped = whole
        stopped.rounds.removeLast()
        stopped.unsolvedRounds = [2028]
        stopped.status = .stopped
        stopped.paths = try term(movingUp, rounds: [2026], until: 2035).paths
        // The view ends before the round not planned: the office after 2026 is no forecast
        // for 2028 and later, when a round that never ran would have changed it.
        let alone = try term(movingUp, rounds: [2026], until: 2035).years
        stopped.years = alone.filter { $0.year < 2028 }
        let options = PlanVerifier.Options(statusConfirmedBySolving: true)
        let accepted = TermVerifier.verify(stopped, against: movingUp, scenarioSHA256: "test", options: options)
        #expect(accepted.isValid, "\(accepted.violations)")
        // A path with another step names its cadre.
        var otherPath = whole
        let walker = try #require(otherPath.paths.first)
        otherPath.paths[0].steps[0].position = walker.steps[0].position == nil ? "P1" : nil
        let pathMessages = TermVerifier.verify(otherPath, against: movingUp, scenarioSHA256: "test", options: options).violations
            .filter { $0.subject == "paths" }.map(\.message)
        #expect(pathMessages.count == 1 && pathMessages[0].contains("(e.g. \(walker.cadre))"), "\(pathMessages)")
        var followedOn = stopped
        followedOn.years = alone
        #expect(
            TermVerifier.verify(followedOn, against: movingUp, scenarioSHA256: "test", options: options).violations.map(\.subject) == [
                "years"
            ])
        var claimed = stopped
        claimed.status = .optimal
        let refused = TermVerifier.verify(claimed, against: movingUp, scenarioSHA256: "test", options: options)
        #expect(refused.violations.map(\.subject) == ["status"])
    }

    /// T holds P1 (weight 2) with 4 years in it, S (rated 60) holds nothing, P2 is vacant; the
    /// tenure limit is 5 years, hard.
    func tenureAtFive() -> Scenario {
        F.scenario(
            positions: [F.post("P1", incumbent: "T", weight: 2), F.post("P2")],
            cadres: [F.cadre("T", rating: 90, yearsInPost: 4), F.cadre("S", rating: 60)],
            policy: policy {
                $0.tenure.mode = .hard
                $0.tenure.maxYears = 5
            })
    }

    /// T has held P1 for 4 years; the tenure limit is 5, hard. In 2026 T may stay (4 years);
    /// by the 2028 round T has held it for 6 and must rotate: T moves to P2 and S, who took P2
    /// in 2026, moves to P1 (no minimum stay holds S).
    @Test("Years in post count on between rounds: the tenure limit a cadre is under in 2026 binds by 2028")
    func tenureOverTime() throws {
        let scenario = tenureAtFive()
        let plan = try term(scenario, rounds: [2026, 2028], minimumStay: 0)
        #expect(holders(plan.rounds[0].plan) == ["P1": "T", "P2": "S"])
        #expect(holders(plan.rounds[1].plan) == ["P1": "S", "P2": "T"])
        #expect(plan.rounds[1].plan.moves.map(\.cadre).sorted() == ["S", "T"])
    }

    /// Periodic rotation: T has held the tax director's post for 1 year; tax directors rotate
    /// after 3 (`yearsByTitle`), every other post after 10. In 2026 T stays; by 2028 T has held
    /// it for 3 years and must rotate, as a round-by-round term and as a term planned together;
    /// without the title's limit T keeps it.
    @Test("Periodic rotation by title binds over the term: a tax director rotates at 3 years, not at the general 10")
    func periodicRotationOverTime() throws {
        var scenario = F.scenario(
            positions: [F.post("TAX", title: "tax-director", incumbent: "T", weight: 2), F.post("P2", title: "chair")],
            cadres: [F.cadre("T", rating: 90, yearsInPost: 1), F.cadre("S", rating: 60)],
            policy: policy {
                $0.tenure.mode = .hard
                $0.tenure.yearsByTitle = ["tax-director": 3]
            })
        for plan in [try term(scenario, rounds: [2026, 2028], minimumStay: 0), try joint(scenario, rounds: [2026, 2028])] {
            #expect(holders(plan.rounds[0].plan)["TAX"] == "T")
            #expect(holders(plan.rounds[1].plan) == ["TAX": "S", "P2": "T"])
        }
        scenario.policy.tenure.yearsByTitle = [:]
        let general = try term(scenario, rounds: [2026, 2028], minimumStay: 0)
        #expect(holders(general.rounds[1].plan)["TAX"] == "T")
    }

    func joint(_ scenario: Scenario, rounds: [Int]) throws -> TermPlan {
        let settings = TermSettings(rounds: rounds, minimumStay: 0)
        let term = try Planner.termJoint(scenario, sha256: "test", settings: settings)
        let verification = TermVerifier.verify(
            term, against: scenario, scenarioSHA256: "test", options: PlanVerifier.Options(statusConfirmedBySolving: true))
        #expect(verification.isValid, "\(verification.violations)")
        #expect(term.status == .optimal)
        return term
    }

    /// As `tenureOverTime`, with the term's moves capped at 1 (the moves rule itself off): in
    /// 2028 T must leave P1, and T to P2 with S to P1 would be two moves. One is left: S moves
    /// up to P1 (weight 2: 12 against T's 9 in P2, and the lighter post left vacant), and T is
    /// released. Planned together, at most one move too.
    @Test("A cap on the term's moves binds the later round: one move is left where the round alone would make two")
    func movesCappedOverTheTerm() throws {
        let scenario = tenureAtFive()
        let free = try term(scenario, rounds: [2026, 2028], minimumStay: 0)
        #expect(free.rounds.map(\.plan.moves.count) == [0, 2])
        let capped = try term(scenario, rounds: [2026, 2028], minimumStay: 0, maxMoves: 1)
        #expect(capped.rounds.map(\.plan.moves.count) == [0, 1])
        #expect(holders(capped.rounds[1].plan) == ["P1": "S"])
        #expect(capped.rounds[1].plan.figures?.movesLimit == 1)
        let together = try Planner.termJoint(
            scenario, sha256: "test", settings: TermSettings(rounds: [2026, 2028], minimumStay: 0, maxMoves: 1))
        #expect(together.status == .optimal)
        #expect(together.rounds.map(\.plan.moves.count).reduce(0, +) <= 1)
        #expect(TermVerifier.verify(together, against: scenario, scenarioSHA256: "test").isValid)
        // The free term presented under the cap breaks it: the 2028 round's cap and the term's.
        var forged = free
        forged.settings.maxMoves = 1
        let subjects = TermVerifier.verify(forged, against: scenario, scenarioSHA256: "test").violations.map(\.subject)
        #expect(subjects.contains("moves") && subjects.contains("round 2028: moves"), "\(subjects)")
        // A soft moves rule cannot carry a hard cap on the term: refused before solving.
        var soft = scenario
        soft.policy.moves.mode = .soft(price: 5)
        #expect(TermSettings(rounds: [2026], maxMoves: 1).problems(for: soft).count == 1)
        #expect(TermSettings(rounds: [2026], maxMoves: 1).problems(for: scenario).isEmpty)
    }

    /// A team of three spans the three age bands (under 40, 40-49, 50 and over) in 2026: 39,
    /// 45 and 55. In 2027 the youngest turns 40 and the team spans two: the view counts it as
    /// age-balanced in 2026 only, and the verifier catches a year that says otherwise.
    @Test("The view follows each team's age bands year by year: a team balanced in 2026 is not once its youngest turns 40")
    func ageBandsYearByYear() throws {
        let scenario = F.scenario(
            positions: [F.post("P1", incumbent: "A"), F.post("P2", incumbent: "B"), F.post("P3", incumbent: "C")],
            cadres: [F.cadre("A", rating: 70, age: 39), F.cadre("B", rating: 70, age: 45), F.cadre("C", rating: 70, age: 55)],
            policy: policy {
                $0.ageBalance.mode = .soft(price: 1)
                $0.ageBalance.minBands = 3
            })
        let plan = try term(scenario, rounds: [2026], until: 2028)
        #expect(plan.years.map(\.ageBalanceTeams) == [1, 1, 1])
        #expect(plan.years.map(\.ageBalanceTeamsMet) == [1, 0, 0])
        #expect(plan.years.map(\.leadershipTeams) == [1, 1, 1])
        var forged = plan
        forged.years[1].ageBalanceTeamsMet = 1
        #expect(
            TermVerifier.verify(forged, against: scenario, scenarioSHA256: "test").violations.map(\.subject) == ["2027 ageBalanceTeamsMet"])
    }

    /// P1 must be filled (hard) and only R, who reaches 60 in 2028, can hold it: the 2028
    /// round has no plan, 2030 is not planned, and the view ends in 2027.
    @Test("A round without a plan ends the term: later rounds are listed as not planned")
    func infeasibleRound() throws {
        let scenario = F.scenario(
            positions: [F.post("P1", incumbent: "R", mustFill: true)],
            cadres: [F.cadre("R", rating: 50, age: 58)],
            policy: policy { $0.mustFill.mode = .hard })
        let plan = try term(scenario, rounds: [2026, 2028, 2030])
        #expect(plan.rounds.map(\.plan.status) == [.optimal, .infeasible])
        #expect(plan.unsolvedRounds == [2030])
        #expect(plan.status == .infeasible)
        #expect(plan.years.map(\.year) == [2026, 2027])
        // Unconfirmed, "infeasible" is a claim, and the verifier says which round makes it.
        let unconfirmed = TermVerifier.verify(plan, against: scenario, scenarioSHA256: "test")
        #expect(unconfirmed.violations.map(\.subject) == ["round 2028: status"])
    }

    /// Random tiny rounds (3 posts, 4 cadres, every rule in a random mode) planned over 2026,
    /// 2028 and 2031 with a minimum stay of 3: each round's objective is the best over every
    /// assignment the plan verifier accepts in that round's scenario, as the term verifier
    /// carries it forward, and a round without a plan is one where no assignment is accepted.
    @Test("Each round of a random tiny term is optimal alone, against exhaustive enumeration")
    func bruteForce() throws {
        var planned = 0
        for seed in UInt64(1)...24 {
            let scenario = RandomRound.make(seed: seed)
            let plan = try term(scenario, rounds: [2026, 2028, 2031], minimumStay: 3)
            let carried = TermVerifier.roundScenarios(plan, against: scenario, scenarioSHA256: "test")
            #expect(carried.count == plan.rounds.count)
            for (round, derived) in zip(plan.rounds, carried) {
                let best = RandomRound.bestByEnumeration(derived.scenario)
                #expect((best == nil) == !round.plan.status.hasPlan, "seed \(seed), round \(round.year)")
                if let best, let objective = round.plan.objective {
                    #expect(abs(best - objective) < 1e-6, "seed \(seed), round \(round.year): \(objective) vs \(best)")
                    planned += 1
                }
            }
        }
        #expect(planned >= 30)
    }

    @Test("Settings that make no term are refused before anything is solved")
    func settingsProblems() {
        #expect(TermSettings(rounds: [2026, 2028]).problems(planningYear: 2026).isEmpty)
        #expect(TermSettings(rounds: [2026, 2028]).until == 2035)
        #expect(TermSettings(rounds: [2028, 2026]).problems(planningYear: 2026).count == 1)
        #expect(TermSettings(rounds: [2025]).problems(planningYear: 2026).count == 1)
        #expect(TermSettings(rounds: [2026], until: 2025).problems(planningYear: 2026).count == 1)
        #expect(TermSettings(rounds: []).problems(planningYear: 2026).count == 1)
        #expect(TermSettings(rounds: [2026], minimumStay: -1).problems(planningYear: 2026).count == 1)
    }
}
