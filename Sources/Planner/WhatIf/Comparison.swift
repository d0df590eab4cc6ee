import Foundation

/// Plans of several scenarios side by side (`planner compare`): one column per scenario with its
/// status, objective and figures, then what differs from the first scenario's plan: each cadre
/// whose post differs, each post whose holder differs.
public struct Comparison: Codable, Sendable, Equatable {
    public struct Column: Codable, Sendable, Equatable {
        public var file: String
        public var name: String?
        /// The plan's status, `stopped` when the comparison was stopped before its search began,
        /// or `error` when the scenario could not be read or solved.
        public var status: String
        public var objective: Double?
        public var bound: Double?
        public var gap: Double?
        public var figures: PlanFigures?
        public var solveSeconds: Double?
        /// Why there is no plan to compare (an invalid file, a solver failure).
        public var error: String?
    }

    public struct CadreDifference: Codable, Sendable, Equatable {
        public var cadre: String
        public var name: String
        /// The post the cadre holds in each scenario's plan (nil: none, or no plan).
        public var posts: [String?]
    }

    public struct PostDifference: Codable, Sendable, Equatable {
        public var position: String
        public var holders: [String?]
    }

    public var format = "planner-comparison"
    public var version = 1
    public var scenarios: [Column]
    public var cadres: [CadreDifference]
    public var positions: [PostDifference]
    /// The scenarios compared, as read (nil where a file could not be read): where the page
    /// finds titles, names and the settings each variant changes. Not part of the JSON, which
    /// stays the document it was.
    public var scenariosRead: [Scenario?] = []
    /// `roundNotes` in English, each file named as given: files that look like other rounds
    /// altogether, where a program reading the JSON should not take the differences as a
    /// variant's. Absent when there are none.
    public var notes: [String]?

    enum CodingKeys: String, CodingKey {
        case format, version, scenarios, cadres, positions, notes
    }

    /// Two comparisons are the same document when their JSON is: the scenarios read are where
    /// the page looks words up, not part of what was compared.
    public static func == (a: Comparison, b: Comparison) -> Bool {
        a.format == b.format && a.version == b.version && a.scenarios == b.scenarios && a.cadres == b.cadres && a.positions == b.positions
            && a.notes == b.notes
    }

    /// One scenario's input to a comparison: the scenario when it could be read, its plan when
    /// one was made, and otherwise why not.
    public struct Entry: Sendable {
        public var file: String
        public var scenario: Scenario?
        public var plan: Plan?
        public var error: String?
        /// The comparison was stopped before this scenario's search began: its status is
        /// `stopped`, not an error.
        public var stopped: Bool

        public init(file: String, scenario: Scenario?, plan: Plan?, error: String?, stopped: Bool = false) {
            self.file = file
            self.scenario = scenario
            self.plan = plan
            self.error = error
            self.stopped = stopped
        }
    }

    public init(_ entries: [Entry]) {
        scenariosRead = entries.map(\.scenario)
        scenarios = entries.map { entry in
            let plan = entry.plan
            return Column(
                file: entry.file, name: entry.scenario?.name, status: plan?.status.rawValue ?? (entry.stopped ? "stopped" : "error"),
                objective: plan?.objective, bound: plan?.bound, gap: plan?.gap, figures: plan?.figures,
                solveSeconds: plan?.timing?.solveSeconds, error: plan == nil && !entry.stopped ? (entry.error ?? "no plan") : nil)
        }
        let withPlans = entries.map { $0.plan.flatMap { $0.status.hasPlan ? $0 : nil } }
        let holders: [[String: String]] = withPlans.map { plan in
            Dictionary((plan?.assignments ?? []).compactMap { a in a.cadre.map { (a.position, $0) } }, uniquingKeysWith: { a, _ in a })
        }
        let posts: [[String: String]] = holders.map { Dictionary($0.map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) }

        // Ids in the order of the first scenario that has them, then the next.
        var cadreOrder: [String] = []
        var positionOrder: [String] = []
        var names: [String: String] = [:]
        var seenCadres = Set<String>()
        var seenPositions = Set<String>()
        for entry in entries {
            for cadre in entry.scenario?.cadres ?? [] where seenCadres.insert(cadre.id).inserted {
                cadreOrder.append(cadre.id)
                names[cadre.id] = cadre.name.precomposedStringWithCanonicalMapping
            }
            for position in entry.scenario?.positions ?? [] where seenPositions.insert(position.id).inserted {
                positionOrder.append(position.id)
            }
        }
        let compared = withPlans.indices.filter { withPlans[$0] != nil }
        cadres = cadreOrder.compactMap { id in
            let row = posts.map { $0[id] }
            guard Set(compared.map { row[$0] }).count > 1 else { return nil }
            return CadreDifference(cadre: id, name: names[id] ?? "", posts: row)
        }
        positions = positionOrder.compactMap { id in
            let row = holders.map { $0[id] }
            guard Set(compared.map { row[$0] }).count > 1 else { return nil }
            return PostDifference(position: id, holders: row)
        }
        let notes = roundNotes(.english, name: { entries[$0].file })
        self.notes = notes.isEmpty ? nil : notes
    }

