/// The outcome of a rotation round: who holds which post, what changed, what it is worth, and
/// what produced it. Written as JSON by `planner solve --format json` and read back by
/// `planner verify`. `assignments` is the source of truth; the lists after it are views of it.
public struct Plan: Codable, Sendable, Equatable {
    public static let formatName = "planner-plan"
    public static let currentVersion = 1

    public var format: String = Plan.formatName
    public var version: Int = Plan.currentVersion
    public var scenario: ScenarioIdentity
    public var producedBy: Provenance
    public var status: PlanStatus
    /// The plan's objective, evaluated from its assignments (not read back from the solver).
    public var objective: Double?
    /// The best bound the solver proved: no plan can score higher.
    public var bound: Double?
    /// (bound − objective) / max(1, |objective|).
    public var gap: Double?
    /// Every position, in the scenario's order, with its holder after the round.
    public var assignments: [PositionAssignment]
    public var moves: [Move]
    public var appointments: [Appointment]
    public var stays: [Stay]
    public var vacancies: [String]
    public var releases: [Release]
    public var retirements: [Retirement]
    public var objectiveBreakdown: ObjectiveBreakdown?
    public var figures: PlanFigures?
    /// The model's size and the solver's effort: what a benchmark reads besides the times.
    public var search: SearchRecord?
    /// How this plan was chosen among the plans of equal objective (docs/model.md, "One plan
    /// among equals").
    public var preference: PreferenceRecord?
    /// For a round with no feasible plan: what proves it.
    public var infeasibility: InfeasibilityProofRecord?
    /// For a round with no feasible plan: which rules conflict (`planner diagnose`).
    public var diagnosis: Diagnosis?
    /// With `planner solve --explain`: one line for every move, appointment, release and vacancy.
    public var reasons: [PlanReason]?
    /// Wall times; the only part of a plan that differs between two runs on the same input.
    public var timing: Timing?
    /// Set when the search was stopped by a signal before it finished ("SIGINT", "SIGTERM"):
    /// the plan is the best found by then, with its bound and gap.
    public var stoppedBy: String?

    public init(
        scenario: ScenarioIdentity, producedBy: Provenance, status: PlanStatus, objective: Double? = nil, bound: Double? = nil,
        gap: Double? = nil, assignments: [PositionAssignment] = [], moves: [Move] = [], appointments: [Appointment] = [],
        stays: [Stay] = [], vacancies: [String] = [], releases: [Release] = [], retirements: [Retirement] = [],
        objectiveBreakdown: ObjectiveBreakdown? = nil, figures: PlanFigures? = nil, timing: Timing? = nil
    ) {
        self.scenario = scenario
        self.producedBy = producedBy
        self.status = status
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.assignments = assignments
        self.moves = moves
        self.appointments = appointments
        self.stays = stays
        self.vacancies = vacancies
        self.releases = releases
        self.retirements = retirements
        self.objectiveBreakdown = objectiveBreakdown
        self.figures = figures
        self.timing = timing
    }
}

public enum PlanStatus: String, Codable, Sendable, Equatable, CaseIterable {
    /// A plan proven optimal (within the relative gap asked for, 0 by default).
    case optimal
    /// A plan that respects every hard rule, found before the time limit; `gap` says how far
    /// from optimal it may be.
    case feasible
    /// No plan respects every hard rule.
    case infeasible
    /// The time limit passed before any plan was found; whether one exists is unknown.
    case noPlanWithinTimeLimit
    /// The search was stopped (Ctrl-C, SIGTERM) before any plan was found.
    case stopped

    public var hasPlan: Bool { self == .optimal || self == .feasible }

    public var sentence: String {
        switch self {
        case .optimal: "optimal"
        case .feasible: "feasible (not proven optimal)"
        case .infeasible: "no feasible plan: the hard rules cannot all hold"
        case .noPlanWithinTimeLimit: "no plan found within the time limit"
        case .stopped: "the search was stopped before any plan was found"
        }
    }
}

extension Plan {
    /// Who holds each post after the round: position id → cadre id, the posts with a holder.
    public var holders: [String: String] {
        var holders: [String: String] = [:]
        for assignment in assignments { if let cadre = assignment.cadre { holders[assignment.position] = cadre } }
        return holders
    }
}

public struct ScenarioIdentity: Codable, Sendable, Equatable {
    public var name: String
    public var planningYear: Int
    /// SHA-256 of the scenario file's bytes, hex.
    public var sha256: String

    public init(name: String, planningYear: Int, sha256: String) {
        self.name = name
        self.planningYear = planningYear
        self.sha256 = sha256
    }
}

public struct Provenance: Codable, Sendable, Equatable {
    public var planner: String
    public var solver: String
    public var solverVersion: String
    public var parameters: SolveParameters

