import Foundation

/// Small bar charts as inline SVG, drawn without any script: the report opens on a machine
/// with no network and prints as it shows. Colours come from the page's stylesheet (classes
/// `women`, `men`, `before`, `after`), so screen and print share them.
enum SVGCharts {
    /// One bar: its caption beside it ("before", "after") and its stacked segments.
    struct Bar {
        var caption: String
        var segments: [(value: Int, style: String)]
        var total: Int { segments.reduce(0) { $0 + $1.value } }
    }

    struct Row {
        var label: String
        var bars: [Bar]
    }

    static let width = 640.0
    static let labelWidth = 200.0
    static let captionWidth = 56.0
    static let barHeight = 13.0
    static let rowGap = 8.0

    /// Horizontal bars, a group per row; `marker` draws a dashed line at a target value.
    static func horizontalBars(
        title: String, rows: [Row], legend: [(label: String, style: String)], marker: (value: Int, label: String)? = nil
    ) -> String {
        let maximum = max(1, rows.flatMap(\.bars).map(\.total).max() ?? 1, marker?.value ?? 0)
        let plotLeft = labelWidth + captionWidth
        let plotWidth = width - plotLeft - 30
        let scale = plotWidth / Double(maximum)
        let legendHeight = 22.0
        var y = legendHeight + 6
        var body = ""
        for row in rows {
            // A long unit name is cut to the label column; the tables beside give it whole.
            let label = row.label.count > 30 ? String(row.label.prefix(29)) + "…" : row.label
            body += text(x: 0, y: y + barHeight - 2, label, attributes: "class=\"label\"")
            for bar in row.bars {
                body += text(x: plotLeft - 6, y: y + barHeight - 3, bar.caption, attributes: "class=\"caption\" text-anchor=\"end\"")
                var x = plotLeft
                for segment in bar.segments where segment.value > 0 {
                    let length = Double(segment.value) * scale
                    body +=
                        "<rect class=\"\(segment.style)\" x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(length))\" height=\"\(f(barHeight))\"/>"
                    x += length
                }
                body += text(x: x + 4, y: y + barHeight - 3, String(bar.total), attributes: "class=\"value\"")
                y += barHeight + 2
            }
            y += rowGap
        }
        if let marker {
            let x = plotLeft + Double(marker.value) * scale
            body +=
                "<line class=\"marker\" x1=\"\(f(x))\" y1=\"\(f(legendHeight))\" x2=\"\(f(x))\" y2=\"\(f(y - rowGap))\"/>"
                + text(x: x - 3, y: legendHeight - 2, marker.label, attributes: "class=\"caption\" text-anchor=\"end\"")
        }
        var legendX = 0.0
        var legendSVG = ""
        for entry in legend {
            legendSVG += "<rect class=\"\(entry.style)\" x=\"\(f(legendX))\" y=\"2\" width=\"12\" height=\"12\"/>"
            legendSVG += text(x: legendX + 16, y: 12, entry.label, attributes: "class=\"caption\"")
            legendX += 24 + Double(entry.label.count) * 7
        }
        let height = y
        return
            "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"100%\">"
            + "<title>\(HTMLReport.escape(title))</title>" + legendSVG + body + "</svg>"
    }

    static func text(x: Double, y: Double, _ content: String, attributes: String) -> String {
        "<text x=\"\(f(x))\" y=\"\(f(y))\" \(attributes)>\(HTMLReport.escape(content))</text>"
    }

    /// Coordinates with at most one decimal, the same on every machine.
    static func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}
