import Foundation
import PlannerGLPK
import PlannerSolving

/// What a holder's fit in a post is made of (docs/model.md, "Objective"): the rating, the
/// field match and continuity terms, less the move price and the soft pair rules broken.
public struct FitParts: Codable, Sendable, Equatable {
    public var rating: Double
    public var fieldMatch: Double
    public var continuity: Double
    public var movePrice: Double
    public var penalties: [Penalty]
    public var total: Double
}

/// A cadre whose post differs between the plan and a contrast (nil: no post).
public struct PostChange: Codable, Sendable, Equatable {
    public var cadre: String
    public var inPlan: String?
    public var instead: String?

    public init(cadre: String, inPlan: String?, instead: String?) {
        self.cadre = cadre
        self.inPlan = inPlan
        self.instead = instead
    }
}

/// One assignment the plan did not make, re-solved with it forced: what the whole plan loses.
public struct Contrast: Codable, Sendable, Equatable {
    public var cadre: String
    public var position: String
    /// The hard rules the assignment breaks (empty: the rules allow it). Forced anyway, they
    /// are not priced: the contrast shows what the rest of the plan would cost.
    public var brokenRules: [ConflictItem]
    public var fit: FitParts
    /// The forced solve's status, objective, and the plan's loss against it.
    public var status: PlanStatus
    public var objective: Double?
    public var loss: Double?
    /// Everyone whose post changes, the forced cadre first.
    public var changes: [PostChange]
    /// When the forced plan is as good for the round as the plan: the key of the stated order
    /// that decides between them (docs/model.md, "One plan among equals").
    public var tie: TieBreak?
}

/// Why the plan is preferred to an alternative of the same objective: the first key of the
/// stated order on which they differ, with both values (nil key: they differ on none).
public struct TieBreak: Codable, Sendable, Equatable {
    public var key: String?
    public var plan: Double?
    public var alternative: Double?
    public var text: String
}

/// A candidate (or post) left out without a re-solve, with the first reason.
public struct LeftOut: Codable, Sendable, Equatable {
    public var cadre: String
    public var position: String
    public var eligible: Bool
    public var reason: String
}

/// Why the plan proposes what it does for one post or one cadre (`planner explain`).
public struct Explanation: Codable, Sendable, Equatable {
    public static let formatName = "planner-explanation"

    public var format: String = Explanation.formatName
    public var scenario: ScenarioIdentity
    public var planStatus: PlanStatus
    public var planObjective: Double
    /// "post P-AL-SEC" or "cadre C-05".
    public var subject: String
    /// The post's holder in the plan, or the cadre's post (nil: vacant, or no post).
    public var position: String?
    public var cadre: String?
    /// stay, move, appointment, vacant, released, retired, or "not in a post".
    public var outcome: String
    public var fit: FitParts?
    /// Re-solved contrasts: runners-up, other posts, or the assignment asked about.
    public var contrasts: [Contrast]
    public var leftOut: [LeftOut]
    /// Candidates (or posts) kept out by two or more rules, not listed.
    public var othersKeptOut: Int
    /// How many of the contrasts are as good for the round as the plan (equal optima).
    public var equallyGood: Int?
    /// The requirements for a newcomer that the holder (a post's), or the cadre (a cadre's),
    /// is not held to because they stay in their own post (nil: none, or no one stays).
    public var exemptAsIncumbent: [ConflictItem]?
    /// What answers the question without a re-solve: `--why-not` asked about the post's
    /// holder in the plan ("C-02 already holds P-AL-SEC in the plan"; nil otherwise).
    public var note: String?

    /// The explanation with `equallyGood` counted from its contrasts.
    func countingTies() -> Explanation {
        var counted = self
        counted.equallyGood = contrasts.filter { $0.tie != nil }.count
        return counted
    }
}

public enum ExplanationError: LocalizedError, Sendable, Equatable {
    /// The round has no plan to explain.
    case noPlan(PlanStatus)
    /// An id the scenario does not have.
    case unknown(kind: String, id: String, suggestion: String?)

    public var errorDescription: String? {
        switch self {
        case .noPlan(let status): "there is no plan to explain: \(status.sentence) (planner diagnose says why)"
        case .unknown(let kind, let id, let suggestion):
            "no \(kind) \"\(id)\" in the scenario" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "")
        }
    }
}