    // MARK: Rendering

    public func render(_ format: PlanReport.Format, language: ReportLanguage = .en) -> Data {
        switch format {
        case .json:
            return PlanReport.json(self)
        case .table: return Data(table(language: language).utf8)
        case .csv: return Data(csv().utf8)
        case .html: return Data(ComparisonPage(self, language: language).render().utf8)
        }
    }

    /// What a table shows in every cell of a scenario without a plan (but its status), told
    /// once under the table: not "-", which is a figure a plan does not have.
    static let noPlanMark = "–"

    /// The rows of figures, one per measure, one cell per scenario; a scenario without a plan
    /// shows `noPlanMark` but for its status.
    func figureRows(_ words: Words = .english) -> [[String]] {
        func cell(_ column: Column, _ value: (PlanFigures) -> String) -> String {
            guard hasPlan(column) else { return Self.noPlanMark }
            guard let figures = column.figures else { return "-" }
            return value(figures)
        }
        func share(_ count: Int, _ total: Int) -> String { total == 0 ? "-" : "\(count)/\(total)" }
        func percent(_ value: Double?) -> String { value.map(words.percent) ?? "-" }
        let measures: [(String, (PlanFigures) -> String)] = [
            (
                words("compare.figure.moves"),
                { f in
                    f.movesLimit.map { words("compare.figure.movesCapped", ["moves": String(f.moves), "cap": String($0)]) }
                        ?? String(f.moves)
                }
            ),
            (words("compare.figure.appointments"), { String($0.appointments) }),
            (words("compare.figure.stays"), { String($0.stays) }),
            (words("compare.figure.vacancies"), { String($0.vacancies) }),
            (words("compare.figure.releases"), { String($0.releases) }),
            (words("compare.figure.retirements"), { String($0.retirements) }),
            (words("compare.figure.women"), { f in "\(f.womenInLeadership) (\(percent(f.womenShare)))" }),
            (words("compare.figure.teamsWithAWoman"), { share($0.teamsWithAWoman, $0.leadershipTeams) }),
            (words("compare.figure.young"), { String($0.youngInGrassrootsTeams) }),
            (words("compare.figure.youthTeams"), { share($0.grassrootsTeamsMeetingYouth, $0.grassrootsTeams) }),
            (
                words("compare.figure.nonLocal"),
                { f in "\(f.nonLocalListedHeads)/\(f.listedHeadPostsFilled) (\(percent(f.nonLocalShare)))" }
            ),
            (words("compare.figure.ageBalance"), { share($0.ageBalanceTeamsMet, $0.ageBalanceTeams) }),
        ]
        var rows: [[String]] = [
            [words("compare.figure.status")] + scenarios.map { words.statusCell($0.status) },
            [words("compare.figure.objective")]
                + scenarios.map { hasPlan($0) ? $0.objective.map(words.figure) ?? "-" : Self.noPlanMark },
            [words("compare.figure.gap")]
                + scenarios.map { hasPlan($0) ? $0.gap.map { words.gap($0) } ?? "-" : Self.noPlanMark },
        ]
        rows += measures.map { name, value in [name] + scenarios.map { cell($0, value) } }
        return rows
    }

