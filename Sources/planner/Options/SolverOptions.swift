import ArgumentParser
import Foundation
import Planner

/// Options shared by every command that solves.
struct SolverOptions: ParsableArguments {
    // `.unconditional`: "--time-limit -1" is read as a value (and refused as negative), not as
    // an unknown option.
    @Option(
        name: .customLong("time-limit"), parsing: .unconditional,
        help:
            "Seconds the solving may take, counted from the command's start (reading the file included), a diagnosis included; a plan found by then is returned with its gap."
    )
    var timeLimit: Double?

    @Option(
        parsing: .unconditional,
        help:
            "Relative gap at which a plan counts as optimal (0, the default, proves optimality); for verify, the largest gap a plan claimed optimal may have."
    )
    var gap: Double?

    /// The gap asked for: 0 unless --gap says otherwise.
    var relativeGap: Double { gap ?? 0 }

    @Flag(help: "Show the solver's progress on stderr.")
    var verbose = false

    @Flag(
        inversion: .prefixedNo,
        help:
            "A live line on stderr while a solve runs longer than a second: the step, the best plan, the bound, the gap, the time. By default only when stderr is a terminal (and not with --verbose); --progress writes it as lines elsewhere too."
    )
    var progress: Bool?

    @Option(
        name: .customLong("candidates-per-post"), parsing: .unconditional,
        help:
            "Candidates per post the solve starts from; the others are priced in by the LP and the plan is certified over all of them. 0 solves the whole model at once."
    )
    var candidatesPerPost = 3

    @Flag(
        help:
            "Solve a round of several independent parts (cities) as one model; by default a round of 2,000 posts or more is solved part by part first."
    )
    var whole = false

    @Flag(
        name: .customLong("any-optimum"),
        help:
            "Return the first optimal plan found, without choosing among plans of equal objective by the stated order (docs/model.md, \"One plan among equals\"): faster, but which of several equal plans comes back then depends on the solver's path."
    )
    var anyOptimum = false

    /// When the command started: `--time-limit` counts from here (parsing runs `validate` first).
    static let commandStart = Date()

    func validate() throws {
        _ = Self.commandStart
        if let timeLimit, timeLimit < 0 {
            throw ValidationError(
                "--time-limit is negative (\(PlanReport.number(timeLimit))): it takes a number of seconds from 0 to 1000000")
        }
        if let timeLimit, !(timeLimit.isFinite && timeLimit >= 0 && timeLimit <= 1e6) {
            throw ValidationError("--time-limit takes a number of seconds from 0 to 1000000")
        }
        if let gap, gap < 0 { throw ValidationError("--gap is negative (\(gap)): it takes a relative gap from 0 to 1, such as 0.001") }
        if let gap, !(gap.isFinite && gap >= 0 && gap <= 1) {
            throw ValidationError("--gap takes a relative gap from 0 to 1, such as 0.001")
        }
        if !(0...1000).contains(candidatesPerPost) {
            throw ValidationError("--candidates-per-post takes a whole number from 0 to 1000")
        }
    }

    /// The options as the library takes them, the progress line in the environment's language.
    var plannerOptions: Planner.Options { plannerOptions(ReportLanguage.from(environment: ProcessInfo.processInfo.environment)) }

    /// The options as the library takes them; `--verbose` sends the search's log to stderr, and
    /// the progress line (`ProgressLine`) is in `language`.
    func plannerOptions(_ language: ReportLanguage) -> Planner.Options {
        var log: (@Sendable (String) -> Void)?
        if verbose { log = { @Sendable line in Console.error(line) } }
        var options = Planner.Options(timeLimit: timeLimit, relativeGap: relativeGap, log: log)
        options.clockStart = Self.commandStart
        let terminal = isatty(STDERR_FILENO) == 1
        if progress ?? (terminal && !verbose) {
            let line = ProgressLine.begin(terminal: terminal, words: .of(language))
            options.progress = { line.receive($0) }
        }
        options.candidatesPerPost = candidatesPerPost
        if whole { options.partsMinimumPosts = .max }
        if anyOptimum { options.preferAmongEquals = false }
        return options
    }
}

extension SolverOptions {
    /// What is left of `--time-limit` now (it counts from the command's start); nil without one.
    var timeLimitLeft: Double? { timeLimit.map { max(0, $0 - Date().timeIntervalSince(Self.commandStart)) } }

    /// The options for several solves at once (compare, sweep): their progress is not shown,
    /// since the lines of searches running together would interleave.
    var quietPlannerOptions: Planner.Options {
        var options = plannerOptions
        options.log = nil
        options.progress = nil
        // Each scenario has the whole limit, whenever its turn comes.
        options.clockStart = nil
        return options
    }
}