/// Explains a solved round: solves it once, then re-solves with single assignments forced.
public struct Explainer {
    public let scenario: Scenario
    public let plan: Plan
    let sha256: String
    let options: Planner.Options
    let solver: any MIPSolver
    let facts: ScenarioFacts
    let rules: PairRules
    let describer: ConflictDescriber
    /// Cadres each post's rules allow, and posts each cadre's rules allow.
    let eligibleCadres: [[Int]]
    let eligiblePosts: [[Int]]
    /// Post index → holder index in the plan; cadre index → post index in the plan.
    let holder: [Int?]
    let postOf: [Int?]
    /// The language of the explanation's texts (reasons, broken rules, ties): English, the
    /// language of the JSON document, by default.
    let words: Words
    /// The plan's round kept alive by the solver, with the basis of its proof: a forced pair the
    /// rules allow changes one column's bounds, and is re-solved from there (issue 21). nil with
    /// `warmResolves` false (every contrast solved from nothing, as tests compare), or when the
    /// round was solved by parts.
    let warm: (any WarmModel)?
    /// The round's model as the policy states it, and its rounding: a forced pair the rules allow
    /// is this model with one column's lower bound raised, so each contrast copies it instead
    /// of building the round again (0.08 s a contrast on the city round).
    let round: RotationModel
    let roundRounding: RotationRounding
    /// When the explanation started: `--time-limit` counts from the command's start
    /// (`SolveOptions.clockStart`), else from here, over the plan's solve and every contrast's.
    let started = Date()

    public init(
        _ scenario: Scenario, sha256: String, options: Planner.Options = Planner.Options(), solver: any MIPSolver = GLPKSolver(),
        words: Words = .english, warmResolves: Bool = true
    ) throws {
        self.scenario = scenario
        self.words = words
        self.sha256 = sha256
        self.options = options
        self.solver = solver
        var kept: (any WarmModel)?
        let model = Planner.buildModel(scenario)
        plan = try Planner.solve(
            scenario, sha256: sha256, options: options, solver: solver, keeping: warmResolves, kept: &kept, built: model)
        warm = kept
        guard plan.status.hasPlan else { throw ExplanationError.noPlan(plan.status) }
        facts = ScenarioFacts(scenario)
        rules = PairRules(scenario)
        describer = ConflictDescriber(scenario: scenario, words: words)
        round = model
        roundRounding = RotationRounding(model)
        var cadres = [[Int]](repeating: [], count: scenario.positions.count)
        var posts = [[Int]](repeating: [], count: scenario.cadres.count)
        for meaning in model.meanings {
            if case .assign(let c, let p) = meaning {
                cadres[p].append(c)
                posts[c].append(p)
            }
        }
        eligibleCadres = cadres
        eligiblePosts = posts
        var holder = [Int?](repeating: nil, count: scenario.positions.count)
        var postOf = [Int?](repeating: nil, count: scenario.cadres.count)
        for assignment in plan.assignments {
            guard let id = assignment.cadre, let c = facts.cadreIndex[id], let p = facts.positionIndex[assignment.position] else {
                continue
            }
            holder[p] = c
            postOf[c] = p
        }
        self.holder = holder
        self.postOf = postOf
    }

    public func position(_ id: String) throws -> Int {
        guard let p = facts.positionIndex[id] else {
            throw ExplanationError.unknown(
                kind: "position", id: id, suggestion: KeySuggestion.nearest(to: id, among: scenario.positions.map(\.id)))
        }
        return p
    }

    public func cadre(_ id: String) throws -> Int {
        guard let c = facts.cadreIndex[id] else {
            throw ExplanationError.unknown(
                kind: "cadre", id: id, suggestion: KeySuggestion.nearest(to: id, among: scenario.cadres.map(\.id)))
        }
        return c
    }