    /// The figures as plain values a spreadsheet computes with: one number a cell (a share as a
    /// fraction, a cap in a row of its own), empty where a scenario has no plan.
    func figureValues() -> [[String]] {
        func cell(_ column: Column, _ value: (PlanFigures) -> String) -> String {
            guard column.status == "optimal" || column.status == "feasible", let figures = column.figures else { return "" }
            return value(figures)
        }
        func fraction(_ value: Double?) -> String { value.map(CSVText.number) ?? "" }
        let measures: [(String, (PlanFigures) -> String)] = [
            ("moves", { String($0.moves) }), ("moves_cap", { $0.movesLimit.map(String.init) ?? "" }),
            ("appointments", { String($0.appointments) }), ("stays", { String($0.stays) }), ("vacancies", { String($0.vacancies) }),
            ("releases", { String($0.releases) }), ("retirements", { String($0.retirements) }),
            ("women_in_leadership", { String($0.womenInLeadership) }), ("women_share", { fraction($0.womenShare) }),
            ("teams_with_a_woman", { String($0.teamsWithAWoman) }), ("leadership_teams", { String($0.leadershipTeams) }),
            ("young_in_grassroots_teams", { String($0.youngInGrassrootsTeams) }),
            ("grassroots_teams_meeting_youth", { String($0.grassrootsTeamsMeetingYouth) }),
            ("grassroots_teams", { String($0.grassrootsTeams) }),
            ("non_local_listed_heads", { String($0.nonLocalListedHeads) }),
            ("listed_head_posts_filled", { String($0.listedHeadPostsFilled) }),
            ("non_local_share", { fraction($0.nonLocalShare) }), ("age_balance_teams_met", { String($0.ageBalanceTeamsMet) }),
            ("age_balance_teams", { String($0.ageBalanceTeams) }),
        ]
        var rows: [[String]] = [
            ["status"] + scenarios.map { $0.status },
            ["objective"] + scenarios.map { $0.objective.map(CSVText.number) ?? "" },
            ["gap"] + scenarios.map { $0.gap.map(CSVText.number) ?? "" },
        ]
        rows += measures.map { name, value in [name] + scenarios.map { cell($0, value) } }
        return rows
    }

