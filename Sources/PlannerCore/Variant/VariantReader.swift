import Foundation

/// Reads a variant: a file that names a base scenario (or another variant) and lists changes to
/// it in a form a person writes by hand (docs/variant-format.md). The changes are applied to the
/// base's JSON tree, and the result is read by the scenario reader, so a variant is checked as
/// strictly as any scenario; a change that names an unknown id or breaks the scenario is
/// reported with the change's place in the variant file.
public enum VariantReader {
    /// Variants may rest on variants; a longer chain is almost certainly a mistake.
    public static let maximumDepth = 16

    /// Whether the JSON document is a variant (it has a top-level `variantOf`).
    static func isVariant(_ root: JSONNode) -> Bool {
        guard case .object(let members) = root.value else { return false }
        return members.contains { $0.key == "variantOf" }
    }

    /// The scenario the variant at `path` describes, its base chain resolved.
    /// A variant's changes applied to its base: the merged tree, the changes that could not be
    /// applied, and where each applied change wrote (to name the change behind a problem that
    /// only reading the merged scenario finds).
    struct Merged {
        var tree: JSONNode
        var problems: [ScenarioProblem]
        var footprints: [ChangeFootprint]
    }

    /// Where one change wrote: JSON paths it set (`policy.tenure.maxYears`), or the entity it
    /// added or updated (`cadre C-01`).
    struct ChangeFootprint {
        var index: Int
        var location: SourceLocation
        var path: String?
        var entity: String?

        /// Whether a problem found in the merged scenario comes from this change.
        func covers(_ problem: ScenarioProblem) -> Bool {
            if let entity, problem.entity == entity { return true }
            guard let path else { return false }
            return problem.path == path || problem.path.hasPrefix(path + ".") || problem.path.hasPrefix(path + "[")
        }
    }

    /// The merged tree of the variant at `path`; throws when a change cannot be applied.
    static func load(root: JSONNode, path: String, chain: [String], files: inout [String]) throws(ScenarioError) -> JSONNode {
        let merged = try merge(root: root, path: path, chain: chain, files: &files)
        guard merged.problems.isEmpty else { throw .invalid(file: path, problems: merged.problems) }
        return merged.tree
    }

    static func merge(root: JSONNode, path: String, chain: [String], files: inout [String]) throws(ScenarioError) -> Merged {
        guard case .object(let members) = root.value else {
            throw .invalid(
                file: path,
                problems: [ScenarioProblem(path: "", location: root.location, entity: nil, message: "a variant is a JSON object")])
        }
        var problems: [ScenarioProblem] = []
        func problem(_ at: String, _ location: SourceLocation?, _ message: String) {
            problems.append(ScenarioProblem(path: at, location: location, entity: nil, message: message))
        }
        let known = ["$schema", "variantOf", "name", "description", "changes"]
        for member in members where !known.contains(member.key) {
            problem(
                member.key, member.keyLocation,
                "unknown key \"\(member.key)\""
                    + (KeySuggestion.nearest(to: member.key, among: known).map { "; did you mean \"\($0)\"?" } ?? ""))
        }
        guard let baseMember = members.first(where: { $0.key == "variantOf" }), case .string(let baseName) = baseMember.node.value,
            !baseName.isEmpty
        else {
            problem(
                "variantOf", members.first { $0.key == "variantOf" }?.node.location,
                "variantOf names the base scenario file, relative to this file")
            throw .invalid(file: path, problems: problems)
        }
        let basePath =
            baseName.hasPrefix("/")
            ? baseName : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(baseName).path
        let canonical = URL(fileURLWithPath: basePath).standardizedFileURL.path
        let here = URL(fileURLWithPath: path).standardizedFileURL.path
        if chain.contains(canonical) || canonical == here {
            // Named whole, from the file that closes it: a → b → c → a.
            let cycle = Array((chain + [here]).drop { $0 != canonical }) + [canonical]
            problem(
                "variantOf", baseMember.node.location,
                "the bases form a cycle: " + cycle.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " → "))
            throw .invalid(file: path, problems: problems)
        }
        if chain.count >= maximumDepth {
            problem("variantOf", baseMember.node.location, "more than \(maximumDepth) variants rest on one another")
            throw .invalid(file: path, problems: problems)
        }
        var base: JSONNode
        do {
            base = try ScenarioReader.resolvedTree(path: basePath, chain: chain + [here], files: &files)
        } catch .unreadable(_, let reason) {
            problem("variantOf", baseMember.node.location, "the base \"\(baseName)\" cannot be read: \(reason)")
            throw .invalid(file: path, problems: problems)
        }
        var editor = TreeEditor(root: base)
        var footprints: [ChangeFootprint] = []
        if let name = members.first(where: { $0.key == "name" }) { editor.setTop("name", name.node) }
        if let changes = members.first(where: { $0.key == "changes" }) {
            guard case .array(let items) = changes.node.value else {
                problem("changes", changes.node.location, "changes is a list of changes")
                throw .invalid(file: path, problems: problems)
            }
            // Every change is tried, so that all problems are named at once; one that cannot
            // be applied is left out of the merged scenario.
            for (index, item) in items.enumerated() {
                if let message = editor.apply(item) {
                    problem("changes[\(index)]", item.location, message)
                } else {
                    footprints.append(
                        ChangeFootprint(
                            index: index, location: item.location, path: TreeEditor.writtenPath(of: item),
                            entity: TreeEditor.writtenEntity(of: item)))
                }
            }
        }
        return Merged(tree: editor.root, problems: problems, footprints: footprints)
    }
}

