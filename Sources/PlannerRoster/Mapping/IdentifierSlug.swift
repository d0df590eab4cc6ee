import Foundation

/// Ids made from a row's words when the roster has none: ASCII, stable (the same words give the
/// same id), within the scenario format's 64 characters.
enum IdentifierSlug {
    /// "Nguyễn Thị Hương" → "nguyen-thi-huong".
    static func slug(_ text: String, limit: Int = 40) -> String {
        let folded = RosterSchema.folded(text).replacingOccurrences(of: " ", with: "-")
        let ascii = String(folded.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") })
        let trimmed = String(ascii.prefix(limit)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "x" : trimmed
    }

    /// Hands out ids, numbering a repeated one in the order asked ("-2", "-3"): the rows' order
    /// decides only between rows whose words are the same.
    struct Registry {
        var used: Set<String> = []

        mutating func claim(_ id: String) -> String {
            var candidate = id
            var number = 2
            while used.contains(candidate) {
                candidate = "\(id)-\(number)"
                number += 1
            }
            used.insert(candidate)
            return candidate
        }
    }
}
