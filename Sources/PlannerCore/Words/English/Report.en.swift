extension Catalogue {
    /// The words of the committee's report (HTML) and its reasons.
    static let englishReport: [String: String] = [:]
}
