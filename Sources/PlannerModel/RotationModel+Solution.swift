import PlannerCore

extension RotationModel {
    /// A solution of the model read back in the scenario's terms.
    public struct Solution: Sendable, Equatable {
        /// Position index → cadre index holding it after the round.
        public var holder: [Int?]
        public var breakdown: ObjectiveBreakdown
    }

    /// Reads `values` (one per column) as a plan, and adds up the objective term by term from
    /// each column's recorded contributions.
    public func solution(from values: [Double]) -> Solution {
        var holder = [Int?](repeating: nil, count: scenario.positions.count)
        var totals: [ContributionKind: Double] = [:]
        var order: [ContributionKind] = []
        func add(_ item: Contribution, times value: Double) {
            if totals[item.kind] == nil { order.append(item.kind) }
            totals[item.kind, default: 0] += item.amount * value
        }
        for item in constantContributions { add(item, times: 1) }
        for (index, value) in values.enumerated() where value != 0 {
            if case .assign(let cadre, let position) = meanings[index], value > 0.5 { holder[position] = cadre }
            for item in contributions[index] { add(item, times: value) }
        }
        var fit = 0.0, move = 0.0, vacancy = 0.0, release = 0.0
        var penalties: [Penalty] = []
        for kind in order {
            let total = totals[kind]!
            switch kind {
            case .fit: fit += total
            case .move: move -= total
            case .vacancy: vacancy -= total
            case .release: release -= total
            case .penalty(let rule, let subject, let price):
                let shortfall = Int((-total / price).rounded())
                if shortfall != 0 { penalties.append(Penalty(rule: rule, subject: subject, shortfall: shortfall, price: price)) }
            }
        }
        return Solution(
            holder: holder,
            breakdown: ObjectiveBreakdown(fit: fit, moveCost: move, vacancyCost: vacancy, releaseCost: release, penalties: penalties.sorted()))
    }
}
