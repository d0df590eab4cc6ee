import Planner
import TestSupport
import Testing

/// The succession plan's rules, one worked example each: a scenario small enough to follow by
/// hand in which the rule changes the slates. Unless a test says otherwise, readiness is the
/// rating (`Fixtures.successionByRating`), so a slate's value is the sum of its ratings times
/// the post's weight. Every plan is solved by GLPK and re-checked by the independent verifier.
@Suite("Succession plan: the rules, one worked example each")
struct SuccessionRuleTests {
    typealias F = Fixtures

    func policy(_ change: (inout SuccessionPolicy) -> Void = { _ in }, rotation: (inout Policy) -> Void = { _ in }) -> Policy {
        var policy = F.successionByRating
        change(&policy.succession)
        rotation(&policy)
        return policy
    }

    func chairs(_ weights: [Double], requirements: [Requirements]? = nil) -> (positions: [Position], units: [OrgUnit]) {
        let units = weights.indices.map { OrgUnit(id: "U\($0 + 1)", name: "Unit \($0 + 1)", locality: "north", grassroots: true) }
        let positions = weights.enumerated().map { i, weight in
            F.post("P\(i + 1)", title: "chair", unit: "U\(i + 1)", requirements: requirements?[i] ?? Requirements(), weight: weight)
        }
        return (positions, units)
    }

    @Test("Rule 1, slate length: at most `max` successors, the best first")
    func slateMaximum() throws {
        let make = { (max: Int) in
            F.scenario(
                positions: [F.post("P1", title: "chair")],
                cadres: [F.cadre("C1", rating: 90), F.cadre("C2", rating: 80), F.cadre("C3", rating: 70), F.cadre("C4", rating: 60)],
                policy: policy { $0.slateSize.max = max })
        }
        let three = try F.succession(make(3))
        let two = try F.succession(make(2))
        #expect(F.slates(three)["P1"] == ["C1", "C2", "C3"])
        #expect(F.slates(two)["P1"] == ["C1", "C2"])
        #expect(three.objective == 240 && two.objective == 170)
        #expect(three.figures?.benchStrength == [0, 0, 0, 1])
    }

    /// P1 and P2 weigh 1, P3 0.5, P4 0.1 and asks for law, which only X (90) has; Y (50) has
    /// none; a slate holds one successor and X may be on three. Without a minimum X takes
    /// P1, P2, P3 (90 + 90 + 45 = 225) and P4 stays empty. A hard minimum puts X on P4 and Y on
    /// P3: 90 + 90 + 9 + 25 = 214. Soft, the empty slate costs its price: at 5, 225 − 5 = 220
    /// beats 214; at 30, 195 does not.
    @Test("Rule 1, slate minimum: the only cadre who can take a light post is put on its slate when the minimum binds")
    func slateMinimum() throws {
        let (positions, units) = chairs(
            [1, 1, 0.5, 0.1], requirements: [Requirements(), Requirements(), Requirements(), Requirements(fields: ["law"])])
        let make = { (mode: RuleMode) in
            F.scenario(
                positions: positions, cadres: [F.cadre("X", rating: 90, fields: ["law"]), F.cadre("Y", rating: 50)],
                policy: policy(
                    {
                        $0.slateSize.mode = mode
                        $0.slateSize.max = 1
                    }, rotation: { $0.fields.mode = .hard }), units: units)
        }
        let off = try F.succession(make(.off))
        #expect(F.slates(off) == ["P1": ["X"], "P2": ["X"], "P3": ["X"], "P4": []])
        #expect(off.objective == 225)
        #expect(off.slates[3].risks == [.noCandidate])
        #expect(off.slates[3].eligible == 1)
        let hard = try F.succession(make(.hard))
        #expect(F.slates(hard) == ["P1": ["X"], "P2": ["X"], "P3": ["Y"], "P4": ["X"]])
        #expect(abs((hard.objective ?? 0) - 214) < 1e-9)
        let cheap = try F.succession(make(.soft(price: 5)))
        #expect(F.slates(cheap)["P4"] == [])
        #expect(abs((cheap.objective ?? 0) - 220) < 1e-9)
        #expect(cheap.objectiveBreakdown?.penalties.map(\.rule) == ["succession.slateSize"])
        let dear = try F.succession(make(.soft(price: 30)))
        #expect(F.slates(dear) == F.slates(hard))
    }

