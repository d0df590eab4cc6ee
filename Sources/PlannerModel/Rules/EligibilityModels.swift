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
        let asked = words.scenario.positions[p].requirements.minEducation.map { words.label(.education, $0.rawValue) }
        return words.say("rules.education.requires", ["education": asked ?? words.say("rules.education.aDegree")])
    }

    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int, in words: RuleWording) -> String? {
        let position = words.scenario.positions[p]
        let asked = position.requirements.minEducation.map { words.label(.education, $0.rawValue) }
        return words.say(
            "rules.education.lacks",
            [
                "has": words.label(.education, words.scenario.cadres[c].education.rawValue), "post": position.id,
                "education": asked ?? words.say("rules.education.more"),
            ])
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
        let fields = words.scenario.positions[p].requirements.fields.map { words.label(.field, $0) }
        return words.say("rules.fields.asks", ["fields": fields.joined(separator: ", ")])
    }

    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int, in words: RuleWording) -> String? {
        let position = words.scenario.positions[p]
        let fields = position.requirements.fields.map { words.label(.field, $0) }
        return words.say("rules.fields.lacks", ["post": position.id, "fields": fields.joined(separator: ", ")])
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
        return words.say("rules.minRating.requires", ["rating": words.number(words.scenario.positions[p].requirements.minRating ?? 0)])
    }

    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int, in words: RuleWording) -> String? {
        let position = words.scenario.positions[p]
        return words.say(
            "rules.minRating.below",
            [
                "rating": words.number(words.scenario.cadres[c].rating), "least": words.number(position.requirements.minRating ?? 0),
                "post": position.id,
            ])
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
        return words.say("rules.maxAge.takes", ["age": String(words.scenario.positions[p].requirements.maxAge ?? 0)])
    }

    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int, in words: RuleWording) -> String? {
        let position = words.scenario.positions[p]
        return words.say(
            "rules.maxAge.over",
            [
                "age": String(words.facts.age(words.scenario.cadres[c])), "most": String(position.requirements.maxAge ?? 0),
                "post": position.id,
            ])
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
        let years = words.facts.serviceYearsLeft(cadre)
        // No service left (at or past retirement age): said so, not counted below zero.
        return words.say(
            years > 0 ? "rules.serviceLeft.cadre" : "rules.serviceLeft.cadre.retiring",
            ["cadre": cadre.id, "years": String(years), "needed": String(words.policy.serviceLeft.years)])
    }

    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int, in words: RuleWording) -> String? {
        let years = words.facts.serviceYearsLeft(words.scenario.cadres[c])
        return words.say(
            years > 0 ? "rules.serviceLeft.left" : "rules.serviceLeft.left.retiring",
            ["years": String(years), "needed": String(words.policy.serviceLeft.years)])
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
        // English names the planning list's own entries as the scenario writes them; Vietnamese
        // says the same in words, the title by its Vietnamese label.
        return words.say("rules.planning.takes", ["title": words.label(.title, position.title), "post": position.id])
    }

    func reason(_ instance: RuleInstance, cadre c: Int, position p: Int, in words: RuleWording) -> String? {
        let position = words.scenario.positions[p]
        return words.say(
            "rules.planning.notPlanned", ["title": words.label(.title, position.title), "unit": words.facts.unit(of: position).name])
    }
}
