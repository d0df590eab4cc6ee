import Foundation

/// One parameter a sweep varies: `policy.women.minShare=0.15...0.35/0.05` (a range and its
/// step), or `policy.youth=soft,hard` (a list of values, numbers or words).
public struct SweepParameter: Sendable, Equatable {
    public var path: String
    /// Each value as JSON text (`0.15`, `"hard"`).
    public var values: [String]

    /// Sweeps longer than this are almost certainly a typo in the step.
    public static let maximumValues = 200

    /// The most values a whole sweep takes: the product of its parameters' values (two lists of
    /// 200 make a grid of 40,000 solves, hours of a city's round).
    public static let maximumPoints = 1000

    /// Refuses a grid of more than `maximumPoints` values, saying how many it has.
    public static func checkGrid(_ parameters: [SweepParameter]) throws(ParseError) {
        // The same path twice: the later --set would overwrite the earlier in every variant,
        // and a column of the table would show values no plan had (a review).
        var seen = Set<String>()
        for parameter in parameters where !seen.insert(parameter.path).inserted {
            throw .malformed("--set \(parameter.path) is given twice: give its values in one --set, such as \(parameter.path)=1,2,3")
        }
        let counts = parameters.map(\.values.count)
        let points = counts.reduce(1, *)
        guard points > maximumPoints else { return }
        let product = counts.count > 1 ? counts.map(String.init).joined(separator: " × ") + " = " : ""
        throw .malformed(
            "--set: the grid has \(product)\(points) values; a sweep takes at most \(maximumPoints) in all (each --set at most \(maximumValues)): take a larger step or fewer values"
        )
    }

    public enum ParseError: LocalizedError, Equatable {
        case malformed(String)

        public var errorDescription: String? {
            switch self {
            case .malformed(let message): message
            }
        }
    }

    public static func parse(_ text: String) throws(ParseError) -> SweepParameter {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw .malformed("--set takes PATH=VALUES, such as policy.women.minShare=0.15...0.35/0.05 or policy.youth=soft,hard")
        }
        let path = String(text[..<equals])
        let spec = String(text[text.index(after: equals)...])
        // A path names keys (policy.women.minShare): nothing else may reach the variant's JSON.
        guard path.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "." || $0 == "_") }) else {
            throw .malformed(
                "--set: \"\(path.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? String($0) : "?" }.joined())\" is not a parameter path; a path is keys joined by dots, such as policy.women.minShare"
            )
        }
        if let dots = spec.range(of: "...") {
            let from = String(spec[..<dots.lowerBound])
            let rest = spec[dots.upperBound...].split(separator: "/", maxSplits: 1).map(String.init)
            guard rest.count == 2, let low = Double(from), let high = Double(rest[0]), let step = Double(rest[1]),
                low.isFinite, high.isFinite, step.isFinite, step > 0, high >= low
            else {
                throw .malformed("\(path): a range is FROM...TO/STEP with FROM ≤ TO and STEP > 0, such as 0.15...0.35/0.05")
            }
            // Counted as a Double first: a range of 1e300 or a step of 1e-320 has more values than
            // an Int holds, or an infinite number of them.
            let steps = ((high - low) / step + 1e-9).rounded(.down)
            guard steps.isFinite, steps + 1 <= Double(maximumValues) else {
                let many = steps.isFinite && steps < 1e15 ? "\(Int(steps) + 1) values" : "too many values"
                throw .malformed("\(path): \(many); a sweep takes at most \(maximumValues)")
            }
            let count = Int(steps) + 1
            return SweepParameter(path: path, values: (0..<count).map { number(low + Double($0) * step) })
        }
        let items = spec.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard !items.isEmpty, !items.contains(where: \.isEmpty) else {
            throw .malformed("\(path): a list of values is a,b,c with no empty value")
        }
        guard items.count <= maximumValues else {
            throw .malformed("\(path): \(items.count) values; a sweep takes at most \(maximumValues)")
        }
        return SweepParameter(
            path: path,
            values: items.map { item in
                if let value = Double(item), value.isFinite { return number(value) }
                if item == "true" || item == "false" { return item }
                // A value written as a JSON string ("off") means the same as without its quotes.
                var text = item
                if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = String(text.dropFirst().dropLast()) }
                return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            })
    }

    /// A number written without the binary noise of the step (0.15 + 3 × 0.05 is 0.3, not 0.30000000000000004).
    static func number(_ value: Double) -> String {
        // Past 10²⁹⁹ the scaling overflows (1e300 was written "inf", which no JSON reads).
        let scaled = value * 1e9
        let rounded = scaled.isFinite ? scaled.rounded() / 1e9 : value
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(format: "%.9g", rounded)
    }

    /// The variant file that sets these values on `base` (an absolute path).
    public static func variant(of base: String, setting values: [(path: String, value: String)]) -> Data {
        let changes = values.map { "{\"set\": \"\($0.path)\", \"to\": \($0.value)}" }.joined(separator: ", ")
        // The name shows the values without their JSON quotes; what is left is escaped as JSON.
        let name = values.map { "\($0.path) = \($0.value)" }.joined(separator: ", ").replacingOccurrences(of: "\"", with: "")
            .replacingOccurrences(of: "\\", with: "\\\\")
        let escapedBase = base.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return Data(
            "{\"variantOf\": \"\(escapedBase)\", \"name\": \"sweep: \(name)\", \"changes\": [\(changes)]}\n"
                .utf8)
    }
}

