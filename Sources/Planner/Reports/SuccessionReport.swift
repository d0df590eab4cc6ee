import Foundation

/// Renders a succession plan for people: the slates a committee reads (table), one row per
/// slate place for a spreadsheet (CSV), or the document itself (JSON).
public enum SuccessionReport {
    public static func render(_ plan: SuccessionPlan, scenario: Scenario, format: PlanReport.Format, language: ReportLanguage = .en) -> Data
    {
        switch format {
        case .json: SuccessionFile.encode(plan)
        case .table: Data(table(plan, scenario: scenario, language: language).utf8)
        case .csv: Data(csv(plan, scenario: scenario).utf8)
        case .html: Data(SuccessionPage(plan, scenario: scenario, language: language).render().utf8)
        }
    }

    /// The slates as a text table in `language` (the tutorial's is the golden file): ids as the
    /// files hold them, each cadre's name beside, and the candidates' years as the scenario
    /// gives them (`SlateYears`), not capped as the readiness formula counts them.
    /// The slates as the office lists posts (`ProtocolOrder`), for tables and pages; the
    /// files keep the ids' order.
    static func inProtocolOrder(_ plan: SuccessionPlan, _ scenario: Scenario) -> SuccessionPlan {
        var ordered = plan
        ordered.slates = ProtocolOrder(scenario).sorted(plan.slates) { $0.position }
        return ordered
    }

    public static func table(_ plan: SuccessionPlan, scenario: Scenario, language: ReportLanguage = .en) -> String {
        let plan = inProtocolOrder(plan, scenario)
        let words = Words.of(language)
        let names = RoundNames(scenario, words)
        var out =
            words(
                "slates.heading",
                ["name": PlanReport.nfc(plan.scenario.name), "year": String(plan.scenario.planningYear), "term": String(plan.termStart)])
            + "\n"
        out += statusLine(plan, words)
        guard plan.status.hasPlan, let figures = plan.figures else { return out + conflictLines(plan, words) + "\n" + footer(plan, words) }
        let bench = figures.benchStrength.enumerated().map {
            words("slates.benchItem", ["posts": String($0.element), "count": String($0.offset)])
        }.joined(separator: ", ")
        out += "\n" + words("slates.keyPosts", ["count": String(figures.keyPosts), "bench": bench]) + "\n"
        out +=
            words(
                "slates.onList",
                [
                    "people": String(figures.people), "women": String(figures.women), "womenShare": words.percent(figures.womenShare),
                    "young": String(figures.young), "youngShare": words.percent(figures.youngShare),
                ]) + "\n"
        if figures.mostSlates > 0 {
            var shown = figures.cadresOnMostSlates.prefix(10).map { id in
                names.name(id).isEmpty ? id : "\(id) \(names.name(id))"
            }.joined(separator: ", ")
            if figures.cadresOnMostSlates.count > 10 {
                shown += " " + words("common.andMore", count: figures.cadresOnMostSlates.count - 10)
            }
            out +=
                words(
                    "slates.mostSlates",
                    ["most": String(figures.mostSlates), "count": String(figures.cadresOnMostSlates.count), "cadres": shown]) + "\n"
        }
        if !plan.excludedAsAppointed.isEmpty {
            out += words("slates.excluded", ["count": String(plan.excludedAsAppointed.count)]) + "\n"
        }
        let vacant = words("common.vacant")
        let risky = plan.slates.filter { !$0.risks.isEmpty }
        out += PlanReport.section(
            words("slates.atRisk"),
            risky.map { slate in
                [
                    names.postWithID(slate.position),
                    slate.incumbent.map { names.name($0).isEmpty ? $0 : "\($0) \(names.name($0))" } ?? vacant,
                    slate.incumbentRetirementYear.map(String.init) ?? "",
                    slate.risks.map { risk(risk: $0, words) }.joined(separator: "; "),
                ]
            },
            header: [
                words("slates.column.post"), words("slates.column.incumbent"), words("slates.column.retires"), words("slates.column.risk"),
            ], none: words("common.none"))
        var rows: [[String]] = []
        let years = SlateYears(plan, scenario)
        for slate in plan.slates {
            let post = names.postWithID(slate.position)
            let incumbent =
                slate.incumbent.map { id in
                    let name = names.name(id)
                    return "\(id)\(name.isEmpty ? "" : " " + name) (\(slate.incumbentRetirementYear.map(String.init) ?? ""))"
                } ?? vacant
            if slate.candidates.isEmpty { rows.append([post, incumbent, "", "", "", "", "", "", "", "", ""]) }
            for (rank, c) in slate.candidates.enumerated() {
                let r = c.readiness
                rows.append([
                    rank == 0 ? post : "", rank == 0 ? incumbent : "", String(rank + 1), c.cadre, names.name(c.cadre),
                    words.formatted("%.1f", r.value) + (c.ready ? " " + words("slates.ready") : ""), words.figure(r.rating),
                    String(years.inPost(c)), "\(r.fieldsMatched)/\(r.fieldsAsked)", String(years.afterTerm(c)),
                    r.inUnit ? words("common.yes") : "",
                ])
            }
        }
        out += PlanReport.section(
            words("slates.slates"), rows,
            header: [
                words("slates.column.post"), words("slates.column.incumbentRetires"), "#", words("slates.column.cadre"),
                words("slates.column.name"), words("slates.column.readiness"), words("slates.column.rating"),
                words("slates.column.yearsInPost"), words("slates.column.fields"), words("slates.column.yearsAfterTerm"),
                words("slates.column.inUnit"),
            ], none: words("common.none"))
        if let b = plan.objectiveBreakdown {
            let penalty = b.penalties.reduce(0) { $0 + $1.cost }
            out +=
                "\n"
                + words(
                    "slates.objective",
                    [
                        "readiness": words.figure(b.readiness), "slots": words.figure(b.slots), "extra": words.figure(b.extraSlates),
                        "penalties": words.figure(penalty), "total": words.figure(b.total),
                    ]) + "\n"
            // English names a rule by its key, as the scenario file does; Vietnamese by its name.
            for p in b.penalties.prefix(20) {
                out += "  \(words.ruleInText(p.rule)) (\(p.subject)): \(p.shortfall) × \(words.figure(p.price))\n"
            }
            if b.penalties.count > 20 { out += "  … " + words("common.andMore", count: b.penalties.count - 20) + "\n" }
        }
        return out + "\n" + footer(plan, words)
    }

