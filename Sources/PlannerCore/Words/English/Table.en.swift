extension Catalogue {
    /// The words of the plan's table (`solve`).
    static let englishTable: [String: String] = [:]
}
