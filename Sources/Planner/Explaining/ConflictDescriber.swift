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
    let eligible: AdmittedCadres
    /// What the rules' words draw on (`RotationRuleModel.describe` and `reason`).
    let words: RuleWording

    /// The describer in `words`' language (English, the language of every JSON document, by
    /// default).
    init(scenario: Scenario, words language: Words = .english) {
        self.scenario = scenario
        facts = ScenarioFacts(scenario)
        rules = PairRules(scenario)
        let eligible = RotationModelBuilder.admittedCadres(scenario, facts: facts)
        self.eligible = eligible
        words = RuleWording(facts: facts, admitted: eligible, number: { language.number($0) }, words: language)
    }

    var language: Words { words.words }

    func post(_ p: Int) -> String { words.post(p) }
    func ids(_ cadres: [Int]) -> String { words.ids(cadres) }
    func people(_ n: Int) -> String { words.people(n) }

    /// Why one rule instance keeps cadre c from post p, about them alone (an explanation's
    /// "left out" line, a forced assignment's broken rules).
    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int) -> ConflictItem {
        guard let text = RotationRules.rule(instance.rule)?.reason(instance, cadre: c, position: p, in: words) else {
            return describe(instance)
        }
        return ConflictItem(
            rule: instance.rule,
            subject: language("diagnose.subject.pair", ["cadre": scenario.cadres[c].id, "post": scenario.positions[p].id]),
            text: text)
    }

    func describe(_ instance: RuleInstance) -> ConflictItem {
        let text =
            RotationRules.rule(instance.rule)?.describe(instance, in: words)
            ?? language("diagnose.ruleBinds", ["rule": language.ruleInText(instance.rule)])
        guard case .requirement(let rule, let p) = instance else {
            return ConflictItem(rule: instance.rule, subject: subject(of: instance), text: text)
        }
        // A post's requirement: what it asks, and whom it keeps out.
        let position = scenario.positions[p]
        var alone: [Int] = []
        var barred = 0
        // The incumbent too: the pair rules exempt them where a rule does (a requirement asked
        // of new holders only), and where one bars them (a local head under the non-local rule)
        // they are the very cadre the rule keeps out (a review's diagnosis left them unnamed).
        for c in scenario.cadres.indices {
            let broken = rules.broken(cadre: c, position: p)
            guard broken.contains(instance) else { continue }
            barred += 1
            if broken == [instance] { alone.append(c) }
        }
        let data =
            alone.isEmpty
            ? language("diagnose.keepsOut.others", ["cadres": people(barred)])
            : language("diagnose.keepsOut.alone", count: alone.count, ["cadres": people(barred), "ids": ids(alone)])
        return ConflictItem(
            rule: rule, subject: language("diagnose.subject.post", ["id": position.id]), text: "\(post(p)) \(text): \(data)",
            keptOut: alone.map { scenario.cadres[$0].id })
    }

    /// Whom or what an instance is about, as a diagnosis lists it.
    func subject(of instance: RuleInstance) -> String {
        switch instance {
        case .requirement(_, let p), .tenure(let p), .mustFill(let p): language("diagnose.subject.post", ["id": scenario.positions[p].id])
        case .cadreRule(_, let c), .release(let c), .lock(let c): language("diagnose.subject.cadre", ["id": scenario.cadres[c].id])
        case .forbidden(let index): language("diagnose.subject.cadre", ["id": scenario.forbidden[index].cadre])
        case .pin(let index): language("diagnose.subject.cadre", ["id": scenario.pinned[index].cadre])
        case .team(_, let u): language("diagnose.subject.unit", ["id": scenario.units[u].id])
        case .relatives(let a, let b, _):
            language("diagnose.subject.cadres", ["first": scenario.cadres[a].id, "second": scenario.cadres[b].id])
        case .moves, .women, .nonLocalShare: language("diagnose.subject.round")
        }
    }
}

extension Planner {
    /// A diagnosis's items in another language, from the English the document keeps: what a
    /// report in Vietnamese shows of a plan's diagnosis (`solve` without a plan) without solving
    /// again. Each item is matched to the rule instance whose English description it is; an item
    /// no instance describes (a scenario edited since) stays as it is.
    public static func reworded(_ diagnosis: Diagnosis, in scenario: Scenario, words: Words) -> Diagnosis {
        guard words.language != .en, !(diagnosis.fewest.isEmpty && diagnosis.conflict.isEmpty) else { return diagnosis }
        let english = ConflictDescriber(scenario: scenario)
        let target = ConflictDescriber(scenario: scenario, words: words)
        var reworded = diagnosis
        reworded.fewest = diagnosis.fewest.map { english.reworded($0, into: target) }
        reworded.conflict = diagnosis.conflict.map { english.reworded($0, into: target) }
        return reworded
    }

