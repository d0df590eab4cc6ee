/// The `policy.succession` section: the succession plan's rules, each in the same form as the
/// rotation rules (a mode word, or an object with `mode`, `price` and parameters).
extension Reading {
    static let successionKeys = [
        "keyTitles", "keyPositions", "grades", "termStart", "slateSize", "slatesPerCadre", "timeToServe", "women", "young",
        "allowAppointedInRound", "readiness",
    ]
    static let readinessKeys = ["rating", "experience", "fields", "service", "sameUnit", "slotValues", "extraSlatePrice", "ready"]

    mutating func succession(_ node: JSONNode, path: String) -> SuccessionPolicy {
        var policy = SuccessionPolicy()
        guard let view = object(node, path: path, known: Reading.successionKeys) else { return policy }
        if view.node("keyTitles") != nil { policy.keyTitles = stringList(view, "keyTitles", what: "a title") }
        if view.node("keyPositions") != nil { policy.keyPositions = stringList(view, "keyPositions", what: "a position id") }
        if let grades = view.node("grades") { policy.grades = self.grades(grades, path: view.childPath("grades")) ?? policy.grades }
        policy.termStart = integer(view, "termStart", required: false, range: 1900...2200, what: "a year")
        policy.allowAppointedInRound = bool(view, "allowAppointedInRound", default: policy.allowAppointedInRound)

        for rule in SuccessionPolicy.rules { rule.read(view, into: &policy, &self) }

        if let readinessNode = view.node("readiness"),
            let weights = object(readinessNode, path: view.childPath("readiness"), known: Reading.readinessKeys)
        {
            var readiness = policy.readiness
            readiness.rating = number(weights, "rating", required: false, range: 0...1000, what: "a weight") ?? readiness.rating
            readiness.experience = number(weights, "experience", required: false, range: 0...1000, what: "a weight") ?? readiness.experience
            readiness.fields = number(weights, "fields", required: false, range: 0...1000, what: "a weight") ?? readiness.fields
            readiness.service = number(weights, "service", required: false, range: 0...1000, what: "a weight") ?? readiness.service
            readiness.sameUnit = number(weights, "sameUnit", required: false, range: 0...1000, what: "a weight") ?? readiness.sameUnit
            readiness.extraSlatePrice =
                number(weights, "extraSlatePrice", required: false, range: 0...1e6, what: "a price") ?? readiness.extraSlatePrice
            readiness.ready =
                number(weights, "ready", required: false, range: 0...100, what: "a readiness from 0 to 100") ?? readiness.ready
            if readiness.rating + readiness.experience + readiness.fields + readiness.service + readiness.sameUnit <= 0 {
                problem(
                    weights.childPath("rating"), readinessNode.location, nil,
                    "the five readiness weights sum to 0; give at least one a positive weight")
            }
            if let slots = weights.node("slotValues") {
                readiness.slotValues = slotValues(slots, path: weights.childPath("slotValues")) ?? readiness.slotValues
            }
            policy.readiness = readiness
        }
        return policy
    }

    mutating func grades(_ node: JSONNode, path: String) -> [String: Int]? {
        integersByKey(node, path: path, entity: nil, range: 0...1000, key: "a title", what: "a grade")
    }

    mutating func slotValues(_ node: JSONNode, path: String) -> [Double]? {
        guard case .array(let elements) = node.value, !elements.isEmpty else {
            problem(path, node.location, nil, "expected a non-empty array of values, found \(describe(node))")
            return nil
        }
        var values: [Double] = []
        for (index, element) in elements.enumerated() {
            guard case .number(_, let value) = element.value, value.isFinite, (0...1e6).contains(value) else {
                problem("\(path)[\(index)]", element.location, nil, "expected a value from 0 to 1000000, found \(describe(element))")
                return nil
            }
            if let last = values.last, value > last {
                problem(
                    "\(path)[\(index)]", element.location, nil,
                    "slot values must not increase: \(Format.number(value)) follows \(Format.number(last))")
                return nil
            }
            values.append(value)
        }
        return values
    }
}
