import Planner
import Testing

/// A rule's words live with the rule (`RuleWords`), in English and Vietnamese: the committee's
/// report names rules in either language. A rule added without its Vietnamese words fails here.
@Suite("Every rule has its words in Vietnamese and English")
struct RuleWordsTests {
    static let rotationWords = Policy.rules.map { ($0.key, $0.words) }
    static let successionWords = SuccessionPolicy.rules.map { ("succession.\($0.key)", $0.words) }

    @Test("Each rule of both registries has a name and a summary in each language", arguments: rotationWords + successionWords)
    func bothLanguages(key: String, words: RuleWords) {
        #expect(!words.name.isEmpty && !words.summary.isEmpty, "\(key): English words missing")
        #expect(!words.viName.isEmpty && !words.viSummary.isEmpty, "\(key): Vietnamese words missing")
        // Written in Vietnamese, not the English copied over: Vietnamese spells with diacritics.
        #expect(words.viName != words.name, "\(key): the Vietnamese name is the English one")
        #expect(words.viSummary.unicodeScalars.contains { !$0.isASCII }, "\(key): the Vietnamese summary has no Vietnamese letter")
    }
}
