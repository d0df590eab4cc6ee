import Foundation
import PlannerCore

/// The round's own words for the people and posts of one scenario, in one language: titles and
/// sexes from the scenario's vocabulary, names in composed form.
struct RoundNames {
    let words: Words
    let vocabulary: Vocabulary.Index
    let cadres: [String: Cadre]
    let positions: [String: Position]
    let units: [String: OrgUnit]
    let planningYear: Int
    /// Posts of one title in one unit (three deputy directors of a department): named with
    /// their ids, as namesakes are, since "appointed deputy director, Sở Tài chính" three times
    /// over does not say which post each appointee takes (a review's report).
    let sharedPosts: Set<String>

    init(_ scenario: Scenario, _ words: Words) {
        self.words = words
        vocabulary = Vocabulary.Index(scenario.words)
        cadres = Dictionary(scenario.cadres.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        positions = Dictionary(scenario.positions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        units = Dictionary(scenario.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        planningYear = scenario.planningYear
        var count: [String: Int] = [:]
        for position in scenario.positions { count[position.title + "\u{1F}" + position.unit, default: 0] += 1 }
        sharedPosts = Set(scenario.positions.filter { count[$0.title + "\u{1F}" + $0.unit, default: 0] > 1 }.map(\.id))
    }

    func label(_ kind: Vocabulary.Kind, _ id: String) -> String {
        guard let word = vocabulary.word(kind, id: id) else { return id }
        return words.label(word)
    }

    func title(_ id: String) -> String { label(.title, id) }

    /// "chair, Xã An Lão" ("Chủ tịch, Xã An Lão"); the id for a post the scenario lacks.
    func post(_ id: String) -> String {
        guard let position = positions[id] else { return id }
        let shared = sharedPosts.contains(id) ? " (\(id))" : ""
        return "\(title(position.title)), \(unitName(position.unit))\(shared)"
    }

    /// "P-AL-CHA chair, Xã An Lão", as the tables list a post: the id the files hold, then the
    /// title as the scenario spells it in English (its id) or in the language's word.
    func postWithID(_ id: String) -> String {
        guard let position = positions[id] else { return id }
        let title = words.language == .en ? position.title : self.title(position.title)
        return "\(id) \(title), \(unitName(position.unit))"
    }

    func unitName(_ id: String) -> String { units[id].map { nfc($0.name) } ?? id }

    func name(_ cadreID: String) -> String { cadres[cadreID].map { nfc($0.name) } ?? "" }

    /// "C-05 Hoàng Minh Đức", as the tables show a person; the id alone for a cadre the
    /// scenario lacks.
    func person(_ cadreID: String) -> String {
        let known = name(cadreID)
        return known.isEmpty ? cadreID : "\(cadreID) \(known)"
    }

    /// "52, female" ("52, Nữ").
    func ageAndSex(_ cadreID: String) -> String {
        guard let cadre = cadres[cadreID] else { return "" }
        return "\(planningYear - cadre.birthYear), \(label(.gender, cadre.gender.rawValue))"
    }

    func nfc(_ text: String) -> String { text.precomposedStringWithCanonicalMapping }
}
