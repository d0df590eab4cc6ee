import Foundation

extension Planner {
    /// A one-line reason for every move, appointment, release and vacancy of a plan, from the
    /// rules and the plan alone (no solve): the hard rule that keeps an incumbent from staying,
    /// the post a change fills and whom it was left by, the fit that made one holder better than
    /// another. `planner explain` re-solves when the question needs more.
    public static func reasons(for plan: Plan, in scenario: Scenario) -> [PlanReason] {
        let facts = ScenarioFacts(scenario)
        let rules = PairRules(scenario)
        let describer = ConflictDescriber(scenario: scenario)
        var holder: [String: String] = [:]
        var postOf: [String: String] = [:]
        for assignment in plan.assignments {
            guard let cadre = assignment.cadre else { continue }
            holder[assignment.position] = cadre
            postOf[cadre] = assignment.position
        }
        func index(_ cadre: String) -> Int { facts.cadreIndex[cadre]! }
        func post(_ id: String) -> Int { facts.positionIndex[id]! }
        let pairs = PairWorth(facts: facts, rules: rules)
        /// Why the incumbent of `position` could not keep it, if a hard rule says so.
        func mayNotStay(_ cadre: String, _ position: String) -> String? {
            guard let first = rules.broken(cadre: index(cadre), position: post(position)).first else { return nil }
            let reason = describer.reason(first, cadre: index(cadre), position: post(position))
            return "may not stay in \(position) (\(reason.rule): \(reason.text))"
        }
        /// How a post came to be open: who left it and why.
        func leftBy(_ position: String) -> String {
            guard let incumbent = scenario.positions[post(position)].incumbent else { return "\(position) was vacant" }
            if let retirement = plan.retirements.first(where: { $0.cadre == incumbent }) {
                return "\(position) opens: \(incumbent) retires (\(retirement.year))"
            }
            if let move = plan.moves.first(where: { $0.cadre == incumbent }) {
                return "\(position) opens: \(incumbent) moves to \(move.to)"
            }
            if plan.releases.contains(where: { $0.cadre == incumbent }) { return "\(position) opens: \(incumbent) is released" }
            return "\(position) opens"
        }
        let mustFill = { (position: String) in scenario.positions[post(position)].mustFill ? " (it must be filled)" : "" }
        /// The planning entry that lists the cadre for the post's title, as the committee's report says it.
        func planned(_ cadre: String, _ position: String) -> String {
            facts.isPlanned(cadre: index(cadre), position: post(position))
                ? "; planned for \(scenario.positions[post(position)].title)" : ""
        }
        /// A team rule the holder alone meets in their new team: the only young member, woman,
        /// or member of an age band.
        func teamNeed(_ cadre: String, _ position: String) -> String {
            let p = post(position)
            let c = scenario.cadres[index(cadre)]
            let u = facts.unitIndex(ofPosition: p)
            let team = facts.teams[u]
            guard team.contains(p) else { return "" }
            let others = team.compactMap { holder[scenario.positions[$0].id] }.filter { $0 != cadre }.map { scenario.cadres[index($0)] }
            let needs = RotationRules.all.compactMap { $0.teamNeed(of: c, among: others, unit: u, facts: facts, words: .english) }
            return needs.isEmpty ? "" : "; \(needs.joined(separator: ", "))"
        }
        /// A pin of the scenario, said first: no fit decided it (as the report says it).
        let pins = Set(scenario.pinned)
        func isPinned(_ cadre: String, _ position: String) -> Bool { pins.contains(AssignmentPair(cadre: cadre, position: position)) }
        func pinned(_ cadre: String, _ position: String) -> String {
            isPinned(cadre, position) ? "pinned to \(position) in the scenario; " : ""
        }
        func successorPinned(_ successor: String, _ position: String) -> String {
            isPinned(successor, position) ? "; \(successor) is pinned to \(position) in the scenario" : ""
        }
        /// Others the rules allow in `position` who are worth exactly as much there as its holder:
        /// where the plan may have an equal alternative, which the stated order decides.
        func equallyFit(_ cadre: String, _ position: String) -> String {
            // A pin decided it, not the stated order among equals.
            guard !isPinned(cadre, position) else { return "" }
            let others = pairs.equallyWorth(as: index(cadre), in: post(position)).map { scenario.cadres[$0].id }
            guard !others.isEmpty else { return "" }
            return
                "; worth as much here: \(others.prefix(3).joined(separator: ", "))\(others.count > 3 ? ", …" : "") (if the plan with them is as good, the stated order decides: fewest changes, then rank)"
        }
        /// The fit a reason quotes: the pair's worth, as `planner explain` totals it (less the
        /// move price and the soft rules' prices), so that both say the same number of the same
        /// pair (a review read "fit 22.20" here and "fit 20.20 = … − move 2" there).
        func shown(_ cadre: String, _ position: String) -> String { PlanReport.number(pairs.worth(index(cadre), post(position))) }
        /// What leaving a post keeps that no pair rule shows (`LeavingFacts`), as the report says it.
        let leavingFacts = LeavingFacts(
            facts: facts, holderAfter: scenario.positions.map { holder[$0.id].flatMap { facts.cadreIndex[$0] } })
        func leaving(_ cadre: String, _ from: String, to next: String?, barred: Bool) -> String {
            let unit = scenario.units[facts.unitIndex(ofPosition: post(from))].id
            var parts = leavingFacts.relativesInUnit(index(cadre), leaving: post(from), for: next.map(post)).map {
                "their relative \(scenario.cadres[$0].id) serves in \(unit) after the round (relatives)"
            }
            if !barred, let locality = leavingFacts.localHead(index(cadre), leaving: post(from), for: next.map(post)) {
                parts.append("is from \(locality), local to \(from), a head post (nonLocalHeads)")
            }
            return parts.map { "; " + $0 }.joined()
        }
        var reasons: [PlanReason] = []
        for move in plan.moves {
            let here = "fit \(shown(move.cadre, move.to)) in \(move.to)"
            let text: String
            let barred = mayNotStay(move.cadre, move.from)
            if let blocked = barred {
                text = "\(blocked); \(leftBy(move.to))\(mustFill(move.to)), \(here)"
            } else {
                let successor =
                    holder[move.from].map { "; \(move.from) goes to \($0) (fit \(shown($0, move.from)))\(successorPinned($0, move.from))" }
                    ?? ""
                text =
                    "\(leftBy(move.to))\(mustFill(move.to)); \(here) against \(shown(move.cadre, move.from)) in \(move.from)\(successor)"
            }
            reasons.append(
                PlanReason(
                    kind: "move", cadre: move.cadre, position: move.to,
                    reason: pinned(move.cadre, move.to) + text + leaving(move.cadre, move.from, to: move.to, barred: barred != nil)
                        + planned(move.cadre, move.to) + teamNeed(move.cadre, move.to)
                        + equallyFit(move.cadre, move.to)))
        }
        for appointment in plan.appointments {
            let eligible = (0..<scenario.cadres.count).filter { rules.broken(cadre: $0, position: post(appointment.to)).isEmpty }.count
            reasons.append(
                PlanReason(
                    kind: "appointment", cadre: appointment.cadre, position: appointment.to,
                    reason:
                        pinned(appointment.cadre, appointment.to)
                        + "\(leftBy(appointment.to))\(mustFill(appointment.to)); fit \(shown(appointment.cadre, appointment.to)), one of \(eligible) eligible"
                        + planned(appointment.cadre, appointment.to) + teamNeed(appointment.cadre, appointment.to)
                        + equallyFit(appointment.cadre, appointment.to)))
        }
        for release in plan.releases {
            let barred = mayNotStay(release.cadre, release.from)
            // What binds their leaving first, then who takes the post: a successor who fits worse
            // is there because of it (a review read the successor first, as if the cause).
            var parts = [barred].compactMap { $0 }
            let leavingText = leaving(release.cadre, release.from, to: nil, barred: barred != nil)
            if !leavingText.isEmpty { parts.append(String(leavingText.dropFirst(2))) }
            if barred == nil {
                if let successor = holder[release.from] {
                    parts.append(
                        "\(release.from) goes to \(successor) (fit \(shown(successor, release.from)) against \(shown(release.cadre, release.from)))\(successorPinned(successor, release.from))"
                    )
                } else if parts.isEmpty {
                    parts.append("released")
                }
            }
            let text = parts.joined(separator: "; ") + "; no other post the rules allow them is worth their release price"
            reasons.append(PlanReason(kind: "release", cadre: release.cadre, position: release.from, reason: text))
        }
        // Retirements too: the committee's report lists them among the changes, and a reason
        // list without them said less in English than in Vietnamese (a review).
        for retirement in plan.retirements {
            let when = retirement.year < scenario.planningYear ? "reached retirement age in" : "reaches retirement age in"
            reasons.append(
                PlanReason(
                    kind: "retirement", cadre: retirement.cadre, position: retirement.from,
                    reason: "\(when) \(retirement.year) (retirement)"))
        }
        for vacancy in plan.vacancies {
            let eligible = (0..<scenario.cadres.count).filter { rules.broken(cadre: $0, position: post(vacancy)).isEmpty }
            let text =
                eligible.isEmpty
                ? "no cadre passes every rule for it"
                : "its \(eligible.count) eligible cadre\(eligible.count == 1 ? "" : "s") (\(eligible.prefix(5).map { scenario.cadres[$0].id }.joined(separator: ", "))\(eligible.count > 5 ? ", …" : "")) serve elsewhere or would cost the plan more"
            reasons.append(PlanReason(kind: "vacancy", cadre: nil, position: vacancy, reason: text))
        }
        return reasons
    }
}