    @Test("Rule 1: a post no one can be planned for is reported at risk, and the plan is still optimal")
    func atRisk() throws {
        let scenario = F.scenario(
            positions: [F.post("P1", title: "chair", requirements: Requirements(minRating: 95)), F.post("P2", title: "secretary")],
            cadres: [F.cadre("C1", rating: 80)], policy: policy(rotation: { $0.minRating.mode = .hard }))
        let plan = try F.succession(scenario)
        #expect(plan.status == .optimal)
        #expect(plan.slates.map(\.risks) == [[.noCandidate], [.singleCandidate]])
        #expect(plan.figures?.benchStrength == [1, 1, 0, 0])
        #expect(plan.figures?.atRisk == 2)
    }

    /// Four chairs of weights 1, 0.9, 0.8, 0.7, one successor each; X (90) and Y (50) are
    /// eligible for all. X is worth 40·w more than Y on each, so X takes the heaviest posts
    /// it may: three (Y on P4: 90 + 81 + 72 + 35 = 278), two (X on P1, P2, Y on P3, P4: 246) or one.
    @Test("Rule 2: one cadre on at most `max` slates")
    func slatesPerCadre() throws {
        let (positions, units) = chairs([1, 0.9, 0.8, 0.7])
        let make = { (max: Int) in
            F.scenario(
                positions: positions, cadres: [F.cadre("X", rating: 90), F.cadre("Y", rating: 50)],
                policy: policy {
                    $0.slatesPerCadre.max = max
                    $0.slateSize.max = 1
                }, units: units)
        }
        let three = try F.succession(make(3))
        #expect(F.slates(three) == ["P1": ["X"], "P2": ["X"], "P3": ["X"], "P4": ["Y"]])
        #expect(abs((three.objective ?? 0) - 278) < 1e-9)
        #expect(three.figures?.mostSlates == 3 && three.figures?.cadresOnMostSlates == ["X"])
        let two = try F.succession(make(2))
        #expect(F.slates(two) == ["P1": ["X"], "P2": ["X"], "P3": ["Y"], "P4": ["Y"]])
        #expect(abs((two.objective ?? 0) - 246) < 1e-9)
        let one = try F.succession(make(1))
        #expect(F.slates(one) == ["P1": ["X"], "P2": ["Y"], "P3": [], "P4": []])
    }

    @Test("Rule 3: a cadre is planned only for a post above the one they hold, never for their own")
    func upward() throws {
        let make = { (grades: [String: Int]) in
            F.scenario(
                positions: [
                    F.post("P-SEC", title: "secretary", incumbent: "S"), F.post("P-CHA", title: "chair", incumbent: "C"),
                    F.post("P-VC", title: "vice-chair", incumbent: "V"),
                ],
                cadres: [F.cadre("S", rating: 95), F.cadre("C", rating: 80), F.cadre("V", rating: 70), F.cadre("Q", rating: 60)],
                policy: policy { $0.grades = grades })
        }
        // Default grades: secretary 5, chair 4, vice-chair 3. The secretary, best rated, is on
        // no slate: not the chair's (5 is not below 4), not their own.
        let plan = try F.succession(make(SuccessionPolicy.defaultGrades))
        #expect(F.slates(plan) == ["P-SEC": ["C", "V", "Q"], "P-CHA": ["V", "Q"]])
        // Where the scenario ranks the chair above the secretary, the planning turns round.
        let turned = try F.succession(make(["secretary": 4, "chair": 5, "vice-chair": 3]))
        #expect(F.slates(turned) == ["P-SEC": ["V", "Q"], "P-CHA": ["S", "V", "Q"]])
    }

    /// A man of 58 in 2026 reaches retirement age (62) in 2030: four years after the term
    /// starts in 2026, one short of a full term.
    @Test("Rule 4: a full term before retirement age, counted from the term start")
    func timeToServe() throws {
        let make = { (change: @escaping (inout SuccessionPolicy) -> Void) in
            F.scenario(
                positions: [F.post("P1", title: "chair")], cadres: [F.cadre("OLD", rating: 90, age: 58), F.cadre("Y", rating: 60)],
                policy: policy(change))
        }
        #expect(F.slates(try F.succession(make { _ in }))["P1"] == ["Y"])
        #expect(F.slates(try F.succession(make { $0.timeToServe.years = 4 }))["P1"] == ["OLD", "Y"])
        #expect(F.slates(try F.succession(make { $0.timeToServe.mode = .off }))["P1"] == ["OLD", "Y"])
        // The next term starting in 2028 leaves him two years.
        let later = try F.succession(
            make {
                $0.termStart = 2028
                $0.timeToServe.years = 4
            })
        #expect(F.slates(later)["P1"] == ["Y"])
        #expect(later.termStart == 2028)
    }