    public init(planner: String, solver: String, solverVersion: String, parameters: SolveParameters) {
        self.planner = planner
        self.solver = solver
        self.solverVersion = solverVersion
        self.parameters = parameters
    }
}

public struct SolveParameters: Codable, Sendable, Equatable {
    /// Seconds; nil for no limit.
    public var timeLimit: Double?
    /// Relative gap at which the search stops and calls the plan optimal; 0 proves optimality.
    public var relativeGap: Double
    /// How the solver was driven, for the record.
    public var method: String
    /// Candidates per post the restricted model started from (0: the whole model at once).
    public var candidatesPerPost: Int?

    public init(timeLimit: Double? = nil, relativeGap: Double = 0, method: String = "", candidatesPerPost: Int? = nil) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.method = method
        self.candidatesPerPost = candidatesPerPost
    }
}

public enum Outcome: String, Codable, Sendable, Equatable, CaseIterable {
    case stay, move, appointment, vacant
}

public struct PositionAssignment: Codable, Sendable, Equatable {
    public var position: String
    public var cadre: String?
    public var outcome: Outcome

    public init(position: String, cadre: String?, outcome: Outcome) {
        self.position = position
        self.cadre = cadre
        self.outcome = outcome
    }
}

public struct Move: Codable, Sendable, Hashable {
    public var cadre: String
    public var from: String
    public var to: String

    public init(cadre: String, from: String, to: String) {
        self.cadre = cadre
        self.from = from
        self.to = to
    }
}

public struct Appointment: Codable, Sendable, Hashable {
    public var cadre: String
    public var to: String

    public init(cadre: String, to: String) {
        self.cadre = cadre
        self.to = to
    }
}

public struct Stay: Codable, Sendable, Hashable {
    public var cadre: String
    public var position: String

    public init(cadre: String, position: String) {
        self.cadre = cadre
        self.position = position
    }
}

public struct Release: Codable, Sendable, Hashable {
    public var cadre: String
    public var from: String

    public init(cadre: String, from: String) {
        self.cadre = cadre
        self.from = from
    }
}

public struct Retirement: Codable, Sendable, Hashable {
    public var cadre: String
    public var from: String
    public var year: Int

    public init(cadre: String, from: String, year: Int) {
        self.cadre = cadre
        self.from = from
        self.year = year
    }
}

/// The objective, term by term: fit − move prices − vacancy prices − release prices − penalties.
public struct ObjectiveBreakdown: Codable, Sendable, Equatable {
    public var fit: Double
    public var moveCost: Double
    public var vacancyCost: Double
    public var releaseCost: Double
    /// Soft rules that fell short, one line per rule instance.
    public var penalties: [Penalty]
    public var total: Double

    public init(fit: Double, moveCost: Double, vacancyCost: Double, releaseCost: Double, penalties: [Penalty]) {
        self.fit = fit
        self.moveCost = moveCost
        self.vacancyCost = vacancyCost
        self.releaseCost = releaseCost
        self.penalties = penalties
        self.total = fit - moveCost - vacancyCost - releaseCost - penalties.reduce(0) { $0 + $1.cost }
    }
}

public struct Penalty: Codable, Sendable, Equatable, Comparable {
    /// The rule's key in the policy, e.g. "youth".
    public var rule: String
    /// Which instance: "unit U-AnLao", "cadre C-0012 in P-AnLao-SEC", "all leadership posts".
    public var subject: String
    /// People (or bands, moves) missing.
    public var shortfall: Int
    public var price: Double
    public var cost: Double

    public init(rule: String, subject: String, shortfall: Int, price: Double) {
        self.rule = rule
        self.subject = subject
        self.shortfall = shortfall
        self.price = price
        self.cost = Double(shortfall) * price
    }

    public static func < (lhs: Penalty, rhs: Penalty) -> Bool {
        (lhs.rule, lhs.subject) < (rhs.rule, rhs.subject)
    }
}

public struct Timing: Codable, Sendable, Equatable {
    /// Reading and checking the scenario and building the model.
    public var buildSeconds: Double
    /// The solver, including verifying its plan.
    public var solveSeconds: Double
    /// Of `solveSeconds`: the root LP relaxation.
    public var lpSeconds: Double?
    /// Of `solveSeconds`: choosing among the plans of equal objective.
    public var preferenceSeconds: Double?

    public init(buildSeconds: Double, solveSeconds: Double, lpSeconds: Double? = nil) {
        self.buildSeconds = buildSeconds
        self.solveSeconds = solveSeconds
        self.lpSeconds = lpSeconds
    }
}

