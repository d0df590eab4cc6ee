import Foundation

/// What the outputs of `compare`, `sweep` and `succession` share when they are worded: figures
/// as the tables always wrote them, statuses (the round's own words for posts and people are
/// `RoundNames`).
extension Words {
    /// A figure as the tables write it (`PlanReport.number`: two decimals when it has any), with
    /// the language's decimal mark. English stays what the tables printed before they had words.
    func figure(_ value: Double) -> String { number(value) }

    /// A number formatted by `format` (`"%.2f"`), with the language's decimal mark.
    func formatted(_ format: String, _ value: Double) -> String { decimal(String(format: format, value)) }

    /// A plan's status in a table cell: its code in English (as the JSON holds it), a word in
    /// Vietnamese. `error` is a column whose scenario could not be read or solved.
    func statusCell(_ status: String) -> String {
        switch status {
        case "optimal": self("compare.status.optimal")
        case "feasible": self("compare.status.feasible")
        case "infeasible": self("compare.status.infeasible")
        case "noPlanWithinTimeLimit": self("compare.status.noPlanWithinTimeLimit")
        case "stopped": self("compare.status.stopped")
        case "error": self("compare.status.error")
        default: status
        }
    }

    /// A plan's status in plain words: what a committee may rely on.
    func plainStatus(_ status: String, gap: Double?) -> String {
        let within = gap.flatMap { $0 > 1e-9 ? self.gap($0) : nil }
        switch status {
        case "optimal": return within.map { self("compare.plain.optimalWithin", ["gap": $0]) } ?? self("compare.plain.optimal")
        case "feasible": return within.map { self("compare.plain.feasibleWithin", ["gap": $0]) } ?? self("compare.plain.feasible")
        case "infeasible": return self("compare.plain.infeasible")
        case "noPlanWithinTimeLimit": return self("compare.plain.noPlanWithinTimeLimit")
        case "stopped": return self("compare.plain.stopped")
        default: return self("compare.plain.error")
        }
    }

    /// A plan's status in a few plain words, for a cell beside others.
    func shortStatus(_ status: String, gap: Double?) -> String {
        switch status {
        case "optimal":
            return gap.flatMap { $0 > 1e-9 ? self("compare.short.optimalWithin", ["gap": self.gap($0)]) : nil }
                ?? self("compare.short.optimal")
        case "feasible": return self("compare.short.feasible")
        case "infeasible": return self("compare.short.infeasible")
        case "noPlanWithinTimeLimit": return self("compare.short.noPlanWithinTimeLimit")
        case "stopped": return self("compare.short.stopped")
        default: return self("compare.short.error")
        }
    }

    /// A swept parameter in the words the compare page gives it: "Women, least share" for
    /// `policy.women.minShare`, "Objective, price of a move" for `objective.movePrice`; nil for a
    /// path these words do not name (it is shown as written).
    func parameterWords(_ path: String) -> String? {
        let keys = path.split(separator: ".").map(String.init)
        guard keys.count >= 2 else { return nil }
        func parameter(_ key: String) -> String { has("compare.parameter.\(key)") ? self("compare.parameter.\(key)") : key }
        switch keys[0] {
        case "objective":
            guard keys.count == 2, has("compare.weight.\(keys[1])") else { return nil }
            return "\(sentence(self("compare.settings.objective"))), \(self("compare.weight.\(keys[1])"))"
        case "policy":
            // The longest run of keys that names a rule ("succession.slateSize"), then its settings.
            var rule = keys.count
            while rule > 1, RuleWords.of(keys[1..<rule].joined(separator: ".")) == nil,
                keys[1..<rule].joined(separator: ".") != "succession"
            {
                rule -= 1
            }
            guard rule > 1 else { return nil }
            let key = keys[1..<rule].joined(separator: ".")
            let name = sentence(key == "succession" ? self("compare.settings.succession") : ruleName(key))
            let rest = keys[rule...].filter { $0 != "mode" }.map(parameter)
            return ([name] + rest).joined(separator: ", ")
        default: return nil
        }
    }

    /// A swept parameter as a title names it: its words, then its path in brackets ("Women,
    /// least share (policy.women.minShare)"); the path alone when it has no words.
    func parameterTitle(_ path: String) -> String {
        parameterWords(path).map { "\($0) (\(path))" } ?? path
    }

    /// A line as it starts a cell or a list item: its first letter upper case (English labels
    /// are lower case, "chair").
    func sentence(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