    /// The secretary of U1 (in the north) asks for a master's, finance and a rating of 70.
    /// A lacks the degree, B the field, C the rating, D is from the north; E meets all.
    @Test(
        "Rule 5: qualified as for appointment, and non-local for a listed head post",
        arguments: [("education", "A"), ("fields", "B"), ("minRating", "C"), ("nonLocalHeads", "D")])
    func qualification(rule: String, excluded: String) throws {
        let post = F.post("P1", title: "secretary", requirements: Requirements(minEducation: .master, fields: ["finance"], minRating: 70))
        let cadres = [
            F.cadre("A", rating: 95, education: .bachelor, fields: ["finance"]), F.cadre("B", rating: 90, fields: ["law"]),
            F.cadre("C", rating: 65, fields: ["finance"]), F.cadre("D", rating: 85, home: "north", fields: ["finance"]),
            F.cadre("E", rating: 75, fields: ["finance"]),
        ]
        let make = { (on: Bool) in
            F.scenario(
                positions: [post], cadres: cadres,
                policy: policy(
                    { $0.slateSize.max = 5 },
                    rotation: { policy in
                        guard on else { return }
                        switch rule {
                        case "education": policy.education.mode = .hard
                        case "fields": policy.fields.mode = .hard
                        case "minRating": policy.minRating.mode = .hard
                        default: policy.nonLocalHeads.mode = .hard
                        }
                    }))
        }
        let everyone = ["A", "B", "D", "E", "C"]
        #expect(F.slates(try F.succession(make(false)))["P1"] == everyone)
        #expect(F.slates(try F.succession(make(true)))["P1"] == everyone.filter { $0 != excluded })
    }

    @Test("Rule 5, soft: an under-qualified cadre stays on the slate at the rule's price")
    func softQualification() throws {
        let scenario = F.scenario(
            positions: [F.post("P1", title: "chair", requirements: Requirements(minEducation: .master))],
            cadres: [F.cadre("A", rating: 95, education: .bachelor), F.cadre("B", rating: 60)],
            policy: policy({ $0.slateSize.max = 1 }, rotation: { $0.education.mode = .soft(price: 20) }))
        let plan = try F.succession(scenario)
        #expect(F.slates(plan)["P1"] == ["A"])  // 95 − 20 = 75 beats 60
        #expect(plan.objective == 75)
        #expect(plan.objectiveBreakdown?.penalties == [Penalty(rule: "education", subject: "A for P1", shortfall: 1, price: 20)])
    }

    /// Three chairs (weights 1, 1, 0.5), one successor each; the men M1 (90), M2 (89) and the
    /// woman W (80) are eligible for all, and a cadre may be on every slate. Unconstrained, M1
    /// takes all three (225). Half of the people on the list must be women: M1 on P1, M2 on P2
    /// and W on P3 has one woman among three people, which fails; W on P3 and M1 on P1 and P2 has
    /// one among two (220), the best plan that passes. Counting slate places instead of people,
    /// that plan would fail too (one place in three).
    @Test("Rule 6: women counted once over all slates; only the global optimum passes")
    func womenShare() throws {
        let (positions, units) = chairs([1, 1, 0.5])
        let make = { (mode: RuleMode) in
            F.scenario(
                positions: positions,
                cadres: [F.cadre("M1", rating: 90), F.cadre("M2", rating: 89), F.cadre("W", rating: 80, gender: .female)],
                policy: policy {
                    $0.slateSize.max = 1
                    $0.women.mode = mode
                    $0.women.minShare = 0.5
                }, units: units)
        }
        let free = try F.succession(make(.off))
        #expect(F.slates(free) == ["P1": ["M1"], "P2": ["M1"], "P3": ["M1"]])
        let shared = try F.succession(make(.hard))
        #expect(F.slates(shared) == ["P1": ["M1"], "P2": ["M1"], "P3": ["W"]])
        #expect(shared.objective == 220)
        #expect(shared.figures?.people == 2 && shared.figures?.women == 1)
        #expect(shared.peopleCounted == true)
        #expect(free.peopleCounted == false)
        // Soft at 4 points for the missing woman: cheaper than the 5 points W costs on P3.
        let soft = try F.succession(make(.soft(price: 4)))
        #expect(F.slates(soft) == F.slates(free))
        #expect(soft.objective == 221)
    }

