import Foundation

/// Puts rule instances in the committee's words, with the numbers behind them: how many cadres
/// a requirement keeps out (and which ones it alone keeps out), how many of a team's eligible
/// candidates are young, women, or in which age bands. Each rule's own words are in its model
/// definition (`RotationRules`); this adds what is common to them. Ids only, never names: the
/// text goes to logs and files as well as to the screen.
struct ConflictDescriber {
    let scenario: Scenario
    let facts: ScenarioFacts
    let rules: PairRules
    /// Cadre indices each post's rules allow (the round as its policy states it).
    let eligible: [[Int]]
    /// What the rules' words draw on (`RotationRuleModel.describe` and `reason`).
    let words: RuleWording

    init(scenario: Scenario) {
        self.scenario = scenario
        facts = ScenarioFacts(scenario)
        rules = PairRules(scenario)
        let model = RotationModelBuilder.build(scenario)
        var eligible = [[Int]](repeating: [], count: scenario.positions.count)
        for meaning in model.meanings {
            if case .assign(let c, let p) = meaning { eligible[p].append(c) }
        }
        self.eligible = eligible
        words = RuleWording(facts: facts, eligible: eligible, number: PlanReport.number)
    }

    func post(_ p: Int) -> String { words.post(p) }
    func ids(_ cadres: [Int]) -> String { words.ids(cadres) }
    func people(_ n: Int) -> String { words.people(n) }

    /// Why one rule instance keeps cadre c from post p, about them alone (an explanation's
    /// "left out" line, a forced assignment's broken rules).
    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int) -> ConflictItem {
        guard let text = RotationRules.rule(instance.rule)?.reason(instance, cadre: c, position: p, in: words) else {
            return describe(instance)
        }
        return ConflictItem(rule: instance.rule, subject: "\(scenario.cadres[c].id) in \(scenario.positions[p].id)", text: text)
    }

    func describe(_ instance: RuleInstance) -> ConflictItem {
        let text = RotationRules.rule(instance.rule)?.describe(instance, in: words) ?? "the \(instance.rule) rule binds"
        guard case .requirement(let rule, let p) = instance else {
            return ConflictItem(rule: instance.rule, subject: subject(of: instance), text: text)
        }
        // A post's requirement: what it asks, and whom it keeps out.
        let position = scenario.positions[p]
        var alone: [Int] = []
        var barred = 0
        for c in scenario.cadres.indices where scenario.cadres[c].id != position.incumbent {
            let broken = rules.broken(cadre: c, position: p)
            guard broken.contains(instance) else { continue }
            barred += 1
            if broken == [instance] { alone.append(c) }
        }
        let data =
            alone.isEmpty
            ? "it keeps out \(people(barred)), each barred by another rule too"
            : "it keeps out \(people(barred)); \(alone.count) of them pass every other rule for it (\(ids(alone)))"
        return ConflictItem(
            rule: rule, subject: "post \(position.id)", text: "\(post(p)) \(text): \(data)",
            keptOut: alone.map { scenario.cadres[$0].id })
    }

    /// Whom or what an instance is about, as a diagnosis lists it.
    func subject(of instance: RuleInstance) -> String {
        switch instance {
        case .requirement(_, let p), .tenure(let p), .mustFill(let p): "post \(scenario.positions[p].id)"
        case .cadreRule(_, let c), .release(let c), .lock(let c): "cadre \(scenario.cadres[c].id)"
        case .forbidden(let index): "cadre \(scenario.forbidden[index].cadre)"
        case .pin(let index): "cadre \(scenario.pinned[index].cadre)"
        case .team(_, let u): "unit \(scenario.units[u].id)"
        case .relatives(let a, let b, _): "cadres \(scenario.cadres[a].id) and \(scenario.cadres[b].id)"
        case .moves, .women, .nonLocalShare: "the round"
        }
    }
}
