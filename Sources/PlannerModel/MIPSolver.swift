import Foundation

/// Something that solves a `LinearModel`: `GLPKSolver` (the method of `PlannerSolving` over the
/// GLPK backend) is the one planner ships; the protocol keeps the rest of the planner free of
/// any solver's types, pointers or status codes.
public protocol MIPSolver: Sendable {
    /// The solver's name and version, recorded in every plan.
    var name: String { get }
    var version: String { get }
    /// Solves on the calling thread and returns when done. Never aborts the process: a model
    /// that fails `LinearModel.problems()` is refused with `SolverError.invalidModel`.
    func solve(_ model: LinearModel, options: SolveOptions) throws(SolverError) -> MIPResult
    /// Solves as `solve` does and, when the model is proven optimal, keeps it alive with its
    /// basis for follow-up questions (`WarmModel`); nil when the solver cannot keep it.
    func solveKeeping(_ model: LinearModel, options: SolveOptions) throws(SolverError) -> (MIPResult, (any WarmModel)?)
}

extension MIPSolver {
    public func solveKeeping(_ model: LinearModel, options: SolveOptions) throws(SolverError) -> (MIPResult, (any WarmModel)?) {
        (try solve(model, options: options), nil)
    }
}

/// A model its solver has proven optimal and keeps alive, with the basis of the proof, for the
/// questions a committee asks next (issue 21): the same round with one pair forced or forbidden
/// differs from it in a column's bounds only, and is re-solved from that basis (dual simplex,
/// then pricing, the search and the certificate over every column as in a cold solve) instead of
/// from nothing. It belongs to the thread that solved it, like the library's problem it holds.
public protocol WarmModel: AnyObject {
    /// Solves `model` from the kept basis when it differs from the kept model in column bounds
    /// only; nil when it differs in anything else, or when this thread cannot use the kept
    /// problem: the caller solves it cold. The answer is what a cold solve of `model` gives
    /// (the same method, the same proofs), its objective stages included.
    func resolve(_ model: LinearModel, options: SolveOptions) throws(SolverError) -> MIPResult?
}

