import ArgumentParser

/// The scenario file a command reads: the first argument of most commands.
struct ScenarioArgument: ParsableArguments {
    // Shown as <scenario>, as it always was.
    @Argument(
        help: ArgumentHelp(
            "The scenario file (JSON), or a roster: an .xlsx workbook or a folder of CSV files (docs/roster-format.md).",
            valueName: "scenario"))
    var path: String
}
