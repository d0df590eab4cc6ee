extension Catalogue {
    /// Words every output shares.
    static let englishCommon: [String: String] = [
        "common.none": "none",
        "common.vacant": "vacant",
        "common.yes": "yes",
        "common.no": "no",
        "common.nobody": "nobody",
        "common.andMore": "and {count} more",
        "common.progress.line": "{step} · best {best} · bound {bound} · gap {gap} · {seconds} s",
        "common.progress.relaxation": "LP relaxation, round {round}",
        "common.progress.dive": "LP dive",
        "common.progress.search": "branch and bound, {nodes} nodes",
        "common.progress.stage": "choosing among equal plans: {key}",
        "common.progress.none": "–",
    ]
}