public struct SolveOptions: Sendable {
    /// Wall-clock seconds for the whole solve; nil for none.
    public var timeLimit: Double?
    /// When `timeLimit` started counting, for a caller whose own work before the solve spends
    /// it (the command line: reading the scenario); nil: when the solve is called.
    public var clockStart: Date?
    /// Stop when (bound − incumbent) / max(1, |incumbent|) is at most this; 0 proves optimality.
    public var relativeGap: Double
    /// Receives the solver's own progress lines; nil discards them.
    public var log: (@Sendable (String) -> Void)?
    /// Turns an LP relaxation (one value per column) into a complete integer solution, or nil.
    /// The backend checks whatever it returns against every row and bound before using it.
    public var heuristic: (@Sendable ([Double]) -> [Double]?)?
    /// A complete solution to start from (a warm start), one value per column; offered to the
    /// solver at its first chance after being checked against every row and bound.
    public var start: [Double]?
    /// Solve by pricing: start from these columns (true) and bring in the others only as the
    /// LP's row prices make them worth having; the plan's optimality is certified over every
    /// column (`DualBound`). nil solves the whole model at once.
    public var pricingCore: [Bool]?
    /// For model builders that choose a pricing core: how many candidates per post it starts
    /// from (the rotation model's best by objective); 0 solves the whole model at once.
    public var candidatesPerPost = 3
    /// Before any LP, propagate the columns' bounds through the rows (`BoundPropagation`): a row
    /// that cannot hold proves the model has no solution in milliseconds. Off only where a test
    /// looks at what the LP shows.
    public var propagateBounds = true
    /// The most columns one pricing round brings in; nil: half as many as the model has rows
    /// (at least 500), which suits the rotation model (docs/performance.md).
    public var pricingBatch: Int?
    /// A plan is optimal when no plan is better by this much or more (0: the model's own
    /// objective step, or by any amount). A diagnosis prices each broken rule far above what the
    /// rest of the objective can span (`RotationModel.objectiveSpan`): such a gap proves the
    /// count of broken rules.
    public var absoluteGap = 0.0
    /// A round of at least this many posts that falls into two or more independent parts
    /// (`RotationModel.parts`) is solved part by part first (`Planner.solve`).
    public var partsMinimumPosts = 2000
    /// How many parts are solved at once, each on its own thread (GLPK's objects are per thread).
    public var partWorkers = 2
    /// Solve the LP relaxation only (over every column, priced in as usual): `values` are the
    /// LP's, not whole; `bound` is its value, proven over every column.
    public var relaxationOnly = false
    /// With `relaxationOnly`: pricing stops as soon as this says that the LP over the columns in
    /// (its value, first) and the bound over every column (second, `DualBound`) are close enough
    /// for the caller; the result is then `feasible`, its bound the one over every column. A
    /// diagnosis needs the LP only to count how many rules must break, and on the city's hard
    /// women-per-team variant the count was settled ten pricing rounds before the LP's last digits
    /// (docs/performance.md, "The diagnosis's count over every pair"). nil: priced to the end.
    public var relaxationSuffices: (@Sendable (_ restricted: Double, _ bound: Double) -> Bool)?
    /// Branch and bound with every cut family the solver has (the term model: its linking rows
    /// leave the LP bound loose, and Gomory and clique cuts close it; `SearchParameters.everyCut`).
    public var everyCut = false
    /// Whether to dive on the LP for a plan before branching: on rotation rounds it reaches the
    /// LP bound; on the succession model with people counted branch and bound is faster
    /// (docs/performance.md, "Lab notes").
    public var dive = true
    /// A feasibility question: the solve ends at the first plan it finds, returned as feasible
    /// (a diagnosis asks "has the round a plan once these rules are dropped?").
    public var anyPlan = false
    /// An infeasible restricted LP is first made elastic only on the rows that the all-zero plan
    /// leaves short, and on every row that can be violated after that (`ElasticColumn`). The diagnosis's
    /// elastic models take this route: on the hard women-per-team round its first MIP took 2 s
    /// from it against 55 s from the full cover; issue 17's women round took 14 s from it against
    /// 7 s (docs/performance.md, "Issue 17").
    public var elasticShortRowsFirst = false
    /// When branch and bound starts with no plan in hand (none given, none from the dive),
    /// the library's proximity search looks for a first one at the root. The diagnosis's
    /// elastic model of the hard women-per-team round has no start (the plan where everyone
    /// stays breaks hard rules the rounding cannot mend): GLPK's search found its first plan
    /// after 30 s, the proximity search in 12 s, at the LP bound (docs/performance.md).
    /// Nothing in planner asks for it now: on some rounds GLPK's proximity search fails an
    /// assertion and aborts the process (docs/performance.md, "GLPK's proximity search aborts").
    public var proximitySearchWithoutPlan = false
    /// Branch-and-bound nodes one search may create; past them it stops as at its time limit,
    /// with the best plan it has. Unlike a time limit it stops at the same place on every
    /// machine: the preference stages use it, so that the plan never depends on how fast the
    /// machine was. nil for none.
    public var nodeLimit: Int?
    /// Search first without the library's bound tightening at the nodes, for up to this many
    /// nodes, and only past them with it. GLPK's tightening goes over every row at the root,
    /// the objective's and the stages' dense held rows included: on communes it cost each rank
    /// stage search half a second before its first node, for searches that end within a few
    /// nodes; a long search needs it (docs/performance.md, "The stages' search without GLPK's bound tightening first"). nil: with it
    /// from the first node.
    public var searchWithoutTighteningFirst: Int?
    /// Among the plans of the optimal objective, return the one the stated order prefers
    /// (`PreferenceOrder` in the Planner library, docs/model.md "One plan among equals"): a
    /// stage per key after the objective is proven (`Planner.solve`; a model solved directly by a
    /// `MIPSolver` has no stages). `--any-optimum` turns it off.
    public var preferAmongEquals = true
    /// Objectives optimized after the model's own is proven optimal, each over the plans that
    /// hold every earlier one at its optimum (a lexicographic order, as `PreferenceOrder` states
    /// it). A solver that keeps its problem alive runs them there, from the proof's basis, and
    /// reports each in `MIPResult.stages`; one that does not leaves `stages` nil, and the caller
    /// runs them as models of their own.
    public var objectiveStages: [ObjectiveStage] = []
    /// When set, `objectiveStages` run only when the proven objective reaches this value (less
    /// the proof's rounding margin), and `objectiveStagesOtherwise` when it falls short. `explain`
    /// re-solves a forced pair so: a forced plan as good as the plan is chosen by the stated
    /// order, one that loses by the plan closest to the plan.
    public var objectiveStagesFrom: Double?
    public var objectiveStagesOtherwise: [ObjectiveStage] = []
    /// Receives where a long solve stands (the step, the best plan, the bound), often: a
    /// receiver that shows it throttles it itself. Called on the solving thread.
    public var progress: (@Sendable (SolveProgress) -> Void)?

    public init(
        timeLimit: Double? = nil, relativeGap: Double = 0, log: (@Sendable (String) -> Void)? = nil,
        heuristic: (@Sendable ([Double]) -> [Double]?)? = nil
    ) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.log = log
        self.heuristic = heuristic
    }
}

