import Foundation

/// A term plan as a page for the committee (`planner term --format html`, `planner report
/// --term`): what was planned and how, a chart of the leadership posts year by year, the
/// rounds, the office year by year, the key posts at risk, and who changes post. One
/// self-contained page in the report's frame (`HTMLPage`): nothing is fetched when it opens.
struct TermPage {
    let term: TermPlan
    let words: Words
    let names: RoundNames
    let language: ReportLanguage

    init(_ term: TermPlan, scenario: Scenario, language: ReportLanguage) {
        self.term = term
        self.language = language
        words = Words.of(language)
        names = RoundNames(scenario, words)
    }

    func escape(_ text: String) -> String { HTMLReport.escape(text) }

    func render() -> String {
        // The term's tables run long (a city's paths: hundreds of rows): printed, they break
        // across pages rather than leave one mostly blank (the report's tables do not break).
        var body =
            "<style>\nsection#years table, section#at-risk table, section#retiring table, section#paths table { break-inside: auto; }\n</style>\n"
        body += header()
        body += chart()
        if let rows = TermReport.comparisonRows(term, words), let years = TermReport.comparisonYearRows(term, words) {
            body += section("compare", words("term.compare"), header: TermReport.comparisonHeader(words), rows: rows)
            if let status = TermReport.comparisonStatus(term, words) { body += "<p>\(escape(words.sentence(status)))</p>\n" }
            body += section("compare-years", words("term.compare.years"), header: TermReport.comparisonYearHeader(words), rows: years)
        }
        body += rounds()
        body += years()
        body += atRisk()
        body += retiring()
        body += paths()
        return HTMLPage.document(title: names.nfc(term.scenario.name), language: language, body: body)
    }

    func header() -> String {
        var html = "<header>\n<p class=\"kicker\">\(escape(words("term.page.kicker")))</p>\n"
        html += "<h1>\(escape(names.nfc(term.scenario.name)))</h1>\n"
        let status = words.sentence(TermReport.statusText(term, words))
        html += "<p class=\"status \(term.status.hasPlan ? "ok" : "none")\">\(escape(status))</p>\n"
        html += "<p>\(escape(TermReport.methodText(term, words)))</p>\n"
        if term.rounds.contains(where: { $0.slates != nil }) {
            html += "<p>\(escape(words("term.slates")))</p>\n<ul>\n"
            for line in TermReport.slateLines(term, words) { html += "<li>\(escape(line))</li>\n" }
            html += "</ul>\n"
        }
        html += "<dl class=\"record\">\n"
        var rows: [(String, String)] = [
            (words("term.page.rounds"), term.settings.rounds.map(String.init).joined(separator: ", ")),
            (words("term.page.until"), String(TermReport.followedTo(term))),
            (
                words("term.page.minimumStay"),
                term.settings.minimumStay > 0
                    ? words("term.page.years", ["years": String(term.settings.minimumStay)]) : words("common.none")
            ),
            (words("slates.page.sha"), term.scenario.sha256),
        ]
        if let cap = term.settings.maxMoves {
            rows.insert(
                (words("term.page.maxMoves"), words("term.page.movesOfCap", ["moves": String(term.movesOverTerm), "cap": String(cap)])),
                at: 3)
        }
        if let produced = term.rounds.first?.plan.producedBy {
            rows.append((words("slates.page.producedBy"), "planner \(produced.planner); \(produced.solver) \(produced.solverVersion)"))
        }
        for (label, value) in rows { html += "<dt>\(escape(label))</dt><dd>\(escape(value))</dd>\n" }
        return html + "</dl>\n</header>\n"
    }

    /// Leadership posts held, women and men, year by year, against the number of posts.
    func chart() -> String {
        guard let posts = term.years.first?.leadershipPosts else { return "" }
        let rows = term.years.map { year in
            SVGCharts.Row(
                label: String(year.year),
                bars: [
                    SVGCharts.Bar(
                        caption: "",
                        segments: [(year.womenInLeadership, "women"), (year.leadershipPostsFilled - year.womenInLeadership, "men")])
                ])
        }
        let title = words("term.page.chart")
        var html = "<section id=\"chart\">\n<h2>\(escape(title))</h2>\n"
        html += HTMLReport.figure(
            title,
            SVGCharts.horizontalBars(
                title: title, rows: rows, legend: [(words("term.page.women"), "women"), (words("term.page.men"), "men")],
                marker: (posts, words("term.page.posts", ["count": String(posts)]))))
        return html + "</section>\n"
    }

    func rounds() -> String {
        section("rounds", words("term.rounds"), header: TermReport.roundHeader(words), rows: TermReport.roundRows(term, words))
    }

    func years() -> String {
        section("years", words("term.years"), header: TermReport.yearHeader(words), rows: TermReport.yearRows(term, words))
    }

    func atRisk() -> String {
        section(
            "at-risk", words("term.atRisk"), header: ["term.column.year", "term.column.post", "term.column.holder"].map { words($0) },
            rows: TermReport.atRiskRows(term, names: names) { words.sentence(names.post($0)) })
    }

    func retiring() -> String {
        section(
            "retiring", words("term.retiring"), header: ["term.column.year", "term.column.holder", "term.column.post"].map { words($0) },
            rows: TermReport.retiringRows(term, names: names) { words.sentence(names.post($0)) })
    }

    func paths() -> String {
        let none = "–"
        let rows = term.paths.map { path in
            [names.person(path.cadre), path.before.map(names.post) ?? none] + path.steps.map { $0.position.map(names.post) ?? none }
        }
        let solvedYears = term.rounds.filter(\.plan.status.hasPlan).map(\.year)
        return section(
            "paths", "\(words("term.paths")) (\(rows.count))",
            header: [words("term.column.cadre"), words("term.column.before")] + solvedYears.map(String.init), rows: rows, className: "slate"
        )
    }

    /// A section of the page: its heading, and its table or "none".
    func section(_ id: String, _ title: String, header: [String], rows: [[String]], className: String = "figures") -> String {
        let html = "<section id=\"\(id)\">\n<h2>\(escape(title))</h2>\n"
        guard !rows.isEmpty else { return html + "<p>\(escape(words.sentence(words("common.none"))))</p>\n</section>\n" }
        return html + HTMLReport.table(header: header, rows: rows, className: className) + "</section>\n"
    }
}
