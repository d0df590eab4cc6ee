import PlannerCore

/// Rule 10 in the model: a locked cadre of the pool holds no post, a locked incumbent holds
/// only their own, a forbidden pair never happens (these are pair tests); a locked incumbent
/// stays and a pin holds (bounds the builder sets in `addPostAndCadreRows` and `addPins`).
struct LocksModel: RotationRuleModel {
    var definition: PolicyRule<Policy> { PolicyRules.locks }

    var testsPairs: Bool { true }
    @inline(__always)
    func testPair(_ test: inout PairTest, in builder: RotationModelBuilder) -> Bool {
        let c = test.cadre
        let p = test.position
        let mode = builder.policy.locks.mode
        if builder.scenario.cadres[c].locked {
            // A locked incumbent may hold only their own post; a locked cadre of the pool, none.
            // (Soft: leaving the own post is priced once, by the constant and own column.)
            if test.own == nil, !builder.apply(.cadreRule(rule: key, cadre: c), mode, broken: true, to: &test) { return false }
            if let own = test.own, own != p {
                switch builder.mode(.lock(cadre: c), mode) {
                case .hard: return false
                case .elastic: test.elastic.append(.lock(cadre: c))
                default: break
                }
            }
        }
        if let index = builder.forbidden[c].first(where: { $0.position == p })?.index,
            !builder.apply(.forbidden(index: index), mode, broken: true, to: &test)
        {
            return false
        }
        return true
    }

    func describe(_ instance: RuleInstance, in words: RuleWording) -> String? {
        let scenario = words.scenario
        let facts = words.facts
        switch instance {
        case .cadreRule(_, let c): return words.say("rules.locks.lockedOut", ["cadre": scenario.cadres[c].id])
        case .forbidden(let index):
            let pair = scenario.forbidden[index]
            let p = facts.positionIndex[pair.position].map(words.post) ?? pair.position
            return words.say("rules.locks.forbidden", ["cadre": pair.cadre, "post": p])
        case .lock(let c):
            let cadre = scenario.cadres[c]
            let own = facts.postOfIncumbent[cadre.id].map(words.post) ?? words.say("rules.locks.theirPost")
            return words.say("rules.locks.lockedIn", ["cadre": cadre.id, "post": own])
        case .pin(let index):
            let pin = scenario.pinned[index]
            let p = facts.positionIndex[pin.position].map(words.post) ?? pin.position
            return words.say("rules.locks.pinned", ["cadre": pin.cadre, "post": p])
        default: return nil
        }
    }

    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int, in words: RuleWording) -> String? {
        let cadre = words.scenario.cadres[c]
        let position = words.scenario.positions[p]
        switch instance {
        case .cadreRule: return words.say("rules.locks.isLockedOut")
        case .forbidden: return words.say("rules.locks.isForbidden", ["cadre": cadre.id, "post": position.id])
        case .lock:
            let own = words.facts.postOfIncumbent[cadre.id].map { words.scenario.positions[$0].id } ?? words.say("rules.locks.theirPost")
            return words.say("rules.locks.isLockedIn", ["post": own])
        default: return nil
        }
    }
}