    /// Two secretaries (weights 1 and 0.5), two successors each, one slate per cadre; four men
    /// aged 45 (M1 90, M2 85, M3 80, M4 75) and one of 35 (Y, 60). Unconstrained the four fill
    /// the slates: 175 + 77.5 = 252.5, nobody young. A young share of 25 % needs Y, and five
    /// people would need two young: so Y replaces M4 (175 + 70 = 245), the best of the plans
    /// with one young among four people (Y on P1 instead gives 150 + 82.5).
    @Test("Rule 6: young cadres counted once over all slates")
    func youngShare() throws {
        let units = [
            OrgUnit(id: "U1", name: "One", locality: "north", grassroots: true),
            OrgUnit(id: "U2", name: "Two", locality: "north", grassroots: true),
        ]
        let scenario = F.scenario(
            positions: [F.post("P1", title: "secretary", unit: "U1"), F.post("P2", title: "secretary", unit: "U2", weight: 0.5)],
            cadres: [
                F.cadre("M1", rating: 90), F.cadre("M2", rating: 85), F.cadre("M3", rating: 80), F.cadre("M4", rating: 75),
                F.cadre("Y", rating: 60, age: 35),
            ],
            policy: policy {
                $0.slateSize.max = 2
                $0.slatesPerCadre.max = 1
                $0.young.mode = .hard
                $0.young.minShare = 0.25
            }, units: units)
        let plan = try F.succession(scenario)
        let figures = try #require(plan.figures)
        #expect(figures.people == 4 && figures.young == 1)
        #expect(F.slates(plan) == ["P1": ["M1", "M2"], "P2": ["M3", "Y"]])
        #expect(plan.objective == 245)
    }

    @Test("Rule 7: a cadre the round appoints is left off the slates when the policy says so")
    func appointedInRound() throws {
        let make = { (allow: Bool) in
            // K is locked in the chair, so the round's one open post is the vice-chair.
            F.scenario(
                positions: [F.post("P-VC", title: "vice-chair"), F.post("P-CHA", title: "chair", incumbent: "K")],
                cadres: [F.cadre("K", rating: 70, locked: true), F.cadre("Q", rating: 90), F.cadre("R", rating: 60)],
                policy: policy({ $0.allowAppointedInRound = allow }, rotation: { $0.locks.mode = .hard }))
        }
        // The round fills the vacant vice-chair with the best of the pool, Q.
        let round = try F.solve(make(false))
        #expect(F.holders(round)["P-VC"] == "Q")
        let appointed = Planner.appointed(in: round)
        #expect(appointed == ["Q"])
        let allowed = try F.succession(make(true), round: (appointed, "solved"))
        #expect(F.slates(allowed)["P-CHA"] == ["Q", "R"])
        #expect(allowed.excludedAsAppointed.isEmpty)
        let barred = try F.succession(make(false), round: (appointed, "solved"))
        #expect(F.slates(barred)["P-CHA"] == ["R"])
        #expect(barred.excludedAsAppointed == ["Q"])
        #expect(barred.round == "solved")
    }

    @Test("Readiness, worked by hand with the default weights")
    func readiness() throws {
        // A vice-chair of U1 for 4 years, rated 80, with one of the chair's two fields, aged 45:
        // retires in 2043, 17 years after 2026, 12 beyond a term (counted as 10); in the unit.
        // 100 · (4 · 0.8 + 2 · 0.4 + 2 · 0.5 + 2 · 1 + 1 · 1) / 11 = 72.727… → 72.7
        var policy = Fixtures.allOff
        policy.succession.women.mode = .off
        policy.succession.young.mode = .off
        let scenario = F.scenario(
            positions: [
                F.post("P1", title: "chair", requirements: Requirements(fields: ["law", "land"])),
                F.post("P2", title: "vice-chair", incumbent: "V"),
            ],
            cadres: [F.cadre("V", rating: 80, fields: ["land"], yearsInPost: 4)], policy: policy)
        let plan = try F.succession(scenario)
        let candidate = try #require(plan.slates.first?.candidates.first)
        #expect(candidate.cadre == "V" && candidate.holds == "P2" && candidate.retirementYear == 2043)
        let r = candidate.readiness
        #expect(r.value == 72.7)
        #expect(r.experienceYears == 4 && r.fieldsMatched == 1 && r.fieldsAsked == 2 && r.serviceYearsBeyondTerm == 10 && r.inUnit)
        #expect(candidate.ready)
    }

