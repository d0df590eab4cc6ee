import Foundation

/// Writes a scenario in the canonical layout: sections in documentation order, one entity per
/// line (easy to read, search and diff), every policy rule spelled out.
public enum ScenarioWriter {
    public static func encode(_ scenario: Scenario) -> Data {
        var out = "{\n"
        var sections: [String] = []
        sections.append("  \"version\": \(scenario.version)")
        sections.append("  \"name\": \(quote(scenario.name))")
        sections.append("  \"planningYear\": \(scenario.planningYear)")
        sections.append(
            "  \"localities\": "
                + list(
                    scenario.localities.map { l in
                        object([("id", quote(l.id)), ("name", quote(l.name))] + (l.within.map { [("within", quote($0))] } ?? []))
                    }))
        sections.append(
            "  \"units\": "
                + list(
                    scenario.units.map { u in
                        object([
                            ("id", quote(u.id)), ("name", quote(u.name)), ("locality", quote(u.locality)),
                            ("grassroots", String(u.grassroots)), ("level", String(u.level)),
                        ])
                    }))
        sections.append("  \"positions\": " + list(scenario.positions.map(position)))
        sections.append("  \"cadres\": " + list(scenario.cadres.map(cadre)))
        if !scenario.pinned.isEmpty { sections.append("  \"pinned\": " + list(scenario.pinned.map(pair))) }
        if !scenario.forbidden.isEmpty { sections.append("  \"forbidden\": " + list(scenario.forbidden.map(pair))) }
        sections.append("  \"policy\": " + policy(scenario.policy))
        sections.append("  \"objective\": " + objective(scenario.objective))
        if let vocabulary = scenario.vocabulary, !vocabulary.isEmpty { sections.append("  \"vocabulary\": " + self.vocabulary(vocabulary)) }
        out += sections.joined(separator: ",\n") + "\n}\n"
        return Data(out.utf8)
    }

    /// The round's own words, one per line; a kind without words is left out.
    static func vocabulary(_ v: Vocabulary) -> String {
        let kinds: [(String, [Vocabulary.Word])] = [
            ("titles", v.titles), ("fields", v.fields), ("education", v.education), ("genders", v.genders),
        ]
        let written = kinds.filter { !$0.1.isEmpty }.map { key, words in
            "    \(quote(key)): [\n"
                + words.map { word in
                    "      "
                        + object(
                            [("id", quote(word.id)), ("vi", quote(word.vi)), ("en", quote(word.en))]
                                + (word.aliases.isEmpty ? [] : [("aliases", strings(word.aliases))]))
                }.joined(separator: ",\n") + "\n    ]"
        }
        return "{\n" + written.joined(separator: ",\n") + "\n  }"
    }

    static func objective(_ o: ObjectiveWeights) -> String {
        object([
            ("rating", number(o.rating)), ("fieldMatch", number(o.fieldMatch)), ("continuity", number(o.continuity)),
            ("movePrice", number(o.movePrice)), ("vacancyPrice", number(o.vacancyPrice)),
        ])
    }

    static func position(_ p: Position) -> String {
        var fields: [(String, String)] = [("id", quote(p.id)), ("unit", quote(p.unit)), ("title", quote(p.title))]
        if !p.leadership { fields.append(("leadership", "false")) }
        var req: [(String, String)] = []
        if let level = p.requirements.minEducation { req.append(("minEducation", quote(level.rawValue))) }
        if !p.requirements.fields.isEmpty { req.append(("fields", strings(p.requirements.fields))) }
        if let rating = p.requirements.minRating { req.append(("minRating", number(rating))) }
        if let age = p.requirements.maxAge { req.append(("maxAge", String(age))) }
        if !req.isEmpty { fields.append(("requirements", object(req))) }
        fields.append(("incumbent", p.incumbent.map(quote) ?? "null"))
        if p.mustFill { fields.append(("mustFill", "true")) }
        fields.append(("weight", number(p.weight)))
        return object(fields)
    }

