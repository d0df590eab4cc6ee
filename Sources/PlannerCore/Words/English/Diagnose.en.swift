extension Catalogue {
    /// The words of a diagnosis (`diagnose`, `solve` without a plan).
    static let englishDiagnose: [String: String] = [:]
}