/// The rows of a sweep: one per value (or pair of values), with the plan's status, objective and figures.
public struct SweepReport: Codable, Sendable, Equatable {
    public struct Row: Codable, Sendable, Equatable {
        /// The values set, as JSON text, in the order of the parameters.
        public var values: [String]
        public var status: String
        public var objective: Double?
        public var gap: Double?
        public var figures: PlanFigures?
        public var solveSeconds: Double?
        /// Why the value has no plan (it could not be read or solved); nil for a value the sweep
        /// was stopped before it solved, whose status is `stopped` (`isUnsolved`).
        public var error: String?

        /// A value whose search never began: the sweep was stopped first (status `stopped`,
        /// no objective, no solve time), unlike a search that was stopped after it began.
        public var isUnsolved: Bool { status == "stopped" && objective == nil && solveSeconds == nil && error == nil }

        public init(
            values: [String], status: String, objective: Double?, gap: Double?, figures: PlanFigures?, solveSeconds: Double?, error: String?
        ) {
            self.values = values
            self.status = status
            self.objective = objective
            self.gap = gap
            self.figures = figures
            self.solveSeconds = solveSeconds
            self.error = error
        }
    }

    public var format = "planner-sweep"
    public var version = 1
    public var scenario: String
    /// The swept round's name, as its file gives it.
    public var name: String?
    public var parameters: [String]
    public var rows: [Row]
    /// What stopped the sweep before it solved every value (SIGINT, SIGTERM), if anything did.
    public var stoppedBy: String?

    public init(scenario: String, name: String? = nil, parameters: [String], rows: [Row], stoppedBy: String? = nil) {
        self.scenario = scenario
        self.name = name
        self.parameters = parameters
        self.rows = rows
        self.stoppedBy = stoppedBy
    }

    /// The title of a table or page: the round by its name, then its file and what is swept.
    func title(_ words: Words) -> String {
        let file = TextSafety.visible(URL(fileURLWithPath: scenario).lastPathComponent)
        let parameters = parameters.map(words.parameterTitle).joined(separator: " × ")
        guard let name, !name.isEmpty else { return words("sweep.heading", ["file": file, "parameters": parameters]) }
        return words(
            "sweep.headingNamed",
            ["name": TextSafety.visible(name).precomposedStringWithCanonicalMapping, "file": file, "parameters": parameters])
    }

    /// A value as a table shows it: a number with the language's decimal mark, a rule's mode
    /// in the language's word, any other text without its JSON quotes.
    static func valueCell(_ value: String, _ words: Words) -> String {
        if value.hasPrefix("\"") {
            let text = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
                .replacingOccurrences(of: "\\\\", with: "\\")
            let key = "compare.mode.\(text)"
            return ["hard", "soft", "off"].contains(text) ? words(key) : TextSafety.visible(text)
        }
        if value == "true" { return words("common.yes") }
        if value == "false" { return words("common.no") }
        return words.decimal(value)
    }

    /// The lines after the table: why each value without a plan has none, then how many values
    /// the sweep was stopped before it solved, in one line: every row shown as stopped, those
    /// whose search was under way when the sweep stopped said apart.
    func notes(_ words: Words) -> [String] {
        var lines = rows.filter { $0.error != nil }.map { row in
            "\(row.values.map { Self.valueCell($0, words) }.joined(separator: ", ")): \(TextSafety.visible(row.error!))"
        }
        let stopped = rows.filter { $0.status == "stopped" && $0.error == nil }
        if !stopped.isEmpty {
            let during = stopped.filter { !$0.isUnsolved }.count
            var cause = stoppedBy.map { words("sweep.stoppedBy", ["cause": $0]) } ?? words("sweep.stopped")
            if during > 0 { cause += " " + words("sweep.stoppedDuringSearch", count: during) }
            lines.append(words("sweep.unsolved", count: stopped.count, ["cause": cause]))
        }
        return lines
    }

