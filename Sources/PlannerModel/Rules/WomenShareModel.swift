import PlannerCore

/// Rule 7 in the model: the share of women among filled leadership posts.
struct WomenShareModel: RotationRuleModel {
    var definition: PolicyRule<Policy> { PolicyRules.women }

    func addRoundRows(to builder: inout RotationModelBuilder) { builder.addWomenShare() }

    func describe(_ instance: RuleInstance, in words: RuleWording) -> String? {
        words.say("rules.women.share", ["share": words.number(words.policy.women.minShare * 100)])
    }
}

extension RotationModelBuilder {
    /// Rule 7: women ≥ share × filled leadership posts: W − share·F + s ≥ 0, with W the women
    /// and F the filled leadership posts counted by integer columns.
    mutating func addWomenShare() {
        let women = mode(.women, policy.women.mode)
        guard women.isActive else { return }
        let share = policy.women.minShare
        let leadership = scenario.positions.indices.filter { scenario.positions[$0].leadership }
        let womenCount = count("n_women", teamTerms(leadership) { $0.gender == .female ? 1 : 0 }, most: leadership.count)
        let filled = count("n_filled", teamTerms(leadership) { _ in 1 }, most: leadership.count)
        var terms: [LinearModel.Term] = [.init(column: womenCount, coefficient: 1), .init(column: filled, coefficient: -share)]
        let s = shortfall(.women, women, subject: "leadership posts", name: "s_women", most: leadership.count)
        if let s { terms.append(.init(column: s, coefficient: 1)) }
        addSharedRow("women", terms: terms, lower: 0)
        addShareHull("women", share: share, count: womenCount, shortfall: s, total: filled, posts: leadership)
    }

}