    /// Notes on files that look like other rounds altogether, not variants of the first: fewer
    /// than half the posts of the smaller in common, or other people under most of the cadre
    /// ids they share (a review compared unrelated files and read dozens of "differences").
    /// `name` gives a column's file as the page or table names it.
    public func roundNotes(_ words: Words, name: (Int) -> String) -> [String] {
        guard let base = scenariosRead.first ?? nil else { return [] }
        var notes: [String] = []
        let posts = Set(base.positions.map(\.id))
        let names = Dictionary(base.cadres.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for (index, read) in scenariosRead.enumerated().dropFirst() {
            guard let read else { continue }
            let values = ["file": name(index), "base": name(0)]
            let shared = read.positions.count { posts.contains($0.id) }
            if 2 * shared < min(posts.count, read.positions.count) {
                notes.append(
                    words("compare.fewShared", values.merging(["shared": String(shared), "posts": String(posts.count)]) { a, _ in a }))
                continue
            }
            let sharedCadres = read.cadres.filter { names[$0.id] != nil }
            let others = sharedCadres.count { names[$0.id] != $0.name }
            if 2 * others > sharedCadres.count {
                notes.append(
                    words(
                        "compare.otherPeople",
                        values.merging(["others": String(others), "shared": String(sharedCadres.count)]) { a, _ in a }))
            }
        }
        return notes
    }

    public func table(language: ReportLanguage = .en) -> String {
        let words = Words.of(language)
        func fileName(_ column: Column) -> String { TextSafety.visible(URL(fileURLWithPath: column.file).lastPathComponent) }
        var out = words("compare.heading", count: scenarios.count) + "\n\n"
        out += TextColumns.render([[""] + scenarios.map(fileName)] + figureRows(words), indent: 2)
        // The one mark of a column without a plan, said once.
        if scenarios.contains(where: { !hasPlan($0) }) { out += words("compare.noPlanMark", ["mark": Self.noPlanMark]) + "\n" }
        for note in roundNotes(words, name: { fileName(scenarios[$0]) }) { out += note + "\n" }
        for column in scenarios where column.error != nil {
            // A file that could not be read names itself in its error already.
            let error = column.error!
            let named = error.hasPrefix(column.file + ":") ? error : "\(column.file): \(error)"
            out += "\n\(TextSafety.visible(named))\n"
        }
        let first = scenarios.first.map(fileName) ?? ""
        if cadres.isEmpty && positions.isEmpty {
            out += "\n" + sameHolders(words, base: first) + "\n"
            return out
        }
        // Posts and people by their words where the scenarios read have them: a post's id, title
        // and unit as `solve` lists it, a holder's id and name.
        let names = scenariosRead.compactMap { $0.map { RoundNames($0, words) } }
        func post(_ id: String) -> String {
            TextSafety.visible((names.first { $0.positions[id] != nil } ?? names.first)?.postWithID(id) ?? id)
        }
        func person(_ id: String) -> String {
            let name = names.lazy.map { $0.name(id) }.first { !$0.isEmpty } ?? ""
            return TextSafety.visible(name.isEmpty ? id : "\(id) \(name)")
        }
        out += "\n" + words("compare.cadresDiffer", ["base": first, "count": String(cadres.count)]) + "\n"
        out += TextColumns.render(
            [[words("compare.column.cadre"), words("compare.column.name")] + scenarios.map(fileName)]
                + cadres.map { difference in
                    [difference.cadre, difference.name]
                        + difference.posts.indices.map { index in
                            !hasPlan(scenarios[index])
                                ? Self.noPlanMark
                                : difference.posts[index].map(post)
                                    ?? words(has(cadre: difference.cadre, in: index) ? "compare.page.noPost" : "compare.page.notInScenario")
                        }
                }, indent: 2)
        out += "\n" + words("compare.postsDiffer", ["base": first, "count": String(positions.count)]) + "\n"
        out += TextColumns.render(
            [[words("compare.column.post")] + scenarios.map(fileName)]
                + positions.map { difference in
                    // A scenario without a plan decides no post: its cell is the mark, not "vacant".
                    [post(difference.position)]
                        + difference.holders.indices.map { index in
                            !hasPlan(scenarios[index])
                                ? Self.noPlanMark
                                : difference.holders[index].map(person)
                                    ?? (has(post: difference.position, in: index)
                                        ? words("common.vacant") : words("compare.page.notInScenario"))
                        }
                }, indent: 2)
        return out
    }

    /// What to say when no plan gives a post another holder than the base's: only what the
    /// plans there are show (the base or every other variant may have none).
    func sameHolders(_ words: Words, base: String) -> String {
        guard let baseColumn = scenarios.first, hasPlan(baseColumn) else { return words("compare.baseNoPlan", ["base": base]) }
        let others = scenarios.dropFirst()
        if !others.isEmpty && !others.contains(where: hasPlan) { return words("compare.noOtherPlan", ["base": base]) }
        if others.contains(where: { !hasPlan($0) }) { return words("compare.samePlansWithPlan", ["base": base]) }
        return words("compare.samePlans", ["base": base])
    }

    /// Whether a scenario's column has a plan: one without decides no post and moves no cadre.
    func hasPlan(_ column: Column) -> Bool { column.status == "optimal" || column.status == "feasible" }

    /// Whether the scenario of column `index` has this cadre, or this post: one a variant took
    /// away, or added, is not "no post" or "vacant" where it does not exist (a review). True
    /// when the scenario was not kept.
    func has(cadre id: String, in index: Int) -> Bool {
        guard index < scenariosRead.count, let scenario = scenariosRead[index] else { return true }
        return scenario.cadres.contains { $0.id == id }
    }

    func has(post id: String, in index: Int) -> Bool {
        guard index < scenariosRead.count, let scenario = scenariosRead[index] else { return true }
        return scenario.positions.contains { $0.id == id }
    }

    /// One table a spreadsheet opens: the figures, then one row per difference.
    public func csv() -> String {
        var lines: [[String]] = [["section", "id", "name"] + scenarios.map(\.file)]
        lines += figureValues().map { ["figure", $0[0], ""] + $0.dropFirst() }
        lines += cadres.map { ["cadre", $0.cadre, $0.name] + $0.posts.map { $0 ?? "" } }
        lines += positions.map { ["position", $0.position, ""] + $0.holders.map { $0 ?? "" } }
        return CSVText.document(lines)
    }
}