/// Where a solve stands: what `SolveOptions.progress` receives.
public struct SolveProgress: Sendable, Equatable {
    public enum Step: Sendable, Equatable {
        /// The LP relaxation, priced round by round.
        case relaxation(round: Int)
        /// The LP dive for a first plan at the bound.
        case dive
        /// Branch and bound, with the nodes created so far.
        case search(nodes: Int)
        /// The objective is proven; an objective stage chooses among its equal plans.
        case stage(name: String)
    }
    public var step: Step
    /// The objective of the best plan in hand, and the best bound proven over every column.
    public var best: Double?
    public var bound: Double?

    public init(step: Step, best: Double?, bound: Double?) {
        self.step = step
        self.best = best
        self.bound = bound
    }

    /// (bound − best) / max(1, |best|), as `--gap` reads it; nil without both.
    public var gap: Double? {
        guard let best, let bound else { return nil }
        return max(0, abs(bound - best)) / max(1, abs(best))
    }
}

/// One objective of a lexicographic order (`SolveOptions.objectiveStages`): maximised over the
/// plans that keep the model's objective, and every earlier stage's, at its optimum.
public struct ObjectiveStage: Sendable {
    public var name: String
    /// One per model column; whole numbers, so that a stage's optimum is proven by its step.
    public var coefficients: [Double]
    /// Branch-and-bound nodes the stage may spend; past them it keeps the best plan it found
    /// (`SolveOptions.nodeLimit` says why a node count and not a time).
    public var nodeLimit: Int?
    /// Nodes the stage searches without the library's bound tightening before it searches with
    /// it (`SolveOptions.searchWithoutTighteningFirst`); nil: with it from the first node.
    public var nodesWithoutTightening: Int?
    /// Branch first on the integer columns the key does not count (its coefficient 0), before
    /// every column the model gives a priority (`LinearModel.branchFirst(onUncountedBy:)`). For a
    /// key that counts changes those are the decisions to keep things as they are (who stays),
    /// and settling them first finds the plan with the fewest changes sooner: issue 17's
    /// women's-share round proved its fewest-changes key in 90 nodes instead of 302.
    public var branchFirstOnUncounted: Bool
    /// Where the stage's pricing starts, given which columns can still be in a plan of the
    /// optimum and the plan in hand; the plan's own columns come in whatever it says. nil: every
    /// column that can be.
    public var pricingCore: (@Sendable (_ possible: [Bool], _ plan: [Double]) -> [Bool])?

    public init(
        name: String, coefficients: [Double], nodeLimit: Int? = nil, nodesWithoutTightening: Int? = nil,
        branchFirstOnUncounted: Bool = false, pricingCore: (@Sendable (_ possible: [Bool], _ plan: [Double]) -> [Bool])? = nil
    ) {
        self.name = name
        self.coefficients = coefficients
        self.nodeLimit = nodeLimit
        self.nodesWithoutTightening = nodesWithoutTightening
        self.branchFirstOnUncounted = branchFirstOnUncounted
        self.pricingCore = pricingCore
    }
}

/// How one `ObjectiveStage` ended.
public struct ObjectiveStageResult: Sendable, Equatable {
    public var name: String
    /// The stage's objective on the plan it started from, and on the plan it kept.
    public var before: Double
    public var value: Double
    /// Whether `value` is proven the best among the plans the earlier stages allow.
    public var proven: Bool
    /// Whether the stage replaced the plan it started from.
    public var changedPlan: Bool
    public var nodes: Int
    public var seconds: Double
    /// Why the key is not proven when neither the node limit, the time limit nor a signal
    /// stopped the stage (words for the plan's note); nil otherwise.
    public var notProvenBecause: String? = nil

    public init(name: String, before: Double, value: Double, proven: Bool, changedPlan: Bool, nodes: Int, seconds: Double) {
        self.name = name
        self.before = before
        self.value = value
        self.proven = proven
        self.changedPlan = changedPlan
        self.nodes = nodes
        self.seconds = seconds
    }
}

/// "A solution with a status" and "no solution, and why", kept apart as good_lp does.
public enum MIPStatus: Sendable, Equatable {
    /// Proven optimal within the requested gap.
    case optimal
    /// A feasible solution; the time limit stopped the proof.
    case feasible
    case infeasible
    case unbounded
    /// The time limit passed before any feasible solution was found.
    case timeLimitWithoutSolution

    public var hasSolution: Bool { self == .optimal || self == .feasible }
}

public struct MIPResult: Sendable, Equatable {
    public var status: MIPStatus
    /// One value per column when `status.hasSolution`.
    public var values: [Double]?
    /// The row prices behind the last bound proven over every column (`DualBound`), one per
    /// row; nil when the solver proved none. A caller can certify a larger model with them.
    public var rowPrices: [Double]?
    /// The solver's objective value of `values`.
    public var objective: Double?
    /// The best proven bound on the optimum (an upper bound when maximizing).
    public var bound: Double?
    public var statistics: SolveStatistics
    /// The search stopped early because `SolveInterruption` was requested; `status` says what
    /// it had by then (a plan: `feasible`, unless it was already proven).
    public var interrupted = false
    /// The `SolveOptions.objectiveStages` run after the proof, in order, up to the first not
    /// proven; `values` are then the last stage's plan. nil when none were run in place.
    public var stages: [ObjectiveStageResult]?

