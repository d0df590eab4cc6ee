import PlannerCore

// Rule 2 in the model: a new appointment's eligibility, requirement by requirement. Each is a
// pair test on a cadre and a post they do not hold already; a post's requirement
// (`RuleInstance.requirement`) binds all its candidates, a cadre's (`cadreRule`) all their posts.

/// A post's minimum education.
struct EducationModel: RotationRuleModel {
    var definition: PolicyRule<Policy> { PolicyRules.education }

    var testsPairs: Bool { true }
    @inline(__always)
    func testPair(_ test: inout PairTest, in builder: RotationModelBuilder) -> Bool {
        guard !test.keepsOwnPost else { return true }
        let p = test.position
        let broken =
            builder.scenario.positions[test.position].requirements.minEducation.map { builder.scenario.cadres[test.cadre].education < $0 }
            ?? false
        return builder.apply(.requirement(rule: key, position: p), builder.policy.education.mode, broken: broken, to: &test)
    }

    func describe(_ instance: RuleInstance, in words: RuleWording) -> String? {
        guard case .requirement(_, let p) = instance else { return nil }
        return "requires \(words.scenario.positions[p].requirements.minEducation?.rawValue ?? "a degree") or higher"
    }

    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int, in words: RuleWording) -> String? {
        let position = words.scenario.positions[p]
        return
            "has \(words.scenario.cadres[c].education.rawValue); \(position.id) requires \(position.requirements.minEducation?.rawValue ?? "more") or higher"
    }
}

/// A post's fields: the appointee has one of them.
struct FieldsModel: RotationRuleModel {
    var definition: PolicyRule<Policy> { PolicyRules.fields }

    var testsPairs: Bool { true }
    @inline(__always)
    func testPair(_ test: inout PairTest, in builder: RotationModelBuilder) -> Bool {
        guard !test.keepsOwnPost else { return true }
        let p = test.position
        let asked = builder.scenario.positions[test.position].requirements.fields
        let broken = !asked.isEmpty && !asked.contains(where: builder.scenario.cadres[test.cadre].fields.contains)
        return builder.apply(.requirement(rule: key, position: p), builder.policy.fields.mode, broken: broken, to: &test)
    }

    func describe(_ instance: RuleInstance, in words: RuleWording) -> String? {
        guard case .requirement(_, let p) = instance else { return nil }
        return "asks for one of the fields \(words.scenario.positions[p].requirements.fields.joined(separator: ", "))"
    }

    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int, in words: RuleWording) -> String? {
        let position = words.scenario.positions[p]
        return "has none of the fields \(position.id) asks for (\(position.requirements.fields.joined(separator: ", ")))"
    }
}

/// A post's minimum rating.
struct MinRatingModel: RotationRuleModel {
    var definition: PolicyRule<Policy> { PolicyRules.minRating }

    var testsPairs: Bool { true }
    @inline(__always)
    func testPair(_ test: inout PairTest, in builder: RotationModelBuilder) -> Bool {
        guard !test.keepsOwnPost else { return true }
        let p = test.position
        let broken =
            builder.scenario.positions[test.position].requirements.minRating.map { builder.scenario.cadres[test.cadre].rating < $0 }
            ?? false
        return builder.apply(.requirement(rule: key, position: p), builder.policy.minRating.mode, broken: broken, to: &test)
    }

    func describe(_ instance: RuleInstance, in words: RuleWording) -> String? {
        guard case .requirement(_, let p) = instance else { return nil }
        return "requires a rating of at least \(words.number(words.scenario.positions[p].requirements.minRating ?? 0))"
    }

    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int, in words: RuleWording) -> String? {
        let position = words.scenario.positions[p]
        return
            "rating \(words.number(words.scenario.cadres[c].rating)), below the \(words.number(position.requirements.minRating ?? 0)) \(position.id) requires"
    }
}

/// A post's maximum age at appointment.
struct MaxAgeModel: RotationRuleModel {
    var definition: PolicyRule<Policy> { PolicyRules.maxAge }

