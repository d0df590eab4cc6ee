import ArgumentParser
import Foundation
import Planner

/// What a command writes, for the help of its `--format` and `-o`.
protocol CommandOutput {
    /// The help of `-o`: what is written, and how.
    static var outputHelp: String { get }
    static var defaultFormat: PlanReport.Format { get }
    static var formatHelp: String { get }
}

extension CommandOutput {
    static var defaultFormat: PlanReport.Format { .table }
    static var formatHelp: String { "Output format: table, json, csv or html (a page to read in a browser or print)." }
}

/// `--format` and `-o FILE`: how a command's report is rendered and where it goes.
struct ReportOptions<Output: CommandOutput>: ParsableArguments {
    @Option(help: ArgumentHelp(Output.formatHelp))
    var format: PlanReport.Format = Output.defaultFormat

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp(Output.outputHelp))
    var output: String?

    @Flag(
        name: .customLong("no-bom"),
        help: "Write CSV without a byte order mark (by default it has one, so that Excel opens Vietnamese as UTF-8 on a double click).")
    var noByteOrderMark = false

    /// A CSV as it is written: after a byte order mark unless `--no-bom`.
    func withByteOrderMark(_ data: Data) -> Data { noByteOrderMark ? data : CSVText.byteOrderMark + data }

    /// The rendered report as it is written: CSV starts with a byte order mark unless `--no-bom`.
    func written(_ data: Data) -> Data {
        format == .csv ? withByteOrderMark(data) : data
    }
}

extension PlanReport.Format: ExpressibleByArgument {}
