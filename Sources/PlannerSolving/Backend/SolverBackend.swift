import Foundation
import PlannerModel

/// A column of a backend's problem, counted from 0 as in `LinearModel`. Its own type, so that a
/// row, a cadre or a backend's 1-based slot cannot be passed where a column is meant.
public struct ColumnIndex: Hashable, Comparable, Sendable {
    public let offset: Int
    public init(_ offset: Int) { self.offset = offset }
    public static func < (a: ColumnIndex, b: ColumnIndex) -> Bool { a.offset < b.offset }
}

/// A row of a backend's problem, counted from 0 as in `LinearModel`.
public struct RowIndex: Hashable, Comparable, Sendable {
    public let offset: Int
    public init(_ offset: Int) { self.offset = offset }
    public static func < (a: RowIndex, b: RowIndex) -> Bool { a.offset < b.offset }
}

/// A solver library as the solving method sees it: it loads a `LinearModel` into a problem of
/// its own and writes models in the formats other solvers read. Everything the method decides
/// (what to price in, when to dive, what proves a plan) lives in `PricedSolver`; a backend only
/// carries out calls, in the spirit of good_lp's `Solver`/`SolverModel`.
public protocol SolverBackend: Sendable {
    associatedtype Problem: BackendProblem

    /// The library's name and version, recorded in every plan.
    var name: String { get }
    var version: String { get }

    /// Whether the linked library can be used at all (a version this build was not made for
    /// is refused here, before any solve), with a message a user can act on.
    func checkLibrary() throws(SolverError)

    /// A problem holding `model`, which has passed `LinearModel.problems()`: every index, bound
    /// and coefficient was checked in Swift first, because a library may abort the process on a
    /// bad one. The problem belongs to the calling thread.
    func load(_ model: LinearModel) -> Problem

    /// A problem holding only the columns `held` marks (the method's restricted model); the
    /// others are added when their bounds are first set to anything but 0 (`BackendProblem.
    /// setColumnBounds`). Column indices stay the model's. A library that pays for every
    /// column in each simplex iteration, fixed or not, solves a priced model faster so (issue
    /// 17: an all-soft city round of 588,000 columns). `matrix` is the model by column.
    func load(_ model: LinearModel, holding held: [Bool], matrix: ColumnMajor) -> Problem

    /// Writes `model` (checked as for `load`) in a format other solvers read, as the library
    /// itself writes it. Names come from the model: ids only, never people's names.
    func write(_ model: LinearModel, format: ModelFormat, to path: String) throws(SolverError)

    /// Runs `body` with the library's own terminal output sent to `log`, or dropped.
    func capturingOutput<T, Failure: Error>(_ log: (@Sendable (String) -> Void)?, _ body: () throws(Failure) -> T) throws(Failure) -> T
}

/// The model file formats a backend writes.
public enum ModelFormat: String, Sendable, CaseIterable {
    /// CPLEX LP. GLPK rewrites characters LP names cannot hold ('-' becomes '~', '[' '(' ).
    case lp
    /// Free MPS.
    case mps
}

/// One loaded model inside a solver library: its owner frees it. Between solves it keeps its
/// basis, so a re-solve after a change of bounds starts where the last one ended.
public protocol BackendProblem: AnyObject {
    /// Columns the method can index: the model's, then any added since (elastic columns),
    /// whether or not the library holds them yet.
    var columnCount: Int { get }

    /// Sets a column's bounds; nil is no bound on that side, equal bounds fix it.
    func setColumnBounds(_ column: ColumnIndex, lower: Double?, upper: Double?)
    /// Appends a continuous column with this objective, lower bound and no upper bound, and one
    /// coefficient in one row.
    func addColumn(objective: Double, lower: Double, row: RowIndex, coefficient: Double) -> ColumnIndex

    /// Lets the library forget the model's columns fixed at 0 outside its basis (the method's
    /// left-out columns): GLPK's simplex prices every column it holds at each iteration, fixed or
    /// not. A column forgotten comes back, with its row entries, when its bounds are next set to
    /// anything but 0, as one never held. Only for a problem loaded with some columns held.
    func forgetColumnsFixedAtZero()

