extension Catalogue {
    /// The words of what each rule says about a post, a team or a cadre (diagnoses, explanations).
    static let englishRules: [String: String] = [:]
}