    @Test("Risk: the incumbent retires within the coming term and no one on the slate is ready")
    func retiringIncumbent() throws {
        // The chair, a man of 60, retires in 2028, before 2026 + 5. Ready means readiness ≥ 60.
        let make = { (rating: Double) in
            F.scenario(
                positions: [F.post("P1", title: "chair", incumbent: "I")],
                cadres: [F.cadre("I", rating: 80, age: 60), F.cadre("R", rating: rating)], policy: policy())
        }
        let unready = try F.succession(make(50))
        #expect(unready.slates[0].incumbentRetirementYear == 2028)
        #expect(unready.slates[0].risks == [.singleCandidate, .incumbentRetiresWithoutReadySuccessor])
        let ready = try F.succession(make(70))
        #expect(ready.slates[0].risks == [.singleCandidate])
    }

    @Test("The slates written back as planning: a later round may appoint a slate's cadre to that post")
    func writePlanning() throws {
        var rotation = F.successionByRating
        rotation.planning.mode = .hard
        let scenario = F.scenario(positions: [F.post("P1", title: "chair")], cadres: [F.cadre("C1", rating: 80)], policy: rotation)
        // Not planned for "chair", C1 cannot be appointed.
        #expect(F.holders(try F.solve(scenario))["P1"] == "vacant")
        let slates = try F.succession(scenario)
        let next = Planner.scenario(scenario, withPlanning: slates)
        #expect(next.cadres[0].plannedFor == ["post:P1"])
        #expect(F.holders(try F.solve(next))["P1"] == "C1")
        // Written and read back, the entry survives and validates.
        let reread = try ScenarioReader.read(data: ScenarioWriter.encode(next), file: "next.json")
        #expect(reread.scenario.cadres[0].plannedFor == ["post:P1"])
    }
}

@Suite("Succession plan: optimality and the verifier")
struct SuccessionSolvingTests {
    typealias F = Fixtures

    @Test("On 60 random tiny rounds, GLPK's slates score the best the enumeration of every slate finds", arguments: 0..<60)
    func bruteForce(seed: Int) throws {
        let scenario = RandomSuccession.make(seed: UInt64(seed))
        let best = RandomSuccession.bestByEnumeration(scenario)
        // From one pair per post (the rest priced in and certified) and from the whole model.
        for perPost in [1, 0] {
            var options = Planner.Options()
            options.candidatesPerPost = perPost
            let plan = try F.succession(scenario, options: options)
            if let best {
                #expect(plan.status == .optimal)
                #expect(abs((plan.objective ?? .nan) - best) < 1e-6, "seed \(seed): GLPK \(plan.objective ?? .nan), enumeration \(best)")
            } else {
                #expect(plan.status == .infeasible, "seed \(seed)")
            }
        }
    }

