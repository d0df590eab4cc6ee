import ArgumentParser
import Foundation
import Planner

/// Options shared by every command that solves.
struct SolverOptions: ParsableArguments {
    // `.unconditional`: "--time-limit -1" is read as a value (and refused as negative), not as
    // an unknown option.
    @Option(
        name: .customLong("time-limit"), parsing: .unconditional,
        help: "Seconds the solving may take, a diagnosis included; a plan found by then is returned with its gap.")
    var timeLimit: Double?

    @Option(parsing: .unconditional, help: "Relative gap at which a plan counts as optimal (0 proves optimality).")
    var gap: Double = 0

    @Flag(help: "Show the solver's progress on stderr.")
    var verbose = false

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

    func validate() throws {
        if let timeLimit, timeLimit < 0 {
            throw ValidationError(
                "--time-limit is negative (\(PlanReport.number(timeLimit))): it takes a number of seconds from 0 to 1000000")
        }
        if let timeLimit, !(timeLimit.isFinite && timeLimit >= 0 && timeLimit <= 1e6) {
            throw ValidationError("--time-limit takes a number of seconds from 0 to 1000000")
        }
        if gap < 0 { throw ValidationError("--gap is negative (\(gap)): it takes a relative gap from 0 to 1, such as 0.001") }
        if !(gap.isFinite && gap >= 0 && gap <= 1) {
            throw ValidationError("--gap takes a relative gap from 0 to 1, such as 0.001")
        }
        if !(0...1000).contains(candidatesPerPost) {
            throw ValidationError("--candidates-per-post takes a whole number from 0 to 1000")
        }
    }

    /// The options as the library takes them; `--verbose` sends the search's progress to stderr.
    var plannerOptions: Planner.Options {
        var log: (@Sendable (String) -> Void)?
        if verbose { log = { @Sendable line in Console.error(line) } }
        var options = Planner.Options(timeLimit: timeLimit, relativeGap: gap, log: log)
        options.candidatesPerPost = candidatesPerPost
        if whole { options.partsMinimumPosts = .max }
        if anyOptimum { options.preferAmongEquals = false }
        return options
    }
}

extension SolverOptions {
    /// The options for several solves at once (compare, sweep): their progress is not shown,
    /// since the lines of searches running together would interleave.
    var quietPlannerOptions: Planner.Options {
        var options = plannerOptions
        options.log = nil
        return options
    }
}
