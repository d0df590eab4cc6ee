import Foundation

/// Reads a scenario from JSON, checking everything a solver will rely on and reporting every
/// problem at once. The format is documented in docs/scenario-format.md and published as a
/// JSON Schema in docs/scenario.schema.json.
public enum ScenarioReader {
    /// Scenarios larger than this are refused before parsing (a city round is about 1 MB).
    public static let maximumFileSize = 64 << 20

    public struct Result: Sendable {
        public var scenario: Scenario
        /// Things that are allowed but probably not meant, e.g. a locked incumbent past retirement.
        public var warnings: [ScenarioProblem]
        /// SHA-256 of the bytes read, recorded in every plan made from them.
        public var sha256: String
        /// Every file read: the scenario, and for a variant each base it rests on. A command
        /// never writes its output over one of them.
        public var files: [String] = []
    }

    /// Reads and checks the file at `path`: a scenario, or a variant of one (docs/variant-format.md).
    /// Errors name `path` as given.
    public static func load(path: String) throws(ScenarioError) -> Result {
        try read(data: readFile(path), file: path)
    }

    static func readFile(_ path: String) throws(ScenarioError) -> Data {
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? Int, size > maximumFileSize {
                throw ScenarioError.tooLarge(file: path, bytes: size, limit: maximumFileSize)
            }
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as ScenarioError {
            throw error
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "the file cannot be read" : "no such file"
            throw .unreadable(file: path, reason: reason)
        }
    }

    static func parse(_ data: Data, file: String) throws(ScenarioError) -> JSONNode {
        if data.count > maximumFileSize {
            throw .tooLarge(file: file, bytes: data.count, limit: maximumFileSize)
        }
        do {
            return try JSONParser.parse([UInt8](data))
        } catch {
            throw .malformedJSON(file: file, message: error.message, location: error.location)
        }
    }

    /// Reads and checks scenario JSON held in memory; `file` names it in errors, and a variant's
    /// base is found relative to it.
    public static func read(data: Data, file: String) throws(ScenarioError) -> Result {
        let root = try parse(data, file: file)
        guard VariantReader.isVariant(root) else {
            var reading = Reading()
            guard let scenario = reading.scenario(root), reading.problems.isEmpty else {
                throw .invalid(file: file, problems: reading.problems)
            }
            // Warnings name places in the file (`cadres[12]`), so they are found in the file's
            // order; everything after reading sees the round in id order.
            return Result(
                scenario: scenario.canonicallyOrdered(), warnings: reading.warningsInFileOrder + ScenarioWarnings.find(in: scenario),
                sha256: SHA256.hex(data), files: [file])
        }
        var files = [file]
        let merged = try VariantReader.merge(root: root, path: file, chain: [], files: &files)
        var reading = Reading()
        let scenario = reading.scenario(merged.tree)
        // A problem in what a change wrote is named by the change and its line; any other (the
        // base's own values, as the changes leave them) by its path in the scenario the changes
        // make, without a line: it could point into the base or the variant. Warnings alike (a
        // review read a base's line under the variant's name).
        func placed(_ found: ScenarioProblem) -> ScenarioProblem {
            if let change = merged.footprints.last(where: { $0.covers(found) }) {
                return ScenarioProblem(
                    path: "changes[\(change.index)] → \(found.path)", location: change.location, entity: found.entity,
                    message: found.message)
            }
            return ScenarioProblem(
                path: found.path, location: nil, entity: found.entity, message: found.message + " (in the scenario the changes make)")
        }
        guard let scenario, reading.problems.isEmpty, merged.problems.isEmpty else {
            var problems = merged.problems
            for found in reading.problems { problems.append(placed(found)) }
            problems.sort {
                ($0.location?.line ?? .max, $0.location?.column ?? .max) < ($1.location?.line ?? .max, $1.location?.column ?? .max)
            }
            throw .invalid(file: file, problems: problems)
        }
        // A variant is identified by the scenario it makes, written canonically.
        return Result(
            scenario: scenario.canonicallyOrdered(),
            warnings: reading.warningsInFileOrder.map(placed) + ScenarioWarnings.find(in: scenario),
            sha256: SHA256.hex(ScenarioWriter.encode(scenario)), files: files)
    }

