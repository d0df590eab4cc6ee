extension Catalogue {
    /// Words every output shares.
    static let vietnameseCommon: [String: String] = [
        "common.none": "không có",
        "common.vacant": "để trống",
        "common.yes": "có",
        "common.no": "không",
        "common.nobody": "không ai",
        "common.andMore": "và còn {count} nữa",
    ]
}
