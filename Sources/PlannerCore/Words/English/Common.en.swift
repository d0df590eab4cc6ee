extension Catalogue {
    /// Words every output shares.
    static let englishCommon: [String: String] = [
        "common.none": "none",
        "common.vacant": "vacant",
        "common.yes": "yes",
        "common.no": "no",
        "common.nobody": "nobody",
        "common.andMore": "and {count} more",
    ]
}
