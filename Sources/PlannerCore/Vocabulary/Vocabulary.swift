import Foundation

/// The words a round is written in: the titles of posts, the fields of expertise, the education
/// levels and the sexes, each with an id (what the scenario file holds) and its labels in
/// Vietnamese and English (what an office's roster and a committee's report say).
///
/// A misspelt word must never change a plan silently: a post titled `vice-chairman` would be
/// listed under no rule that names `vice-chair`, and a cadre planned for `secetary` would be
/// planned for nothing. So every title, planning entry, field and policy title list is checked
/// against the round's vocabulary when a scenario is read (`VocabularyCheck`), and an unknown
/// word is an error naming the nearest known one.
///
/// The round's vocabulary is `Vocabulary.standard` (Vietnam's party and government posts and
/// the fields the city plans for) extended by the scenario's own `vocabulary` section.
public struct Vocabulary: Sendable, Equatable {
    /// One word: its id, and its labels. `aliases` are other spellings an office's sheet uses
    /// for it ("Thạc sỹ" beside "Thạc sĩ"), in either language.
    public struct Word: Sendable, Equatable {
        public var id: String
        public var vi: String
        public var en: String
        public var aliases: [String]

        public init(id: String, vi: String, en: String, aliases: [String] = []) {
            self.id = id
            self.vi = vi
            self.en = en
            self.aliases = aliases
        }

        /// Every way a sheet may write the word.
        public var spellings: [String] { [id, vi, en] + aliases }
    }

    /// What a word names; a kind has its own list.
    public enum Kind: String, Sendable, CaseIterable {
        case title, field, education, gender

        /// The kind in an error message.
        /// The noun with its article: "an education level", "a title".
        public var nounWithArticle: String { (noun.first.map { "aeiou".contains($0) } == true ? "an " : "a ") + noun }

        public var noun: String {
            switch self {
            case .title: "title"
            case .field: "field of expertise"
            case .education: "education level"
            case .gender: "sex"
            }
        }
    }

    public var titles: [Word]
    public var fields: [Word]
    /// Labels of `EducationLevel`'s cases; ids are the cases' raw values.
    public var education: [Word]
    /// Labels of `Gender`'s cases.
    public var genders: [Word]

    public init(titles: [Word] = [], fields: [Word] = [], education: [Word] = [], genders: [Word] = []) {
        self.titles = titles
        self.fields = fields
        self.education = education
        self.genders = genders
    }

    public var isEmpty: Bool { titles.isEmpty && fields.isEmpty && education.isEmpty && genders.isEmpty }

    public func words(_ kind: Kind) -> [Word] {
        switch kind {
        case .title: titles
        case .field: fields
        case .education: education
        case .gender: genders
        }
    }

    /// This vocabulary with `own`'s words added; a word of `own` with an id already here replaces
    /// that word's labels.
    public func extended(by own: Vocabulary?) -> Vocabulary {
        guard let own, !own.isEmpty else { return self }
        func merge(_ base: [Word], _ added: [Word]) -> [Word] {
            var result = base
            for word in added {
                if let index = result.firstIndex(where: { $0.id == word.id }) { result[index] = word } else { result.append(word) }
            }
            return result
        }
        return Vocabulary(
            titles: merge(titles, own.titles), fields: merge(fields, own.fields), education: merge(education, own.education),
            genders: merge(genders, own.genders))
    }

    /// Whether `id` is a word of this kind.
    public func contains(_ kind: Kind, id: String) -> Bool { words(kind).contains { $0.id == id } }

    /// The word `text` names (see `Index.word`). For many look-ups, build an `Index` once.
    public func word(_ kind: Kind, matching text: String) -> Word? { Index(self).word(kind, matching: text) }

    /// The known word nearest to an unknown `text`, for "did you mean": the spelling fewest
    /// edits away, when within two edits, or a third of the word's length for long words
    /// (labels run to 40 letters; "chiar" is two edits from "chair").
    public func nearest(_ kind: Kind, to text: String) -> Word? {
        let target = Vocabulary.normalized(text)
        let length = target.unicodeScalars.count
        var best: (word: Word, distance: Int)?
        for word in words(kind) {
            for spelling in word.spellings {
                let candidate = Vocabulary.normalized(spelling)
                let limit = min(6, max(2, candidate.unicodeScalars.count / 3))
                guard abs(candidate.unicodeScalars.count - length) <= limit else { continue }
                let distance = KeySuggestion.editDistance(target, candidate)
                if distance <= limit, distance < (best?.distance ?? .max) { best = (word, distance) }
            }
        }
        return best?.word
    }

    /// A text as words are compared: composed (NFC), lower case, trimmed, inner runs of spaces
    /// as one space.
    public static func normalized(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping.lowercased()
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The vocabulary's words by id and by every spelling, built once for many look-ups (a
    /// roster of thousands of rows).
    public struct Index: Sendable {
        var byID: [Kind: [String: Word]] = [:]
        var bySpelling: [Kind: [String: Word]] = [:]

        public init(_ vocabulary: Vocabulary) {
            for kind in Kind.allCases {
                var ids: [String: Word] = [:]
                var spellings: [String: Word] = [:]
                for word in vocabulary.words(kind) {
                    ids[word.id] = word
                    for spelling in word.spellings {
                        let key = Vocabulary.normalized(spelling)
                        // The first word to claim a spelling keeps it: a scenario's own words
                        // come after the standard ones and may not take over their labels.
                        if spellings[key] == nil { spellings[key] = word }
                    }
                }
                byID[kind] = ids
                bySpelling[kind] = spellings
            }
        }

        /// The word `text` names: by id, or by any of its spellings, compared without regard to
        /// case, Unicode composition (a sheet may hold "ĩ" as one character or as "i" and a
        /// combining tilde) and surrounding or repeated spaces.
        public func word(_ kind: Kind, matching text: String) -> Word? {
            if let word = byID[kind]?[text] { return word }
            return bySpelling[kind]?[Vocabulary.normalized(text)]
        }

        public func word(_ kind: Kind, id: String) -> Word? { byID[kind]?[id] }
    }
}

extension Scenario {
    /// The words this round is written in: the standard vocabulary and the scenario's own.
    public var words: Vocabulary { Vocabulary.standard.extended(by: vocabulary) }
}
