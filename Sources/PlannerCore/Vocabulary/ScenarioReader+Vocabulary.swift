/// The `vocabulary` section, and the check of every word the scenario uses against the round's
/// vocabulary (`Vocabulary`).
extension Reading {
    static let vocabularyKeys = ["titles", "fields", "education", "genders"]

    mutating func vocabulary(_ node: JSONNode) -> Vocabulary? {
        guard let view = object(node, path: "vocabulary", known: Reading.vocabularyKeys) else { return nil }
        var vocabulary = Vocabulary()
        vocabulary.titles = words(view, "titles", ids: nil)
        vocabulary.fields = words(view, "fields", ids: nil)
        // Education levels and sexes are fixed by the model: a section may relabel them only.
        vocabulary.education = words(view, "education", ids: EducationLevel.allCases.map(\.rawValue))
        vocabulary.genders = words(view, "genders", ids: Gender.allCases.map(\.rawValue))
        return vocabulary
    }

    /// A list of words: `{"id": …, "vi": …, "en": …, "aliases": […]}`; `ids`, when given, are the
    /// only ids allowed.
    mutating func words(_ view: ObjectView, _ key: String, ids: [String]?) -> [Vocabulary.Word] {
        var seen: [String: Int] = [:]
        var result: [Vocabulary.Word] = []
        for (index, element) in array(view, key, required: false).enumerated() {
            let path = "\(view.childPath(key))[\(index)]"
            guard
                let word = object(element, path: path, entity: peekID(element).map { "word \($0)" }, known: ["id", "vi", "en", "aliases"])
            else { continue }
            guard let id = identifier(word, "id", required: true) else { continue }
            if let ids, !ids.contains(id) {
                problem(
                    word.childPath("id"), word.node("id")?.location, word.entity,
                    "\"\(id)\" is not one of " + ids.map { "\"\($0)\"" }.joined(separator: ", ")
                        + ": these words can be relabelled, not added")
                continue
            }
            if let first = seen[id] {
                problem(
                    word.childPath("id"), word.node("id")?.location, word.entity,
                    "duplicate word \"\(id)\" (first at \(view.childPath(key))[\(first)])")
                continue
            }
            seen[id] = index
            var labels: [String] = []
            for key in ["vi", "en"] {
                let text = string(word, key, required: false, what: key == "vi" ? "the word in Vietnamese" : "the word in English") ?? id
                if Vocabulary.normalized(text).isEmpty {
                    problem(word.childPath(key), word.node(key)?.location, word.entity, "a label must not be blank: reports print it")
                }
                labels.append(text)
            }
            let (vi, en) = (labels[0], labels[1])
            let aliases = stringList(word, "aliases", what: "another spelling")
            // Spellings that the files' own syntax would split or misread: a roster lists words
            // with ";", a planning entry puts a locality after "@" and a post after "post:". A
            // review's title labelled "post:P-AL-SEC" came back from a roster as a post entry.
            for (place, text) in [("vi", vi), ("en", en)] + aliases.enumerated().map({ ("aliases[\($0.offset)]", $0.element) }) {
                var reason: String?
                if text.contains(";") {
                    reason = "a spelling may not hold \";\": a roster's cell lists words with it"
                } else if key == "titles", text.contains("@") {
                    reason = "a title's spelling may not hold \"@\": a planning entry puts a locality after it"
                } else if key == "titles",
                    // As a roster's cell is read: trimmed, and "Post : X" is "post:X".
                    String(text.filter { !$0.isWhitespace }).lowercased().hasPrefix(PlanningEntry.postPrefix)
                {
                    reason =
                        "a title's spelling may not begin with \"\(PlanningEntry.postPrefix)\": a planning entry so written names one post"
                }
                if let reason { problem(word.childPath(place), word.node(place)?.location, word.entity, reason + " (\"\(text)\")") }
            }
            result.append(Vocabulary.Word(id: id, vi: vi, en: en, aliases: aliases))
        }
        return result
    }

