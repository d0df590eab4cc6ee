import PlannerCore

/// Re-checks a succession plan against its scenario from the two documents alone: every slate
/// candidate's eligibility and readiness, every cross-slate rule, the risks, the figures and
/// the objective. Like `PlanVerifier`, it shares no code with the model builder: key posts,
/// grades, eligibility and readiness are derived here again (ages, retirement years and
/// localities through the rotation verifier's own derivations).
public enum SuccessionVerifier {
    public static func verify(
        _ plan: SuccessionPlan, against scenario: Scenario, scenarioSHA256: String? = nil,
        options: PlanVerifier.Options = PlanVerifier.Options()
    ) -> Verification {
        var check = SuccessionCheck(scenario: scenario, plan: plan)
        check.gapForOptimal = PlanVerifier.gapForOptimal(plan.producedBy, options: options)
        if let message = Verification.differentScenario(plan: plan.scenario, file: scenarioSHA256) {
            if options.scenarioChanged {
                check.warnings.append(message)
            } else {
                check.violate(
                    "plan", "scenario.sha256",
                    message
                        + "; if the scenario changed on purpose, say so (--scenario-changed, which `planner verify` and `planner report` take)"
                )
            }
        }
        check.checkConflict()
        guard plan.status.hasPlan else {
            if plan.slates.contains(where: { !$0.candidates.isEmpty }) {
                check.violate("plan", "status", "a plan with status \(plan.status.rawValue) must hold no candidates")
            }
            return check.result()
        }
        check.run()
        check.checkPreference()
        return check.result()
    }
}

extension SuccessionCheck {
    /// The rules a plan names in conflict, as far as the documents alone can tell: only a plan
    /// without slates names them, each once, each a rule the scenario holds hard that can keep
    /// slates from existing (the succession's own, or a qualification rule). Whether they are
    /// a conflict is solving's to say (`planner verify --resolve`).
    mutating func checkConflict() {
        guard let conflict = plan.conflict else { return }
        if plan.status != .infeasible {
            violate("plan", "conflict", "rules are named in conflict, but the status is \(plan.status.rawValue)")
        }
        if conflict.notFound != nil, !conflict.rules.isEmpty {
            violate("plan", "conflict", "rules are named, and the record says none were found")
        }
        if conflict.notFound == nil, conflict.rules.isEmpty {
            violate("plan", "conflict", "no rule is named, and the record does not say why")
        }
        var seen: Set<String> = []
        for key in conflict.rules {
            if !seen.insert(key).inserted { violate("plan", "conflict", "\(key) is named twice") }
            let mode: RuleMode?
            if key.hasPrefix("succession.") {
                let name = String(key.dropFirst("succession.".count))
                mode = SuccessionPolicy.rules.first { $0.key == name }?.mode(in: scenario.policy.succession)
            } else if ["education", "fields", "minRating", "nonLocalHeads"].contains(key) {
                mode = Policy.rules.first { $0.key == key }?.mode(in: scenario.policy)
            } else {
                mode = nil
            }
            if mode != .hard {
                violate("plan", "conflict", "\(key) is not a hard rule of the scenario's slates")
            }
        }
    }