    /// A plan without a plan's words for people in another language: its diagnosis and its
    /// proof's conflicts (`reworded(_:in:words:)`). For a report only: the plan's JSON keeps
    /// the English.
    public static func reworded(_ plan: Plan, in scenario: Scenario, words: Words) -> Plan {
        guard words.language != .en, plan.diagnosis != nil || plan.infeasibility?.conflicts != nil else { return plan }
        var reworded = plan
        reworded.diagnosis = plan.diagnosis.map { Planner.reworded($0, in: scenario, words: words) }
        reworded.infeasibility?.conflicts = plan.infeasibility?.conflicts?.map { Planner.reworded($0, in: scenario, words: words) }
        return reworded
    }

    /// Items of a diagnosis or a proof (the evident conflicts a plan lists) in another language,
    /// as `reworded(_:in:words:)` does for a whole diagnosis.
    public static func reworded(_ items: [ConflictItem], in scenario: Scenario, words: Words) -> [ConflictItem] {
        guard words.language != .en, !items.isEmpty else { return items }
        let english = ConflictDescriber(scenario: scenario)
        let target = ConflictDescriber(scenario: scenario, words: words)
        return items.map { english.reworded($0, into: target) }
    }
}

extension ConflictDescriber {
    /// The item in `target`'s language: the instance of its rule, among those its subject
    /// names, that this (English) describer describes as the item.
    func reworded(_ item: ConflictItem, into target: ConflictDescriber) -> ConflictItem {
        for instance in candidates(of: item) where instance.rule == item.rule && describe(instance) == item {
            return target.describe(instance)
        }
        return item
    }

    /// The instances an English item may be about, from its subject ("post P1", "cadre C1",
    /// "unit U1", "cadres A and B", "the round").
    func candidates(of item: ConflictItem) -> [RuleInstance] {
        let subject = item.subject
        func named(_ prefix: String) -> String? { subject.hasPrefix(prefix) ? String(subject.dropFirst(prefix.count)) : nil }
        if let id = named("post "), let p = facts.positionIndex[id] {
            return [.requirement(rule: item.rule, position: p), .tenure(position: p), .mustFill(position: p)]
        }
        if let id = named("cadre ") {
            var instances: [RuleInstance] = []
            if let c = facts.cadreIndex[id] { instances += [.cadreRule(rule: item.rule, cadre: c), .release(cadre: c), .lock(cadre: c)] }
            instances += scenario.forbidden.indices.filter { scenario.forbidden[$0].cadre == id }.map { .forbidden(index: $0) }
            instances += scenario.pinned.indices.filter { scenario.pinned[$0].cadre == id }.map { .pin(index: $0) }
            return instances
        }
        if let id = named("unit "), let u = scenario.units.firstIndex(where: { $0.id == id }) { return [.team(rule: item.rule, unit: u)] }
        if let pair = named("cadres ") {
            let ids = pair.components(separatedBy: " and ")
            guard ids.count == 2, let a = facts.cadreIndex[ids[0]], let b = facts.cadreIndex[ids[1]] else { return [] }
            return scenario.units.indices.map { .relatives(first: a, second: b, unit: $0) }
        }
        return [.moves, .women, .nonLocalShare]
    }
}

extension Words {
    /// A diagnosis item's subject in this language: the English a document keeps ("post P1",
    /// "cadre C1", "unit U1", "cadres A and B", "the round", "C1 in P1") worded as the catalogue
    /// words it ("chức vụ P1", "cán bộ C1", "đơn vị U1", "cán bộ A và B", "toàn đợt", "C1 vào P1").
    /// A subject already in this language, or none of these, stays as it is; English is unchanged.
    public func conflictSubject(_ subject: String) -> String {
        guard language != .en else { return subject }
        func named(_ prefix: String) -> String? { subject.hasPrefix(prefix) ? String(subject.dropFirst(prefix.count)) : nil }
        if subject == "the round" { return self("diagnose.subject.round") }
        if let id = named("post ") { return self("diagnose.subject.post", ["id": id]) }
        if let id = named("cadre ") { return self("diagnose.subject.cadre", ["id": id]) }
        if let id = named("unit ") { return self("diagnose.subject.unit", ["id": id]) }
        if let pair = named("cadres ") {
            let ids = pair.components(separatedBy: " and ")
            if ids.count == 2 { return self("diagnose.subject.cadres", ["first": ids[0], "second": ids[1]]) }
            return subject
        }
        let pair = subject.components(separatedBy: " in ")
        if pair.count == 2, !pair[0].contains(" "), !pair[1].contains(" ") {
            return self("diagnose.subject.pair", ["cadre": pair[0], "post": pair[1]])
        }
        return subject
    }
}
