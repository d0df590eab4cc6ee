extension Catalogue {
    /// The words of the succession slates (`succession`).
    static let vietnameseSlates: [String: String] = [:]
}