    /// The JSON tree of the scenario at `path`, a variant's changes applied; a plain scenario
    /// must be valid on its own.
    static func resolvedTree(path: String, chain: [String], files: inout [String]) throws(ScenarioError) -> JSONNode {
        // A base that is an office's roster is read as one, into the scenario it makes.
        if let json = try RosterBases.scenarioJSON(at: path) {
            files.append(path)
            return try parse(json, file: path)
        }
        let root = try parse(readFile(path), file: path)
        files.append(path)
        if VariantReader.isVariant(root) { return try VariantReader.load(root: root, path: path, chain: chain, files: &files) }
        var reading = Reading()
        _ = reading.scenario(root)
        if !reading.problems.isEmpty { throw .invalid(file: path, problems: reading.problems) }
        return root
    }
}

// MARK: - Walking the tree

/// An object in the file, with the keys read from it tracked so that the rest can be reported
/// as unknown (with the nearest known key suggested).
struct ObjectView {
    let members: [String: JSONMember]
    let path: String
    let location: SourceLocation
    var entity: String?

    func node(_ key: String) -> JSONNode? { members[key]?.node }
    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
}

struct Reading {
    var problems: [ScenarioProblem] = []
    /// Things the file says that reading cannot use but that do not stop it (a price on a rule
    /// that is not soft): reported with the scenario's own warnings.
    var warnings: [ScenarioProblem] = []
    var warningsInFileOrder: [ScenarioProblem] {
        warnings.sorted {
            ($0.location?.line ?? .max, $0.location?.column ?? .max) < ($1.location?.line ?? .max, $1.location?.column ?? .max)
        }
    }

    mutating func problem(_ path: String, _ location: SourceLocation?, _ entity: String?, _ message: String) {
        problems.append(ScenarioProblem(path: path, location: location, entity: entity, message: message))
    }

    mutating func object(_ node: JSONNode, path: String, entity: String? = nil, known: [String]) -> ObjectView? {
        guard case .object(let members) = node.value else {
            problem(path, node.location, entity, "expected an object, found \(node.value.kindName)")
            return nil
        }
        var byKey: [String: JSONMember] = [:]
        for member in members { byKey[member.key] = member }
        let view = ObjectView(members: byKey, path: path, location: node.location, entity: entity)
        for member in members where !known.contains(member.key) {
            var message = "unknown key \"\(member.key)\""
            if let suggestion = KeySuggestion.nearest(to: member.key, among: known) {
                message += "; did you mean \"\(suggestion)\"?"
            }
            problem(view.childPath(member.key), member.keyLocation, entity, message)
        }
        return view
    }

    mutating func missing(_ view: ObjectView, _ key: String, _ what: String) {
        problem(view.childPath(key), view.location, view.entity, "missing key \"\(key)\" (\(what))")
    }

    mutating func string(_ view: ObjectView, _ key: String, required: Bool, what: String = "a string") -> String? {
        guard let node = view.node(key), !isNull(node, optional: !required) else {
            if required { missing(view, key, what) }
            return nil
        }
        guard case .string(let text) = node.value else {
            problem(view.childPath(key), node.location, view.entity, "expected \(what), found \(node.value.kindName)")
            return nil
        }
        // Blank: nothing but spaces and tabs (`.whitespaces`), tested scalar by scalar; trimming
        // through Foundation cost a tenth of reading the city round.
        if required && text.unicodeScalars.allSatisfy(CharacterSet.whitespaces.contains) {
            problem(view.childPath(key), node.location, view.entity, "must not be empty")
            return nil
        }
        if let message = TextSafety.problem(in: text) {
            problem(view.childPath(key), node.location, view.entity, message)
            return nil
        }
        return text
    }