    func fit(_ c: Int, _ p: Int) -> FitParts {
        let cadre = scenario.cadres[c]
        let position = scenario.positions[p]
        let weights = scenario.objective
        let own = facts.postOfIncumbent[cadre.id]
        let terms = weights.fitTerms(of: cadre, in: position, holdsIt: own == p)
        let rating = position.weight * terms.rating
        let fieldMatch = position.weight * terms.fieldMatch
        let continuity = position.weight * terms.continuity
        let move = own != nil && own != p ? weights.movePrice : 0
        let penalties = rules.penalties(cadre: c, position: p)
        let total = rating + fieldMatch + continuity - move - penalties.reduce(0) { $0 + $1.cost }
        return FitParts(rating: rating, fieldMatch: fieldMatch, continuity: continuity, movePrice: move, penalties: penalties, total: total)
    }

    func outcome(ofPost p: Int) -> String {
        plan.assignments.first { $0.position == scenario.positions[p].id }?.outcome.rawValue ?? "vacant"
    }

    func outcome(ofCadre c: Int) -> String {
        let id = scenario.cadres[c].id
        if let p = postOf[c] { return outcome(ofPost: p) }
        if plan.retirements.contains(where: { $0.cadre == id }) { return "retired" }
        if plan.releases.contains(where: { $0.cadre == id }) { return "released" }
        return "not in a post"
    }

    /// Re-solves the round with cadre c in post p. Hard rules that would keep them apart are
    /// set aside for this pair alone (and named); everything else holds as the policy says.
    public func forced(cadre c: Int, position p: Int) throws -> Contrast {
        let broken = rules.broken(cadre: c, position: p)
        // The post's incumbent locked in it: the pair breaks that lock too, though no rule of
        // the pair's own says so. Set aside for this solve and named, as the pair's rules are.
        let lockedOut = facts.ownPosition.indices.filter { h in
            h != c && facts.ownPosition[h] == p && scenario.cadres[h].locked && scenario.policy.locks.mode == .hard
        }.map { RuleInstance.lock(cadre: $0) }
        let set = Set(broken + lockedOut)
        var contrast = Contrast(
            cadre: scenario.cadres[c].id, position: scenario.positions[p].id,
            brokenRules: broken.map { describer.reason($0, cadre: c, position: p) } + lockedOut.map { describer.describe($0) },
            fit: fit(c, p), status: .infeasible, changes: [])
        // Stopped by a signal: the contrasts not yet solved are not started (each would build
        // and load its round only to stop at once; on communes ten took 9 s after Ctrl-C).
        guard !SolveInterruption.isRequested else {
            contrast.status = .stopped
            return contrast
        }
        // Without a rule set aside, the forced round is the round itself with the pair required:
        // nothing is elastic, so the builder would make the same model.
        var rotation =
            set.isEmpty
            ? round
            : RotationModelBuilder.build(
                scenario,
                relaxation: RuleRelaxation(
                    treatment: { set.contains($0) ? .elastic : .asPolicy }, elasticPairs: { $0 == c && $1 == p }, elasticPrice: 0))
        guard rotation.require(cadre: c, position: p) else { return contrast }
        var stage = options
        if let limit = options.timeLimit {
            let left = limit - Date().timeIntervalSince(options.clockStart ?? started)
            // No time left: the contrast is not re-solved, and says so.
            guard left > 0 else {
                contrast.status = .noPlanWithinTimeLimit
                return contrast
            }
            stage.timeLimit = left
        }
        let rounding = set.isEmpty ? roundRounding.rebased(on: rotation) : nil
        stage.start = Planner.warmStart(from: plan, for: rotation, rounding: rounding)
        if options.preferAmongEquals, let objective = plan.objective {
            // A forced plan as good as the plan: the one the stated order prefers, compared with
            // the plan key by key. One that loses: the one closest to the plan, so that the
            // changes listed are the fewest the forced assignment needs, and among equally few
            // the set the stated order's last key prefers (its ranks end in ids), whichever way it
            // was solved: without that key, the batch size of the pricing changed which people
            // two contrasts of P-C001-CHA on the city round listed.
            let stated = PreferenceOrder.stages(rotation)
            stage.objectiveStages = stated
            stage.objectiveStagesFrom = objective
            stage.objectiveStagesOtherwise =
                [closestToPlan(rotation)] + stated.filter { $0.name == PreferenceOrder.Key.ratingByRank.rawValue }
        }
        var result = try solveForced(rotation, options: &stage, warmly: set.isEmpty, rounding: rounding)
        if result.stages?.first?.name == Self.closestStageName { result.stages = nil }
        contrast.status = Planner.planStatus(result.status)
        guard let values = result.solution?.values else { return contrast }
        let solution = rotation.solution(from: values)
        contrast.objective = solution.breakdown.total
        contrast.loss = (plan.objective ?? 0) - solution.breakdown.total
        var holders = solution.holder
        let planObjective = plan.objective ?? 0
        if options.preferAmongEquals, set.isEmpty, result.status == .optimal,
            abs(planObjective - solution.breakdown.total) <= Proof.roundingMargin(planObjective, step: nil)
        {
            // As good for the round: the alternative the stated order prefers among the forced
            // plans is compared with the plan, key by key.
            let preferred = try PreferenceOrder.prefer(result, rotation: rotation, options: stage, solver: solver, since: Date())
            if let values = preferred.result.values { holders = rotation.solution(from: values).holder }
            contrast.tie = tieBreak(plan: holder, alternative: holders, cadre: c, position: p)
        }
        var after = [Int?](repeating: nil, count: scenario.cadres.count)
        for (post, cadre) in holders.enumerated() { if let cadre { after[cadre] = post } }
        let id = { (p: Int?) in p.map { self.scenario.positions[$0].id } }
        var changes = scenario.cadres.indices.filter { after[$0] != postOf[$0] }.map {
            PostChange(cadre: scenario.cadres[$0].id, inPlan: id(postOf[$0]), instead: id(after[$0]))
        }
        if let first = changes.firstIndex(where: { $0.cadre == contrast.cadre }) { changes.insert(changes.remove(at: first), at: 0) }
        contrast.changes = changes
        return contrast
    }

