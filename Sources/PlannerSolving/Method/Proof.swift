/// The arithmetic of a proof of optimality (maximising): when a bound leaves no room for a
/// better plan.
public enum Proof {
    /// Whether `bound` leaves no room for a plan better than `incumbent`: less than one
    /// objective step above it, or not above it by more than rounding noise without a step.
    public static func proves(_ bound: Double, incumbent: Double, step: Double?) -> Bool {
        step == nil ? bound <= improvingValue(incumbent, step: nil) : bound < improvingValue(incumbent, step: step)
    }

    /// The least objective a plan better than `incumbent` can have, less a margin for rounding
    /// noise: one step up, or the incumbent itself without a step.
    public static func improvingValue(_ incumbent: Double, step: Double?) -> Double {
        let margin = roundingMargin(incumbent, step: step)
        return step.map { incumbent + $0 - margin } ?? incumbent + margin
    }

    /// Rounding noise allowed for in a proof: 10⁻⁷ of the objective, but never more than a
    /// quarter of a step. (Uncapped, it exceeded the step at an objective of 513,000 on the
    /// stress rung, and no bound could prove a plan there.)
    public static func roundingMargin(_ incumbent: Double, step: Double?) -> Double {
        let relative = 1e-7 * max(1, abs(incumbent))
        return step.map { min(relative, $0 / 4) } ?? relative
    }
}
