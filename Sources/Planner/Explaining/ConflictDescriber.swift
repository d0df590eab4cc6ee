import Foundation

/// Puts rule instances in the committee's words, with the numbers behind them: how many cadres
/// a requirement keeps out (and which ones it alone keeps out), how many of a team's eligible
/// candidates are young, women, or in which age bands. Ids only, never names: the text goes to
/// logs and files as well as to the screen.
struct ConflictDescriber {
    let scenario: Scenario
    let facts: ScenarioFacts
    let rules: PairRules
    /// Cadre indices each post's rules allow (the round as its policy states it).
    let eligible: [[Int]]

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
    }

    var policy: Policy { scenario.policy }

    func post(_ p: Int) -> String {
        let position = scenario.positions[p]
        return "\(position.id) (\(position.title), \(facts.unit(of: position).name))"
    }

    func unit(_ u: Int) -> String { "\(scenario.units[u].id) (\(scenario.units[u].name))" }

    func ids(_ cadres: [Int], most: Int = 8) -> String {
        let shown = cadres.prefix(most).map { scenario.cadres[$0].id }.joined(separator: ", ")
        return cadres.count > most ? shown + " and \(cadres.count - most) more" : shown
    }

    func people(_ n: Int, _ noun: String = "cadre") -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    /// The cadres eligible for any post of a team, each once.
    func teamCandidates(_ u: Int) -> [Int] { Array(Set(facts.teams[u].flatMap { eligible[$0] })).sorted() }

    /// Why one rule instance keeps cadre c from post p, about them alone (an explanation's
    /// "left out" line, a forced assignment's broken rules).
    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int) -> ConflictItem {
        let cadre = scenario.cadres[c], position = scenario.positions[p]
        let req = position.requirements
        let subject = "\(cadre.id) in \(position.id)"
        let text: String
        switch instance {
        case .requirement("education", _): text = "has \(cadre.education.rawValue); \(position.id) requires \(req.minEducation?.rawValue ?? "more") or higher"
        case .requirement("fields", _): text = "has none of the fields \(position.id) asks for (\(req.fields.joined(separator: ", ")))"
        case .requirement("minRating", _): text = "rating \(PlanReport.number(cadre.rating)), below the \(PlanReport.number(req.minRating ?? 0)) \(position.id) requires"
        case .requirement("maxAge", _): text = "is \(facts.age(cadre)), over the \(req.maxAge ?? 0) \(position.id) takes at appointment"
        case .requirement("planning", _): text = "is not planned for \"\(position.title)\" in \(facts.unit(of: position).name)"
        case .requirement(_, _): text = "is from \(cadre.homeLocality), local to \(position.id)'s unit: the post is a head post"
        case .cadreRule("retirement", _):
            let year = facts.retirementYear(cadre)
            text = "\(year < scenario.planningYear ? "reached" : "reaches") retirement age in \(year)"
        case .cadreRule("serviceLeft", _): text = "has \(facts.serviceYearsLeft(cadre)) years of service left; a new post needs \(policy.serviceLeft.years)"
        case .cadreRule(_, _): text = "is locked out of the round"
        case .tenure: text = "has held \(position.id) for \(cadre.yearsInPost) years; the limit is \(policy.tenure.maxYears)"
        case .forbidden: text = "the assignment of \(cadre.id) to \(position.id) is forbidden"
        case .lock: text = "is locked in \(facts.postOfIncumbent[cadre.id].map { scenario.positions[$0].id } ?? "their post")"
        default: return describe(instance)
        }
        return ConflictItem(rule: instance.rule, subject: subject, text: text)
    }

    func describe(_ instance: RuleInstance) -> ConflictItem {
        switch instance {
        case .requirement(let rule, let p):
            let position = scenario.positions[p]
            let req = position.requirements
            let what: String
            switch rule {
            case "education": what = "requires \(req.minEducation?.rawValue ?? "a degree") or higher"
            case "fields": what = "asks for one of the fields \(req.fields.joined(separator: ", "))"
            case "minRating": what = "requires a rating of at least \(PlanReport.number(req.minRating ?? 0))"
            case "maxAge": what = "takes no one older than \(req.maxAge ?? 0) at appointment"
            case "planning": what = "takes only cadres planned for it (\"\(position.title)\", a \"\(position.title)@\" entry covering its unit, or \"post:\(position.id)\")"
            default: what = "is a head post: takes only cadres who are not from \(facts.unit(of: position).locality)"
            }
            var alone: [Int] = []
            var barred = 0
            for c in scenario.cadres.indices where scenario.cadres[c].id != position.incumbent {
                let broken = rules.broken(cadre: c, position: p)
                guard broken.contains(instance) else { continue }
                barred += 1
                if broken == [instance] { alone.append(c) }
            }
            let data = alone.isEmpty
                ? "it keeps out \(people(barred)), each barred by another rule too"
                : "it keeps out \(people(barred)); \(alone.count) of them pass every other rule for it (\(ids(alone)))"
            return ConflictItem(rule: rule, subject: "post \(position.id)", text: "\(post(p)) \(what): \(data)",
                                keptOut: alone.map { scenario.cadres[$0].id })
        case .cadreRule(let rule, let c):
            let cadre = scenario.cadres[c]
            let text: String
            switch rule {
            case "retirement":
                let year = facts.retirementYear(cadre)
                text = "\(cadre.id) \(year < scenario.planningYear ? "reached" : "reaches") retirement age in \(year) and may hold no post"
            case "serviceLeft": text = "\(cadre.id) has \(facts.serviceYearsLeft(cadre)) years of service left; a new post needs \(policy.serviceLeft.years)"
            default: text = "\(cadre.id) is locked out of the round"
            }
            return ConflictItem(rule: rule, subject: "cadre \(cadre.id)", text: text)
        case .tenure(let p):
            let position = scenario.positions[p]
            let years = position.incumbent.flatMap { facts.cadreIndex[$0] }.map { scenario.cadres[$0].yearsInPost } ?? 0
            return ConflictItem(rule: "tenure", subject: "post \(position.id)",
                                text: "\(position.incumbent ?? "the incumbent") has held \(post(p)) for \(years) years; the limit is \(policy.tenure.maxYears): they may not keep it")
        case .forbidden(let index):
            let pair = scenario.forbidden[index]
            let p = facts.positionIndex[pair.position].map(post) ?? pair.position
            return ConflictItem(rule: "locks", subject: "cadre \(pair.cadre)", text: "\(pair.cadre) may not hold \(p) (a forbidden assignment)")
        case .mustFill(let p):
            let candidates = eligible[p]
            let who = candidates.isEmpty ? "no cadre passes every rule for it" : "\(people(candidates.count)) pass every rule for it (\(ids(candidates)))"
            return ConflictItem(rule: "mustFill", subject: "post \(scenario.positions[p].id)", text: "\(post(p)) must be filled; \(who)")
        case .release(let c):
            let cadre = scenario.cadres[c]
            let own = facts.postOfIncumbent[cadre.id].map(post) ?? "a post"
            return ConflictItem(rule: "release", subject: "cadre \(cadre.id)", text: "\(cadre.id), holder of \(own), must keep a post (releases are not allowed)")
        case .lock(let c):
            let cadre = scenario.cadres[c]
            let own = facts.postOfIncumbent[cadre.id].map(post) ?? "their post"
            return ConflictItem(rule: "locks", subject: "cadre \(cadre.id)", text: "\(cadre.id) is locked in \(own)")
        case .pin(let index):
            let pin = scenario.pinned[index]
            let p = facts.positionIndex[pin.position].map(post) ?? pin.position
            return ConflictItem(rule: "locks", subject: "cadre \(pin.cadre)", text: "\(pin.cadre) is pinned to \(p)")
        case .team(let rule, let u):
            let text = RotationRules.rule(rule)?.describe(TeamView(unit: u, facts: facts, candidates: teamCandidates(u)))
            return ConflictItem(rule: rule, subject: "unit \(scenario.units[u].id)", text: text ?? "\(unit(u)) breaks the \(rule) rule")
        case .relatives(let a, let b, let u):
            let ida = scenario.cadres[a].id, idb = scenario.cadres[b].id
            return ConflictItem(rule: "relatives", subject: "cadres \(ida) and \(idb)", text: "\(ida) and \(idb) are close relatives and may not both serve in \(unit(u))")
        case .moves:
            return ConflictItem(rule: "moves", subject: "the round", text: "at most \(facts.movesLimit) incumbents may change post")
        case .women:
            return ConflictItem(rule: "women", subject: "the round",
                                text: "women must hold at least \(PlanReport.number(policy.women.minShare * 100)) % of the filled leadership posts")
        case .nonLocalShare:
            return ConflictItem(rule: "nonLocalHeads", subject: "the round",
                                text: "cadres who are not local must hold at least \(PlanReport.number(policy.nonLocalHeads.minShare * 100)) % of the filled head posts")
        }
    }
}
