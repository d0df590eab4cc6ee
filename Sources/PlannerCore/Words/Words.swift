import Foundation

/// The words of one language: every phrase `planner` writes for people, looked up by key in
/// that language's catalogue (`Catalogue.english`, `Catalogue.vietnamese`, one per language,
/// each kept in its own folder, `Words/English/` and `Words/Vietnamese/`). A rule's own name
/// and summary live with the rule (`RuleWords`) and are reached through `ruleName`.
///
/// A phrase is a template: `{name}` marks a value the caller fills in, so that each language
/// puts it where its grammar wants it. A key with a `.one` twin ("fewest" and "fewest.one") is
/// a count-dependent phrase: `callAsFunction(_:count:_:)` takes the twin for a count of one
/// where the language has one (English does; Vietnamese does not inflect).
///
/// `WordsCatalogueTests` fails when a key lacks a word in either language, when the two
/// words of a key take different values, or when the sources use a key no catalogue has.
public struct Words: Sendable {
    public let language: ReportLanguage
    let catalogue: [String: String]

    public static let english = Words(language: .en, catalogue: Catalogue.english)
    public static let vietnamese = Words(language: .vi, catalogue: Catalogue.vietnamese)

    public static func of(_ language: ReportLanguage) -> Words { language == .vi ? vietnamese : english }

    /// The phrase for `key` with its values filled in. A key missing from the catalogue (a
    /// test stops that from shipping) shows as itself rather than stopping a report.
    public func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        fill(catalogue[key] ?? key, values)
    }

    /// The phrase for `key` about `count` things: its `.one` form for one, where it has one.
    public func callAsFunction(_ key: String, count: Int, _ values: [String: String] = [:]) -> String {
        let template = count == 1 ? catalogue[key + ".one"] ?? catalogue[key] : catalogue[key]
        return fill(template ?? key, values.merging(["count": String(count)]) { given, _ in given })
    }

    /// Whether the catalogue has a phrase for `key`.
    public func has(_ key: String) -> Bool { catalogue[key] != nil }

    /// A rule's short name from the rule registries (`Policy.rules`, then
    /// `SuccessionPolicy.rules`); the key itself for a key neither registry has.
    public func ruleName(_ key: String) -> String {
        guard let words = RuleWords.of(key) else { return key }
        return language == .vi ? words.viName : words.name
    }

    /// A rule as a line of text names it: by its key in English, as a policy file and the
    /// solver's record write it; by its name (`ruleName`) in another language.
    public func ruleInText(_ key: String) -> String { language == .en ? key : ruleName(key) }

    /// A word of the vocabulary (a title, a sex, a field) in this language.
    public func label(_ word: Vocabulary.Word) -> String { language == .vi ? word.vi : word.en }

    /// What a rule asks, in one line (`RuleWords.summary`).
    public func ruleSummary(_ key: String) -> String {
        guard let words = RuleWords.of(key) else { return key }
        return language == .vi ? words.viSummary : words.summary
    }

    // MARK: Numbers as the language writes them

    /// Rounded to two decimals: a whole number as it is ("12"), any other with both decimals
    /// ("12.50"; Vietnamese "12,50"), as every table and report has written its numbers.
    public func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded)
        return language == .vi ? Self.vietnamese(text) : text
    }

    /// A number as Vietnamese writes it: thousands parted by points, the decimal comma
    /// ("11432.90" is "11.432,90").
    static func vietnamese(_ text: String) -> String {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let sign = parts[0].hasPrefix("-") ? "-" : ""
        let digits = Array(parts[0].drop { $0 == "-" })
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += "." }
            grouped.append(digit)
        }
        return sign + grouped + (parts.count > 1 ? "," + parts[1] : "")
    }

    /// A share as a percentage with one decimal ("22.5 %"; Vietnamese "22,5 %").
    public func percent(_ share: Double) -> String { decimal(String(format: "%.1f %%", share * 100)) }

    /// A gap between a plan and its bound as a percentage: one decimal, but a gap that one
    /// decimal would show as "0.0 %" (which reads as proven) with its first two significant
    /// digits ("0.0093 %").
    public func gap(_ share: Double) -> String {
        let percentage = share * 100
        // Below 10⁻⁹ of the objective a gap is rounding noise: 0, as the plan's proof counts it.
        guard percentage > 1e-7, percentage < 0.05 else { return percent(share) }
        let decimals = min(9, 1 - Int(log10(percentage).rounded(.down)))
        return decimal(String(format: "%.\(decimals)f %%", percentage))
    }

    /// A number's text with the language's decimal mark: a comma in Vietnamese.
    public func decimal(_ text: String) -> String { language == .vi ? text.replacingOccurrences(of: ".", with: ",") : text }

    // MARK: Templates

    public func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            out += values[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The value names a template takes: `{name}` in its text.
    public static func placeholders(in template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

extension RuleWords {
    /// A rule's words by its key in either registry (a succession rule also as
    /// `succession.KEY`, as diagnoses name them).
    public static func of(_ key: String) -> RuleWords? {
        if let rule = Policy.rules.first(where: { $0.key == key }) { return rule.words }
        let succession = key.hasPrefix("succession.") ? String(key.dropFirst("succession.".count)) : key
        return SuccessionPolicy.rules.first { $0.key == succession }?.words
    }
}

/// The catalogues, one per language, each the union of its sections (one file a section in
/// `Words/English/` and `Words/Vietnamese/`, by the output they serve). A key belongs to one
/// section; `WordsCatalogueTests` fails on a key two sections share.
public enum Catalogue {
    /// Each English section, by name, as the test checks them.
    public static let englishSections: [(name: String, words: [String: String])] = [
        ("common", englishCommon),
        ("report", englishReport),
        ("table", englishTable),
        ("rules", englishRules),
        ("diagnose", englishDiagnose),
        ("explain", englishExplain),
        ("compare", englishCompare),
        ("sweep", englishSweep),
        ("slates", englishSlates),
        ("term", englishTerm),
    ]
    public static let vietnameseSections: [(name: String, words: [String: String])] = [
        ("common", vietnameseCommon),
        ("report", vietnameseReport),
        ("table", vietnameseTable),
        ("rules", vietnameseRules),
        ("diagnose", vietnameseDiagnose),
        ("explain", vietnameseExplain),
        ("compare", vietnameseCompare),
        ("sweep", vietnameseSweep),
        ("slates", vietnameseSlates),
        ("term", vietnameseTerm),
    ]

    public static let english = merged(englishSections)
    public static let vietnamese = merged(vietnameseSections)

    static func merged(_ sections: [(name: String, words: [String: String])]) -> [String: String] {
        sections.reduce(into: [:]) { all, section in all.merge(section.words) { first, _ in first } }
    }
}

extension PlanStatus {
    /// `sentence` in the language: the line a command ends with on stderr speaks the user's
    /// language (a review ran `LANG=vi_VN.UTF-8 planner solve` on a round without a plan and
    /// read "no feasible plan: the hard rules cannot all hold").
    public func sentence(in language: ReportLanguage) -> String {
        let words = Words.of(language)
        return switch self {
        case .optimal: words("explain.sentence.optimal")
        case .feasible: words("explain.sentence.feasible")
        case .infeasible: words("explain.sentence.infeasible")
        case .noPlanWithinTimeLimit: words("explain.sentence.noPlanWithinTimeLimit")
        case .stopped: words("explain.sentence.stopped")
        }
    }
}