    @Test("Hand-broken succession plans are caught, each with the rule it breaks")
    func rejects() throws {
        // The chair (weight 2) asks for a master's: A and D qualify, B does not, the secretary S
        // ranks above it. One slate per cadre: the chair takes A and D (180 + 140), the
        // secretary's slate B (80); any other arrangement is worth less.
        let scenario = F.scenario(
            positions: [
                F.post("P1", title: "chair", requirements: Requirements(minEducation: .master), weight: 2),
                F.post("P2", title: "secretary", incumbent: "S"),
            ],
            cadres: [
                F.cadre("A", rating: 90), F.cadre("B", rating: 80, education: .bachelor), F.cadre("S", rating: 85),
                F.cadre("D", rating: 70),
            ],
            policy: {
                var p = F.successionByRating
                p.education.mode = .hard
                p.succession.slatesPerCadre.max = 1
                p.succession.slateSize.max = 2
                return p
            }())
        let good = try F.succession(scenario)
        #expect(F.slates(good) == ["P1": ["A", "D"], "P2": ["B"]])
        func rules(_ edit: (inout SuccessionPlan) -> Void) -> [String] {
            var plan = good
            edit(&plan)
            return SuccessionVerifier.verify(plan, against: scenario).violations.map(\.rule)
        }
        // B lacks the master's the chair asks for.
        let candidate = good.slates[0].candidates[0]
        #expect(
            rules {
                $0.slates[0].candidates.append(
                    SlateCandidate(cadre: "B", holds: nil, retirementYear: 2043, readiness: candidate.readiness, ready: true))
            }
            .contains("succession"))
        // The secretary on their own post's slate.
        #expect(
            rules {
                $0.slates[1].candidates = [
                    SlateCandidate(cadre: "S", holds: "P2", retirementYear: 2043, readiness: candidate.readiness, ready: true)
                ]
            }
            .contains("succession"))
        // A cadre on two slates where one is allowed.
        let a = good.slates[0].candidates.first { $0.cadre == "A" }!
        #expect(rules { $0.slates[1].candidates = [a] }.contains("succession.slatesPerCadre"))
        // A stated readiness, objective, rank order or figure that the scenario does not give.
        #expect(rules { $0.slates[0].candidates[0].readiness.value += 1 }.contains("plan"))
        #expect(rules { $0.objective = (good.objective ?? 0) + 1 }.contains("plan"))
        #expect(rules { $0.slates[0].candidates.reverse() }.contains("plan"))
        let inflated = rules { $0.figures?.people += 1 }
        #expect(inflated.contains("plan"))
        #expect(rules { $0.slates[0].risks = [.noCandidate] }.contains("plan"))
        #expect(rules { $0.slates.removeLast() }.contains("plan"))
    }

    @Test("The shipped city round: slates for all 367 key posts, proven optimal over every pair")
    func city() throws {
        let loaded = try Planner.load(Fixtures.packageRoot.appendingPathComponent("Scenarios/city.json").path)
        let plan = try Planner.succession(loaded.scenario, sha256: loaded.sha256)
        #expect(SuccessionVerifier.verify(plan, against: loaded.scenario).isValid)
        #expect(plan.status == .optimal)
        let figures = try #require(plan.figures)
        #expect(figures.keyPosts == 367)
        #expect(figures.womenShare >= 0.25 && figures.youngShare >= 0.15)
        #expect(figures.mostSlates <= 3)
        let search = try #require(plan.search)
        let objective = try #require(plan.objective)
        let proven = try #require(search.provenBound)
        let step = try #require(search.objectiveStep)
        #expect(proven >= objective - 1e-6 && proven < objective + step)
        #expect((search.columnsUsed ?? .max) < search.columns)
    }
}

