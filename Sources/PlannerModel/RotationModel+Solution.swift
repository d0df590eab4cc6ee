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
        let values = withCostlessShortfallsTightened(values)
        var holder = [Int?](repeating: nil, count: scenario.positions.count)
        var totals: [ContributionKind: Double] = [:]
        var shortfalls: [ContributionKind: Double] = [:]
        var order: [ContributionKind] = []
        func add(_ item: Contribution, times value: Double) {
            if totals[item.kind] == nil { order.append(item.kind) }
            totals[item.kind, default: 0] += item.amount * value
            shortfalls[item.kind, default: 0] += item.units * value
        }
        for item in constantContributions { add(item, times: 1) }
        for (index, value) in values.enumerated() where value != 0 {
            if case .assign(let cadre, let position) = meanings[index], value > 0.5 { holder[position] = cadre }
            for item in contributions[index] { add(item, times: value) }
        }
        var fit = 0.0
        var move = 0.0
        var vacancy = 0.0
        var release = 0.0
        var penalties: [Penalty] = []
        for kind in order {
            let total = totals[kind]!
            switch kind {
            case .fit: fit += total
            case .move: move -= total
            case .vacancy: vacancy -= total
            case .release: release -= total
            case .penalty(let rule, let subject, let price):
                let shortfall = Int(shortfalls[kind]!.rounded())
                if shortfall != 0 { penalties.append(Penalty(rule: rule, subject: subject, shortfall: shortfall, price: price)) }
            }
        }
        return Solution(
            holder: holder,
            breakdown: ObjectiveBreakdown(
                fit: fit, moveCost: move, vacancyCost: vacancy, releaseCost: release, penalties: penalties.sorted()))
    }

    /// A soft rule at price 0 costs nothing, so the solver may leave its shortfall column
    /// anywhere above the true shortfall, and the band columns it counts (z[u,b], worth nothing
    /// themselves) anywhere below the bands a team covers. The band columns are raised to the
    /// most their rows allow, then each costless shortfall set to the least its rows allow
    /// (whole units: shortfalls count people, bands, moves), so that the plan reports the
    /// shortfall its assignments make. Neither changes the objective.
    func withCostlessShortfallsTightened(_ values: [Double]) -> [Double] {
        var costless: [Int] = []
        for (index, items) in contributions.enumerated() where index < values.count {
            guard case .shortfall = meanings[index], model.columns[index].objective == 0,
                items.contains(where: { if case .penalty = $0.kind { true } else { false } })
            else { continue }
            costless.append(index)
        }
        guard !costless.isEmpty else { return values }
        var bands: [Int] = []
        for (index, meaning) in meanings.enumerated() where index < values.count {
            if case .bandCovered = meaning { bands.append(index) }
        }
        let wanted = Set(costless + bands)
        var rowsOf: [Int: [Int]] = [:]
        for (r, row) in model.rows.enumerated() {
            for term in row.terms where wanted.contains(term.column) { rowsOf[term.column, default: []].append(r) }
        }
        var tightened = values
        /// The range the rows leave `column` given every other column's value.
        func range(of column: Int) -> (least: Double, most: Double) {
            var least = model.columns[column].lower
            var most = model.columns[column].upper
            for r in rowsOf[column] ?? [] {
                let row = model.rows[r]
                var others = 0.0
                var own = 0.0
                for term in row.terms {
                    if term.column == column { own += term.coefficient } else { others += term.coefficient * tightened[term.column] }
                }
                // lower ≤ others + own·s ≤ upper, solved for s.
                if own > 0 {
                    if let lower = row.lower { least = max(least, (lower - others) / own) }
                    if let upper = row.upper { most = min(most, (upper - others) / own) }
                } else if own < 0 {
                    if let upper = row.upper { least = max(least, (upper - others) / own) }
                    if let lower = row.lower { most = min(most, (lower - others) / own) }
                }
            }
            return (least, most)
        }
        for column in bands {
            let most = (range(of: column).most + 1e-6).rounded(.down)
            if most > tightened[column] { tightened[column] = min(most, model.columns[column].upper) }
        }
        for column in costless {
            let least = (range(of: column).least - 1e-6).rounded(.up)
            tightened[column] = min(max(least, model.columns[column].lower), tightened[column])
        }
        return tightened
    }
}
