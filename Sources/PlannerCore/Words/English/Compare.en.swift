extension Catalogue {
    /// The words of a comparison of variants (`compare`).
    static let englishCompare: [String: String] = [:]
}
