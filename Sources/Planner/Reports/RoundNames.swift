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
    /// Posts whose words would be the same (three deputy directors of a department; the chairs
    /// of two communes of one name, as wards named "Phường 1" in two districts): named with
    /// their ids, as namesakes are, since "appointed deputy director, Sở Tài chính" three times
    /// over does not say which post each appointee takes (two reviews' reports).
    let sharedPosts: Set<String>

    /// " (P-ID)" for a post in `sharedPosts`, else nothing.
    func idIfShared(_ id: String) -> String { sharedPosts.contains(id) ? " (\(id))" : "" }

    init(_ scenario: Scenario, _ words: Words) {
        self.words = words
        vocabulary = Vocabulary.Index(scenario.words)
        cadres = Dictionary(scenario.cadres.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        positions = Dictionary(scenario.positions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        units = Dictionary(scenario.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        planningYear = scenario.planningYear
        // As `post` words them: the title's label and the unit's name (a title's labels are
        // unique, `validate` checks it; units' names need not be).
        let vocabulary = self.vocabulary
        let units = self.units
        let words = self.words
        let said = scenario.positions.map { position in
            (vocabulary.word(.title, id: position.title).map { words.label($0) } ?? position.title) + "\u{1F}"
                + (units[position.unit].map { $0.name.precomposedStringWithCanonicalMapping } ?? position.unit)
        }
        var count: [String: Int] = [:]
        for key in said { count[key, default: 0] += 1 }
        sharedPosts = Set(scenario.positions.indices.filter { count[said[$0], default: 0] > 1 }.map { scenario.positions[$0].id })
    }

    func label(_ kind: Vocabulary.Kind, _ id: String) -> String {
        guard let word = vocabulary.word(kind, id: id) else { return id }
        return words.label(word)
    }

    func title(_ id: String) -> String { label(.title, id) }

    /// "chair, Xã An Lão" ("Chủ tịch, Xã An Lão"); the id for a post the scenario lacks.
    func post(_ id: String) -> String {
        guard let position = positions[id] else { return id }
        return "\(title(position.title)), \(unitName(position.unit))\(idIfShared(id))"
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
