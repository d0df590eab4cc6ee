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
        case .csv: Data(csv(plan, scenario: scenario).utf8)
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

    public static func table(_ plan: Plan, scenario: Scenario, language: ReportLanguage = .en) -> String {
        guard language == .en else { return vietnameseTable(plan, scenario: scenario) }
        let names = Names(scenario)
        var out = "Rotation plan: \(nfc(plan.scenario.name)) (planning year \(plan.scenario.planningYear))\n"
        out += statusLine(plan.status, objective: plan.objective, bound: plan.bound, gap: plan.gap)
        if let cause = plan.stoppedBy {
            out +=
                "Stopped by \(cause) before the search ended: "
                + (plan.status.hasPlan ? "the best plan found by then.\n" : "no plan had been found.\n")
        }
        if let preference = plan.preference, plan.status.hasPlan { out += preferenceLine(preference) }
        guard plan.status.hasPlan else {
            if let proof = plan.infeasibility {
                out += "Proof: \(proof.text).\n"
                // The evident conflicts are the proof itself: listed whether or not a diagnosis follows.
                if let conflicts = proof.conflicts {
                    for (index, conflict) in conflicts.prefix(20).enumerated() {
                        out +=
                            "  \(index + 1). " + conflict.map { "\($0.rule) (\($0.subject)): \(nfc($0.text))" }.joined(separator: "; ")
                            + "\n"
                    }
                    if conflicts.count > 20 { out += "  … and \(conflicts.count - 20) more (--format json lists them all)\n" }
                }
            }
            if let diagnosis = plan.diagnosis { out += "\n" + DiagnosisReport.text(diagnosis) }
            return out + "\n" + footer(plan)
        }
        out += section(
            "Moves", plan.moves.map { [$0.cadre, names.cadre($0.cadre), names.post($0.from), names.post($0.to)] },
            header: ["CADRE", "NAME", "FROM", "TO"])
        out += section(
            "Appointments from the pool", plan.appointments.map { [$0.cadre, names.cadre($0.cadre), names.post($0.to)] },
            header: ["CADRE", "NAME", "TO"])
        out += section(
            "Stays", plan.stays.map { [$0.cadre, names.cadre($0.cadre), names.post($0.position)] },
            header: ["CADRE", "NAME", "POST"])
        out += section("Vacant posts", plan.vacancies.map { [names.post($0)] }, header: ["POST"])
        out += section(
            "Released (no post after the round)", plan.releases.map { [$0.cadre, names.cadre($0.cadre), names.post($0.from)] },
            header: ["CADRE", "NAME", "FROM"])
        out += section(
            "Retirements", plan.retirements.map { [$0.cadre, names.cadre($0.cadre), names.post($0.from), String($0.year)] },
            header: ["CADRE", "NAME", "FROM", "RETIREMENT YEAR"])
        if let reasons = plan.reasons {
            out += section(
                "Why",
                reasons.map { reason in
                    let what: String
                    switch reason.kind {
                    case "move": what = "\(reason.cadre ?? "") moves to \(reason.position)"
                    case "appointment": what = "\(reason.cadre ?? "") is appointed to \(reason.position)"
                    case "release": what = "\(reason.cadre ?? "") leaves \(reason.position)"
                    default: what = "\(reason.position) stays vacant"
                    }
                    return [what, reason.reason]
                }, header: ["CHANGE", "REASON"])
        }
        if let figures = plan.figures { out += "\n" + figureLines(figures, policy: scenario.policy) }
        if let breakdown = plan.objectiveBreakdown { out += "\n" + objectiveLines(breakdown) }
        return out + "\n" + footer(plan)
    }

    /// The plan's table in Vietnamese, as an organization department writes it: titles, sexes
    /// and rules by their Vietnamese words (the vocabulary and the rule registry), numbers with
    /// a decimal comma. Ids stay as they are: they are what the files hold.
    static func vietnameseTable(_ plan: Plan, scenario: Scenario) -> String {
        let names = Names(scenario)
        let words = Vocabulary.Index(scenario.words)
        func post(_ id: String) -> String {
            guard let position = names.positions[id] else { return id }
            let title = words.word(.title, id: position.title)?.vi ?? position.title
            return "\(id) \(title), \(names.units[position.unit].map { nfc($0.name) } ?? position.unit)"
        }
        func decimal(_ value: Double) -> String { number(value).replacingOccurrences(of: ".", with: ",") }
        func share(_ value: Double) -> String { percent(value).replacingOccurrences(of: ".", with: ",") }
        var out = "Phương án điều động: \(nfc(plan.scenario.name)) (năm kế hoạch \(plan.scenario.planningYear))\n"
        let status: String =
            switch plan.status {
            case .optimal: "phương án tốt nhất theo các quy định này, đã được chứng minh"
            case .feasible: "phương án khả thi (chưa chứng minh là tốt nhất)"
            case .infeasible: "không có phương án: các quy định bắt buộc không thể cùng được đáp ứng"
            case .noPlanWithinTimeLimit: "không tìm được phương án trong thời gian cho phép"
            case .stopped: "việc tìm kiếm đã dừng trước khi có phương án"
            }
        out += "Tình trạng: \(status)"
        if let objective = plan.objective {
            out += "; giá trị mục tiêu \(decimal(objective))"
            if let bound = plan.bound, let gap = plan.gap { out += ", cận \(decimal(bound)), khoảng cách \(share(gap))" }
        }
        out += "\n"
        guard plan.status.hasPlan else {
            return out + "Chạy `planner diagnose` để biết các quy định mâu thuẫn.\n\n" + footer(plan)
        }
        out += section(
            "Chuyển vị trí", plan.moves.map { [$0.cadre, names.cadre($0.cadre), post($0.from), post($0.to)] },
            header: ["MÃ CÁN BỘ", "HỌ VÀ TÊN", "TỪ", "ĐẾN"], none: "không có")
        out += section(
            "Bổ nhiệm từ nguồn quy hoạch", plan.appointments.map { [$0.cadre, names.cadre($0.cadre), post($0.to)] },
            header: ["MÃ CÁN BỘ", "HỌ VÀ TÊN", "ĐẾN"], none: "không có")
        out += section(
            "Giữ nguyên vị trí", plan.stays.map { [$0.cadre, names.cadre($0.cadre), post($0.position)] },
            header: ["MÃ CÁN BỘ", "HỌ VÀ TÊN", "VỊ TRÍ"], none: "không có")
        out += section("Vị trí để trống", plan.vacancies.map { [post($0)] }, header: ["VỊ TRÍ"], none: "không có")
        out += section(
            "Thôi giữ chức vụ (không có vị trí sau đợt điều động)",
            plan.releases.map { [$0.cadre, names.cadre($0.cadre), post($0.from)] }, header: ["MÃ CÁN BỘ", "HỌ VÀ TÊN", "TỪ"],
            none: "không có")
        out += section(
            "Nghỉ hưu", plan.retirements.map { [$0.cadre, names.cadre($0.cadre), post($0.from), String($0.year)] },
            header: ["MÃ CÁN BỘ", "HỌ VÀ TÊN", "TỪ", "NĂM NGHỈ HƯU"], none: "không có")
        if plan.reasons != nil {
            // `--explain`: each change with its reasons, built from the same facts as the
            // committee's report and worded in Vietnamese there (ReportWords).
            let report = RoundReport(plan: plan, scenario: scenario)
            let words = ReportWords(language: .vi, report: report)
            var lines: [String] = []
            for unitChanges in report.changes {
                for change in unitChanges.changes where !change.reasons.isEmpty {
                    lines.append(
                        "  " + words.sentence(words.change(change)) + ": "
                            + change.reasons.map { words.reason($0) }.joined(separator: "; "))
                }
            }
            out += lines.isEmpty ? "\nLý do: không có\n" : "\nLý do (\(lines.count))\n" + lines.joined(separator: "\n") + "\n"
        }
        if let f = plan.figures {
            let policy = scenario.policy
            var rows: [[String]] = []
            var women = "\(f.womenInLeadership) / \(f.leadershipPostsFilled) vị trí lãnh đạo đã bố trí"
            if let value = f.womenShare { women += " (\(share(value)))" }
            if let target = f.womenShareTarget { women += ", chỉ tiêu \(share(target))" }
            rows.append(["Nữ lãnh đạo", women])
            rows.append(["Tập thể có cán bộ nữ", "\(f.teamsWithAWoman) / \(f.leadershipTeams)"])
            rows.append([
                "Cán bộ trẻ ở cơ sở",
                "\(f.youngInGrassrootsTeams) dưới \(policy.youth.age) tuổi; \(f.grassrootsTeamsMeetingYouth) / \(f.grassrootsTeams) tập thể có \(policy.youth.minPerTeam)",
            ])
            var nonLocal = "\(f.nonLocalListedHeads) / \(f.listedHeadPostsFilled) vị trí người đứng đầu đã bố trí"
            if let value = f.nonLocalShare { nonLocal += " (\(share(value)))" }
            rows.append(["Không phải người địa phương", nonLocal])
            rows.append([
                "Cơ cấu độ tuổi", "\(f.ageBalanceTeamsMet) / \(f.ageBalanceTeams) tập thể có đủ \(policy.ageBalance.minBands) độ tuổi",
            ])
            rows.append(["Chuyển vị trí", "\(f.moves)" + (f.movesLimit.map { " (tối đa \($0))" } ?? "")])
            rows.append(["Bổ nhiệm từ nguồn", "\(f.appointments)"])
            rows.append(["Giữ nguyên vị trí", "\(f.stays)"])
            rows.append(["Vị trí để trống", "\(f.vacancies)"])
            rows.append(["Thôi giữ chức vụ", "\(f.releases)"])
            rows.append(["Nghỉ hưu", "\(f.retirements)"])
            out += "\nCác chỉ số\n" + TextColumns.render(rows, indent: 2)
        }
        if let breakdown = plan.objectiveBreakdown, !breakdown.penalties.isEmpty {
            let rules = Dictionary(Policy.rules.map { ($0.key, $0.words.viName) }, uniquingKeysWith: { a, _ in a })
            out += "\nQuy định mềm chưa đáp ứng đủ\n"
            out += TextColumns.render(
                [["QUY ĐỊNH", "Ở ĐÂU", "THIẾU", "MỨC PHẠT", "TỔNG"]]
                    + breakdown.penalties.map {
                        [rules[$0.rule] ?? $0.rule, $0.subject, String($0.shortfall), decimal($0.price), decimal($0.cost)]
                    },
                indent: 2)
        }
        var footer = "Giải bằng \(plan.producedBy.solver) \(plan.producedBy.solverVersion)"
        if let timing = plan.timing {
            footer +=
                " trong \(String(format: "%.2f", timing.solveSeconds)) s (dựng mô hình \(String(format: "%.2f", timing.buildSeconds)) s)"
        }
        return out + "\n" + footer.replacingOccurrences(of: ".", with: ",") + "; SHA-256 của kịch bản \(plan.scenario.sha256.prefix(16))…\n"
    }

    /// How the plan was chosen among the plans of its objective (docs/model.md, "One plan among
    /// equals"), in one line.
    static func preferenceLine(_ preference: PreferenceRecord) -> String {
        typealias Key = PreferenceOrder.Key
        guard let changes = preference.stages.first(where: { $0.key == Key.fewestChanges.rawValue }) else {
            return preference.note.map { "Among plans of this objective: the stated order was \($0).\n" } ?? ""
        }
        // Change counts are kept negated (the key is maximised).
        var line =
            changes.proven
            ? "Among plans of this objective: the one with the \(Key.fewestChanges.words) (\(Int(-changes.value)))"
            : "Among plans of this objective: \(Int(-changes.value)) changes of post"
        if changes.proven, preference.stages.count > 1 { line += ", then \(Key.ratingByRank.words)" }
        if let note = preference.note { line += "; \(note)" }
        return line + ".\n"
    }

    /// "Status: …; objective …, bound …, gap …" and a newline, as every plan's table opens.
    static func statusLine(_ status: PlanStatus, objective: Double?, bound: Double?, gap: Double?) -> String {
        var line = "Status: \(status.sentence)"
        if let objective {
            line += "; objective \(number(objective))"
            if let bound, let gap { line += ", bound \(number(bound)), gap \(percent(gap))" }
        }
        return line + "\n"
    }

    static func footer(_ plan: Plan) -> String {
        footer(producedBy: plan.producedBy, timing: plan.timing, sha256: plan.scenario.sha256)
    }

    /// The last line of a report: what solved it, how long it took, which scenario file.
    static func footer(producedBy: Provenance, timing: Timing?, sha256: String) -> String {
        var line = "Solved by \(producedBy.solver) \(producedBy.solverVersion)"
        if let timing {
            line += " in \(String(format: "%.2f", timing.solveSeconds)) s (model built in \(String(format: "%.2f", timing.buildSeconds)) s)"
        }
        return line + "; scenario SHA-256 \(sha256.prefix(16))…\n"
    }

    static func section(_ title: String, _ rows: [[String]], header: [String], none: String = "none") -> String {
        guard !rows.isEmpty else { return "\n\(title): \(none)\n" }
        return "\n\(title) (\(rows.count))\n" + TextColumns.render([header] + rows, indent: 2)
    }

    static func figureLines(_ f: PlanFigures, policy: Policy) -> String {
        var rows: [[String]] = []
        var women = "\(f.womenInLeadership) of \(f.leadershipPostsFilled) filled leadership posts"
        if let share = f.womenShare { women += " (\(percent(share)))" }
        if let target = f.womenShareTarget { women += ", target \(percent(target))" }
        rows.append(["Women in leadership", women])
        rows.append(["Teams with a woman", "\(f.teamsWithAWoman) of \(f.leadershipTeams)"])
        rows.append([
            "Young in grassroots teams",
            "\(f.youngInGrassrootsTeams) under \(policy.youth.age); \(f.grassrootsTeamsMeetingYouth) of \(f.grassrootsTeams) teams have \(policy.youth.minPerTeam)",
        ])
        var nonLocal = "\(f.nonLocalListedHeads) of \(f.listedHeadPostsFilled) filled listed head posts"
        if let share = f.nonLocalShare { nonLocal += " (\(percent(share)))" }
        rows.append(["Non-local heads", nonLocal])
        rows.append(["Age balance", "\(f.ageBalanceTeamsMet) of \(f.ageBalanceTeams) teams span \(policy.ageBalance.minBands) age bands"])
        rows.append(["Moves", "\(f.moves)" + (f.movesLimit.map { " (limit \($0))" } ?? "")])
        rows.append(["Appointments, stays", "\(f.appointments), \(f.stays)"])
        rows.append(["Vacant posts", "\(f.vacancies)"])
        rows.append(["Releases, retirements", "\(f.releases), \(f.retirements)"])
        return "Figures\n" + TextColumns.render(rows, indent: 2)
    }

    static func objectiveLines(_ b: ObjectiveBreakdown) -> String {
        let penalties = b.penalties.reduce(0) { $0 + $1.cost }
        var out = "Objective\n  fit \(number(b.fit)) − moves \(number(b.moveCost)) − vacancies \(number(b.vacancyCost))"
        out += " − releases \(number(b.releaseCost)) − soft-rule penalties \(number(penalties)) = \(number(b.total))\n"
        if !b.penalties.isEmpty {
            out += TextColumns.render(
                [["RULE", "WHERE", "SHORT BY", "PRICE", "COST"]]
                    + b.penalties.map {
                        [$0.rule, $0.subject, String($0.shortfall), number($0.price), number($0.cost)]
                    }, indent: 2)
        }
        return out
    }

    // MARK: CSV

    /// One row per position, for a spreadsheet: RFC 4180 quoting, UTF-8.
    /// The plan as a spreadsheet reads it: one row per cadre the round touches (a move, an
    /// appointment, a stay, a release, a retirement) and one per post left vacant, every value
    /// plain in its own column. The figures are a second table (`figuresCSV`).
    public static func csv(_ plan: Plan, scenario: Scenario) -> String {
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
        // With `--explain`, each change's reason in a last column (as the plan records it).
        let reasons = plan.reasons.map { reasons in
            Dictionary(reasons.map { ("\($0.kind)|\($0.cadre ?? $0.position)", $0.reason) }, uniquingKeysWith: { a, _ in a })
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
        return CSVText.document(lines)
    }

    /// The plan's figures as a table: one row per figure, its value and its target (empty where
    /// the policy sets none), plain numbers (a share as a fraction).
    public static func figuresCSV(_ plan: Plan, policy: Policy) -> String {
        var lines = [["figure", "value", "target"]]
        guard let f = plan.figures else { return CSVText.document(lines) }
        func number(_ value: Double?) -> String { value.map { String(format: "%.4f", $0) } ?? "" }
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
