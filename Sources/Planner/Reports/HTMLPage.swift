import Foundation

/// The frame every HTML output shares (the round's report, a comparison, the slates): one
/// self-contained page with the report's stylesheet inline and nothing fetched when it is
/// opened, the document's name as a running header on every printed A4 page.
public enum HTMLPage {
    /// A whole page: `body` is HTML already escaped.
    public static func document(title: String, language: ReportLanguage, body: String) -> String {
        let title = title.precomposedStringWithCanonicalMapping
        var html = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(HTMLReport.escape(title))</title>\n"
        html += "<style>\n\(HTMLReport.stylesheet(runningHeader: title))</style>\n</head>\n<body>\n"
        return html + body + "</body>\n</html>\n"
    }

    /// A text output (an explanation, a diagnosis) as a page: the table's text as it is, in a
    /// block that keeps its lines and columns and wraps a long line rather than cutting it at
    /// the printed page's margin. `round`, the round's name, follows the title in the page's
    /// title and heading ("Chẩn đoán — Tutorial").
    public static func preformatted(title: String, round: String, language: ReportLanguage, text: String) -> Data {
        let title = "\(title) — \(round)".precomposedStringWithCanonicalMapping
        let body =
            "<h1>\(HTMLReport.escape(title))</h1>\n"
            + "<pre style=\"white-space: pre-wrap; overflow-wrap: anywhere\">\(HTMLReport.escape(text))</pre>\n"
        return Data(document(title: title, language: language, body: body).utf8)
    }
}
