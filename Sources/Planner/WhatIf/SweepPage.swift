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
        let file = TextSafety.visible(URL(fileURLWithPath: report.scenario).lastPathComponent)
        let title = words("sweep.heading", ["file": file, "parameters": report.parameters.joined(separator: " × ")])
        var body = "<header>\n<p class=\"kicker\">\(HTMLReport.escape(words("sweep.page.kicker")))</p>\n"
        body += "<h1>\(HTMLReport.escape(title))</h1>\n</header>\n<section id=\"rows\">\n"
        // The table's columns but the last (the solve's wall time), the status in plain words.
        let header = report.parameters + SweepReport.header(words).dropLast().map(words.sentence)
        let rows = report.rows.map { row -> [String] in
            var cells = Array(report.cells(row, words).dropLast())
            cells[0] = words.sentence(words.shortStatus(row.status, gap: row.gap))
            return row.values.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) } + cells
        }
        body += "<div style=\"overflow-x: auto\">\n" + HTMLReport.table(header: header, rows: rows, className: "variants") + "</div>\n"
        let failed = report.rows.filter { $0.error != nil }
        if !failed.isEmpty {
            body += "<ul>\n"
            for row in failed {
                body +=
                    "<li><strong>\(HTMLReport.escape(row.values.joined(separator: ", ")))</strong>: \(HTMLReport.escape(row.error ?? ""))</li>\n"
            }
            body += "</ul>\n"
        }
        body += "</section>\n"
        return HTMLPage.document(title: title, language: language, body: body)
    }
}