    /// A null stands for "absent" only where the key is optional.
    func isNull(_ node: JSONNode, optional: Bool) -> Bool {
        if case .null = node.value { return optional }
        return false
    }

    mutating func identifier(_ view: ObjectView, _ key: String, required: Bool) -> String? {
        guard let text = string(view, key, required: required, what: "an id") else { return nil }
        if !Identifier.isValid(text) {
            problem(view.childPath(key), view.node(key)?.location, view.entity, Identifier.rule(for: text))
            return nil
        }
        return text
    }

    mutating func number(_ view: ObjectView, _ key: String, required: Bool, range: ClosedRange<Double>, what: String) -> Double? {
        guard let node = view.node(key), !isNull(node, optional: !required) else {
            if required { missing(view, key, what) }
            return nil
        }
        guard case .number(let text, let value) = node.value else {
            problem(view.childPath(key), node.location, view.entity, "expected \(what), found \(node.value.kindName)")
            return nil
        }
        guard value.isFinite else {
            problem(view.childPath(key), node.location, view.entity, "\(text) is too large to be \(what)")
            return nil
        }
        guard range.contains(value) else {
            problem(
                view.childPath(key), node.location, view.entity,
                "\(text) is out of range: expected \(what) from \(Format.number(range.lowerBound)) to \(Format.number(range.upperBound))")
            return nil
        }
        return value
    }

