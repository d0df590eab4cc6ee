extension RotationModel {
    /// The columns a priced solve starts from (docs/performance.md): for each post its
    /// `perPosition` best candidates by objective, every stay, and every column that is not an
    /// assignment (vacancies, releases, band indicators, shortfalls, counts). The other
    /// assignment columns are priced in from the LP's row prices as they become worth having.
    public func pricingCore(perPosition: Int) -> [Bool] {
        var core = [Bool](repeating: false, count: model.columns.count)
        var byPosition = [[Int]](repeating: [], count: scenario.positions.count)
        for (index, meaning) in meanings.enumerated() {
            guard case .assign(let c, let p) = meaning else {
                core[index] = true
                continue
            }
            if facts.postOfIncumbent[scenario.cadres[c].id] == p || model.columns[index].lower > 0 { core[index] = true }
            byPosition[p].append(index)
        }
        for columns in byPosition {
            // Best first; ties by column order, so the core is the same on every run.
            let best = columns.sorted { (model.columns[$0].objective, -$0) > (model.columns[$1].objective, -$1) }
            for index in best.prefix(perPosition) { core[index] = true }
        }
        return core
    }
}

extension RotationModel {
    /// A plan to start from when none is given: every incumbent stays where the hard rules
    /// allow, completed by the rounding heuristic (must-fill posts from their best free
    /// candidates). Its columns join a priced solve's core, which makes the restricted model
    /// feasible whenever this plan exists; nil when the rounding cannot complete it.
    public func stayPlan(_ rounding: RotationRounding) -> [Double]? {
        var stays = [Double](repeating: 0, count: model.columns.count)
        for (index, meaning) in meanings.enumerated() {
            if case .assign(let c, let p) = meaning, facts.postOfIncumbent[scenario.cadres[c].id] == p { stays[index] = 1 }
        }
        return rounding(stays)
    }
}
