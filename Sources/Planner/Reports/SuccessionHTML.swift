import Foundation

/// The succession slates as a page for the committee (`planner succession --format html`): what
/// the slates are and what made them, the bench strength beside a chart of it, the key posts at
/// risk first, each with its flags and its slate, then every other key post. One self-contained
/// page in the report's frame (`HTMLPage`): nothing is fetched when it is opened.
struct SuccessionPage {
    let plan: SuccessionPlan
    let words: Words
    let names: RoundNames
    let language: ReportLanguage
    /// The candidates' years as the scenario gives them, uncapped.
    let years: SuccessionReport.SlateYears

    init(_ plan: SuccessionPlan, scenario: Scenario, language: ReportLanguage) {
        self.plan = SuccessionReport.inProtocolOrder(plan, scenario)
        years = SuccessionReport.SlateYears(plan, scenario)
        self.language = language
        words = Words.of(language)
        names = RoundNames(scenario, words)
    }

    func render() -> String {
        var body = header()
        if plan.status.hasPlan, let figures = plan.figures {
            body += bench(figures)
            body += slates()
            body += penalties()
        } else {
            body += noPlan()
        }
        return HTMLPage.document(title: names.nfc(plan.scenario.name), language: language, body: body)
    }

    func escape(_ text: String) -> String { HTMLReport.escape(text) }

    /// Why there are no slates: the rules in conflict when the plan names them, else what to try.
    func noPlan() -> String { "<section>\(Self.whyNoSlates(plan, words: words))</section>\n" }

    /// The paragraphs that say why `plan` has no slates, for this page and the round's report.
    static func whyNoSlates(_ plan: SuccessionPlan, words: Words) -> String {
        let escape = HTMLReport.escape
        guard let conflict = plan.conflict, conflict.notFound == nil else {
            let advice =
                plan.conflict?.notFound.map { $0.wordsKey }
                ?? (plan.status == .infeasible ? "slates.page.noPlan" : "slates.page.noPlanInTime")
            return "<p>\(escape(words(advice)))</p>"
        }
        let items = conflict.rules.map { key in
            "<li><strong>\(escape(words.ruleName(key)))</strong> (<code>policy.\(escape(key))</code>): \(escape(words.ruleSummary(key)))</li>"
        }.joined()
        return "<p>\(escape(words("slates.conflict.heading")))</p><ul>\(items)</ul>"
    }

    /// The slates' status in plain words.
    var plainStatus: String {
        let within = plan.gap.flatMap { $0 > 1e-9 ? words.gap($0) : nil }
        switch plan.status {
        case .optimal: return within.map { words("slates.page.plain.optimalWithin", ["gap": $0]) } ?? words("slates.page.plain.optimal")
        case .feasible: return words("slates.page.plain.feasible")
        case .infeasible: return words("slates.page.plain.infeasible")
        case .noPlanWithinTimeLimit: return words("slates.page.plain.noPlanWithinTimeLimit")
        case .stopped: return words("slates.page.plain.stopped")
        }
    }

    func header() -> String {
        var html = "<header>\n<p class=\"kicker\">\(escape(words("slates.page.kicker")))</p>\n"
        html += "<h1>\(escape(names.nfc(plan.scenario.name)))</h1>\n"
        html += "<p class=\"status \(plan.status.hasPlan ? "ok" : "none")\">\(escape(words.sentence(plainStatus)))</p>\n"
        html += "<dl class=\"record\">\n"
        let produced = plan.producedBy
        let rows: [(String, String)] = [
            (words("slates.page.planningYear"), String(plan.scenario.planningYear)),
            (words("slates.page.termStart"), String(plan.termStart)),
            (words("slates.page.sha"), plan.scenario.sha256),
            (words("slates.page.producedBy"), "planner \(produced.planner); \(produced.solver) \(produced.solverVersion)"),
            (words("slates.page.objective"), plan.objective.map(words.figure) ?? "–"),
        ]
        for (term, value) in rows { html += "<dt>\(escape(term))</dt><dd>\(escape(value))</dd>\n" }
        return html + "</dl>\n</header>\n"
    }

    /// The figures a committee weighs a bench by, and a chart of the slates by their length.
    func bench(_ figures: SuccessionFigures) -> String {
        var rows: [[String]] = [
            [words("slates.page.keyPosts"), String(figures.keyPosts)],
            [words("slates.page.atRisk"), String(figures.atRisk)],
        ]
        for (length, posts) in figures.benchStrength.enumerated() {
            rows.append([words("slates.page.withSuccessors", count: length), String(posts)])
        }
        rows.append([words("slates.page.people"), String(figures.people)])
        rows.append([words("slates.page.women"), "\(figures.women) (\(words.percent(figures.womenShare)))"])
        rows.append([words("slates.page.young"), "\(figures.young) (\(words.percent(figures.youngShare)))"])
        if figures.mostSlates > 0 {
            // By name, as the slates list them (the id where the round has no name for it).
            var shown = figures.cadresOnMostSlates.prefix(10).map { names.name($0).isEmpty ? $0 : names.name($0) }
                .joined(separator: ", ")
            if figures.cadresOnMostSlates.count > 10 {
                shown += " " + words("common.andMore", count: figures.cadresOnMostSlates.count - 10)
            }
            rows.append([
                words("slates.page.mostSlates"),
                words(
                    "slates.page.mostSlatesValue",
                    ["most": String(figures.mostSlates), "count": String(figures.cadresOnMostSlates.count), "names": shown]),
            ])
        }
        if !plan.excludedAsAppointed.isEmpty { rows.append([words("slates.page.excluded"), String(plan.excludedAsAppointed.count)]) }
        var html = "<section id=\"bench\">\n<h2>\(escape(words("slates.page.bench")))</h2>\n"
        // A figures table whose values may wrap: the most slates' row names its cadres.
        html += "<style>\ntable.figures.bench td:nth-child(n+2) { white-space: normal; }\n</style>\n"
        html += HTMLReport.table(
            header: [words("slates.page.figure"), words("slates.page.value")], rows: rows, className: "figures bench")
        let chartRows = figures.benchStrength.enumerated().map { length, posts in
            SVGCharts.Row(
                label: words("slates.page.successors", count: length), bars: [SVGCharts.Bar(caption: "", segments: [(posts, "after")])])
        }
        let title = words("slates.page.chart")
        html += HTMLReport.figure(
            title, SVGCharts.horizontalBars(title: title, rows: chartRows, legend: [(words("slates.page.posts"), "after")]))
        return html + "</section>\n"
    }