    /// Appends a row over the model's columns (each at most once, coefficients finite, checked
    /// by the caller), held or not: a column brought in later comes with its coefficient. Its
    /// slack starts basic, so the basis in place stays a basis.
    func addRow(_ terms: [LinearModel.Term], lower: Double?, upper: Double?)
    /// Replaces the objective of the model's columns (one coefficient each, held or not) and its
    /// constant; elastic columns keep theirs.
    func setObjective(_ coefficients: [Double], constant: Double)

    /// Solves the LP relaxation from the current basis.
    func solveLP(_ parameters: LPParameters) -> LPOutcome
    /// The last LP's objective value, its values (the first `count` columns) and row prices.
    var objectiveValue: Double { get }
    func columnValue(_ column: ColumnIndex) -> Double
    func columnValues(count: Int) -> [Double]
    func rowPrices(count: Int) -> [Double]
    /// Simplex iterations over the problem's life.
    var simplexIterations: Int { get }
    /// The basis in place (which variables are basic, and at which bound the others sit), to
    /// return to with `restore` while the problem's rows and columns stay as they are.
    func basis() -> BasisSnapshot
    /// Returns to a basis `basis()` took on this problem, with the rows and columns it had then;
    /// the next LP starts from it, whatever bounds were changed since.
    func restore(_ basis: BasisSnapshot)

    /// A copy to experiment on (the dive, a warm re-solve): same rows, columns, bounds and
    /// basis. Only where `usableHere`.
    func copy() -> Self
    /// Whether the calling thread may use the problem (GLPK's objects belong to one thread).
    var usableHere: Bool { get }

    /// Branch and bound from the current optimal LP basis. `guide` is called at each of the
    /// search's events, with the tree it may act on.
    func branchAndBound(_ parameters: SearchParameters, guide: inout SearchGuide) -> SearchOutcome
}

/// A basis as the library states it: one status per row and per column it holds. Opaque to
/// the method, which only hands it back to the problem it came from.
public struct BasisSnapshot: Sendable {
    public let rows: [Int32]
    public let columns: [Int32]
    public init(rows: [Int32], columns: [Int32]) {
        self.rows = rows
        self.columns = columns
    }
}

/// How one LP solve is run.
public struct LPParameters: Sendable, Equatable {
    public enum Method: Sendable, Equatable {
        /// Primal simplex: re-solves after pricing start from a primal feasible basis.
        case primal
        /// Dual simplex, falling back to the primal: for re-solves after bounds were tightened,
        /// which leaves the basis dual feasible (the dive).
        case dualThenPrimal
    }
    public var method: Method
    /// Milliseconds the LP may take; `Int32.max` is none.
    public var timeLimitMilliseconds: Int32
    /// Simplex iterations the LP may take; `Int32.max` is none. Unlike time, the same on every
    /// machine: a limit by iterations stops the solve at the same basis everywhere.
    public var iterationLimit: Int32
    /// Whether the library writes its progress (to `capturingOutput`'s log).
    public var verbose: Bool
    /// The dual simplex stops (`LPOutcome.cutOff`) once the objective is worse than this: below
    /// it when maximizing, above it when minimizing. Its objective only worsens as it goes, so
    /// the LP's optimum is worse too, found without solving on. Nil: no cutoff.
    public var objectiveCutoff: Double? = nil

    public init(method: Method, timeLimitMilliseconds: Int32, iterationLimit: Int32 = .max, verbose: Bool) {
        self.method = method
        self.timeLimitMilliseconds = timeLimitMilliseconds
        self.iterationLimit = iterationLimit
        self.verbose = verbose
    }
}

/// What one LP solve ended with: a status the method decides on, or a failure in the library's
/// own words.
public enum LPOutcome: Sendable, Equatable {
    /// `timeLimit`: stopped by `LPParameters.timeLimitMilliseconds` or by its `iterationLimit`.
    case optimal, infeasible, unbounded, timeLimit
    /// The dual simplex passed `LPParameters.objectiveCutoff`: the LP's optimum is worse than it.
    case cutOff
    case failed(String)
}

