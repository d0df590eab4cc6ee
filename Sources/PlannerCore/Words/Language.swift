/// The language of everything `planner` writes for people to read: tables, explanations,
/// diagnoses, reports. JSON stays language-neutral (ids and codes).
public enum ReportLanguage: String, Sendable, CaseIterable {
    case vi, en

    /// From the locale a user's shell sets: LC_ALL, then LC_MESSAGES, then LANG, as POSIX
    /// orders them; `vi` or `vi_VN.UTF-8` gives Vietnamese, anything else English.
    public static func from(environment: [String: String]) -> ReportLanguage {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value == "vi" || value.hasPrefix("vi_") || value.hasPrefix("vi.") ? .vi : .en
        }
        return .en
    }

    /// This language's words.
    public var words: Words { Words.of(self) }
}