    /// Solves a forced round: from the kept round's basis when the rules allow the pair (the
    /// forced model differs from the round's in that column's bounds), with the stated order's
    /// stages run in place when the forced plan is as good as the plan; else from nothing.
    func solveForced(
        _ rotation: RotationModel, options: inout Planner.Options, warmly: Bool, rounding: RotationRounding? = nil
    ) throws(PlannerError) -> MIPResult {
        if warmly, let warm {
            Planner.prepare(rotation, options: &options, rounding: rounding)
            do {
                if let result = try warm.resolve(rotation.model, options: options) { return result }
            } catch {
                throw .solver(error)
            }
            options.log?("planner: the forced round is not a bound change of the kept one; solved from nothing")
        }
        return try Planner.solveModel(rotation, options: &options, solver: solver)
    }

    static let closestStageName = "closestToPlan"

    /// The stage that changes the fewest people's posts from the plan's: minus the number of
    /// cadres whose post differs (a holder in the plan who leaves their post in it, anyone
    /// without a post in the plan who gets one), up to a constant, so that the count a contrast
    /// lists is the fewest the forced round allows, proven.
    func closestToPlan(_ rotation: RotationModel) -> ObjectiveStage {
        let coefficients = rotation.meanings.map { meaning -> Double in
            guard case .assign(let c, let p) = meaning else { return 0 }
            guard let own = postOf[c] else { return -1 }
            return own == p ? 1 : 0
        }
        // Priced from the plan's own pairs (and the forced plan's, which come in anyway): on the
        // city round an LP over every column that can be optimal took 0.35 s, most of a contrast.
        return ObjectiveStage(
            name: Self.closestStageName, coefficients: coefficients, nodeLimit: 1000,
            pricingCore: { possible, _ in zip(possible, coefficients).map { $0 && $1 > 0 } })
    }

