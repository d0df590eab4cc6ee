import Foundation

/// Renders a succession plan for people: the slates a committee reads (table), one row per
/// slate place for a spreadsheet (CSV), or the document itself (JSON).
public enum SuccessionReport {
    public static func render(_ plan: SuccessionPlan, scenario: Scenario, format: PlanReport.Format) -> Data {
        switch format {
        case .json: SuccessionFile.encode(plan)
        case .table: Data(table(plan, scenario: scenario).utf8)
        case .csv: Data(csv(plan, scenario: scenario).utf8)
        case .html: HTMLPage.preformatted(title: plan.scenario.name, language: .en, text: table(plan, scenario: scenario))
        }
    }

    public static func table(_ plan: SuccessionPlan, scenario: Scenario) -> String {
        let names = PlanReport.Names(scenario)
        var out =
            "Succession plan: \(PlanReport.nfc(plan.scenario.name)) (planning year \(plan.scenario.planningYear), term from \(plan.termStart))\n"
        out += PlanReport.statusLine(plan.status, objective: plan.objective, bound: plan.bound, gap: plan.gap)
        guard plan.status.hasPlan, let figures = plan.figures else { return out + "\n" + footer(plan) }
        let bench = figures.benchStrength.enumerated().map { "\($0.element) with \($0.offset)" }.joined(separator: ", ")
        out += "\nKey posts: \(figures.keyPosts); bench strength: \(bench)\n"
        out += "On the list: \(figures.people) people; women \(figures.women) (\(PlanReport.percent(figures.womenShare))), "
        out += "young \(figures.young) (\(PlanReport.percent(figures.youngShare)))\n"
        if figures.mostSlates > 0 {
            let shown = figures.cadresOnMostSlates.prefix(10).joined(separator: ", ")
            let more = figures.cadresOnMostSlates.count > 10 ? " and \(figures.cadresOnMostSlates.count - 10) more" : ""
            out += "Most slates for one cadre: \(figures.mostSlates) (\(figures.cadresOnMostSlates.count): \(shown)\(more))\n"
        }
        if !plan.excludedAsAppointed.isEmpty {
            out += "Left off as appointed in the round: \(plan.excludedAsAppointed.count) cadres\n"
        }
        let risky = plan.slates.filter { !$0.risks.isEmpty }
        out += PlanReport.section(
            "Key posts at risk",
            risky.map { slate in
                [
                    names.post(slate.position), slate.incumbent ?? "vacant", slate.incumbentRetirementYear.map(String.init) ?? "",
                    slate.risks.map(\.sentence).joined(separator: "; "),
                ]
            }, header: ["POST", "INCUMBENT", "RETIRES", "RISK"])
        var rows: [[String]] = []
        for slate in plan.slates {
            let post = names.post(slate.position)
            let incumbent = slate.incumbent.map { "\($0) (\(slate.incumbentRetirementYear.map(String.init) ?? ""))" } ?? "vacant"
            if slate.candidates.isEmpty { rows.append([post, incumbent, "", "", "", "", "", "", "", "", ""]) }
            for (rank, c) in slate.candidates.enumerated() {
                let r = c.readiness
                rows.append([
                    rank == 0 ? post : "", rank == 0 ? incumbent : "", String(rank + 1), c.cadre, names.cadre(c.cadre),
                    String(format: "%.1f", r.value) + (c.ready ? " ready" : ""), PlanReport.number(r.rating),
                    String(r.experienceYears), "\(r.fieldsMatched)/\(r.fieldsAsked)", String(r.serviceYearsBeyondTerm),
                    r.inUnit ? "yes" : "",
                ])
            }
        }
        out += PlanReport.section(
            "Slates", rows,
            header: [
                "POST", "INCUMBENT (RETIRES)", "#", "CADRE", "NAME", "READINESS", "RATING",
                "YEARS IN POST", "FIELDS", "YEARS AFTER A TERM", "IN UNIT",
            ])
        if let b = plan.objectiveBreakdown {
            out += "\nObjective: readiness \(PlanReport.number(b.readiness)) + slate places \(PlanReport.number(b.slots))"
            out += " − extra slates \(PlanReport.number(b.extraSlates))"
            let penalty = b.penalties.reduce(0) { $0 + $1.cost }
            out += " − penalties \(PlanReport.number(penalty)) = \(PlanReport.number(b.total))\n"
            for p in b.penalties.prefix(20) { out += "  \(p.rule) (\(p.subject)): \(p.shortfall) × \(PlanReport.number(p.price))\n" }
            if b.penalties.count > 20 { out += "  … and \(b.penalties.count - 20) more\n" }
        }
        return out + "\n" + footer(plan)
    }

    static func footer(_ plan: SuccessionPlan) -> String {
        PlanReport.footer(producedBy: plan.producedBy, timing: plan.timing, sha256: plan.scenario.sha256)
    }

    /// One row per slate place (and one per empty slate), RFC 4180 quoting.
    public static func csv(_ plan: SuccessionPlan, scenario: Scenario) -> String {
        let names = PlanReport.Names(scenario)
        var lines = [
            [
                "position", "title", "unit", "incumbent", "incumbent_retires", "risks", "rank", "cadre", "cadre_name", "readiness", "ready",
                "rating", "years_in_post", "fields_matched", "fields_asked", "years_after_term", "in_unit",
            ]
        ]
        for slate in plan.slates {
            let head = [
                slate.position, slate.title, slate.unit, slate.incumbent ?? "", slate.incumbentRetirementYear.map(String.init) ?? "",
                slate.risks.map(\.rawValue).joined(separator: " "),
            ]
            if slate.candidates.isEmpty { lines.append(head + Array(repeating: "", count: 11)) }
            for (rank, c) in slate.candidates.enumerated() {
                let r = c.readiness
                lines.append(
                    head + [
                        String(rank + 1), c.cadre, names.cadre(c.cadre), String(format: "%.1f", r.value), String(c.ready),
                        PlanReport.number(r.rating), String(r.experienceYears), String(r.fieldsMatched), String(r.fieldsAsked),
                        String(r.serviceYearsBeyondTerm), String(r.inUnit),
                    ])
            }
        }
        return CSVText.document(lines)
    }
}
