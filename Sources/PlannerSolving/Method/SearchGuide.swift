import PlannerModel

/// What the method does at the branch-and-bound's events, whatever library runs the search:
/// keeps the best open node's bound, offers the warm start and the application's rounding as
/// incumbents, branches on the columns with a priority, and stops the search once no open node
/// can beat the plan in hand by a step.
public struct SearchGuide {
    var bound: Double?
    /// Nodes created so far.
    var nodes = 0
    /// The application's rounding heuristic, and the model to check its answers against.
    var heuristic: (@Sendable ([Double]) -> [Double]?)?
    var model: LinearModel?
    var heuristicCalls = 0
    /// A warm start not yet offered.
    var start: [Double]?
    /// In a priced solve, the columns the search may use; a plan using another is not offered.
    var allowed: [Bool]?
    /// The objective step (see `LinearModel.objectiveStep`), and whether the search was
    /// stopped because the best open bound fell below the plan plus one step.
    var step: Double?
    var provenByStep = false
    /// The search was stopped by `SolveInterruption`.
    var interrupted = false
    /// Stop once this many nodes are created (`SolveOptions.nodeLimit`).
    var nodeLimit: Int?
    /// The search was stopped by `nodeLimit`.
    var stoppedAtNodeLimit = false
    var maximize = true
    /// Columns with a branching priority, highest priority first.
    var prioritized: [(column: ColumnIndex, priority: Int)] = []
    /// Told the nodes, the incumbent's objective and the best open node's bound as they move.
    var progress: ((_ nodes: Int, _ incumbent: Double?, _ bound: Double?) -> Void)?

    init() {}

    /// Called by the backend at each event of the search.
    public mutating func handle(_ tree: some SearchTree) {
        nodes = tree.nodesCreated
        if SolveInterruption.isRequested {
            interrupted = true
            tree.terminate()
            return
        }
        if let nodeLimit, nodes >= nodeLimit {
            stoppedAtNodeLimit = true
            tree.terminate()
            return
        }
        switch tree.event {
        case .branch: branch(tree)
        case .heuristic: offerHeuristicPlan(tree)
        case .select, .other: trackBound(tree)
        }
    }

    /// At a request for a heuristic solution: rounds the node's LP relaxation with the
    /// application's heuristic and, when the result passes every row and bound (the library
    /// checks nothing it is given), offers it as a new incumbent. Tried at the first requests
    /// and then at every 25th, so that it costs little on long searches.
    mutating func offerHeuristicPlan(_ tree: some SearchTree) {
        if let start, let model {
            self.start = nil
            if start.count == model.columns.count, usesAllowedColumnsOnly(start), model.isFeasible(start) { tree.offer(start) }
        }
        guard let heuristic, let model else { return }
        heuristicCalls += 1
        guard heuristicCalls <= 3 || heuristicCalls % 25 == 0 else { return }
        let relaxation = tree.relaxationValues(count: model.columns.count)
        guard let plan = heuristic(relaxation), usesAllowedColumnsOnly(plan), model.isFeasible(plan) else { return }
        tree.offer(plan)  // false: no better than the incumbent
    }

    func usesAllowedColumnsOnly(_ values: [Double]) -> Bool {
        guard let allowed else { return true }
        return zip(allowed, values).allSatisfy { $0 || $1 == 0 }
    }

    /// Records the best open node's bound and, when the objective moves in whole steps and
    /// that bound is less than one step above the plan in hand, stops the search: no better
    /// plan exists among the open nodes.
    mutating func trackBound(_ tree: some SearchTree) {
        guard let bound = tree.bestNodeBound else { return }
        self.bound = bound
        progress?(nodes, tree.incumbentObjective, bound)
        guard let step, tree.event == .select, let incumbent = tree.incumbentObjective else { return }
        let margin = Proof.roundingMargin(incumbent, step: step)
        if maximize ? bound < incumbent + step - margin : bound > incumbent - step + margin {
            provenByStep = true
            tree.terminate()
        }
    }

    /// At a branching request, picks among the fractional columns of the highest priority the
    /// most fractional one; when none is fractional, the library's own rule decides.
    func branch(_ tree: some SearchTree) {
        var best: (column: ColumnIndex, priority: Int, distance: Double)?
        for (column, priority) in prioritized {
            if let best, priority < best.priority { break }
            guard tree.canBranch(on: column) else { continue }
            let value = tree.relaxationValue(column)
            let distance = abs(value - value.rounded(.down) - 0.5)
            if best == nil || distance < best!.distance { best = (column, priority, distance) }
        }
        guard let best else { return }
        let value = tree.relaxationValue(best.column)
        // Explore first the branch the LP leans to.
        tree.branch(on: best.column, upFirst: value - value.rounded(.down) >= 0.5)
    }
}
