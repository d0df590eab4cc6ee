extension Catalogue {
    /// The words of the succession slates (`succession`).
    static let englishSlates: [String: String] = [:]
}