    /// The first key of the stated order on which the plan and an equally good alternative
    /// differ, in words a committee reads.
    func tieBreak(plan: [Int?], alternative: [Int?], cadre c: Int, position p: Int) -> TieBreak {
        let planHolder = plan[p].map { scenario.cadres[$0].id } ?? words("explain.tie.vacant")
        let who = scenario.cadres[c].id
        for key in PreferenceOrder.Key.allCases {
            let mine = PreferenceOrder.value(key, holder: plan, scenario: scenario, facts: facts)
            let theirs = PreferenceOrder.value(key, holder: alternative, scenario: scenario, facts: facts)
            guard abs(mine - theirs) >= 0.5 else { continue }
            guard mine > theirs else {
                return TieBreak(
                    key: key.rawValue, plan: mine, alternative: theirs,
                    text: words("explain.tie.unreached", ["order": words("explain.order.\(key.rawValue)"), "cadre": who]))
            }
            switch key {
            case .fewestChanges:
                let fewer = Int(mine - theirs)
                return TieBreak(
                    key: key.rawValue, plan: mine, alternative: theirs,
                    text: words(
                        "explain.tie.fewerChanges", count: fewer,
                        ["holder": planHolder, "plan": String(Int(-mine)), "alternative": String(Int(-theirs))]))
            case .ratingByRank:
                return TieBreak(
                    key: key.rawValue, plan: mine, alternative: theirs,
                    text: words("explain.tie.rank", ["holder": planHolder, "plan": number(mine), "alternative": number(theirs)]))
            }
        }
        return TieBreak(key: nil, plan: nil, alternative: nil, text: words("explain.tie.equal"))
    }

    /// A number as the explanation's language writes it ("12.5"; Vietnamese "12,5").
    func number(_ value: Double) -> String { words.number(value) }

    /// For a post: its holder and the parts of their fit; the eligible candidates re-solved in
    /// the post (the `runnersUp` best by fit, and every one who fits better than the holder);
    /// the other eligible ones with their fit; the cadres one rule alone keeps out, with it.
    public func explain(position p: Int, runnersUp: Int = 3) throws -> Explanation {
        let current = holder[p]
        let byFit = eligibleCadres[p].filter { $0 != current }.map { ($0, fit($0, p)) }
            .sorted { $0.1.total != $1.1.total ? $0.1.total > $1.1.total : scenario.cadres[$0.0].id < scenario.cadres[$1.0].id }
        let holderFit = current.map { fit($0, p) }
        let resolved = byFit.enumerated().filter {
            $0.offset < runnersUp || ($0.element.1.total >= (holderFit?.total ?? -.infinity) && $0.offset < 10)
        }
        var contrasts: [Contrast] = []
        for (_, entry) in resolved { contrasts.append(try forced(cadre: entry.0, position: p)) }
        var leftOut: [LeftOut] = []
        let resolvedSet = Set(resolved.map(\.element.0))
        for (c, parts) in byFit where !resolvedSet.contains(c) {
            var reason = words("explain.leftOut.eligible", ["fit": number(parts.total)])
            if let holderFit { reason += words("explain.leftOut.holders", ["fit": number(holderFit.total)]) }
            if let elsewhere = postOf[c] { reason += words("explain.leftOut.holds", ["post": scenario.positions[elsewhere].id]) }
            leftOut.append(
                LeftOut(
                    cadre: scenario.cadres[c].id, position: scenario.positions[p].id, eligible: true,
                    reason: reason + words("explain.leftOut.notResolved")))
        }
        let (near, others) = nearMisses(pairs: scenario.cadres.indices.filter { $0 != current }.map { ($0, p) })
        leftOut += near
        return Explanation(
            scenario: identity, planStatus: plan.status, planObjective: plan.objective ?? 0, subject: "post \(scenario.positions[p].id)",
            position: scenario.positions[p].id, cadre: current.map { scenario.cadres[$0].id }, outcome: outcome(ofPost: p),
            fit: holderFit, contrasts: contrasts, leftOut: leftOut, othersKeptOut: others,
            exemptAsIncumbent: current.flatMap { exemptions(cadre: $0, position: p) }
        ).countingTies()
    }

    /// `Explanation.exemptAsIncumbent` for cadre c staying in post p (nil when none).
    func exemptions(cadre c: Int, position p: Int) -> [ConflictItem]? {
        let exempt = rules.exemptAsIncumbent(cadre: c, position: p)
        return exempt.isEmpty ? nil : exempt.map { describer.reason($0, cadre: c, position: p) }
    }