    /// The table's columns after the parameters, as the catalogue words them.
    static func header(_ words: Words) -> [String] {
        [
            words("sweep.column.status"), words("sweep.column.objective"), words("sweep.column.gap"), words("sweep.column.moves"),
            words("sweep.column.vacancies"), words("sweep.column.women"), words("sweep.column.womenShare"),
            words("sweep.column.young"), words("sweep.column.nonLocalShare"), words("sweep.column.ageBalance"),
            words("sweep.column.solveSeconds"),
        ]
    }

    func cells(_ row: Row, _ words: Words = .english) -> [String] {
        let f = row.figures
        let hasPlan = row.status == "optimal" || row.status == "feasible"
        func percent(_ value: Double?) -> String { value.map(words.percent) ?? "-" }
        return [
            words.statusCell(row.status), row.objective.map(words.figure) ?? "-",
            row.gap.map { words.gap($0) } ?? "-",
            hasPlan ? f.map { String($0.moves) } ?? "-" : "-", hasPlan ? f.map { String($0.vacancies) } ?? "-" : "-",
            hasPlan ? f.map { String($0.womenInLeadership) } ?? "-" : "-", hasPlan ? percent(f?.womenShare) : "-",
            hasPlan ? f.map { String($0.youngInGrassrootsTeams) } ?? "-" : "-", hasPlan ? percent(f?.nonLocalShare) : "-",
            hasPlan ? f.map { "\($0.ageBalanceTeamsMet)/\($0.ageBalanceTeams)" } ?? "-" : "-",
            row.solveSeconds.map { words.formatted("%.2f", $0) } ?? "-",
        ]
    }

    /// The rows as a text table in `language`.
    public func table(language: ReportLanguage = .en) -> String {
        let words = Words.of(language)
        var out = title(words) + "\n\n"
        out += TextColumns.render(
            [parameters.map { words.parameterWords($0) ?? $0 } + Self.header(words)]
                + rows.map { $0.values.map { Self.valueCell($0, words) } + cells($0, words) }, indent: 2)
        let notes = notes(words)
        if !notes.isEmpty { out += "\n" + notes.joined(separator: "\n") + "\n" }
        return out
    }

    public func render(_ format: PlanReport.Format, language: ReportLanguage = .en) -> Data {
        switch format {
        case .json:
            return PlanReport.json(self)
        case .html:
            return Data(SweepPage(self, language: language).render().utf8)
        case .table:
            return Data(table(language: language).utf8)
        case .csv:
            return Data(csv().utf8)
        }
    }

    /// The rows as CSV, figures as plain numbers, so that a spreadsheet can chart them. The same
    /// sweep gives the same bytes: the solves' wall times (`solve_seconds`, which vary from run
    /// to run) only with `timings`.
    public func csv(timings: Bool = false) -> String {
        let header =
            parameters + [
                "status", "objective", "gap", "moves", "vacancies", "women", "women_share", "young_in_grassroots_teams",
                "non_local_heads_share", "teams_meeting_age_balance", "age_balance_teams",
            ] + (timings ? ["solve_seconds"] : [])
        let lines =
            [header]
            + rows.map { row -> [String] in
                let f = row.figures
                let hasPlan = row.status == "optimal" || row.status == "feasible"
                func value(_ pick: (PlanFigures) -> Int?) -> String { hasPlan ? f.flatMap(pick).map(String.init) ?? "" : "" }
                func share(_ pick: (PlanFigures) -> Double?) -> String { hasPlan ? f.flatMap(pick).map(CSVText.number) ?? "" : "" }
                return row.values.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) } + [
                    row.status, row.objective.map(CSVText.number) ?? "", row.gap.map(CSVText.number) ?? "", value { $0.moves },
                    value { $0.vacancies },
                    value { $0.womenInLeadership }, share { $0.womenShare }, value { $0.youngInGrassrootsTeams },
                    share { $0.nonLocalShare },
                    value { $0.ageBalanceTeamsMet }, value { $0.ageBalanceTeams },
                ] + (timings ? [row.solveSeconds.map { String(format: "%.3f", $0) } ?? ""] : [])
            }
        return CSVText.document(lines)
    }
}
