extension RotationModel {
    /// A bound on this elastic model's LP from the row prices of another elastic model of the
    /// same round that has a column for fewer of its pairs (a sample): each row takes the price
    /// of its namesake there, each instance's pair row (`Σ x ≤ indicator`) the price of the same
    /// instance's row there, or `absentInstancePrice` when the sample has none (at the price the
    /// instance costs, its indicator is worth nothing and its pairs carry its cost). Any prices
    /// give a valid bound (`DualBound`, `ChoiceRows`); these make it close to the sample's LP when
    /// the pairs the sample left out cannot improve on it. What lets a diagnosis count the fewest
    /// rules to relax over every pair from the LP of a model with a sample of them.
    public func bound(fromPricesOf sample: RotationModel, prices: [Double], absentInstancePrice: Double) -> Double {
        precondition(prices.count == sample.model.rows.count)
        let sampleInstanceRows = sample.instancePairRows()
        var sampleRowNamed: [String: Int] = [:]
        for (i, row) in sample.model.rows.enumerated() where sampleInstanceRows.rowInstance[i] == nil { sampleRowNamed[row.name] = i }
        var ownPrices = [Double](repeating: 0, count: model.rows.count)
        let own = instancePairRows()
        for (i, row) in model.rows.enumerated() {
            if let instance = own.rowInstance[i] {
                ownPrices[i] = max(sampleInstanceRows.rowOf[instance].map { prices[$0] } ?? 0, absentInstancePrice)
            } else if let j = sampleRowNamed[row.name] {
                ownPrices[i] = prices[j]
            }
        }
        let bound = DualBound(model: model, columns: ColumnMajor(model), rowPrices: ownPrices)
        return ChoiceRows(model).bound(bound, in: model)
    }

    /// The rows that tie an elastic eligibility instance's pairs to its indicator, both ways.
    func instancePairRows() -> (rowInstance: [Int: RuleInstance], rowOf: [RuleInstance: Int]) {
        var instanceOfIndicator: [Int: RuleInstance] = [:]
        for indicator in elasticIndicators { instanceOfIndicator[indicator.column] = indicator.instance }
        var rowInstance: [Int: RuleInstance] = [:]
        var rowOf: [RuleInstance: Int] = [:]
        for (i, row) in model.rows.enumerated() where row.name.hasPrefix(Self.instancePairRowPrefix) {
            guard let term = row.terms.first(where: { $0.coefficient == -1 }), let instance = instanceOfIndicator[term.column] else {
                continue
            }
            rowInstance[i] = instance
            rowOf[instance] = i
        }
        return (rowInstance, rowOf)
    }

    static let instancePairRowPrefix = "elastic_pairs_"
}
