import PlannerCore

/// Rule 3 in the model. Hard with a share of 1, it is a test on each pair
/// (`RotationModelBuilder.pairStatus`); otherwise a share row over the round.
struct NonLocalHeadsModel: RotationRuleModel {
    var definition: PolicyRule<Policy> { PolicyRules.nonLocalHeads }

    func addRoundRows(to builder: inout RotationModelBuilder) { builder.addNonLocalShare() }
}

extension RotationModelBuilder {
    /// Rule 3 in share form: non-local holders ≥ share × filled listed posts.
    mutating func addNonLocalShare() {
        let rule = mode(.nonLocalShare, policy.nonLocalHeads.mode)
        guard rule.isActive, !nonLocalIsPairRule else { return }
        let share = policy.nonLocalHeads.minShare
        let listed = scenario.positions.indices.filter { facts.isListedHead(scenario.positions[$0]) }
        guard !listed.isEmpty else { return }
        var nonLocalTerms: [LinearModel.Term] = []
        for p in listed {
            let unit = facts.unit(of: scenario.positions[p])
            for entry in columnsOfPosition[p] where !facts.isLocal(scenario.cadres[entry.cadre], toUnit: unit) {
                nonLocalTerms.append(.init(column: entry.column, coefficient: 1))
            }
        }
        let nonLocal = count("n_nonlocal", nonLocalTerms, most: listed.count)
        let filled = count("n_listed", teamTerms(listed) { _ in 1 }, most: listed.count)
        var terms: [LinearModel.Term] = [.init(column: nonLocal, coefficient: 1), .init(column: filled, coefficient: -share)]
        let s = shortfall(.nonLocalShare, rule, subject: "listed head posts", name: "s_nonlocal", most: listed.count)
        if let s { terms.append(.init(column: s, coefficient: 1)) }
        addSharedRow("nonlocal", terms: terms, lower: 0)
        addShareHull("nonlocal", share: share, count: nonLocal, shortfall: s, total: filled, posts: listed)
    }

}