    /// Every title, planning entry, field and policy title list names a word of the round's
    /// vocabulary: an unknown word is an error with the nearest known one, never a silent
    /// change of who is appointed.
    mutating func checkWords(
        _ root: ObjectView, vocabulary: Vocabulary, positions: [Located<Position>], cadres: [Located<Cadre>]
    ) {
        checkOwnSpellings(root, vocabulary: vocabulary)
        var check = WordCheck(vocabulary: vocabulary)
        for item in positions {
            let entity = "position \(item.value.id)"
            if let message = check.unknown(.title, item.value.title) {
                problem("\(item.path).title", item.location(of: "title"), entity, message)
            }
            if let requirements = item.view.node("requirements"), case .object(let members) = requirements.value,
                let fields = members.first(where: { $0.key == "fields" })?.node
            {
                checkList(fields, path: "\(item.path).requirements.fields", entity: entity, kind: .field, &check)
            }
        }
        for item in cadres {
            let entity = "cadre \(item.value.id)"
            if let fields = item.view.node("fields") {
                checkList(fields, path: "\(item.path).fields", entity: entity, kind: .field, &check)
            }
            guard let planned = item.view.node("plannedFor"), case .array(let elements) = planned.value else { continue }
            for (index, element) in elements.enumerated() {
                guard case .string(let text) = element.value else { continue }
                let entry = PlanningEntry(text)
                guard entry.position == nil, let message = check.unknown(.title, entry.title) else { continue }
                problem("\(item.path).plannedFor[\(index)]", element.location, entity, message)
            }
        }
        for (path, kind) in [("policy.nonLocalHeads.titles", Vocabulary.Kind.title), ("policy.succession.keyTitles", .title)] {
            if let list = root.descendant(path) { checkList(list, path: path, entity: nil, kind: kind, &check) }
        }
        // Objects keyed by title: a misspelt key would silently leave its title out (a title's
        // own tenure limit, a grade).
        for path in ["policy.succession.grades", "policy.tenure.yearsByTitle"] {
            guard let object = root.descendant(path), case .object(let members) = object.value else { continue }
            // An empty key is reported where the object is read.
            for member in members where !member.key.isEmpty {
                if let message = check.unknown(.title, member.key) {
                    problem("\(path).\(member.key)", member.node.location, nil, message)
                }
            }
        }
    }

    /// A round's own word may not take a label or spelling that another word of its kind has:
    /// a chair relabelled "Bí thư" would read as a secretary in every report and roster.
    private mutating func checkOwnSpellings(_ root: ObjectView, vocabulary: Vocabulary) {
        guard case .object(let sections)? = root.node("vocabulary")?.value else { return }
        for (kind, key) in [(Vocabulary.Kind.title, "titles"), (.field, "fields"), (.education, "education"), (.gender, "genders")] {
            guard let list = sections.first(where: { $0.key == key })?.node, case .array(let elements) = list.value else { continue }
            // Per spelling, the ids that claim it.
            var claims: [String: Set<String>] = [:]
            for word in vocabulary.words(kind) {
                for spelling in Set(word.spellings.map(Vocabulary.normalized)) { claims[spelling, default: []].insert(word.id) }
            }
            for (index, element) in elements.enumerated() {
                guard case .object(let members) = element.value,
                    case .string(let id)? = members.first(where: { $0.key == "id" })?.node.value,
                    let word = vocabulary.words(kind).first(where: { $0.id == id })
                else { continue }
                for spelling in Set(word.spellings.map(Vocabulary.normalized)) {
                    guard let others = claims[spelling]?.subtracting([id]), let other = others.sorted().first, !spelling.isEmpty else {
                        continue
                    }
                    problem(
                        "vocabulary.\(key)[\(index)]", element.location, "word \(id)",
                        "\"\(spelling)\" is already a spelling of the \(kind.noun) \"\(other)\": two words with one label would read the same in every report"
                    )
                }
            }
        }
    }

    private mutating func checkList(_ node: JSONNode, path: String, entity: String?, kind: Vocabulary.Kind, _ check: inout WordCheck) {
        guard case .array(let elements) = node.value else { return }
        for (index, element) in elements.enumerated() {
            guard case .string(let text) = element.value, let message = check.unknown(kind, text) else { continue }
            problem("\(path)[\(index)]", element.location, entity, message)
        }
    }
}

/// Looks words up by id, with the suggestion for an unknown one (each unknown word's suggestion
/// is found once: a roster may repeat the same misspelling on every row).
struct WordCheck {
    let vocabulary: Vocabulary
    let index: Vocabulary.Index
    var messages: [String: String?] = [:]

    init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        index = Vocabulary.Index(vocabulary)
    }

    /// Nil when `text` is the id of a word of this kind, else the problem's message.
    mutating func unknown(_ kind: Vocabulary.Kind, _ text: String) -> String? {
        if index.word(kind, id: text) != nil { return nil }
        let key = kind.rawValue + "\u{0}" + text
        if let message = messages[key] { return message }
        var message = "\"\(text)\" is not \(kind.nounWithArticle) of this round"
        if let word = index.word(kind, matching: text) ?? vocabulary.nearest(kind, to: text) {
            message += "; did you mean \"\(word.id)\" (\(word.vi))?"
        }
        message += " (a round's own words go in its \"vocabulary\" section)"
        messages[key] = message
        return message
    }
}

extension ObjectView {
    /// The node at a dotted path below this object, when every step is an object member.
    func descendant(_ path: String) -> JSONNode? {
        var node: JSONNode?
        var members = self.members
        for key in path.split(separator: ".") {
            guard let next = members[String(key)]?.node else { return nil }
            node = next
            if case .object(let inner) = next.value {
                members = Dictionary(inner.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            } else {
                members = [:]
            }
        }
        return node
    }
}
