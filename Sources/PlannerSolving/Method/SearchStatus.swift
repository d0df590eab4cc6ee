import PlannerModel

/// What a branch and bound's ending means for the plan, in one exhaustive mapping (good_lp's
/// "a solution with a status" apart from "no solution, and why").
enum SearchStatus {
    /// The status of the search's answer, or nil when it proved there is no plan among the
    /// columns it was given. Throws for an ending the method has no meaning for.
    static func of(_ outcome: SearchOutcome, provenByStep: Bool) throws(SolverError) -> MIPStatus? {
        switch outcome.ending {
        case .completed:
            switch outcome.solution {
            case .optimal: return .optimal
            case .feasible: return .feasible
            case .infeasible: return nil
            case .undefined: throw .solverFailure("branch and bound ended without a solution status")
            }
        case .gapReached:
            // Stopped because the requested relative gap was reached: optimal as asked.
            return outcome.hasSolution ? .optimal : .timeLimitWithoutSolution
        case .stoppedByGuide where provenByStep:
            // Stopped by the guide: every open node's bound is below the plan plus one step.
            return .optimal
        case .timeLimit, .stoppedByGuide:
            return outcome.hasSolution ? .feasible : .timeLimitWithoutSolution
        case .noPrimalFeasible:
            return nil
        case .failed(let message):
            throw .solverFailure("branch and bound failed: " + message)
        }
    }
}
