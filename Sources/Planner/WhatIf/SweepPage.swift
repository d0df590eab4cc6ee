import Foundation

/// A sweep as a page (`planner sweep --format html`): one row per value, with the plan's status
/// in plain words, its objective and figures, and why a value has no plan. One self-contained
/// page in the report's frame (`HTMLPage`). Wall times are left out: the page is for people,
/// and the same sweep gives the same page.
struct SweepPage {
    let report: SweepReport
    let words: Words
    let language: ReportLanguage

    init(_ report: SweepReport, language: ReportLanguage) {
        self.report = report
        self.language = language
        words = Words.of(language)
    }

    func render() -> String {
        let title = report.title(words)
        var body = "<header>\n<p class=\"kicker\">\(HTMLReport.escape(words("sweep.page.kicker")))</p>\n"
        body += "<h1>\(HTMLReport.escape(title))</h1>\n</header>\n<section id=\"rows\">\n"
        // The table's columns but the last (the solve's wall time), the status in plain words.
        let named = report.parameters.map { words.parameterWords($0) ?? $0 }
        let header = named + SweepReport.header(words).dropLast().map(words.sentence)
        let rows = report.rows.map { row -> [String] in
            var cells = Array(report.cells(row, words).dropLast())
            cells[0] = words.sentence(words.shortStatus(row.status, gap: row.gap))
            return row.values.map { SweepReport.valueCell($0, words) } + cells
        }
        body += WhatIfPageStyle.block
        // The figures keep whole ("50.0 %"), on screen and in print; the values and the status wrap.
        body +=
            "<style>\ntable.sweep td { white-space: nowrap; } table.sweep th .path { font-weight: normal; font-size: 0.85em; } table.sweep td:nth-child(-n+\(report.parameters.count + 1)) { white-space: normal !important; }\n</style>\n"
        var table = HTMLReport.table(header: header, rows: rows, className: "sweep")
        // A parameter by its words, its path (letters, digits, dots and underscores only) on a
        // second line, which may break at its dots.
        for (path, name) in zip(report.parameters, named) {
            let broken = HTMLReport.escape(path).replacingOccurrences(of: ".", with: ".<wbr>")
            table = table.replacingOccurrences(
                of: "<th>\(HTMLReport.escape(name))</th>",
                with: name == path
                    ? "<th>\(broken)</th>" : "<th>\(HTMLReport.escape(name))<br><span class=\"path\">\(broken)</span></th>")
        }
        body += "<div class=\"scroll\">\n" + table + "</div>\n"
        let notes = report.notes(words)
        if !notes.isEmpty {
            body += "<ul>\n" + notes.map { "<li>\(HTMLReport.escape($0))</li>\n" }.joined() + "</ul>\n"
        }
        body += "</section>\n"
        return HTMLPage.document(title: title, language: language, body: body)
    }
}