/// The size of the model solved and the work the solver did on it. Deterministic for a given
/// input, solver version and parameters, unless a time limit cut the search short.
/// What proves that a round has no plan: an answer of "infeasible" is never only a solver's word.
public struct InfeasibilityProofRecord: Codable, Sendable, Equatable {
    public enum Method: String, Codable, Sendable, Equatable {
        /// Rules that cannot all hold, found from the scenario before any model is built
        /// (`conflicts`: each set is a conflict no smaller set of its rules makes).
        case conflictingRules = "conflicting rules"
        /// Row prices under which no values of the model's columns meet every row, computed from
        /// the elastic LP and checked in Swift over every column (`certificateValue` < 0).
        case lpCertificate = "LP certificate"
        /// The LP solver found the LP relaxation over every column infeasible.
        case lpRelaxation = "LP relaxation"
        /// Branch and bound over every column found no whole-number plan.
        case search
        /// Propagating the columns' bounds through the rows left one row (`row`) that no values
        /// within those bounds meet; no LP was solved.
        case boundPropagation = "bound propagation"
    }

    public var method: Method
    /// The proof in words.
    public var text: String
    public var certificateValue: Double?
    public var conflicts: [[ConflictItem]]?
    /// The model's row that bound propagation showed cannot hold (`boundPropagation`).
    public var row: String?

    public init(
        method: Method, text: String, certificateValue: Double? = nil, conflicts: [[ConflictItem]]? = nil, row: String? = nil
    ) {
        self.method = method
        self.text = text
        self.certificateValue = certificateValue
        self.conflicts = conflicts
        self.row = row
    }
}

public struct SearchRecord: Codable, Sendable, Equatable {
    public var rows: Int
    public var columns: Int
    public var integerColumns: Int
    public var nonzeros: Int
    /// The optimum of the LP relaxation at the root, when it was solved.
    public var lpBound: Double?
    public var branchAndBoundNodes: Int
    public var simplexIterations: Int
    /// In a priced solve (docs/performance.md): the columns the restricted model held at the
    /// end, and the LP solves it took to price the others.
    public var columnsUsed: Int?
    public var lpSolves: Int?
    /// The objective moves in whole steps of this size; a bound less than one step above the
    /// plan proves it optimal.
    public var objectiveStep: Double?
    /// The upper bound the solver proved over every column (each left out priced by
    /// `DualBound`), before the step argument: the plan is optimal when it is less than
    /// objective + objectiveStep.
    public var provenBound: Double?
    /// A round solved part by part: how many parts (docs/performance.md).
    public var parts: Int?

    public init(
        rows: Int, columns: Int, integerColumns: Int, nonzeros: Int, lpBound: Double?, branchAndBoundNodes: Int, simplexIterations: Int,
        columnsUsed: Int? = nil, lpSolves: Int? = nil, objectiveStep: Double? = nil, provenBound: Double? = nil
    ) {
        self.columnsUsed = columnsUsed
        self.lpSolves = lpSolves
        self.objectiveStep = objectiveStep
        self.provenBound = provenBound
        self.rows = rows
        self.columns = columns
        self.integerColumns = integerColumns
        self.nonzeros = nonzeros
        self.lpBound = lpBound
        self.branchAndBoundNodes = branchAndBoundNodes
        self.simplexIterations = simplexIterations
    }
}

/// Why the plan makes one change (`planner solve --explain`).
public struct PlanReason: Codable, Sendable, Equatable {
    /// move, appointment, release, retirement, or vacancy.
    public var kind: String
    public var cadre: String?
    public var position: String
    public var reason: String

    public init(kind: String, cadre: String?, position: String, reason: String) {
        self.kind = kind
        self.cadre = cadre
        self.position = position
        self.reason = reason
    }
}

/// The stated order among plans of equal objective, as applied to one plan.
public struct PreferenceRecord: Codable, Sendable, Equatable {
    /// The keys after the objective, in the order they decide (`fewestChanges`, `ratingByRank`).
    public var order: [String]
    /// Each key's stage: the value the plan reaches, whether it is proven the best among the
    /// plans equal on the keys before it, and whether the stage changed the plan.
    public var stages: [PreferenceStageRecord] = []
    /// True when a stage found another plan of the same objective (the optimum is not unique);
    /// absent when none did (which does not prove it unique).
    public var equalOptimaFound: Bool?
    /// Why the order was not applied, or not to the end.
    public var note: String?

    public init(order: [String]) { self.order = order }
}

public struct PreferenceStageRecord: Codable, Sendable, Equatable {
    public var key: String
    public var value: Double
    public var proven: Bool
    public var changedPlan: Bool
    public var nodes: Int?

    public init(key: String, value: Double, proven: Bool, changedPlan: Bool) {
        self.key = key
        self.value = value
        self.proven = proven
        self.changedPlan = changedPlan
    }
}
