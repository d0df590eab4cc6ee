import Foundation
import PlannerCore
import Testing

/// Every phrase `planner` writes for people is in one catalogue per language
/// (`Catalogue.english`, `Catalogue.vietnamese`). These tests fail when a key lacks a word in
/// either language, when its two words take different values, or when the sources use a key
/// that no catalogue has: a phrase added in one language only never ships.
@Suite("The words catalogues: every key in both languages")
struct WordsCatalogueTests {
    /// A `.one` form is a language's own (English inflects for one, Vietnamese does not):
    /// only its base key must be in both.
    static func isCountForm(_ key: String) -> Bool { key.hasSuffix(".one") }

    @Test("Every key has a word in English and in Vietnamese")
    func bothLanguages() {
        let english = Set(Catalogue.english.keys.filter { !Self.isCountForm($0) })
        let vietnamese = Set(Catalogue.vietnamese.keys.filter { !Self.isCountForm($0) })
        #expect(english.subtracting(vietnamese).sorted() == [], "keys without a Vietnamese word")
        #expect(vietnamese.subtracting(english).sorted() == [], "keys without an English word")
        for (key, word) in Catalogue.english { #expect(!word.isEmpty, "\(key): empty English word") }
        for (key, word) in Catalogue.vietnamese { #expect(!word.isEmpty, "\(key): empty Vietnamese word") }
        // A count form stands beside its base key in the same language.
        for key in Catalogue.english.keys where Self.isCountForm(key) {
            #expect(Catalogue.english[String(key.dropLast(4))] != nil, "\(key): no base key")
        }
        for key in Catalogue.vietnamese.keys where Self.isCountForm(key) {
            #expect(Catalogue.vietnamese[String(key.dropLast(4))] != nil, "\(key): no base key")
        }
    }

    @Test("The two words of a key take the same values")
    func samePlaceholders() {
        for (key, english) in Catalogue.english {
            let base = Self.isCountForm(key) ? String(key.dropLast(4)) : key
            guard let vietnamese = Catalogue.vietnamese[base] else { continue }
            // `{count}` may be left out of a count form ("one cadre" for 1).
            let asked = Words.placeholders(in: english).subtracting(["count"])
            #expect(asked == Words.placeholders(in: vietnamese).subtracting(["count"]), "\(key): \(english) | \(vietnamese)")
        }
    }

    @Test("Vietnamese words are written in Vietnamese, not copied from English")
    func vietnameseIsVietnamese() {
        for (key, vietnamese) in Catalogue.vietnamese {
            guard let english = Catalogue.english[key] else { continue }
            // A phrase with letters outside its values differs from the English one.
            let letters = vietnamese.replacingOccurrences(of: #"\{[A-Za-z]+\}"#, with: "", options: .regularExpression)
            guard letters.contains(where: \.isLetter) else { continue }
            #expect(vietnamese != english, "\(key): the Vietnamese word is the English one")
        }
    }

    @Test("Each section's keys start with its name, and no two sections share a key")
    func sections() {
        for sections in [Catalogue.englishSections, Catalogue.vietnameseSections] {
            var seen: [String: String] = [:]
            for section in sections {
                for key in section.words.keys {
                    #expect(key.hasPrefix(section.name + "."), "\(key) is in section \(section.name)")
                    #expect(seen[key] == nil, "\(key) is in \(seen[key] ?? "") and \(section.name)")
                    seen[key] = section.name
                }
            }
        }
        #expect(Catalogue.englishSections.map(\.name) == Catalogue.vietnameseSections.map(\.name))
    }

    @Test("Every key the sources name is in the catalogues")
    func sourcesUseKnownKeys() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let sections = Catalogue.englishSections.map(\.name).joined(separator: "|")
        let pattern = try NSRegularExpression(pattern: "\"((?:\(sections))\\.[A-Za-z0-9_.]+)\"")
        var used: Set<String> = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", !file.path.contains("/Words/") else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                used.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        let unknown = used.filter { Catalogue.english[$0] == nil || Catalogue.vietnamese[$0] == nil }
        #expect(unknown.sorted() == [], "keys the sources use that a catalogue lacks")
    }

    @Test("A template fills its values; a count form is taken for one")
    func templates() {
        let english = Words.english
        #expect(english("common.andMore", count: 1) == "and 1 more")
        #expect(Words.vietnamese("common.andMore", count: 3) == "và còn 3 nữa")
        #expect(english.fill("{a} then {b}, {a}", ["a": "x", "b": "y"]) == "x then y, x")
        #expect(english.fill("{missing}", [:]) == "{missing}")
        #expect(Words.vietnamese.number(12.5) == "12,50" && english.number(12.5) == "12.50" && english.number(-0.001) == "0")
        // Vietnamese parts thousands with points; English writes a number plain, as its files do.
        #expect(Words.vietnamese.number(11432.9) == "11.432,90" && english.number(11432.9) == "11432.90")
        #expect(Words.vietnamese.number(-1_234_567) == "-1.234.567" && Words.vietnamese.number(999) == "999")
        #expect(Words.vietnamese.percent(0.225) == "22,5 %")
        // A gap too small for one decimal is not written "0.0 %", which reads as proven.
        #expect(english.gap(0.000093) == "0.0093 %" && Words.vietnamese.gap(0.000093) == "0,0093 %")
        #expect(english.gap(0.0123) == "1.2 %" && english.gap(0) == "0.0 %")
        // Rounding noise (a bound 2 · 10⁻¹² above the plan) is no gap: not "0.000000000 %".
        #expect(english.gap(1.59e-16) == "0.0 %" && english.gap(2e-7) == "0.000020 %")
    }
}
