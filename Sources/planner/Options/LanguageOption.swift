import ArgumentParser
import Foundation
import Planner

/// `--lang vi|en`: the language of what a command writes for people (tables, explanations,
/// diagnoses, HTML). JSON is the same in every language (ids and codes).
struct LanguageOption: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp(
            "vi or en: the language of tables, explanations and reports (default from LC_ALL, LC_MESSAGES or LANG: vi_* gives vi, anything else en).",
            valueName: "lang"))
    var chosen: ReportLanguage?

    /// The language asked for, else the environment's.
    var language: ReportLanguage { chosen ?? ReportLanguage.from(environment: ProcessInfo.processInfo.environment) }
}

extension ReportLanguage: ExpressibleByArgument {}
