import Foundation

/// Renders a plan for people: the table a committee reads, and CSV a spreadsheet opens.
/// JSON is `PlanFile.encode`. Names appear here (the office reads names), never in logs.
public enum PlanReport {
    public enum Format: String, Sendable, CaseIterable {
        case table, json, csv
        /// A page a person reads in a browser or prints (`HTMLPage`).
        case html
    }

    public static func render(_ plan: Plan, scenario: Scenario, format: Format, language: ReportLanguage = .en) -> Data {
        switch format {
        case .json: PlanFile.encode(plan)
        case .table: Data(table(plan, scenario: scenario, language: language).utf8)
        case .csv: Data(csv(plan, scenario: scenario, language: language).utf8)
        case .html: Data(HTMLReport.render(RoundReport(plan: plan, scenario: scenario), language: language).utf8)
        }
    }

    /// A report document (comparison, sweep) as JSON: keys sorted, indented, one trailing newline.
    static func json<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(value)) ?? Data()) + Data("\n".utf8)
    }

    // MARK: Table

    /// The language the solver keeps its record in: the proof of a round without a plan, its
    /// diagnosis, the reasons as the plan file holds them, the objective's terms. The table in
    /// this language shows that record and names titles and rules by their ids, as the files
    /// do; a table in another language words the same facts itself (titles and rules by their
    /// words, the reasons from the report's facts, the soft rules' shortfalls).
    static let recordLanguage = ReportLanguage.en

    /// The plan's table, in `language`'s words (the catalogue's `table` section): as an office
    /// reads it, numbers with the language's decimal mark. Ids stay as they are: they are what
    /// the files hold.
    public static func table(_ plan: Plan, scenario: Scenario, language: ReportLanguage = .en) -> String {
        let words = language.words
        let showsRecord = language == recordLanguage
        let names = Names(scenario)
        let post = RoundNames(scenario, words).postWithID
        let none = words("common.none")
        var out = words("table.title", ["name": nfc(plan.scenario.name), "year": String(plan.scenario.planningYear)]) + "\n"
        out += statusLine(plan.status, objective: plan.objective, bound: plan.bound, gap: plan.gap, language: language)
        if let cause = plan.stoppedBy {
            out += words(plan.status.hasPlan ? "table.stopped.withPlan" : "table.stopped.withoutPlan", ["cause": cause]) + "\n"
        }
        if let preference = plan.preference, plan.status.hasPlan { out += preferenceLine(preference, words: words) }
        guard plan.status.hasPlan else {
            if !showsRecord {
                // The proof's conflicts and the diagnosis as the caller worded them
                // (`Planner.reworded`), rules by their names; the proof's own text is the record's.
                let conflicts = plan.infeasibility?.conflicts ?? []
                if !conflicts.isEmpty { out += words("table.noPlan.conflicts") + "\n" }
                for (index, conflict) in conflicts.prefix(20).enumerated() {
                    out +=
                        "  \(index + 1). "
                        + conflict.map { "\(words.ruleName($0.rule)) (\(words.conflictSubject($0.subject))): \(nfc($0.text))" }.joined(
                            separator: "; ") + "\n"
                }
                if conflicts.count > 20 {
                    out += "  " + words("table.noPlan.moreConflicts", ["count": String(conflicts.count - 20)]) + "\n"
                }
                if let diagnosis = plan.diagnosis {
                    out += "\n" + DiagnosisReport.text(diagnosis, language: language)
                } else if conflicts.isEmpty {
                    out += words("table.noPlan.diagnose") + "\n"
                }
            } else if let proof = plan.infeasibility {
                out += words("table.noPlan.proof", ["proof": proof.text]) + "\n"
                // The evident conflicts are the proof itself: listed whether or not a diagnosis follows.
                if let conflicts = proof.conflicts {
                    for (index, conflict) in conflicts.prefix(20).enumerated() {
                        out +=
                            "  \(index + 1). " + conflict.map { "\($0.rule) (\($0.subject)): \(nfc($0.text))" }.joined(separator: "; ")
                            + "\n"
                    }
                    if conflicts.count > 20 {
                        out += "  " + words("table.noPlan.moreConflicts", ["count": String(conflicts.count - 20)]) + "\n"
                    }
                }
            }
            if showsRecord, let diagnosis = plan.diagnosis { out += "\n" + DiagnosisReport.text(diagnosis) }
            return out + "\n" + footer(plan, language: language)
        }
        // Each list as the office lists posts (`ProtocolOrder`): the post a change fills, or leaves.
        let order = ProtocolOrder(scenario)
        let cadre = words("table.column.cadre")
        let name = words("table.column.name")
        let from = words("table.column.from")
        let to = words("table.column.to")
        let position = words("table.column.post")
        out += section(
            words("table.heading.moves"),
            order.sorted(plan.moves) { $0.to }.map { [$0.cadre, names.cadre($0.cadre), post($0.from), post($0.to)] },
            header: [cadre, name, from, to], none: none)
        out += section(
            words("table.heading.appointments"),
            order.sorted(plan.appointments) { $0.to }.map { [$0.cadre, names.cadre($0.cadre), post($0.to)] },
            header: [cadre, name, to], none: none)
        out += section(
            words("table.heading.stays"),
            order.sorted(plan.stays) { $0.position }.map { [$0.cadre, names.cadre($0.cadre), post($0.position)] },
            header: [cadre, name, position], none: none)
        out += section(
            words("table.heading.vacancies"), order.sorted(plan.vacancies) { $0 }.map { [post($0)] }, header: [position], none: none)
        out += section(
            words("table.heading.releases"),
            order.sorted(plan.releases) { $0.from }.map { [$0.cadre, names.cadre($0.cadre), post($0.from)] },
            header: [cadre, name, from], none: none)
        out += section(
            words("table.heading.retirements"),
            order.sorted(plan.retirements) { $0.from }.map { [$0.cadre, names.cadre($0.cadre), post($0.from), String($0.year)] },
            header: [cadre, name, from, words("table.column.retirementYear")], none: none)
        if let reasons = plan.reasons, plan.status.hasPlan {
            out += showsRecord ? recordedReasons(reasons, words: words) : wordedReasons(plan, scenario: scenario, language: language)
        }
        if let figures = plan.figures { out += "\n" + figureLines(figures, policy: scenario.policy, language: language) }
        if let breakdown = plan.objectiveBreakdown {
            out +=
                "\n"
                + (showsRecord
                    ? objectiveLines(breakdown) : objectiveLines(breakdown, language: language, scenario: scenario))
        }
        return out + "\n" + footer(plan, language: language)
    }

    /// `--explain` in the record's language: each change with its reason as the plan records it.
    static func recordedReasons(_ reasons: [PlanReason], words: Words) -> String {
        section(
            words("table.heading.why"),
            reasons.map { reason in
                let cadre = reason.cadre ?? ""
                let what: String
                switch reason.kind {
                case "move": what = words("table.why.move", ["cadre": cadre, "post": reason.position])
                case "appointment": what = words("table.why.appointment", ["cadre": cadre, "post": reason.position])
                case "release": what = words("table.why.release", ["cadre": cadre, "post": reason.position])
                case "retirement": what = words("table.why.retirement", ["cadre": cadre, "post": reason.position])
                default: what = words("table.why.vacancy", ["post": reason.position])
                }
                return [what, reason.reason]
            }, header: [words("table.column.change"), words("table.column.reason")], none: words("common.none"))
    }

    /// `--explain` in another language: each change with its reasons, built from the same facts
    /// as the committee's report and worded there (ReportWords).
    static func wordedReasons(_ plan: Plan, scenario: Scenario, language: ReportLanguage) -> String {
        let report = RoundReport(plan: plan, scenario: scenario)
        let said = ReportWords(language: language, report: report)
        var lines: [[String]] = []
        for unitChanges in report.changes {
            for change in unitChanges.changes where !change.reasons.isEmpty {
                lines.append([said.sentence(said.change(change)) + ": " + change.reasons.map { said.reason($0) }.joined(separator: "; ")])
            }
        }
        return section(said("table.heading.why"), lines, header: nil, none: said("common.none"))
    }

    /// Each change's reasons in `language`, keyed as the CSV's rows are ("move|C-05", "vacancy|P-AL-SEC"):
    /// the facts `wordedReasons` words for the table, without the change's own sentence (the row says it).
    static func wordedReasonsByChange(_ plan: Plan, scenario: Scenario, language: ReportLanguage) -> [String: String] {
        let report = RoundReport(plan: plan, scenario: scenario)
        let said = ReportWords(language: language, report: report)
        var byChange: [String: String] = [:]
        for unitChanges in report.changes {
            for change in unitChanges.changes where !change.reasons.isEmpty {
                let key: String
                switch change.kind {
                case .moveIn(let c, _, _): key = "move|" + scenario.cadres[c].id
                case .moveOut: continue  // its reasons are where it arrives
                case .appointment(let c, _): key = "appointment|" + scenario.cadres[c].id
                case .release(let c, _): key = "release|" + scenario.cadres[c].id
                case .retirement(let c, _, _): key = "retirement|" + scenario.cadres[c].id
                case .vacancy(let p): key = "vacancy|" + scenario.positions[p].id
                }
                byChange[key] = change.reasons.map { said.reason($0) }.joined(separator: "; ")
            }
        }
        return byChange
    }

    /// How the plan was chosen among the plans of its objective (docs/model.md, "One plan among
    /// equals"), in one line.
    static func preferenceLine(_ preference: PreferenceRecord, words: Words = .english) -> String {
        typealias Key = PreferenceOrder.Key
        guard let changes = preference.stages.first(where: { $0.key == Key.fewestChanges.rawValue }) else {
            return preference.note.map { words("table.preference.statedOrder", ["order": $0]) + "\n" } ?? ""
        }
        // Change counts are kept negated (the key is maximised).
        let count = String(Int(-changes.value))
        var line =
            changes.proven
            ? words("table.preference.fewest", ["fewest": words("table.preference.key.fewestChanges"), "count": count])
            : words("table.preference.changes", ["count": count])
        if changes.proven, preference.stages.count > 1 {
            line = words("table.preference.then", ["choice": line, "next": words("table.preference.key.ratingByRank")])
        }
        if let note = preference.note { line += "; \(note)" }
        return line + ".\n"
    }

    /// "Status: …; objective …, bound …, gap …" and a newline, as every plan's table opens.
    static func statusLine(_ status: PlanStatus, objective: Double?, bound: Double?, gap: Double?, language: ReportLanguage = .en) -> String
    {
        let words = language.words
        let said: String =
            switch status {
            case .optimal: words("table.status.optimal")
            case .feasible: words("table.status.feasible")
            case .infeasible: words("table.status.infeasible")
            case .noPlanWithinTimeLimit: words("table.status.noPlanWithinTimeLimit")
            case .stopped: words("table.status.stopped")
            }
        guard let objective else { return words("table.statusLine", ["status": said]) + "\n" }
        guard let bound, let gap else {
            return words("table.statusLine.objective", ["status": said, "objective": words.number(objective)]) + "\n"
        }
        let values = ["status": said, "objective": words.number(objective), "bound": words.number(bound), "gap": words.gap(gap)]
        return words("table.statusLine.bound", values) + "\n"
    }

    /// The plan's status line without its newline: "Status: feasible (not proven optimal);
    /// objective …, bound …, gap …".
    public static func statusSentence(_ plan: Plan, language: ReportLanguage = .en) -> String {
        String(statusLine(plan.status, objective: plan.objective, bound: plan.bound, gap: plan.gap, language: language).dropLast())
    }

    static func footer(_ plan: Plan, language: ReportLanguage = .en) -> String {
        footer(producedBy: plan.producedBy, timing: plan.timing, sha256: plan.scenario.sha256, language: language)
    }

    /// The last line of a report: what solved it, how long it took, which scenario file.
    static func footer(producedBy: Provenance, timing: Timing?, sha256: String, language: ReportLanguage = .en) -> String {
        let words = language.words
        // A version is a name, not a number: "GLPK 5.0" in every language.
        var values = [
            "solver": producedBy.solver, "version": producedBy.solverVersion,
            "sha256": String(sha256.prefix(16)),
        ]
        guard let timing else { return words("table.footer", values) + "\n" }
        values["solve"] = words.decimal(String(format: "%.2f", timing.solveSeconds))
        values["build"] = words.decimal(String(format: "%.2f", timing.buildSeconds))
        return words("table.footer.timed", values) + "\n"
    }

    /// A titled list: "Title (n)" and its rows in columns under `header` (none: no header
    /// row), or "Title: none".
    static func section(_ title: String, _ rows: [[String]], header: [String]?, none: String = "none") -> String {
        guard !rows.isEmpty else { return "\n\(title): \(none)\n" }
        return "\n\(title) (\(rows.count))\n" + TextColumns.render((header.map { [$0] } ?? []) + rows, indent: 2)
    }

    /// The plan's figures as a two-column list. A figure's entry in the catalogue is its line,
    /// label and value parted by a tab; an entry may hold two lines where the language lists
    /// two figures apart that another lists together.
    static func figureLines(_ f: PlanFigures, policy: Policy, language: ReportLanguage = .en) -> String {
        let words = language.words
        func share(_ value: String, _ share: Double?) -> String {
            share.map { words("table.figures.share", ["value": value, "share": words.percent($0)]) } ?? value
        }
        var women = share(
            words("table.figures.womenValue", ["women": String(f.womenInLeadership), "filled": String(f.leadershipPostsFilled)]),
            f.womenShare)
        if let target = f.womenShareTarget { women = words("table.figures.target", ["value": women, "target": words.percent(target)]) }
        let nonLocal = share(
            words("table.figures.nonLocalValue", ["heads": String(f.nonLocalListedHeads), "filled": String(f.listedHeadPostsFilled)]),
            f.nonLocalShare)
        let moves =
            f.movesLimit.map { words("table.figures.movesLimit", ["moves": String(f.moves), "limit": String($0)]) } ?? String(f.moves)
        let lines = [
            words("table.figures.women", ["women": women]),
            words("table.figures.teamsWithAWoman", ["teams": String(f.teamsWithAWoman), "all": String(f.leadershipTeams)]),
            words(
                "table.figures.young",
                [
                    "young": String(f.youngInGrassrootsTeams), "age": String(policy.youth.age),
                    "met": String(f.grassrootsTeamsMeetingYouth),
                    "teams": String(f.grassrootsTeams), "min": String(policy.youth.minPerTeam),
                ]),
            words("table.figures.nonLocalHeads", ["heads": nonLocal]),
            words(
                "table.figures.ageBalance",
                ["met": String(f.ageBalanceTeamsMet), "teams": String(f.ageBalanceTeams), "bands": String(policy.ageBalance.minBands)]),
            words("table.figures.moves", ["moves": moves]),
            words("table.figures.appointmentsAndStays", ["appointments": String(f.appointments), "stays": String(f.stays)]),
            words("table.figures.vacancies", ["vacancies": String(f.vacancies)]),
            words("table.figures.releasesAndRetirements", ["releases": String(f.releases), "retirements": String(f.retirements)]),
        ]
        let rows = lines.flatMap {
            $0.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        }
        return words("table.heading.figures") + "\n" + TextColumns.render(rows, indent: 2)
    }

    /// The objective's terms, as the solver's record has them, and the soft rules' penalties by
    /// rule id.
    static func objectiveLines(_ b: ObjectiveBreakdown) -> String {
        let words = recordLanguage.words
        let penalties = b.penalties.reduce(0) { $0 + $1.cost }
        let terms = [
            "fit": number(b.fit), "moves": number(b.moveCost), "vacancies": number(b.vacancyCost), "releases": number(b.releaseCost),
            "penalties": number(penalties), "total": number(b.total),
        ]
        let out = words("table.heading.objective") + "\n  " + words("table.objective.terms", terms) + "\n"
        guard !b.penalties.isEmpty else { return out }
        return out + penaltyTable(b.penalties, words: words) { $0 }
    }

    /// The objective's terms in a language other than the record's, and the soft rules a plan
    /// does not fully meet by their names, each where it falls in the language's words.
    static func objectiveLines(_ b: ObjectiveBreakdown, language: ReportLanguage, scenario: Scenario) -> String {
        let words = language.words
        let penalties = b.penalties.reduce(0) { $0 + $1.cost }
        let terms = [
            "fit": words.number(b.fit), "moves": words.number(b.moveCost), "vacancies": words.number(b.vacancyCost),
            "releases": words.number(b.releaseCost), "penalties": words.number(penalties), "total": words.number(b.total),
        ]
        let out = words("table.heading.objective") + "\n  " + words("table.objective.terms", terms) + "\n"
        guard !b.penalties.isEmpty else { return out }
        let places = PenaltyPlaces(scenario: scenario, words: words)
        return out + "\n" + words("table.heading.penalties") + "\n"
            + penaltyTable(b.penalties, words: words, rule: words.ruleName, subject: places.say)
    }

    static func penaltyTable(
        _ penalties: [Penalty], words: Words, rule: (String) -> String, subject: (String) -> String = { $0 }
    ) -> String {
        let header = ["table.column.rule", "table.column.where", "table.column.shortBy", "table.column.price", "table.column.cost"]
        return TextColumns.render(
            [header.map { words($0) }]
                + penalties.map {
                    [rule($0.rule), subject($0.subject), String($0.shortfall), words.number($0.price), words.number($0.cost)]
                },
            indent: 2)
    }

    /// Where a soft rule falls short, as the model records it ("unit U-AL", "leadership posts",
    /// "C-1 and C-2 in U-AL", "C-1 in P-1"), in a language's words: a unit by its name, the
    /// round's sets by the language's words. A subject of another shape is shown as it is.
    struct PenaltyPlaces {
        let scenario: Scenario
        let words: Words

        func say(_ subject: String) -> String {
            let parts = subject.split(separator: " ").map(String.init)
            func unit(_ id: String) -> String { scenario.units.first { $0.id == id }.map { nfc($0.name) } ?? id }
            switch subject {
            case "leadership posts": return words("table.subject.leadershipPosts")
            case "listed head posts": return words("table.subject.listedHeadPosts")
            case "moves": return words("table.subject.moves")
            default: break
            }
            if parts.count == 2, parts[0] == "unit" { return unit(parts[1]) }
            if parts.count == 5, parts[1] == "and", parts[3] == "in" {
                return words("table.subject.relatives", ["first": parts[0], "second": parts[2], "unit": unit(parts[4])])
            }
            if parts.count == 3, parts[1] == "in" { return words("table.subject.cadreInPost", ["cadre": parts[0], "post": parts[2]]) }
            return subject
        }
    }

    // MARK: CSV

    /// One row per position, for a spreadsheet: RFC 4180 quoting, UTF-8.
    /// The plan as a spreadsheet reads it: one row per cadre the round touches (a move, an
    /// appointment, a stay, a release, a retirement) and one per post left vacant, every value
    /// plain in its own column; without a plan, one row whose outcome is the plan's status. The
    /// figures are a second table (`figuresCSV`).
    ///
    /// The reason column (`--explain`) is in `language`: the plan's record in its own language,
    /// else the same facts worded as the table and the committee's report word them (an office
    /// that reads Vietnamese opens this file in a spreadsheet). Codes (outcome, ids, titles)
    /// stay as the files hold them.
    public static func csv(_ plan: Plan, scenario: Scenario, language: ReportLanguage = .en) -> String {
        let names = Names(scenario)
        func post(_ id: String?) -> [String] {
            guard let id, let position = names.positions[id] else { return ["", "", "", ""] }
            return [id, position.unit, names.units[position.unit].map { nfc($0.name) } ?? "", position.title]
        }
        var lines = [
            [
                "outcome", "cadre", "cadre_name", "from_position", "from_unit", "from_unit_name", "from_title", "to_position", "to_unit",
                "to_unit_name", "to_title",
            ]
        ]
        // With `--explain`, each change's reason in a last column.
        let reasons = plan.reasons.map { reasons in
            language == recordLanguage || !plan.status.hasPlan
                ? Dictionary(reasons.map { ("\($0.kind)|\($0.cadre ?? $0.position)", $0.reason) }, uniquingKeysWith: { a, _ in a })
                : wordedReasonsByChange(plan, scenario: scenario, language: language)
        }
        if reasons != nil { lines[0].append("reason") }
        func row(_ outcome: String, cadre: String?, from: String?, to: String?) {
            var cells = [outcome, cadre ?? "", cadre.map(names.cadre) ?? ""] + post(from) + post(to)
            if let reasons { cells.append(reasons["\(outcome)|\(cadre ?? to ?? "")"] ?? "") }
            lines.append(cells)
        }
        for move in plan.moves { row("move", cadre: move.cadre, from: move.from, to: move.to) }
        for appointment in plan.appointments { row("appointment", cadre: appointment.cadre, from: nil, to: appointment.to) }
        for stay in plan.stays { row("stay", cadre: stay.cadre, from: stay.position, to: stay.position) }
        for release in plan.releases { row("release", cadre: release.cadre, from: release.from, to: nil) }
        for retirement in plan.retirements { row("retirement", cadre: retirement.cadre, from: retirement.from, to: nil) }
        for vacancy in plan.vacancies { row("vacancy", cadre: nil, from: nil, to: vacancy) }
        // No plan (infeasible, no plan within the time limit, stopped): one row that says so,
        // its status as the outcome. A header alone read as a round where nothing happens.
        if !plan.status.hasPlan { row(plan.status.rawValue, cadre: nil, from: nil, to: nil) }
        return CSVText.document(lines)
    }

    /// The plan's figures as a table: one row per figure, its value and its target (empty where
    /// the policy sets none), plain numbers (a share as a fraction). First the plan's standing:
    /// its status (`optimal`, `feasible` when not proven, or why there is no plan), objective,
    /// bound and gap (a fraction), so that the table read alone says whether it is the optimum.
    public static func figuresCSV(_ plan: Plan, policy: Policy) -> String {
        func number(_ value: Double?) -> String { value.map(CSVText.number) ?? "" }
        var lines = [
            ["figure", "value", "target"], ["status", plan.status.rawValue, ""], ["objective", number(plan.objective), ""],
            ["bound", number(plan.bound), ""], ["gap", number(plan.gap), ""],
        ]
        guard let f = plan.figures else { return CSVText.document(lines) }
        lines += [
            ["leadership_posts", String(f.leadershipPosts), ""], ["leadership_posts_filled", String(f.leadershipPostsFilled), ""],
            ["women_in_leadership", String(f.womenInLeadership), ""], ["women_share", number(f.womenShare), number(f.womenShareTarget)],
            ["leadership_teams", String(f.leadershipTeams), ""], ["teams_with_a_woman", String(f.teamsWithAWoman), ""],
            ["grassroots_teams", String(f.grassrootsTeams), ""], ["young_in_grassroots_teams", String(f.youngInGrassrootsTeams), ""],
            [
                "grassroots_teams_meeting_youth", String(f.grassrootsTeamsMeetingYouth),
                policy.youth.mode.isActive ? String(f.grassrootsTeams) : "",
            ],
            ["listed_head_posts_filled", String(f.listedHeadPostsFilled), ""],
            ["non_local_listed_heads", String(f.nonLocalListedHeads), ""],
            ["non_local_share", number(f.nonLocalShare), policy.nonLocalHeads.mode.isActive ? number(policy.nonLocalHeads.minShare) : ""],
            ["age_balance_teams", String(f.ageBalanceTeams), ""],
            ["age_balance_teams_met", String(f.ageBalanceTeamsMet), policy.ageBalance.mode.isActive ? String(f.ageBalanceTeams) : ""],
            ["moves", String(f.moves), f.movesLimit.map(String.init) ?? ""],
            ["appointments", String(f.appointments), ""], ["stays", String(f.stays), ""], ["vacancies", String(f.vacancies), ""],
            ["releases", String(f.releases), ""], ["retirements", String(f.retirements), ""],
        ]
        return CSVText.document(lines)
    }

    // MARK: Helpers

    struct Names {
        let cadres: [String: Cadre]
        let positions: [String: Position]
        let units: [String: OrgUnit]

        init(_ scenario: Scenario) {
            cadres = Dictionary(scenario.cadres.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            positions = Dictionary(scenario.positions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            units = Dictionary(scenario.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        }

        func cadre(_ id: String) -> String { cadres[id].map { nfc($0.name) } ?? "" }

        /// "P-AL-CHA chair, Xã An Lão": the post's id, its title's id, its unit (a table in
        /// another language words the title: `RoundNames.postWithID`).
        func post(_ id: String) -> String {
            guard let position = positions[id] else { return id }
            return "\(id) \(position.title), \(units[position.unit].map { nfc($0.name) } ?? position.unit)"
        }
    }

    /// Vietnamese names typed on some systems arrive decomposed; composed form keeps one
    /// character per letter, so columns line up.
    static func nfc(_ text: String) -> String { text.precomposedStringWithCanonicalMapping }

    /// A number as the English table writes it (`Words.number`).
    public static func number(_ value: Double) -> String { Words.english.number(value) }

    /// A share as the English table writes it (`Words.percent`).
    static func percent(_ share: Double) -> String { Words.english.percent(share) }
}

/// Left-aligned text columns, widths counted in characters.
enum TextColumns {
    static func render(_ rows: [[String]], indent: Int) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        let pad = String(repeating: " ", count: indent)
        return rows.map { row in
            var line = pad
            for (i, cell) in row.enumerated() {
                line += cell
                if i < row.count - 1 { line += String(repeating: " ", count: widths[i] - cell.count + 2) }
            }
            return line
        }.joined(separator: "\n") + "\n"
    }
}
