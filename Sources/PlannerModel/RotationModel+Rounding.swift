/// A rounding heuristic for the rotation model: from an LP relaxation to a whole plan.
///
/// On the city round GLPK proves the bound within a few nodes and then searches for a first
/// plan for most of the solve; its own heuristics rarely succeed on this structure. The LP
/// relaxation is nearly integral, so reading its assignments greedily and completing the
/// dependent columns usually gives a plan at once.
extension RotationModel {
    /// Rounds `relaxation` once; a solver calls `RotationRounding` instead, which keeps its
    /// indexes between calls.
    public func rounded(_ relaxation: [Double]) -> [Double]? { RotationRounding(self)(relaxation) }
}

/// The rounding heuristic with what does not depend on the relaxation built once per solve:
/// the assignment columns, their order by objective, and which rows hold each column.
public struct RotationRounding: Sendable {
    var rotation: RotationModel
    let assignColumns: [(column: Int, cadre: Int, position: Int)]
    let byObjective: [(column: Int, cadre: Int, position: Int)]
    /// The rows of column j are `rowOfColumn[rowStart[j]..<rowStart[j + 1]]`: flat, because an
    /// array per column was 800,000 allocations on a round whose eligibility rules are soft.
    let rowStart: [Int]
    let rowOfColumn: [Int]

    public init(_ rotation: RotationModel) {
        self.rotation = rotation
        let model = rotation.model
        var assignColumns: [(column: Int, cadre: Int, position: Int)] = []
        for (index, meaning) in rotation.meanings.enumerated() {
            if case .assign(let c, let p) = meaning { assignColumns.append((index, c, p)) }
        }
        self.assignColumns = assignColumns
        let objective = model.columns.map(\.objective)
        byObjective = assignColumns.sorted {
            let oa = objective[$0.column]
            let ob = objective[$1.column]
            return oa != ob ? oa > ob : $0.column < $1.column
        }
        let isCapacity = model.rows.map { row in row.upper != nil && row.terms.allSatisfy { $0.coefficient >= 0 } }
        var rowStart = [Int](repeating: 0, count: model.columns.count + 1)
        var capacityStart = [Int](repeating: 0, count: model.columns.count + 1)
        for (r, row) in model.rows.enumerated() {
            for term in row.terms {
                rowStart[term.column + 1] += 1
                if isCapacity[r] { capacityStart[term.column + 1] += 1 }
            }
        }
        for j in 0..<model.columns.count {
            rowStart[j + 1] += rowStart[j]
            capacityStart[j + 1] += capacityStart[j]
        }
        var rowOfColumn = [Int](repeating: 0, count: rowStart[model.columns.count])
        var capacityTerms = [(row: Int, coefficient: Double)](repeating: (0, 0), count: capacityStart[model.columns.count])
        var nextRow = rowStart
        var nextCapacity = capacityStart
        for (r, row) in model.rows.enumerated() {
            for term in row.terms {
                rowOfColumn[nextRow[term.column]] = r
                nextRow[term.column] += 1
                if isCapacity[r] {
                    capacityTerms[nextCapacity[term.column]] = (r, term.coefficient)
                    nextCapacity[term.column] += 1
                }
            }
        }
        self.rowStart = rowStart
        self.rowOfColumn = rowOfColumn
        self.capacityStart = capacityStart
        self.capacityTerms = capacityTerms
    }

    func rowsOfColumn(_ j: Int) -> ArraySlice<Int> { rowOfColumn[rowStart[j]..<rowStart[j + 1]] }

    /// The same rounding for `rotation`, a copy of this one's model with column bounds changed
    /// (a forced pair, a fixed column): the indexes are kept, the bounds are read from
    /// `rotation` when rounding. On the city round an explanation's forced re-solves built the
    /// indexes anew for each runner-up. nil when the columns' meanings or objective, or the
    /// number of rows, differ (the rows themselves are taken to be the same: a copy's are).
    public func rebased(on rotation: RotationModel) -> RotationRounding? {
        let old = self.rotation.model.columns
        let new = rotation.model.columns
        guard old.count == new.count, self.rotation.model.rows.count == rotation.model.rows.count,
            self.rotation.meanings == rotation.meanings,
            zip(old, new).allSatisfy({ $0.objective == $1.objective && $0.kind == $1.kind })
        else { return nil }
        var copy = self
        copy.rotation = rotation
        return copy
    }

    /// Per column, its terms in rows with an upper bound over non-negative terms (one post per
    /// cadre, relatives in a unit, a hard moves cap): an assignment is taken only while they
    /// have room.
    /// Flat like the rows of each column: column j's are `capacityTerms[capacityStart[j]..<capacityStart[j + 1]]`.
    let capacityStart: [Int]
    let capacityTerms: [(row: Int, coefficient: Double)]