    public init(
        status: MIPStatus, values: [Double]? = nil, objective: Double? = nil, bound: Double? = nil,
        statistics: SolveStatistics = SolveStatistics()
    ) {
        self.status = status
        self.values = values
        self.objective = objective
        self.bound = bound
        self.statistics = statistics
    }
}

extension MIPResult {
    /// A solution, with how far it is proven.
    public struct Solution: Sendable, Equatable {
        public enum Proof: Sendable, Equatable {
            /// Proven optimal within the requested gap.
            case optimal
            /// A plan whose proof was stopped (time limit, or a signal); `bound` says how far it got.
            case feasible
        }
        public var proof: Proof
        /// One value per column.
        public var values: [Double]
        public var objective: Double
        public var bound: Double?
    }

    /// Why there is no solution.
    public enum NoSolution: Sendable, Equatable {
        case infeasible
        case unbounded
        /// The time limit or a signal came before any solution; `bound` is the best proven by then.
        case stoppedBeforeAnySolution(bound: Double?)
    }

    /// The result as good_lp keeps it: a solution with a status, or no solution and why. Every
    /// status maps to exactly one side, in this one switch.
    public var outcome: Result<Solution, NoSolution> {
        switch status {
        case .optimal, .feasible:
            guard let values, let objective else { return .failure(.stoppedBeforeAnySolution(bound: bound)) }
            return .success(Solution(proof: status == .optimal ? .optimal : .feasible, values: values, objective: objective, bound: bound))
        case .infeasible: return .failure(.infeasible)
        case .unbounded: return .failure(.unbounded)
        case .timeLimitWithoutSolution: return .failure(.stoppedBeforeAnySolution(bound: bound))
        }
    }

    /// The solution, when there is one.
    public var solution: Solution? { try? outcome.get() }
}

extension MIPResult.NoSolution: Error {}

/// What backs an answer of "infeasible".
public enum InfeasibilityProof: Sendable, Equatable {
    /// Row prices under which no choice of column values meets every row, checked in Swift
    /// over every column (`InfeasibilityCertificate`; `value` is its F, below 0).
    case certificate(value: Double, columns: Int)
    /// The LP solver found the LP relaxation over every column infeasible.
    case relaxation(columns: Int)
    /// Branch and bound over every column found no whole-number solution.
    case search(nodes: Int)
    /// Bound propagation showed that row `row` (its name) cannot hold under the bounds that the
    /// other rows imply (`BoundPropagation`), after `passes` passes over the rows.
    case propagation(row: String, passes: Int)
}

public struct SolveStatistics: Sendable, Equatable {
    /// Wall seconds spent in the LP relaxation, and in branch and bound after it.
    public var lpSeconds: Double = 0
    public var branchSeconds: Double = 0
    /// The LP relaxation's optimum, when solved.
    public var lpBound: Double?
    /// Branch-and-bound nodes created, and simplex iterations over the whole solve.
    public var nodes: Int = 0
    public var simplexIterations: Int = 0
    /// In a priced solve: the columns in the restricted model at the end, and the LP solves
    /// (pricing rounds included).
    public var columnsUsed: Int?
    public var pricingRounds: Int = 0
    /// The bound proven over every column, as found (before the step argument).
    public var provenBound: Double?
    /// The objective step that let a bound within one step of the plan prove it optimal.
    public var objectiveStep: Double?
    /// What proves an infeasible answer.
    public var infeasibilityProof: InfeasibilityProof?

    public init() {}

    /// Adds the effort of another solve behind the same answer (a part, a second stage):
    /// nodes, simplex iterations, LP solves and LP seconds.
    public mutating func addEffort(of other: SolveStatistics) {
        nodes += other.nodes
        simplexIterations += other.simplexIterations
        pricingRounds += other.pricingRounds
        lpSeconds += other.lpSeconds
    }
}

public enum SolverError: LocalizedError, Sendable, Equatable {
    /// The model would make the solver library misbehave; nothing was passed to it.
    case invalidModel([String])
    /// The solver library reported a failure it could not recover from.
    case solverFailure(String)

    public var errorDescription: String? {
        switch self {
        case .invalidModel(let problems):
            let shown = problems.prefix(20).map { "  " + $0 }.joined(separator: "\n")
            let more = problems.count > 20 ? "\n  … and \(problems.count - 20) more" : ""
            return "internal error: the optimization model is malformed; nothing was passed to the solver:\n" + shown + more
        case .solverFailure(let message):
            return "the solver failed: \(message)"
        }
    }
}