    /// A candidate's years in the post now held and years of service left after a full term,
    /// as the scenario gives them: the readiness formula's terms before their cap at 10
    /// (docs/model.md), so that a cadre 11 years in post reads 11, not 10. Where the scenario
    /// does not give the record's (capped) figure, the record's is shown.
    struct SlateYears {
        let cadres: [String: Cadre]
        let termStart: Int
        let termYears: Int

        init(_ plan: SuccessionPlan, _ scenario: Scenario) {
            cadres = Dictionary(scenario.cadres.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            termStart = plan.termStart
            termYears = scenario.policy.succession.timeToServe.years
        }

        func inPost(_ candidate: SlateCandidate) -> Int {
            let recorded = candidate.readiness.experienceYears
            guard let years = cadres[candidate.cadre]?.yearsInPost, min(years, 10) == recorded else { return recorded }
            return years
        }

        func afterTerm(_ candidate: SlateCandidate) -> Int {
            let recorded = candidate.readiness.serviceYearsBeyondTerm
            let years = max(0, candidate.retirementYear - termStart - termYears)
            return min(years, 10) == recorded ? years : recorded
        }
    }

    /// The hard rules that admit no slates together, one a line: the policy key, the rule's
    /// name and what it asks (nothing when the plan names no conflict).
    static func conflictLines(_ plan: SuccessionPlan, _ words: Words) -> String {
        guard let conflict = plan.conflict else { return "" }
        if let why = conflict.notFound { return "\n" + words(why.wordsKey) + "\n" }
        return "\n" + words("slates.conflict.heading") + "\n"
            + conflict.rules.map { key in
                "  "
                    + words(
                        "slates.conflict.rule", ["key": "policy." + key, "name": words.ruleName(key), "summary": words.ruleSummary(key)])
            }.joined(separator: "\n") + "\n"
    }

    /// "Status: optimal; objective …, bound …, gap …", as `PlanReport.statusLine` writes it.
    static func statusLine(_ plan: SuccessionPlan, _ words: Words) -> String {
        let status: String =
            switch plan.status {
            case .optimal: words("slates.status.optimal")
            case .feasible: words("slates.status.feasible")
            case .infeasible: words("slates.status.infeasible")
            case .noPlanWithinTimeLimit: words("slates.status.noPlanWithinTimeLimit")
            case .stopped: words("slates.status.stopped")
            }
        var line = words("slates.statusLine", ["status": status])
        if let objective = plan.objective {
            line += words("slates.objectiveFigures", ["objective": words.figure(objective)])
            if let bound = plan.bound, let gap = plan.gap {
                line += words("slates.boundFigures", ["bound": words.figure(bound), "gap": words.gap(gap)])
            }
        }
        return line + "\n"
    }

    /// A slate's risk in a table cell.
    static func risk(risk: SlateRisk, _ words: Words) -> String {
        switch risk {
        case .noCandidate: words("slates.risk.noCandidate")
        case .singleCandidate: words("slates.risk.singleCandidate")
        case .incumbentRetiresWithoutReadySuccessor: words("slates.risk.incumbentRetiresWithoutReadySuccessor")
        }
    }

    /// The last line: what solved it, how long it took, which scenario file.
    static func footer(_ plan: SuccessionPlan, _ words: Words) -> String {
        var line = words("slates.footer", ["solver": plan.producedBy.solver, "version": plan.producedBy.solverVersion])
        if let timing = plan.timing {
            line += words(
                "slates.footerTiming",
                ["solve": words.formatted("%.2f", timing.solveSeconds), "build": words.formatted("%.2f", timing.buildSeconds)])
        }
        return line + words("slates.footerScenario", ["sha": String(plan.scenario.sha256.prefix(16))]) + "\n"
    }

    /// One row per slate place (and one per empty slate), RFC 4180 quoting.
    public static func csv(_ plan: SuccessionPlan, scenario: Scenario) -> String {
        let names = PlanReport.Names(scenario)
        let years = SlateYears(plan, scenario)
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
                        PlanReport.number(r.rating), String(years.inPost(c)), String(r.fieldsMatched), String(r.fieldsAsked),
                        String(years.afterTerm(c)), String(r.inUnit),
                    ])
            }
        }
        return CSVText.document(lines)
    }
}

extension SuccessionConflict.NotFound {
    /// The catalogue's sentence for why no rule is named.
    var wordsKey: String {
        switch self {
        case .timeLimit: "slates.conflict.notFound.timeLimit"
        case .withEveryRuleOff: "slates.conflict.notFound.withEveryRuleOff"
        }
    }
}