/// Applies one change at a time to a scenario's JSON tree. Each change is an object with one verb:
/// `set`, `add`, `remove`, `update`, `pin`, `forbid`. Returns a message for a change it cannot apply.
struct TreeEditor {
    var root: JSONNode

    static let kinds = ["cadre": "cadres", "position": "positions", "unit": "units", "locality": "localities"]

    /// The JSON path a `set` change writes.
    static func writtenPath(of change: JSONNode) -> String? {
        if case .string(let path)? = member("set", of: change)?.value { return path }
        return nil
    }

    /// The entity an `add` or `update` change writes, as the reader names entities.
    static func writtenEntity(of change: JSONNode) -> String? {
        if case .string(let kind)? = member("update", of: change)?.value, case .string(let id)? = member("id", of: change)?.value {
            return "\(kind) \(id)"
        }
        if case .string(let kind)? = member("add", of: change)?.value, let value = member("value", of: change), let id = id(of: value) {
            return "\(kind) \(id)"
        }
        return nil
    }

    mutating func apply(_ change: JSONNode) -> String? {
        guard case .object(let members) = change.value else {
            return "a change is an object such as {\"set\": \"policy.women.minShare\", \"to\": 0.3}"
        }
        let keys = Set(members.map(\.key))
        func string(_ key: String) -> String? {
            if case .string(let text)? = members.first(where: { $0.key == key })?.node.value { return text }
            return nil
        }
        func node(_ key: String) -> JSONNode? { members.first { $0.key == key }?.node }
        func expect(_ allowed: Set<String>) -> String? {
            let extra = keys.subtracting(allowed)
            return extra.isEmpty
                ? nil
                : "unknown key \"\(extra.sorted()[0])\" in this change; it takes "
                    + allowed.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
        }
        if keys.contains("set") {
            if let problem = expect(["set", "to"]) { return problem }
            guard let path = string("set"), let value = node("to") else {
                return "set names a parameter (\"policy.women.minShare\") and takes a value in \"to\""
            }
            return set(path, value)
        }
        if keys.contains("add") {
            if let problem = expect(["add", "value"]) { return problem }
            guard let kind = string("add"), let array = Self.kinds[kind] else {
                return "add names what it adds: cadre, position, unit or locality"
            }
            guard let value = node("value"), case .object = value.value else {
                return "add takes the new \(kind) as an object in \"value\""
            }
            guard let id = Self.id(of: value) else { return "the new \(kind) needs an \"id\"" }
            if index(of: id, in: array) != nil { return "a \(kind) \"\(id)\" exists already; use update to change it" }
            modifyArray(array) { $0.append(value) }
            return nil
        }
        if keys.contains("remove") {
            if let problem = expect(["remove", "id"]) { return problem }
            guard let kind = string("remove"), let array = Self.kinds[kind] else {
                return "remove names what it removes: cadre, position, unit or locality"
            }
            guard let id = string("id") else { return "remove takes the id of the \(kind) in \"id\"" }
            guard let found = index(of: id, in: array) else { return unknown(kind, id, in: array) }
            let incumbent: String? =
                if kind == "position", case .string(let holder)? = Self.member("incumbent", of: items(array)[found])?.value { holder } else
                { nil }
            modifyArray(array) { $0.remove(at: found) }
            if kind == "cadre" { forget(cadre: id) }
            if kind == "position" { forget(position: id, heldBy: incumbent) }
            return nil
        }
        if keys.contains("update") {
            if let problem = expect(["update", "id", "with"]) { return problem }
            guard let kind = string("update"), let array = Self.kinds[kind] else {
                return "update names what it changes: cadre, position, unit or locality"
            }
            guard let id = string("id") else { return "update takes the id of the \(kind) in \"id\"" }
            guard let found = index(of: id, in: array) else { return unknown(kind, id, in: array) }
            guard let with = node("with"), case .object(let changes) = with.value else {
                return "update takes the attributes to change as an object in \"with\""
            }
            if changes.contains(where: { $0.key == "id" }) { return "update cannot change an id; remove and add instead" }
            modifyArray(array) { items in
                for member in changes { items[found] = Self.setting(member.key, member.node, member.keyLocation, in: items[found]) }
            }
            return nil
        }
        if keys.contains("pin") || keys.contains("forbid") {
            let verb = keys.contains("pin") ? "pin" : "forbid"
            let place = verb == "pin" ? "to" : "from"
            if let problem = expect([verb, place]) { return problem }
            guard let cadre = string(verb), let position = string(place) else {
                return "\(verb) takes a cadre id, and the position id in \"\(place)\""
            }
            guard index(of: cadre, in: "cadres") != nil else { return unknown("cadre", cadre, in: "cadres") }
            guard index(of: position, in: "positions") != nil else { return unknown("position", position, in: "positions") }
            let pair = JSONNode(
                value: .object([
                    JSONMember(
                        key: "cadre", keyLocation: change.location, node: JSONNode(value: .string(cadre), location: change.location)),
                    JSONMember(
                        key: "position", keyLocation: change.location, node: JSONNode(value: .string(position), location: change.location)),
                ]), location: change.location)
            modifyArray(verb == "pin" ? "pinned" : "forbidden") { $0.append(pair) }
            return nil
        }
        return "a change starts with one of set, add, remove, update, pin, forbid"
    }

