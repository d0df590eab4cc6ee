import ArgumentParser

/// The scenario file a command reads: the first argument of most commands.
struct ScenarioArgument: ParsableArguments {
    // Shown as <scenario>, as it always was.
    @Argument(help: ArgumentHelp("The scenario file (JSON).", valueName: "scenario"))
    var path: String
}