    /// The key posts at risk first (no successor, then an incumbent leaving with nobody ready,
    /// then a single successor), then every other key post in the scenario's order.
    func slates() -> String {
        func severity(_ slate: Slate) -> Int {
            if slate.risks.contains(.noCandidate) { return 0 }
            if slate.risks.contains(.incumbentRetiresWithoutReadySuccessor) { return 1 }
            return 2
        }
        let risky = plan.slates.enumerated().filter { !$0.element.risks.isEmpty }
            .sorted { (severity($0.element), $0.offset) < (severity($1.element), $1.offset) }.map(\.element)
        let others = plan.slates.filter { $0.risks.isEmpty }
        var html = "<section id=\"at-risk\">\n<h2>\(escape(words("slates.page.riskSection", ["count": String(risky.count)])))</h2>\n"
        if risky.isEmpty { html += "<p>\(escape(words("slates.page.noRisk")))</p>\n" }
        for slate in risky { html += article(slate) }
        html += "</section>\n"
        if !others.isEmpty {
            html += "<section id=\"slates\">\n<h2>\(escape(words("slates.page.otherSection", ["count": String(others.count)])))</h2>\n"
            for slate in others { html += article(slate) }
            html += "</section>\n"
        }
        return html
    }

    func article(_ slate: Slate) -> String {
        var html = "<article class=\"slate\">\n<h3>\(escape(words.sentence(names.post(slate.position))))</h3>\n"
        if let incumbent = slate.incumbent {
            let name = names.name(incumbent).isEmpty ? incumbent : names.name(incumbent)
            let line =
                slate.incumbentRetirementYear.map { words("slates.page.incumbent", ["name": name, "year": String($0)]) }
                ?? words("slates.page.incumbentNoYear", ["name": name])
            html += "<p>\(escape(line))</p>\n"
        } else {
            html += "<p>\(escape(words("slates.page.vacant")))</p>\n"
        }
        for risk in slate.risks {
            let flag: String =
                switch risk {
                case .noCandidate: words("slates.page.risk.noCandidate")
                case .singleCandidate: words("slates.page.risk.singleCandidate")
                case .incumbentRetiresWithoutReadySuccessor: words("slates.page.risk.incumbentRetiresWithoutReadySuccessor")
                }
            html += "<p class=\"risk\">\(escape(words("slates.page.risk", ["risk": flag])))</p>\n"
        }
        guard !slate.candidates.isEmpty else { return html + "<p>\(escape(words("slates.page.noCandidate")))</p>\n</article>\n" }
        let header = [
            "#", words("slates.page.name"), words("slates.page.ageSex"), words("slates.page.holds"), words("slates.page.readiness"),
            words("slates.page.ready"), words("slates.page.yearsAfterTerm"),
        ]
        let rows = slate.candidates.enumerated().map { rank, candidate -> [String] in
            [
                String(rank + 1), names.name(candidate.cadre), names.ageAndSex(candidate.cadre),
                candidate.holds.map { words.sentence(names.post($0)) } ?? words.sentence(words("slates.page.pool")),
                words.formatted("%.1f", candidate.readiness.value),
                candidate.ready ? words("common.yes") : words("slates.page.notYet"), String(years.afterTerm(candidate)),
            ]
        }
        return html + HTMLReport.table(header: header, rows: rows, className: "slate") + "</article>\n"
    }

    /// The soft rules the slates do not fully meet, by their names in the page's language.
    func penalties() -> String {
        guard let breakdown = plan.objectiveBreakdown, !breakdown.penalties.isEmpty else { return "" }
        var html = "<section id=\"penalties\">\n<h2>\(escape(words("slates.page.penalties")))</h2>\n<ul>\n"
        for penalty in breakdown.penalties.prefix(50) {
            let line = words(
                "slates.page.penalty",
                ["rule": words.sentence(words.ruleName(penalty.rule)), "subject": penalty.subject, "shortfall": String(penalty.shortfall)])
            html += "<li>\(escape(line))</li>\n"
        }
        if breakdown.penalties.count > 50 {
            html += "<li>… \(escape(words("common.andMore", count: breakdown.penalties.count - 50)))</li>\n"
        }
        return html + "</ul>\n</section>\n"
    }
}