    var testsPairs: Bool { true }
    @inline(__always)
    func testPair(_ test: inout PairTest, in builder: RotationModelBuilder) -> Bool {
        guard !test.keepsOwnPost else { return true }
        let p = test.position
        let broken =
            builder.scenario.positions[test.position].requirements.maxAge.map {
                builder.facts.age(builder.scenario.cadres[test.cadre]) > $0
            } ?? false
        return builder.apply(.requirement(rule: key, position: p), builder.policy.maxAge.mode, broken: broken, to: &test)
    }

    func describe(_ instance: RuleInstance, in words: RuleWording) -> String? {
        guard case .requirement(_, let p) = instance else { return nil }
        return "takes no one older than \(words.scenario.positions[p].requirements.maxAge ?? 0) at appointment"
    }

    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int, in words: RuleWording) -> String? {
        let position = words.scenario.positions[p]
        return
            "is \(words.facts.age(words.scenario.cadres[c])), over the \(position.requirements.maxAge ?? 0) \(position.id) takes at appointment"
    }
}

/// A full term of service left before retirement (a cadre rule: it keeps them from every new post).
struct ServiceLeftModel: RotationRuleModel {
    var definition: PolicyRule<Policy> { PolicyRules.serviceLeft }

    var testsPairs: Bool { true }
    @inline(__always)
    func testPair(_ test: inout PairTest, in builder: RotationModelBuilder) -> Bool {
        guard !test.keepsOwnPost else { return true }
        let c = test.cadre
        let serviceLeft = builder.policy.serviceLeft
        return builder.apply(
            .cadreRule(rule: key, cadre: c), serviceLeft.mode,
            broken: builder.facts.serviceYearsLeft(cadre: test.cadre) < serviceLeft.years, to: &test)
    }

    func describe(_ instance: RuleInstance, in words: RuleWording) -> String? {
        guard case .cadreRule(_, let c) = instance else { return nil }
        let cadre = words.scenario.cadres[c]
        return
            "\(cadre.id) has \(words.facts.serviceYearsLeft(cadre)) years of service left; a new post needs \(words.policy.serviceLeft.years)"
    }

    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int, in words: RuleWording) -> String? {
        "has \(words.facts.serviceYearsLeft(words.scenario.cadres[c])) years of service left; a new post needs \(words.policy.serviceLeft.years)"
    }
}

/// The post's planning list: a new appointee is planned for it (or, when exempt, already
/// holds its title). When hard, the builder also uses the lists as its candidate index
/// (`RotationModelBuilder.candidatesByPlanningEntry`).
struct PlanningModel: RotationRuleModel {
    var definition: PolicyRule<Policy> { PolicyRules.planning }

    var testsPairs: Bool { true }
    @inline(__always)
    func testPair(_ test: inout PairTest, in builder: RotationModelBuilder) -> Bool {
        guard !test.keepsOwnPost else { return true }
        let scenario = builder.scenario
        let p = test.position
        let planning = builder.policy.planning
        let sameTitle = test.own.map { scenario.positions[$0].title == scenario.positions[p].title } ?? false
        let planned = builder.facts.isPlanned(cadre: test.cadre, position: p) || (planning.exemptSameTitle && sameTitle)
        return builder.apply(.requirement(rule: key, position: p), planning.mode, broken: !planned, to: &test)
    }

    func describe(_ instance: RuleInstance, in words: RuleWording) -> String? {
        guard case .requirement(_, let p) = instance else { return nil }
        let position = words.scenario.positions[p]
        return
            "takes only cadres planned for it (\"\(position.title)\", a \"\(position.title)@\" entry covering its unit, or \"post:\(position.id)\")"
    }

    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int, in words: RuleWording) -> String? {
        let position = words.scenario.positions[p]
        return "is not planned for \"\(position.title)\" in \(words.facts.unit(of: position).name)"
    }
}