    /// For a cadre: their post in the plan; the posts the rules allow them, the `alternatives`
    /// best by fit re-solved with them there; the posts one rule alone keeps them from.
    public func explain(cadre c: Int, alternatives: Int = 3) throws -> Explanation {
        let current = postOf[c]
        let byFit = eligiblePosts[c].filter { $0 != current }.map { ($0, fit(c, $0)) }
            .sorted { $0.1.total != $1.1.total ? $0.1.total > $1.1.total : scenario.positions[$0.0].id < scenario.positions[$1.0].id }
        var contrasts: [Contrast] = []
        for (p, _) in byFit.prefix(alternatives) { contrasts.append(try forced(cadre: c, position: p)) }
        var leftOut: [LeftOut] = byFit.dropFirst(alternatives).map { p, parts in
            LeftOut(
                cadre: scenario.cadres[c].id, position: scenario.positions[p].id, eligible: true,
                reason: words("explain.leftOut.eligible", ["fit": number(parts.total)])
                    + (holder[p].map { words("explain.leftOut.heldBy", ["cadre": scenario.cadres[$0].id]) }
                        ?? words("explain.leftOut.vacant")) + words("explain.leftOut.notResolved"))
        }
        let (near, others) = nearMisses(pairs: scenario.positions.indices.filter { $0 != current }.map { (c, $0) })
        leftOut += near
        return Explanation(
            scenario: identity, planStatus: plan.status, planObjective: plan.objective ?? 0, subject: "cadre \(scenario.cadres[c].id)",
            position: current.map { scenario.positions[$0].id }, cadre: scenario.cadres[c].id, outcome: outcome(ofCadre: c),
            fit: current.map { fit(c, $0) }, contrasts: contrasts, leftOut: leftOut, othersKeptOut: others,
            exemptAsIncumbent: current.flatMap { exemptions(cadre: c, position: $0) }
        ).countingTies()
    }

    /// Why the plan does not put cadre c in post p: the assignment forced and re-solved.
    public func whyNot(cadre c: Int, position p: Int) throws -> Explanation {
        let current = holder[p]
        if current == c {
            // The plan already makes the assignment: nothing to force, nothing to compare.
            var explanation = Explanation(
                scenario: identity, planStatus: plan.status, planObjective: plan.objective ?? 0,
                subject: "post \(scenario.positions[p].id)", position: scenario.positions[p].id, cadre: scenario.cadres[c].id,
                outcome: outcome(ofPost: p), fit: fit(c, p), contrasts: [], leftOut: [], othersKeptOut: 0
            ).countingTies()
            explanation.note = words(
                "explain.alreadyHolds", ["cadre": scenario.cadres[c].id, "post": scenario.positions[p].id])
            return explanation
        }
        let contrast = try forced(cadre: c, position: p)
        return Explanation(
            scenario: identity, planStatus: plan.status, planObjective: plan.objective ?? 0, subject: "post \(scenario.positions[p].id)",
            position: scenario.positions[p].id, cadre: current.map { scenario.cadres[$0].id }, outcome: outcome(ofPost: p),
            fit: current.map { fit($0, p) }, contrasts: [contrast], leftOut: [], othersKeptOut: 0
        ).countingTies()
    }

    /// Pairs one hard rule alone forbids, with that rule (the ten best by fit), and how many
    /// pairs two or more rules forbid.
    func nearMisses(pairs: [(Int, Int)], most: Int = 10) -> ([LeftOut], Int) {
        var near: [(LeftOut, Double)] = []
        var others = 0
        for (c, p) in pairs where !eligibleCadres[p].contains(c) {
            let broken = rules.broken(cadre: c, position: p)
            guard broken.count == 1 else {
                if broken.count > 1 { others += 1 }
                continue
            }
            let rule = describer.reason(broken[0], cadre: c, position: p)
            let reason = words("explain.leftOut.notEligible", ["rule": describer.language.ruleInText(rule.rule), "text": rule.text])
            near.append(
                (
                    LeftOut(cadre: scenario.cadres[c].id, position: scenario.positions[p].id, eligible: false, reason: reason),
                    fit(c, p).total
                ))
        }
        near.sort { $0.1 != $1.1 ? $0.1 > $1.1 : ($0.0.cadre, $0.0.position) < ($1.0.cadre, $1.0.position) }
        return (near.prefix(most).map(\.0), others + max(0, near.count - most))
    }

    var identity: ScenarioIdentity { plan.scenario }
}