    /// `name`, `planningYear`, `policy.RULE` (a mode word or an object), `policy.RULE.PARAMETER`,
    /// deeper paths under `policy` (`policy.succession.women.minShare`), `objective.WEIGHT`.
    mutating func set(_ path: String, _ value: JSONNode) -> String? {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        switch (parts.first, parts.count) {
        case ("name", 1), ("planningYear", 1):
            setTop(parts[0], value)
        case ("objective", 2):
            let objective = topNode("objective") ?? JSONNode(value: .object([]), location: value.location)
            setTop("objective", Self.setting(parts[1], value, value.location, in: objective))
        case ("policy", 2...) where !parts.contains(""):
            let policy = topNode("policy") ?? JSONNode(value: .object([]), location: value.location)
            setTop("policy", Self.setting(path: parts.dropFirst(), value, in: policy))
        default:
            return
                "cannot set \"\(path)\": set takes name, planningYear, policy.RULE, policy.RULE.PARAMETER or objective.WEIGHT; entities change with update"
        }
        return nil
    }

    /// `node` with the member at `path` (keys, outermost first) set to `value`, creating objects
    /// on the way. A rule written as a mode word becomes an object that keeps the mode, so that
    /// setting one of its parameters does not change how it binds.
    static func setting(path: ArraySlice<String>, _ value: JSONNode, in node: JSONNode) -> JSONNode {
        guard let key = path.first else { return value }
        guard path.count > 1 else { return setting(key, value, value.location, in: node) }
        var inner = member(key, of: node) ?? JSONNode(value: .object([]), location: value.location)
        if case .string(let mode) = inner.value {
            inner = JSONNode(
                value: .object([
                    JSONMember(key: "mode", keyLocation: inner.location, node: JSONNode(value: .string(mode), location: inner.location))
                ]),
                location: inner.location)
        }
        return setting(key, setting(path: path.dropFirst(), value, in: inner), value.location, in: node)
    }

    // MARK: Tree helpers

    static func id(of node: JSONNode) -> String? {
        if case .string(let id)? = member("id", of: node)?.value { return id }
        return nil
    }

