/// The `policy` section. Each rule is either a mode word (`"hard"`, `"soft"`, `"off"`) or an
/// object with `mode`, `price` (used when soft) and the rule's own parameters.
extension Reading {
    static let policyKeys = [
        "retirement", "release", "education", "fields", "minRating", "maxAge", "serviceLeft", "planning",
        "nonLocalHeads", "tenure", "youth", "ageBalance", "women", "womenPerTeam", "moves", "relatives", "locks", "mustFill", "succession",
    ]

    mutating func policy(_ node: JSONNode) -> Policy {
        var policy = Policy()
        guard let view = object(node, path: "policy", known: Reading.policyKeys) else { return policy }

        func simple(_ key: String, _ rule: inout SimpleRule, _ reading: inout Reading) {
            if let mode = reading.rule(view, key, current: rule.mode, defaultPrice: rule.defaultPrice, parameters: [], read: { _, _ in }) {
                rule.mode = mode
            }
        }
        simple("education", &policy.education, &self)
        simple("fields", &policy.fields, &self)
        simple("minRating", &policy.minRating, &self)
        simple("maxAge", &policy.maxAge, &self)
        simple("womenPerTeam", &policy.womenPerTeam, &self)
        simple("relatives", &policy.relatives, &self)
        simple("locks", &policy.locks, &self)
        simple("mustFill", &policy.mustFill, &self)

        var retirement = policy.retirement
        if let mode = rule(view, "retirement", current: retirement.mode, defaultPrice: retirement.defaultPrice,
                           parameters: ["maleAge", "femaleAge"], read: { reading, rule in
            retirement.maleAge = reading.number(rule, "maleAge", required: false, range: 40...80, what: "an age")
            retirement.femaleAge = reading.number(rule, "femaleAge", required: false, range: 40...80, what: "an age")
        }) { retirement.mode = mode }
        policy.retirement = retirement

        var release = policy.release
        if let mode = rule(view, "release", current: release.mode, defaultPrice: release.defaultPrice, parameters: [], read: { _, _ in }) {
            release.mode = mode
        }
        policy.release = release

        var serviceLeft = policy.serviceLeft
        if let mode = rule(view, "serviceLeft", current: serviceLeft.mode, defaultPrice: serviceLeft.defaultPrice,
                           parameters: ["years"], read: { reading, rule in
            serviceLeft.years = reading.integer(rule, "years", required: false, range: 0...40, what: "a number of years") ?? serviceLeft.years
        }) { serviceLeft.mode = mode }
        policy.serviceLeft = serviceLeft

        var planning = policy.planning
        if let mode = rule(view, "planning", current: planning.mode, defaultPrice: planning.defaultPrice,
                           parameters: ["exemptSameTitle"], read: { reading, rule in
            planning.exemptSameTitle = reading.bool(rule, "exemptSameTitle", default: planning.exemptSameTitle)
        }) { planning.mode = mode }
        policy.planning = planning

        var nonLocal = policy.nonLocalHeads
        if let mode = rule(view, "nonLocalHeads", current: nonLocal.mode, defaultPrice: nonLocal.defaultPrice,
                           parameters: ["titles", "minShare"], read: { reading, rule in
            if rule.node("titles") != nil { nonLocal.titles = reading.stringList(rule, "titles", what: "a title") }
            nonLocal.minShare = reading.number(rule, "minShare", required: false, range: 0...1, what: "a share") ?? nonLocal.minShare
        }) { nonLocal.mode = mode }
        policy.nonLocalHeads = nonLocal

        var tenure = policy.tenure
        if let mode = rule(view, "tenure", current: tenure.mode, defaultPrice: tenure.defaultPrice,
                           parameters: ["maxYears"], read: { reading, rule in
            tenure.maxYears = reading.integer(rule, "maxYears", required: false, range: 1...60, what: "a number of years") ?? tenure.maxYears
        }) { tenure.mode = mode }
        policy.tenure = tenure

        var youth = policy.youth
        if let mode = rule(view, "youth", current: youth.mode, defaultPrice: youth.defaultPrice,
                           parameters: ["age", "minPerTeam"], read: { reading, rule in
            youth.age = reading.integer(rule, "age", required: false, range: 18...100, what: "an age") ?? youth.age
            youth.minPerTeam = reading.integer(rule, "minPerTeam", required: false, range: 0...100, what: "a number of members") ?? youth.minPerTeam
        }) { youth.mode = mode }
        policy.youth = youth

        var ageBalance = policy.ageBalance
        if let mode = rule(view, "ageBalance", current: ageBalance.mode, defaultPrice: ageBalance.defaultPrice,
                           parameters: ["bandStarts", "minTeamSize", "minBands"], read: { reading, rule in
            if let node = rule.node("bandStarts") { ageBalance.bandStarts = reading.bandStarts(node, path: rule.childPath("bandStarts")) ?? ageBalance.bandStarts }
            ageBalance.minTeamSize = reading.integer(rule, "minTeamSize", required: false, range: 1...100, what: "a team size") ?? ageBalance.minTeamSize
            ageBalance.minBands = reading.integer(rule, "minBands", required: false, range: 1...20, what: "a number of bands") ?? ageBalance.minBands
        }) { ageBalance.mode = mode }
        policy.ageBalance = ageBalance

        var women = policy.women
        if let mode = rule(view, "women", current: women.mode, defaultPrice: women.defaultPrice,
                           parameters: ["minShare"], read: { reading, rule in
            women.minShare = reading.number(rule, "minShare", required: false, range: 0...1, what: "a share") ?? women.minShare
        }) { women.mode = mode }
        policy.women = women

        var moves = policy.moves
        if let mode = rule(view, "moves", current: moves.mode, defaultPrice: moves.defaultPrice,
                           parameters: ["max", "maxShare"], read: { reading, rule in
            moves.max = reading.integer(rule, "max", required: false, range: 0...1_000_000, what: "a number of moves")
            moves.maxShare = reading.number(rule, "maxShare", required: false, range: 0...1, what: "a share") ?? moves.maxShare
        }) { moves.mode = mode }
        policy.moves = moves
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
            return current
        }
        guard case .string(let word) = modeNode.value else {
            problem(view.childPath("mode"), modeNode.location, nil, "expected \(modes), found \(modeNode.value.kindName)")
            return nil
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
