extension Catalogue {
    /// The words of an explanation (`explain`, `--why-not`).
    static let englishExplain: [String: String] = [:]
}