/// Tiny random succession rounds and the best slates found by trying every one.
enum RandomSuccession {
    /// Three key posts (secretary, chair, deputy secretary) in two units, four cadres, and every
    /// succession rule in a random mode with random parameters.
    static func make(seed: UInt64) -> Scenario {
        var g = SeededRandom(seed: seed, salt: 29)
        var policy = Fixtures.allOff
        policy.education.mode = g.mode(15)
        policy.fields.mode = g.mode(12)
        policy.minRating.mode = g.mode(9)
        policy.nonLocalHeads.mode = g.mode(11)
        var s = SuccessionPolicy()
        s.slateSize.mode = g.mode(Double(10 + g.int(40)))
        s.slateSize.max = 1 + g.int(3)
        s.slateSize.min = min(s.slateSize.max, 1 + g.int(2))
        s.slatesPerCadre.mode = g.mode(Double(5 + g.int(20)))
        s.slatesPerCadre.max = 1 + g.int(3)
        s.timeToServe.mode = g.mode(Double(5 + g.int(20)))
        s.women.mode = g.mode(Double(5 + g.int(30)))
        s.women.minShare = [0.25, 0.5, 0.6][g.int(3)]
        s.young.mode = g.mode(Double(5 + g.int(30)))
        s.young.minShare = [0.15, 0.34, 0.5][g.int(3)]
        s.termStart = g.int(2) == 0 ? nil : 2028
        s.readiness.rating = Double(1 + g.int(4))
        s.readiness.experience = Double(g.int(3))
        s.readiness.fields = Double(g.int(3))
        s.readiness.service = Double(g.int(3))
        s.readiness.sameUnit = Double(g.int(3))
        s.readiness.slotValues = [[40, 20, 0], [10, 10, 10], [0], [30, 5]][g.int(4)]
        s.readiness.extraSlatePrice = Double(5 * g.int(3))
        policy.succession = s
        let units = [
            OrgUnit(id: "U1", name: "North", locality: "north", grassroots: true),
            OrgUnit(id: "U2", name: "South", locality: "south", grassroots: false),
        ]
        let fields = ["law", "finance", "land"]
        var cadres: [Cadre] = []
        for i in 1...4 {
            cadres.append(
                Fixtures.cadre(
                    "C\(i)", rating: Double(50 + g.int(50)), age: [35, 45, 55, 58, 61][g.int(5)], gender: g.int(2) == 0 ? .male : .female,
                    home: ["north", "south", "city"][g.int(3)], education: [.bachelor, .master][g.int(2)], fields: [fields[g.int(3)]]))
        }
        var positions: [Position] = []
        var incumbents = Set<Int>()
        for (p, title) in ["secretary", "chair", "deputy-secretary"].enumerated() {
            var incumbent: String?
            let c = g.int(6)
            if c < 4 && !incumbents.contains(c) {
                incumbents.insert(c)
                incumbent = cadres[c].id
                cadres[c].yearsInPost = 1 + g.int(12)
            }
            positions.append(
                Position(
                    id: "P\(p + 1)", unit: g.int(2) == 0 ? "U1" : "U2", title: title,
                    requirements: Requirements(
                        minEducation: g.int(2) == 0 ? .master : nil, fields: g.int(2) == 0 ? [fields[g.int(3)]] : [],
                        minRating: g.int(3) == 0 ? 70 : nil),
                    incumbent: incumbent, weight: Double(1 + g.int(3))))
        }
        return Fixtures.scenario(positions: positions, cadres: cadres, policy: policy, units: units)
    }

    /// The best objective over every choice of slates (each a set of at most `max` cadres)
    /// that the verifier accepts; nil when it accepts none. The verifier judges each candidate
    /// plan's rules and computes its objective from the scenario; the plan documents are built
    /// here with placeholder readiness and figures, so its complaints about the document itself
    /// (rule "plan") are set aside.
    static func bestByEnumeration(_ scenario: Scenario) -> Double? {
        let keys = scenario.positions.filter { scenario.policy.succession.keyTitles.contains($0.title) }
        let ids = scenario.cadres.map(\.id)
        let largest = scenario.policy.succession.slateSize.max
        var subsets: [[String]] = [[]]
        for id in ids { subsets += subsets.filter { $0.count < largest }.map { $0 + [id] } }
        var best: Double?
        func visit(_ index: Int, _ chosen: [[String]]) {
            guard index == keys.count else {
                for subset in subsets { visit(index + 1, chosen + [subset]) }
                return
            }
            let plan = planFor(scenario, keys: keys, slates: chosen)
            let check = SuccessionVerifier.verify(plan, against: scenario)
            guard check.violations.allSatisfy({ $0.rule == "plan" }), let objective = check.objective else { return }
            if best == nil || objective > best! + 1e-9 { best = objective }
        }
        visit(0, [])
        return best
    }

    static func planFor(_ scenario: Scenario, keys: [Position], slates: [[String]]) -> SuccessionPlan {
        let placeholder = ReadinessScore(
            cadre: scenario.cadres[0], position: keys[0], heldUnit: nil, yearsFromTermStart: 0, termYears: 0,
            weights: ReadinessWeights())
        var plan = SuccessionPlan(
            scenario: ScenarioIdentity(name: "", planningYear: scenario.planningYear, sha256: ""),
            producedBy: Provenance(planner: "", solver: "enumeration", solverVersion: "", parameters: SolveParameters()),
            status: .feasible, termStart: scenario.policy.succession.termStart ?? scenario.planningYear)
        plan.slates = zip(keys, slates).map { position, cadres in
            Slate(
                position: position.id, title: position.title, unit: position.unit, incumbent: position.incumbent,
                incumbentRetirementYear: nil,
                eligible: 0,
                candidates: cadres.map { SlateCandidate(cadre: $0, holds: nil, retirementYear: 0, readiness: placeholder, ready: false) },
                risks: [])
        }
        return plan
    }
}
