/// The `policy` section. Each rule is either a mode word (`"hard"`, `"soft"`, `"off"`) or an
/// object with `mode`, `price` (used when soft) and the rule's own parameters.
extension Reading {
    static let policyKeys = Policy.rules.map(\.key) + ["succession"]

    /// The order the rules' blocks are read in. Problems are listed in the order they are
    /// found, and the reader before the registry read the blocks without parameters first: this
    /// order keeps a file with several broken blocks listing them as it did. A rule not named
    /// here is read after these, in registry order.
    static let policyReadingOrder: [PolicyRule<Policy>] = {
        let first = [
            "education", "fields", "minRating", "maxAge", "womenPerTeam", "relatives", "locks", "mustFill", "retirement", "release",
            "serviceLeft", "planning", "nonLocalHeads", "tenure", "youth", "ageBalance", "women", "moves",
        ]
        return first.compactMap(Policy.rule) + Policy.rules.filter { !first.contains($0.key) }
    }()

    mutating func policy(_ node: JSONNode) -> Policy {
        var policy = Policy()
        guard let view = object(node, path: "policy", known: Reading.policyKeys) else { return policy }
        for rule in Reading.policyReadingOrder { rule.read(view, into: &policy, &self) }
        if let node = view.node("succession") { policy.succession = succession(node, path: view.childPath("succession")) }
        return policy
    }

    /// Reads one rule: a mode word, or an object with `mode`, `price` and `parameters`.
    /// Returns the mode (nil when the key is absent or its mode is broken).
    mutating func rule(
        _ policy: ObjectView, _ key: String, current: RuleMode, defaultPrice: Double, parameters: [String],
        read: (inout Reading, ObjectView) -> Void
    ) -> RuleMode? {
        guard let node = policy.node(key) else { return nil }
        let path = policy.childPath(key)
        let modes = "\"hard\", \"soft\" or \"off\""
        if case .string(let word) = node.value {
            switch word {
            case "hard": return .hard
            case "soft": return .soft(price: defaultPrice)
            case "off": return .off
            default:
                problem(path, node.location, nil, "\"\(word)\" is not a mode: use \(modes)")
                return nil
            }
        }
        guard let view = object(node, path: path, known: ["mode", "price"] + parameters) else { return nil }
        let price = number(view, "price", required: false, range: 0...1e6, what: "a price")
        read(&self, view)
        guard let modeNode = view.node("mode") else {
            // Parameters alone keep the rule's default mode, with a given price if it is soft.
            if case .soft = current { return .soft(price: price ?? defaultPrice) }
            if let price, let priceNode = view.node("price") {
                unusedPrice(price, at: view.childPath("price"), priceNode.location, mode: current == .off ? "off" : "hard", byDefault: true)
            }
            return current
        }
        guard case .string(let word) = modeNode.value else {
            problem(view.childPath("mode"), modeNode.location, nil, "expected \(modes), found \(modeNode.value.kindName)")
            return nil
        }
        // A price kept when a rule is switched from soft to hard or off (a what-if) is not an
        // error, but it prices nothing: said, so that nobody reads the rule as priced.
        if let price, word == "hard" || word == "off", let priceNode = view.node("price") {
            unusedPrice(price, at: view.childPath("price"), priceNode.location, mode: word, byDefault: false)
        }
        switch word {
        case "hard": return .hard
        case "soft": return .soft(price: price ?? defaultPrice)
        case "off": return .off
        default:
            problem(view.childPath("mode"), modeNode.location, nil, "\"\(word)\" is not a mode: use \(modes)")
            return nil
        }
    }

    mutating func unusedPrice(_ price: Double, at path: String, _ location: SourceLocation?, mode: String, byDefault: Bool) {
        let why = byDefault ? "the rule is \(mode) by default (give \"mode\": \"soft\" to price it)" : "the rule is \(mode)"
        warnings.append(
            ScenarioProblem(
                path: path, location: location, entity: nil,
                message: "the price \(ScenarioWriter.number(price)) is not used: \(why); a price counts only when the rule is soft"))
    }

    mutating func bandStarts(_ node: JSONNode, path: String) -> [Int]? {
        guard case .array(let elements) = node.value else {
            problem(path, node.location, nil, "expected an array of ages, found \(node.value.kindName)")
            return nil
        }
        var starts: [Int] = []
        for (index, element) in elements.enumerated() {
            guard case .number(_, let value) = element.value, value == value.rounded(), (1...120).contains(value) else {
                problem("\(path)[\(index)]", element.location, nil, "expected an age from 1 to 120, found \(describe(element))")
                return nil
            }
            if let last = starts.last, Int(value) <= last {
                problem("\(path)[\(index)]", element.location, nil, "band starts must increase: \(Int(value)) follows \(last)")
                return nil
            }
            starts.append(Int(value))
        }
        return starts
    }
}
