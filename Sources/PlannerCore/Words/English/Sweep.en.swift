extension Catalogue {
    /// The words of a sweep (`sweep`).
    static let englishSweep: [String: String] = [:]
}
