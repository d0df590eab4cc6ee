extension Catalogue {
    /// The words of a comparison of variants (`compare`).
    static let vietnameseCompare: [String: String] = [:]
}