/// How branch and bound is run. Presolve is always off: the search starts from the optimal
/// basis in place, over the columns the method left in.
public struct SearchParameters: Sendable, Equatable {
    /// Driebeck–Tomlin weighs each fractional column by the LP degradation of branching on it,
    /// which costs a row of the simplex table per column per node; the most fractional column
    /// costs nothing to find (docs/performance.md, "The stages branch on the most fractional column").
    public enum Branching: Sendable, Equatable { case driebeckTomlin, mostFractional }
    public enum Backtracking: Sendable, Equatable { case bestProjection }
    public var timeLimitMilliseconds: Int32
    public var relativeGap: Double
    public var branching: Branching
    public var backtracking: Backtracking
    /// Mixed-integer rounding cuts at the nodes: they closed the gap of rounds whose share
    /// and team rows the LP leaves loose (docs/performance.md, "Issue 17").
    public var roundingCuts: Bool
    /// Every cut family the library has besides (Gomory's mixed-integer, cover and clique cuts):
    /// the term model's root LP bound was 9 % above its optimum on a small round's three rounds,
    /// and they closed it at the root (docs/performance.md, "The term planned together").
    public var everyCut = false
    /// GLPK's proximity search at the root (it first looks for any whole solution by a MIP of
    /// its own): for a search that starts with no plan in hand (`SolveOptions.proximitySearchWithoutPlan`).
    public var proximitySearch = false
    /// Bound tightening from the rows before each node's LP (GLPK's basic preprocessing).
    public enum Preprocessing: Sendable, Equatable { case none, root, everyNode }
    public var preprocessing = Preprocessing.everyNode
    public var verbose: Bool

    public init(
        timeLimitMilliseconds: Int32, relativeGap: Double, branching: Branching = .driebeckTomlin,
        backtracking: Backtracking = .bestProjection, roundingCuts: Bool = true, verbose: Bool
    ) {
        self.roundingCuts = roundingCuts
        self.timeLimitMilliseconds = timeLimitMilliseconds
        self.relativeGap = relativeGap
        self.branching = branching
        self.backtracking = backtracking
        self.verbose = verbose
    }
}

/// How a branch and bound ended, as the library reports it, before the method reads it
/// (`SearchOutcome.status`).
public struct SearchOutcome: Sendable, Equatable {
    public enum Ending: Sendable, Equatable {
        /// The search ran to its end.
        case completed
        /// The relative gap asked for was reached.
        case gapReached
        /// The guide stopped it (`SearchTree.terminate`).
        case stoppedByGuide
        case timeLimit
        /// The LP relaxation has no feasible point.
        case noPrimalFeasible
        case failed(String)
    }
    /// What the library holds as its integer solution at the end.
    public enum Solution: Sendable, Equatable { case optimal, feasible, infeasible, undefined }

    public var ending: Ending
    public var solution: Solution
    /// The integer solution's values (the first model columns, as the library holds them) and
    /// objective, when `solution` is optimal or feasible.
    public var values: [Double]?
    public var objective: Double?

    public init(ending: Ending, solution: Solution, values: [Double]? = nil, objective: Double? = nil) {
        self.ending = ending
        self.solution = solution
        self.values = values
        self.objective = objective
    }

    public var hasSolution: Bool { solution == .optimal || solution == .feasible }
}

/// The branch-and-bound tree at one of its events, as a guide may read and act on it.
public protocol SearchTree {
    var event: SearchEvent { get }
    /// Nodes created so far.
    var nodesCreated: Int { get }
    /// The best open node's bound, nil when no node is open.
    var bestNodeBound: Double? { get }
    /// The objective of the library's incumbent, nil when it has none yet.
    var incumbentObjective: Double? { get }
    /// The current node's LP values, first `count` columns.
    func relaxationValues(count: Int) -> [Double]
    func relaxationValue(_ column: ColumnIndex) -> Double
    func canBranch(on column: ColumnIndex) -> Bool
    func branch(on column: ColumnIndex, upFirst: Bool)
    /// Offers a solution (one value per model column) as a new incumbent; the library checks
    /// nothing, so the guide must have. False when the library kept its own.
    @discardableResult func offer(_ values: [Double]) -> Bool
    /// Ends the search after this event.
    func terminate()
}

/// Why the search called its guide.
public enum SearchEvent: Sendable, Equatable {
    /// Choose a column to branch on.
    case branch
    /// A heuristic solution may be offered.
    case heuristic
    /// The next node is about to be selected.
    case select
    case other
}