    mutating func integer(_ view: ObjectView, _ key: String, required: Bool, range: ClosedRange<Int>, what: String) -> Int? {
        guard let node = view.node(key), !isNull(node, optional: !required) else {
            if required { missing(view, key, what) }
            return nil
        }
        guard case .number(let text, let value) = node.value, value.isFinite, value == value.rounded(.towardZero),
            abs(value) < 1e15
        else {
            problem(view.childPath(key), node.location, view.entity, "expected \(what) (a whole number), found \(describe(node))")
            return nil
        }
        let integer = Int(value)
        guard range.contains(integer) else {
            problem(
                view.childPath(key), node.location, view.entity,
                "\(text) is out of range: expected \(what) from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return integer
    }

    func describe(_ node: JSONNode) -> String {
        if case .number(let text, _) = node.value { return text }
        return node.value.kindName
    }

    mutating func bool(_ view: ObjectView, _ key: String, default value: Bool) -> Bool {
        guard let node = view.node(key), !isNull(node, optional: true) else { return value }
        guard case .bool(let flag) = node.value else {
            problem(view.childPath(key), node.location, view.entity, "expected true or false, found \(describe(node))")
            return value
        }
        return flag
    }

    mutating func stringList(_ view: ObjectView, _ key: String, what: String = "a string") -> [String] {
        guard let node = view.node(key), !isNull(node, optional: true) else { return [] }
        guard case .array(let elements) = node.value else {
            problem(view.childPath(key), node.location, view.entity, "expected an array of strings, found \(node.value.kindName)")
            return []
        }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            guard case .string(let text) = element.value, !text.isEmpty else {
                problem("\(view.childPath(key))[\(index)]", element.location, view.entity, "expected \(what), found \(describe(element))")
                continue
            }
            if let message = TextSafety.problem(in: text) {
                problem("\(view.childPath(key))[\(index)]", element.location, view.entity, message)
                continue
            }
            result.append(text)
        }
        return result
    }

    /// An object whose members are whole numbers in `range` by name (`{"tax-director": 4}`,
    /// a title's grade); every bad member is a problem of its own. Nil when it is no object.
    mutating func integersByKey(
        _ node: JSONNode, path: String, entity: String?, range: ClosedRange<Int>, key keyWhat: String, what: String
    ) -> [String: Int]? {
        guard case .object(let members) = node.value else {
            problem(path, node.location, entity, "expected an object of \(keyWhat): \(what), found \(node.value.kindName)")
            return nil
        }
        var result: [String: Int] = [:]
        for member in members {
            if member.key.isEmpty {
                problem(path, member.keyLocation, entity, "expected \(keyWhat), found an empty key")
                continue
            }
            if let message = TextSafety.problem(in: member.key) {
                problem(path, member.keyLocation, entity, "\(keyWhat) " + message)
                continue
            }
            if result[member.key] != nil {
                problem("\(path).\(member.key)", member.keyLocation, entity, "\(keyWhat) \"\(member.key)\" is listed twice")
            }
            guard case .number(_, let value) = member.node.value, value.isFinite, value == value.rounded(),
                range.contains(Int(exactly: value) ?? Int.min)
            else {
                problem(
                    "\(path).\(member.key)", member.node.location, entity,
                    "expected \(what), a whole number from \(range.lowerBound) to \(range.upperBound), found \(describe(member.node))")
                continue
            }
            result[member.key] = Int(value)
        }
        return result
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(_ view: ObjectView, _ key: String, required: Bool, as type: E.Type) -> E?
    where E.RawValue == String {
        let options = E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        guard let text = string(view, key, required: required, what: "one of \(options)") else { return nil }
        guard let value = E(rawValue: text) else {
            var message = "\"\(text)\" is not one of \(options)"
            if let suggestion = KeySuggestion.nearest(to: text, among: E.allCases.map(\.rawValue)) {
                message += "; did you mean \"\(suggestion)\"?"
            }
            problem(view.childPath(key), view.node(key)?.location, view.entity, message)
            return nil
        }
        return value
    }

    mutating func array(_ view: ObjectView, _ key: String, required: Bool) -> [JSONNode] {
        guard let node = view.node(key), !isNull(node, optional: !required) else {
            if required { missing(view, key, "an array") }
            return []
        }
        guard case .array(let elements) = node.value else {
            problem(view.childPath(key), node.location, view.entity, "expected an array, found \(node.value.kindName)")
            return []
        }
        return elements
    }

    /// The id of an array element, read before anything else so that every problem in the
    /// element can name its entity.
    func peekID(_ node: JSONNode) -> String? {
        guard case .object(let members) = node.value,
            let member = members.first(where: { $0.key == "id" }),
            case .string(let id) = member.node.value, Identifier.isValid(id)
        else { return nil }
        return id
    }
}

enum Identifier {
    /// Ids name rows and columns of exported models, so they are kept to characters every
    /// model format accepts: letters, digits, '_', '.', '-', starting with a letter or digit.
    static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 64 else { return false }
        for (offset, byte) in text.utf8.enumerated() {
            let isAlnum =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            if isAlnum { continue }
            if offset > 0 && (byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")) { continue }
            return false
        }
        return true
    }

    static func rule(for text: String) -> String {
        if text.utf8.count > 64 { return "an id has at most 64 characters" }
        return "\"\(text)\" is not a valid id: use ASCII letters (A–Z, a–z), digits, '_', '.' and '-', starting with a letter or digit"
            + " (no accented letters: ids are compared and sorted byte by byte)"
    }
}

/// The nearest known key or id to a misspelt one, for "did you mean" in errors.
public enum KeySuggestion {
    /// The known key closest to `key` by edit distance, when close enough to be a likely typo.
    public static func nearest(to key: String, among known: [String]) -> String? {
        let lowered = key.lowercased()
        if let exact = known.first(where: { $0.lowercased() == lowered }) { return exact }
        var best: (key: String, distance: Int)?
        let length = key.unicodeScalars.count
        for candidate in known {
            // No suggestion is more than 3 edits away, and the lengths alone bound the edits:
            // most candidates are passed over without a quadratic comparison.
            guard abs(candidate.unicodeScalars.count - length) <= 3 else { continue }
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= max(1, min(3, candidate.count / 3)), distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.key
    }

    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

enum Format {
    /// A number as a person writes it: no trailing ".0".
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
