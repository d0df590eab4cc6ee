import Foundation

/// Why one scenario of a comparison, or one value of a sweep, has no plan to show.
public enum WhatIfFailure: LocalizedError, Sendable, Equatable {
    /// The scenario file could not be read, or breaks the format.
    case scenario(ScenarioError)
    /// The solver failed, or its plan failed the independent verifier (a bug in planner).
    case solver(PlannerError)
    /// A stop was asked for (`SolveInterruption`) before this scenario's search began.
    case stoppedBeforeSolving

    public var errorDescription: String? {
        switch self {
        case .scenario(let error): error.errorDescription
        case .solver(let error): error.errorDescription
        case .stoppedBeforeSolving: "stopped before it was solved"
        }
    }

    /// The first line of the description: what a comparison's column or a sweep's row has room for.
    public var summary: String {
        (errorDescription ?? "\(self)").split(separator: "\n").first.map(String.init) ?? "no plan"
    }
}

extension Planner {
    /// What solving one scenario among several gave: its plan, whatever its status (an
    /// infeasible round is a plan document too), or why there is none.
    public typealias Outcome = Result<Plan, WhatIfFailure>

    /// Solves each scenario as `solve` does, `jobs` at a time, and returns the outcomes in order.
    ///
    /// Threads, not processes: GLPK keeps its working state per thread (every solve creates,
    /// uses and deletes its own problem on the thread it runs on, as solve-by-parts already
    /// does), and every input has been checked in Swift before GLPK sees it, so GLPK's
    /// process-wide abort on an internal error is not a risk these solves add. Threads share
    /// the scenarios already read, start no process, and a stop request (`SolveInterruption`)
    /// reaches every search at once. docs/performance.md has the measurement against one
    /// process per scenario.
    static func solveEach(_ scenarios: [LoadedScenario], options: Options, jobs: Int, solver: any MIPSolver) -> [Outcome] {
        solveEach(scenarios.count, reading: { .success(scenarios[$0]) }, options: options, jobs: jobs, solver: solver)
    }

    /// As `solveEach`, with each scenario read by `read` only when its turn comes and let go
    /// once solved: a sweep of thousands of values holds a few rounds in memory, not all.
    static func solveEach(
        _ count: Int, reading read: @escaping @Sendable (Int) -> Result<LoadedScenario, ScenarioError>, options: Options, jobs: Int,
        solver: any MIPSolver, keeping keep: @escaping @Sendable (Plan) -> Plan = { $0 }
    ) -> [Outcome] {
        concurrently(count, workers: max(1, jobs)) { k in
            // Stopped: no new search starts; this scenario is reported as stopped.
            if SolveInterruption.isRequested { return .failure(.stoppedBeforeSolving) }
            Thread.current.name = solveThreadName
            switch read(k) {
            case .success(let scenario): return solveOne(scenario, options: options, startingFrom: nil, solver: solver).map(keep)
            case .failure(let error): return .failure(.scenario(error))
            }
        }
    }

    /// Solves the scenarios one after another, each starting from the plan of the last one
    /// before it that had a plan: neighbouring values of a sweep have neighbouring plans.
    static func solveInChain(
        _ count: Int, reading read: @escaping @Sendable (Int) -> Result<LoadedScenario, ScenarioError>, options: Options,
        solver: any MIPSolver, keeping keep: @escaping @Sendable (Plan) -> Plan = { $0 }
    ) -> [Outcome] {
        // On a thread of its own all the same: the rounding's augmenting paths recurse once per
        // post of a path, deeper than the main thread's stack allows on the largest rounds.
        concurrently(1, workers: 1) { _ in
            Thread.current.name = solveThreadName
            var outcomes: [Outcome] = []
            var previous: Plan?
            for k in 0..<count {
                if SolveInterruption.isRequested {
                    outcomes.append(.failure(.stoppedBeforeSolving))
                    continue
                }
                let outcome: Outcome
                switch read(k) {
                case .success(let scenario): outcome = solveOne(scenario, options: options, startingFrom: previous, solver: solver)
                case .failure(let error): outcome = .failure(.scenario(error))
                }
                if case .success(let plan) = outcome, plan.status.hasPlan { previous = plan }
                outcomes.append(outcome.map(keep))
            }
            return outcomes
        }[0]
    }

    static func solveOne(_ loaded: LoadedScenario, options: Options, startingFrom start: Plan?, solver: any MIPSolver) -> Outcome {
        do {
            return .success(try solve(loaded.scenario, sha256: loaded.sha256, options: options, startingFrom: start, solver: solver))
        } catch {
            return .failure(.solver(error))
        }
    }

    /// The name of a thread that solves one scenario among several, as `ps -L` and
    /// /proc/PID/task/*/comm show it (at most 15 bytes there).
    public static let solveThreadName = "planner solve"

    /// The number of solves run at once when a caller does not say: one per core.
    public static var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }
}
