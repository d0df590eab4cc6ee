import ArgumentParser
import Planner

@main
struct PlannerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planner",
        abstract: "Rotation and succession planning for the organization department: from a scenario to a verified plan.",
        discussion: """
            Every plan is solved with GLPK and re-checked by an independent verifier
            before it is shown. -o FILE is written atomically (a device or FIFO is
            written in place; `-` is stdout) and never over an input file.

            Exit codes:
              0   success (a plan was found; its status says optimal or feasible)
              1   verify: the plan breaks a hard rule or disagrees with the scenario
                  (refresh: the edited assignments break a hard rule)
              10  no feasible plan (or slates): the hard rules cannot all hold
              11  no plan found within the time limit
              64  usage error
              65  the scenario, roster or plan file is invalid (every problem is listed)
              66  an input file does not exist or cannot be read
              70  internal error (please report it with the scenario)
              73  an output file cannot be written
              130 stopped by SIGINT (Ctrl-C), 143 by SIGTERM: the best plan found by
                  then was written, with its status, bound and gap (a second signal
                  ends at once)
            """,
        version: Planner.version,
        subcommands: [
            Validate.self, Solve.self, Diagnose.self, Explain.self, Succession.self, Term.self, Verify.self, Refresh.self, Export.self,
            Compare.self,
            Sweep.self, Generate.self, Import.self, VocabularyList.self, Report.self,
        ]
    )
}
