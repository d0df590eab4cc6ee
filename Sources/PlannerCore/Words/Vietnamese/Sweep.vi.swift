extension Catalogue {
    /// The words of a sweep (`sweep`).
    static let vietnameseSweep: [String: String] = [:]
}