    /// The stated order's record (docs/model.md, "Solving the succession model", 3): its keys in
    /// their order, and each key's value as the slates give it, derived here: the rank key from
    /// ranks of its own (posts by weight then id, cadres by rating then id, the smaller id
    /// higher), the draw from FNV-1a of "post|cadre". A record edited by hand is caught.
    mutating func checkPreference() {
        guard let preference = plan.preference else { return }
        let statedOrder = ["ratingByRank", "idDraw"]
        if preference.order != statedOrder {
            violate("preference", "order", "the record's order is \(preference.order), not the stated \(statedOrder)")
            return
        }
        if preference.stages.map(\.key) != Array(statedOrder.prefix(preference.stages.count)) {
            violate("preference", "stages", "the record's stages \(preference.stages.map(\.key)) are not the order's first keys in order")
            return
        }
        let postsByRank = scenario.positions.sorted { $0.weight != $1.weight ? $0.weight < $1.weight : $0.id > $1.id }
        let cadresByRank = scenario.cadres.sorted { $0.rating != $1.rating ? $0.rating < $1.rating : $0.id > $1.id }
        let postRank = Dictionary(postsByRank.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        let cadreRank = Dictionary(cadresByRank.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        func draw(_ text: String) -> Int {
            var hash: UInt64 = 14_695_981_039_346_656_037
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
            return 1 + Int(hash % (1 << 20))
        }
        var rank = 0
        var drawn = 0
        for slate in plan.slates {
            for candidate in slate.candidates {
                rank += (postRank[slate.position] ?? 0) * (cadreRank[candidate.cadre] ?? 0)
                drawn += draw(slate.position + "|" + candidate.cadre)
            }
        }
        for stage in preference.stages {
            let value = stage.key == "ratingByRank" ? rank : drawn
            if stage.value != Double(value) {
                violate("preference", stage.key, "records \(stage.key) = \(Int(stage.value)), but the slates give \(value)")
            }
        }
    }
}

struct SuccessionCheck {
    let scenario: Scenario
    let plan: SuccessionPlan
    /// `PlanVerifier.gapForOptimal`, for slates.
    var gapForOptimal = 0.0
    /// The rotation verifier's derived facts (retirement years, ages, localities).
    let derived: Check
    var violations: [Violation] = []
    var warnings: [String] = []
    var penalties: [Penalty] = []
    var objective: Double?

    /// What eligibility asks of each cadre whatever the post, derived once, in the scenario's
    /// order of cadres: eligibility runs for every cadre and key post (583 × 367 pairs on the
    /// city round), and derived per pair (a scan of the plan's appointed, dictionaries by id) it
    /// took a third of the `planner succession` command's time (perf, 2026-12-07).
    struct CadreEligibility {
        /// The post the cadre holds, and its grade.
        let held: (id: String, grade: Int)?
        let retires: Int
        let appointed: Bool
    }
    let eligibility: [CadreEligibility]
    let cadreIndex: [String: Int]

    static func eligibility(of cadre: Cadre, derived: Check, appointed: Set<String>) -> CadreEligibility {
        let held = derived.formerPostOf[cadre.id].flatMap { derived.positions[$0] }
        let grades = derived.scenario.policy.succession.grades
        return CadreEligibility(
            held: held.map { ($0.id, grades[$0.title] ?? 0) }, retires: derived.retirementYear(cadre),
            appointed: appointed.contains(cadre.id))
    }

    init(scenario: Scenario, plan: SuccessionPlan) {
        self.scenario = scenario
        self.plan = plan
        let empty = Plan(scenario: plan.scenario, producedBy: plan.producedBy, status: .infeasible)
        let derived = Check(scenario: scenario, plan: empty, gapForOptimal: 0)
        self.derived = derived
        let appointed = Set(plan.excludedAsAppointed)
        eligibility = scenario.cadres.map { Self.eligibility(of: $0, derived: derived, appointed: appointed) }
        cadreIndex = Dictionary(scenario.cadres.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    var rules: SuccessionPolicy { scenario.policy.succession }

    mutating func violate(_ rule: String, _ subject: String, _ message: String) {
        violations.append(Violation(rule: rule, subject: subject, message: message))
    }

    func result() -> Verification {
        Verification(violations: violations, penalties: penalties.sorted(), objective: objective, warnings: warnings)
    }

    /// Why the rules keep `cadre` off `position`'s slate (hard rules only), or nil; soft rules
    /// broken are added to `soft`. Without `explain` the reason is "" (counting the eligible
    /// cadres of every key post needs only whether there is one).
    func exclusion(_ cadre: Cadre, _ position: Position, soft: inout [Penalty], explain: Bool = true) -> String? {
        let facts = cadreIndex[cadre.id].map { eligibility[$0] }
        return exclusion(
            cadre, eligibility: facts ?? Self.eligibility(of: cadre, derived: derived, appointed: Set(plan.excludedAsAppointed)),
            position, soft: &soft, explain: explain)
    }

    /// `exclusion` with the cadre's facts whatever the post (`CadreEligibility`) at hand.
    func exclusion(
        _ cadre: Cadre, eligibility facts: CadreEligibility, _ position: Position, soft: inout [Penalty], explain: Bool = true
    ) -> String? {
        let policy = scenario.policy
        if position.incumbent == cadre.id { return "never planned for their own post" }
        if facts.appointed { return "appointed in the same round" }
        let target = rules.grades[position.title] ?? 0
        if let held = facts.held, held.grade >= target {
            return "holds \(held.id) of grade \(held.grade), not below \(position.title)'s \(target)"
        }
        let retires = facts.retires
        if retires <= scenario.planningYear { return "at retirement age" }
        var reason: String?
        // The reason is built only for a rule that is broken: this runs for every cadre and key post.
        func rule(_ name: String, _ mode: RuleMode, _ broken: Bool, _ why: @autoclosure () -> String) {
            guard broken, reason == nil else { return }
            switch mode {
            case .hard: reason = explain ? why() : ""
            case .soft(let price): soft.append(Penalty(rule: name, subject: "\(cadre.id) for \(position.id)", shortfall: 1, price: price))
            case .off: break
            }
        }
        let start = plan.termStart
        rule(
            "succession.timeToServe", rules.timeToServe.mode, retires - start < rules.timeToServe.years,
            "reaches retirement age in \(retires), less than \(rules.timeToServe.years) years after \(start)")
        let req = position.requirements
        if let least = req.minEducation {
            rule(
                "education", policy.education.mode, cadre.education < least, "education \(cadre.education.rawValue) below \(least.rawValue)"
            )
        }
        rule(
            "fields", policy.fields.mode, !req.fields.isEmpty && !cadre.fields.contains(where: req.fields.contains),
            "none of the fields \(req.fields.joined(separator: ", "))")
        if let least = req.minRating {
            rule("minRating", policy.minRating.mode, cadre.rating < least, "rating \(cadre.rating) below \(least)")
        }
        if policy.nonLocalHeads.titles.contains(position.title), let unit = derived.units[position.unit] {
            rule("nonLocalHeads", policy.nonLocalHeads.mode, derived.isLocal(cadre, to: unit), "local to \(unit.id)")
        }
        return reason
    }

    /// Readiness as docs/model.md states it, computed here again.
    func readiness(
        _ cadre: Cadre, _ position: Position
    ) -> (score: Double, experience: Int, matched: Int, asked: Int, service: Int, inUnit: Bool) {
        let w = rules.readiness
        let experience = Swift.min(cadre.yearsInPost, 10)
        let asked = position.requirements.fields.count
        let matched = position.requirements.fields.filter { cadre.fields.contains($0) }.count
        let retires = cadreIndex[cadre.id].map { eligibility[$0].retires } ?? derived.retirementYear(cadre)
        let beyond = retires - plan.termStart - rules.timeToServe.years
        let service = Swift.max(0, Swift.min(beyond, 10))
        let fieldShare = asked == 0 ? 1 : Double(matched) / Double(asked)
        let inUnit = derived.formerPostOf[cadre.id].flatMap { derived.positions[$0]?.unit } == position.unit
        let weighted =
            w.rating * cadre.rating / 100 + w.experience * Double(experience) / 10 + w.fields * fieldShare + w.service * Double(service)
            / 10
            + w.sameUnit * (inUnit ? 1 : 0)
        let score = 100 * weighted / (w.rating + w.experience + w.fields + w.service + w.sameUnit)
        return ((score * 10).rounded(.toNearestOrAwayFromZero) / 10, experience, matched, asked, service, inUnit)
    }

    /// As for a rotation plan (`Check.boundAndGapProblems`); a review found slates with a bound
    /// below their objective, a negative gap and a forged gap all passed.
    mutating func checkBoundAndGap(objective: Double) {
        for problem in Check.boundAndGapProblems(
            objective: objective, bound: plan.bound, gap: plan.gap, optimal: plan.status == .optimal, gapForOptimal: gapForOptimal)
        {
            violate("plan", problem.key, problem.message)
        }
    }

    mutating func run() {
        let keyTitles = Set(rules.keyTitles)
        let keyListed = Set(rules.keyPositions)
        let keys = scenario.positions.filter { keyTitles.contains($0.title) || keyListed.contains($0.id) }
        if plan.slates.map(\.position) != keys.map(\.id) {
            violate("plan", "slates", "the slates are not the scenario's \(keys.count) key posts in order")
            return
        }
        if rules.allowAppointedInRound && !plan.excludedAsAppointed.isEmpty {
            violate(
                "succession.allowAppointedInRound", "excludedAsAppointed",
                "the policy allows appointed cadres, yet \(plan.excludedAsAppointed.count) are excluded")
        }
        // Who the round appoints can be checked only by solving it again (`verify --resolve`);
        // that each is a cadre of the scenario, named once, can be checked here.
        let cadreIDs = Set(scenario.cadres.map(\.id))
        var listed = Set<String>()
        for (index, id) in plan.excludedAsAppointed.enumerated() {
            if !cadreIDs.contains(id) {
                violate("plan", "excludedAsAppointed[\(index)]", "\(id) is not a cadre of the scenario")
            } else if !listed.insert(id).inserted {
                violate("plan", "excludedAsAppointed[\(index)]", "\(id) is listed twice")
            }
        }
        var slatesOf: [String: Int] = [:]
        var readinessTotal = 0.0
        var slotTotal = 0.0
        var bench = [Int](repeating: 0, count: Swift.max(rules.slateSize.max, plan.slates.map(\.candidates.count).max() ?? 0) + 1)
        for (slate, position) in zip(plan.slates, keys) {
            let subject = "slate of \(position.id)"
            if slate.title != position.title || slate.unit != position.unit || slate.incumbent != position.incumbent {
                violate("plan", subject, "title, unit or incumbent differ from the scenario")
            }
            let incumbent = position.incumbent.flatMap { derived.cadres[$0] }
            if slate.incumbentRetirementYear != incumbent.map(derived.retirementYear) {
                violate(
                    "plan", subject,
                    "incumbent's retirement year is \(slate.incumbentRetirementYear.map(String.init) ?? "none"), derived \(incumbent.map { String(derived.retirementYear($0)) } ?? "none")"
                )
            }
            var unused: [Penalty] = []
            // A loop, not `count(where:)`: the closure copied the whole check (self) per cadre.
            var eligible = 0
            for (index, cadre) in scenario.cadres.enumerated()
            where exclusion(cadre, eligibility: eligibility[index], position, soft: &unused, explain: false) == nil {
                eligible += 1
            }
            if slate.eligible != eligible {
                violate("plan", subject, "lists \(slate.eligible) eligible cadres; the rules allow \(eligible)")
            }
            var seen = Set<String>()
            for (rank, candidate) in slate.candidates.enumerated() {
                guard let cadre = derived.cadres[candidate.cadre] else {
                    violate("plan", subject, "cadre \(candidate.cadre) does not exist")
                    continue
                }
                if !seen.insert(cadre.id).inserted { violate("plan", subject, "\(cadre.id) is on the slate twice") }
                var soft: [Penalty] = []
                if let reason = exclusion(cadre, position, soft: &soft) {
                    violate("succession", "\(cadre.id) for \(position.id)", "not eligible: \(reason)")
                }
                penalties += soft
                let r = readiness(cadre, position)
                let parts = candidate.readiness
                // Each part that differs, by name, the stated value against the derived (a review
                // read "readiness 76.4 ... differ from the derived 76.4" with no part named).
                var differing: [String] = []
                if abs(parts.value - r.score) > 0.05 + 1e-9 { differing.append("value \(parts.value), derived \(r.score)") }
                if parts.experienceYears != r.experience {
                    differing.append("experienceYears \(parts.experienceYears), derived \(r.experience)")
                }
                if parts.fieldsMatched != r.matched { differing.append("fieldsMatched \(parts.fieldsMatched), derived \(r.matched)") }
                if parts.fieldsAsked != r.asked { differing.append("fieldsAsked \(parts.fieldsAsked), derived \(r.asked)") }
                if parts.serviceYearsBeyondTerm != r.service {
                    differing.append("serviceYearsBeyondTerm \(parts.serviceYearsBeyondTerm), derived \(r.service)")
                }
                if parts.rating != cadre.rating { differing.append("rating \(parts.rating), derived \(cadre.rating)") }
                if parts.inUnit != r.inUnit { differing.append("inUnit \(parts.inUnit), derived \(r.inUnit)") }
                if !differing.isEmpty {
                    violate(
                        "plan", "\(cadre.id) for \(position.id)",
                        "the readiness the plan states differs from the derived: " + differing.joined(separator: "; "))
                }
                if candidate.ready != (parts.value >= rules.readiness.ready) {
                    violate("plan", "\(cadre.id) for \(position.id)", "ready flag is wrong")
                }
                if candidate.holds != derived.formerPostOf[cadre.id] {
                    violate(
                        "plan", "\(cadre.id) for \(position.id)",
                        "holds \(candidate.holds ?? "nothing"), not \(derived.formerPostOf[cadre.id] ?? "nothing")")
                }
                if candidate.retirementYear != derived.retirementYear(cadre) {
                    violate("plan", "\(cadre.id) for \(position.id)", "retirement year is wrong")
                }
                if rank > 0 {
                    let before = slate.candidates[rank - 1]
                    if before.readiness.value < parts.value || (before.readiness.value == parts.value && before.cadre > candidate.cadre) {
                        violate("plan", subject, "not in rank order at place \(rank + 1)")
                    }
                }
                slatesOf[cadre.id, default: 0] += 1
                // The objective counts readiness as derived here, whatever the plan states.
                readinessTotal += position.weight * r.score
                let slot =
                    rank < rules.readiness.slotValues.count ? rules.readiness.slotValues[rank] : (rules.readiness.slotValues.last ?? 0)
                slotTotal += position.weight * slot
            }
            let count = slate.candidates.count
            if count > rules.slateSize.max {
                violate("succession.slateSize", subject, "\(count) successors, more than \(rules.slateSize.max)")
            }
            let least = rules.slateSize.mode == .off ? 0 : Swift.min(rules.slateSize.min, eligible, rules.slateSize.max)
            if count < least {
                switch rules.slateSize.mode {
                case .hard: violate("succession.slateSize", subject, "\(count) successors, fewer than \(least)")
                case .soft(let price):
                    penalties.append(Penalty(rule: "succession.slateSize", subject: subject, shortfall: least - count, price: price))
                case .off: break
                }
            }
            bench[Swift.min(count, bench.count - 1)] += 1
            var risks: [SlateRisk] = []
            if count == 0 { risks.append(.noCandidate) }
            if count == 1 { risks.append(.singleCandidate) }
            if let incumbent, derived.retirementYear(incumbent) < plan.termStart + rules.timeToServe.years,
                !slate.candidates.contains(where: { $0.readiness.value >= rules.readiness.ready })
            {
                risks.append(.incumbentRetiresWithoutReadySuccessor)
            }
            if risks != slate.risks { violate("plan", subject, "risks \(slate.risks.map(\.rawValue)), derived \(risks.map(\.rawValue))") }
        }
        for excluded in plan.excludedAsAppointed where slatesOf[excluded] != nil {
            violate("succession.allowAppointedInRound", excluded, "appointed in the round, yet on a slate")
        }
        var extra = 0.0
        for (id, count) in slatesOf.sorted(by: { $0.key < $1.key }) {
            extra += Double(count - 1) * rules.readiness.extraSlatePrice
            guard count > rules.slatesPerCadre.max else { continue }
            switch rules.slatesPerCadre.mode {
            case .hard: violate("succession.slatesPerCadre", id, "on \(count) slates, more than \(rules.slatesPerCadre.max)")
            case .soft(let price):
                penalties.append(
                    Penalty(rule: "succession.slatesPerCadre", subject: id, shortfall: count - rules.slatesPerCadre.max, price: price))
            case .off: break
            }
        }
        let people = slatesOf.keys.compactMap { derived.cadres[$0] }
        let women = people.count { $0.gender == .female }
        let young = people.count { derived.age($0) < scenario.policy.youth.age }
        for (name, rule, count) in [("women", rules.women, women), ("young", rules.young, young)] where rule.minShare > 0 {
            let missing = derived.shareShortfall(count: count, total: people.count, share: rule.minShare)
            guard missing > 0 else { continue }
            switch rule.mode {
            case .hard:
                violate(
                    "succession.\(name)", "all slates",
                    "\(count) of \(people.count) people; the share \(rule.minShare) needs \(count + missing)")
            case .soft(let price):
                penalties.append(Penalty(rule: "succession.\(name)", subject: "all slates", shortfall: missing, price: price))
            case .off: break
            }
        }
        let total = readinessTotal + slotTotal - extra - penalties.reduce(0) { $0 + $1.cost }
        objective = total
        if let stated = plan.objective, abs(stated - total) > 1e-6 * Swift.max(1, abs(total)) {
            violate("plan", "objective", "states \(stated); recomputed \(total)")
        }
        checkBoundAndGap(objective: total)
        if let figures = plan.figures {
            let most = slatesOf.values.max() ?? 0
            if figures.benchStrength != bench || figures.people != people.count || figures.women != women || figures.young != young
                || figures.keyPosts != keys.count || figures.mostSlates != most
                || figures.cadresOnMostSlates != (most == 0 ? [] : slatesOf.filter { $0.value == most }.keys.sorted())
                || figures.atRisk != plan.slates.count(where: { !$0.risks.isEmpty })
            {
                violate("plan", "figures", "the figures differ from those the slates give")
            }
        }
    }
}