    static func cadre(_ c: Cadre) -> String {
        var fields: [(String, String)] = [
            ("id", quote(c.id)), ("name", quote(c.name)), ("gender", quote(c.gender.rawValue)), ("birthYear", String(c.birthYear)),
            ("homeLocality", quote(c.homeLocality)), ("education", quote(c.education.rawValue)), ("fields", strings(c.fields)),
            ("rating", number(c.rating)),
        ]
        if c.yearsInPost != 0 { fields.append(("yearsInPost", String(c.yearsInPost))) }
        if !c.plannedFor.isEmpty { fields.append(("plannedFor", strings(c.plannedFor))) }
        if c.locked { fields.append(("locked", "true")) }
        if !c.relatives.isEmpty { fields.append(("relatives", strings(c.relatives))) }
        return object(fields)
    }

    static func pair(_ p: AssignmentPair) -> String { object([("cadre", quote(p.cadre)), ("position", quote(p.position))]) }

    static func mode(_ mode: RuleMode) -> [(String, String)] {
        switch mode {
        case .hard: [("mode", quote("hard"))]
        case .soft(let price): [("mode", quote("soft")), ("price", number(price))]
        case .off: [("mode", quote("off"))]
        }
    }

    static func policy(_ p: Policy) -> String {
        var rules = Policy.rules.map { ($0.key, object($0.fields(of: p))) }
        // Written only when it differs from the defaults, so that a scenario written before the
        // succession rules existed is written back byte for byte.
        if p.succession != SuccessionPolicy() { rules.append(("succession", succession(p.succession))) }
        return "{\n" + rules.map { "    \(quote($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n  }"
    }

    static func succession(_ s: SuccessionPolicy) -> String {
        var fields: [(String, String)] = [("keyTitles", strings(s.keyTitles))]
        if !s.keyPositions.isEmpty { fields.append(("keyPositions", strings(s.keyPositions))) }
        fields.append(("grades", integersByKey(s.grades)))
        if let start = s.termStart { fields.append(("termStart", String(start))) }
        fields += SuccessionPolicy.rules.map { ($0.key, object($0.fields(of: s))) }
        fields.append(("allowAppointedInRound", String(s.allowAppointedInRound)))
        let r = s.readiness
        fields.append(
            (
                "readiness",
                object([
                    ("rating", number(r.rating)), ("experience", number(r.experience)), ("fields", number(r.fields)),
                    ("service", number(r.service)), ("sameUnit", number(r.sameUnit)),
                    ("slotValues", "[" + r.slotValues.map(number).joined(separator: ", ") + "]"),
                    ("extraSlatePrice", number(r.extraSlatePrice)),
                    ("ready", number(r.ready)),
                ])
            ))
        return object(fields)
    }

    static func list(_ items: [String]) -> String {
        items.isEmpty ? "[]" : "[\n" + items.map { "    " + $0 }.joined(separator: ",\n") + "\n  ]"
    }

    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\(quote($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// `{"a": 1, "b": 2}`, its keys sorted: the same map is always written the same way.
    static func integersByKey(_ entries: [String: Int]) -> String {
        object(entries.sorted { $0.key < $1.key }.map { ($0.key, String($0.value)) })
    }

    static func strings(_ items: [String]) -> String { "[" + items.map(quote).joined(separator: ", ") + "]" }

    static func number(_ value: Double) -> String { Format.number(value) }

    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension ScenarioWriter {
    /// The settings of a round as a roster's settings file holds them (docs/roster-format.md):
    /// name, planning year, policy, objective and the round's own words; the entities are the
    /// roster's tables.
    public static func encodeSettings(_ scenario: Scenario) -> Data {
        var sections: [String] = []
        sections.append("  \"name\": \(quote(scenario.name))")
        sections.append("  \"planningYear\": \(scenario.planningYear)")
        sections.append("  \"policy\": " + policy(scenario.policy))
        sections.append("  \"objective\": " + objective(scenario.objective))
        if let vocabulary = scenario.vocabulary, !vocabulary.isEmpty { sections.append("  \"vocabulary\": " + self.vocabulary(vocabulary)) }
        return Data(("{\n" + sections.joined(separator: ",\n") + "\n}\n").utf8)
    }

    /// A number as a person writes it: no trailing ".0".
    public static func plainNumber(_ value: Double) -> String { Format.number(value) }
}