    /// Rounds `relaxation` (one value per column) to a complete solution that satisfies every
    /// row and bound, or returns nil. Deterministic: ties are broken by column index.
    public func callAsFunction(_ relaxation: [Double]) -> [Double]? {
        let model = rotation.model
        let meanings = rotation.meanings
        let scenario = rotation.scenario
        guard relaxation.count == model.columns.count else { return nil }
        var values = [Double](repeating: 0, count: model.columns.count)
        var holder = [Int?](repeating: nil, count: scenario.positions.count)
        var holds = [Bool](repeating: false, count: scenario.cadres.count)
        var used = [Double](repeating: 0, count: model.rows.count)
        func take(_ entry: (column: Int, cadre: Int, position: Int)) {
            guard holder[entry.position] == nil, !holds[entry.cadre] else { return }
            let capacities = capacityTerms[capacityStart[entry.column]..<capacityStart[entry.column + 1]]
            guard capacities.allSatisfy({ used[$0.row] + $0.coefficient <= model.rows[$0.row].upper! + 1e-9 }) else { return }
            for term in capacities { used[term.row] += term.coefficient }
            holder[entry.position] = entry.cadre
            holds[entry.cadre] = true
            values[entry.column] = 1
        }
        // Forced assignments (locks, pins) first, then the LP's assignments by weight.
        for entry in assignColumns where model.columns[entry.column].lower >= 1 { take(entry) }
        let ranked = assignColumns.filter { relaxation[$0.column] > 1e-6 }.sorted {
            let a = relaxation[$0.column]
            let b = relaxation[$1.column]
            if a != b { return a > b }
            let oa = model.columns[$0.column].objective
            let ob = model.columns[$1.column].objective
            return oa != ob ? oa > ob : $0.column < $1.column
        }
        for entry in ranked { take(entry) }
        // Posts that may not stay vacant take free candidates, matched so that as many as
        // possible are filled (augmenting paths: taking a post's best candidate greedily can
        // take the only successor another post has). Candidates from the pool come before
        // incumbents, whose change of post counts against the moves cap; then by objective.
        // In a diagnosis (`RuleRelaxation`), a post whose must-fill rule is elastic is filled when
        // it can be: each one left vacant is a rule broken.
        let elasticMustFill = Set(rotation.elasticIndicators.compactMap { if case .mustFill(let p) = $0.instance { p } else { nil } })
        var unfilled: [Int] = []
        for (index, meaning) in meanings.enumerated() {
            if case .vacant(let p) = meaning, model.columns[index].upper < 1 || elasticMustFill.contains(p), holder[p] == nil {
                unfilled.append(p)
            }
        }
        if !unfilled.isEmpty {
            let isIncumbent = { (c: Int) in rotation.facts.postOfIncumbent[scenario.cadres[c].id] != nil }
            var options: [Int: [(column: Int, cadre: Int, position: Int)]] = [:]
            for entry in byObjective where holder[entry.position] == nil && !holds[entry.cadre] {
                options[entry.position, default: []].append(entry)
            }
            for p in unfilled {
                options[p] = (options[p] ?? []).enumerated().sorted { a, b in
                    let ia = isIncumbent(a.element.cadre)
                    let ib = isIncumbent(b.element.cadre)
                    return ia != ib ? !ia : a.offset < b.offset
                }.map(\.element)
            }
            var matchOfCadre: [Int: (column: Int, cadre: Int, position: Int)] = [:]
            func augment(_ p: Int, _ visited: inout Set<Int>) -> Bool {
                for entry in options[p] ?? [] where !visited.contains(entry.cadre) {
                    visited.insert(entry.cadre)
                    if let current = matchOfCadre[entry.cadre] {
                        guard augment(current.position, &visited) else { continue }
                    }
                    matchOfCadre[entry.cadre] = entry
                    return true
                }
                return false
            }
            for p in unfilled {
                var visited = Set<Int>()
                _ = augment(p, &visited)
            }
            for entry in matchOfCadre.values.sorted(by: { $0.column < $1.column }) { take(entry) }
        }
        // The columns that follow from the assignments.
        func activity(_ r: Int, skipping column: Int) -> (sum: Double, coefficient: Double) {
            var sum = 0.0
            var coefficient = 0.0
            for term in model.rows[r].terms {
                if term.column == column { coefficient = term.coefficient } else { sum += term.coefficient * values[term.column] }
            }
            return (sum, coefficient)
        }
        var shortfalls: [Int] = []
        for (index, meaning) in meanings.enumerated() {
            switch meaning {
            case .assign: break
            case .vacant(let p): values[index] = holder[p] == nil ? 1 : 0
            case .release(let c): values[index] = holds[c] ? 0 : 1
            case .bandCovered:
                // z ≤ Σ members of the band: 1 when the team has one.
                let members = rowsOfColumn(index).map { activity($0, skipping: index).sum }.min() ?? 0
                values[index] = members < -0.5 ? 1 : 0
            case .count:
                // Defined by an equality row: count − Σ terms = 0.
                if let r = rowsOfColumn(index).first(where: { model.rows[$0].name.hasPrefix("def_") }) {
                    let (sum, coefficient) = activity(r, skipping: index)
                    values[index] = (-sum / coefficient).rounded()
                }
            case .shortfall: shortfalls.append(index)
            }
        }
        // Shortfalls last: the least whole amount that satisfies each of their rows (a share
        // rule's shortfall also appears in its hull rows).
        for index in shortfalls {
            var needed = 0.0
            for r in rowsOfColumn(index) {
                let row = model.rows[r]
                let (sum, coefficient) = activity(r, skipping: index)
                if let lower = row.lower, coefficient > 0 { needed = max(needed, (lower - sum) / coefficient) }
                if let upper = row.upper, coefficient < 0 { needed = max(needed, (sum - upper) / -coefficient) }
            }
            values[index] = max(0, (needed - 1e-9).rounded(.up))
        }
        return model.isFeasible(values) ? values : nil
    }
}