    static func member(_ key: String, of node: JSONNode) -> JSONNode? {
        guard case .object(let members) = node.value else { return nil }
        return members.last { $0.key == key }?.node
    }

    /// `node` with `key` set to `value` (replaced in place, or added at the end).
    static func setting(_ key: String, _ value: JSONNode, _ location: SourceLocation, in node: JSONNode) -> JSONNode {
        guard case .object(var members) = node.value else { return node }
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].node = value
        } else {
            members.append(JSONMember(key: key, keyLocation: location, node: value))
        }
        return JSONNode(value: .object(members), location: node.location)
    }

    func topNode(_ key: String) -> JSONNode? { Self.member(key, of: root) }

    mutating func setTop(_ key: String, _ value: JSONNode) { root = Self.setting(key, value, value.location, in: root) }

    func items(_ array: String) -> [JSONNode] {
        if case .array(let items)? = topNode(array)?.value { return items }
        return []
    }

    func index(of id: String, in array: String) -> Int? { items(array).firstIndex { Self.id(of: $0) == id } }

    func unknown(_ kind: String, _ id: String, in array: String) -> String {
        let ids = items(array).compactMap { Self.id(of: $0) }
        return "no \(kind) \"\(id)\" in the base" + (KeySuggestion.nearest(to: id, among: ids).map { "; did you mean \"\($0)\"?" } ?? "")
    }

    mutating func modifyArray(_ array: String, _ edit: (inout [JSONNode]) -> Void) {
        var list = items(array)
        edit(&list)
        setTop(array, JSONNode(value: .array(list), location: topNode(array)?.location ?? root.location))
    }

    /// A removed post leaves its incumbent without a post: no years in one (the reader refuses
    /// years in post for a cadre who holds none, and a review's variant failed on it without a
    /// word about the change); and no pin or forbidden pair names it.
    mutating func forget(position id: String, heldBy incumbent: String?) {
        if let incumbent {
            modifyArray("cadres") { cadres in
                for index in cadres.indices {
                    guard case .string(incumbent)? = Self.member("id", of: cadres[index])?.value,
                        Self.member("yearsInPost", of: cadres[index]) != nil
                    else { continue }
                    let location = cadres[index].location
                    cadres[index] = Self.setting(
                        "yearsInPost", JSONNode(value: .number(text: "0", value: 0), location: location), location, in: cadres[index])
                }
            }
        }
        for list in ["pinned", "forbidden"] where topNode(list) != nil {
            modifyArray(list) { pairs in
                pairs.removeAll { if case .string(id)? = Self.member("position", of: $0)?.value { return true } else { return false } }
            }
        }
        // Planning entries for the post itself ("post:ID", as succession --write-planning writes
        // them) name nothing once it is gone.
        modifyArray("cadres") { cadres in
            for index in cadres.indices {
                guard case .array(let entries)? = Self.member("plannedFor", of: cadres[index])?.value else { continue }
                let kept = entries.filter { if case .string("post:" + id) = $0.value { return false } else { return true } }
                guard kept.count != entries.count else { continue }
                cadres[index] = Self.setting(
                    "plannedFor", JSONNode(value: .array(kept), location: cadres[index].location), cadres[index].location, in: cadres[index]
                )
            }
        }
    }

    /// A removed cadre leaves the round: the post they held is vacant; they are no one's relative,
    /// and no pin or forbidden pair names them.
    mutating func forget(cadre id: String) {
        modifyArray("positions") { positions in
            for index in positions.indices {
                if case .string(id)? = Self.member("incumbent", of: positions[index])?.value,
                    case .object(let members) = positions[index].value
                {
                    positions[index] = JSONNode(
                        value: .object(members.filter { $0.key != "incumbent" }), location: positions[index].location)
                }
            }
        }
        modifyArray("cadres") { cadres in
            for index in cadres.indices {
                guard case .array(let relatives)? = Self.member("relatives", of: cadres[index])?.value else { continue }
                let kept = relatives.filter { if case .string(id) = $0.value { return false } else { return true } }
                cadres[index] = Self.setting(
                    "relatives", JSONNode(value: .array(kept), location: cadres[index].location), cadres[index].location, in: cadres[index])
            }
        }
        for list in ["pinned", "forbidden"] where topNode(list) != nil {
            modifyArray(list) { pairs in
                pairs.removeAll { if case .string(id)? = Self.member("cadre", of: $0)?.value { return true } else { return false } }
            }
        }
    }
}
