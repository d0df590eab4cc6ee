/// Characters a text field may not hold: they would turn into something else where the text
/// is shown. A line break or tab in a name injects rows and columns into the plan's table; NUL
/// cuts a C string short; a bidirectional override (U+202E) makes a table show other text than
/// the file holds. Names are typed by people, so none of these belongs in one.
public enum TextSafety {
    /// Why `text` is refused, or nil when it is fine.
    public static func problem(in text: String) -> String? {
        var position = 0
        for scalar in text.unicodeScalars {
            position += 1
            if let kind = kind(of: scalar) {
                let code = String(scalar.value, radix: 16, uppercase: true)
                let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
                return
                    "holds \(kind) (U+\(padded)) at character \(position); text may not hold control or bidirectional-formatting characters"
            }
        }
        return nil
    }

    static func kind(of scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x0A, 0x0D, 0x2028, 0x2029: "a line break"
        case 0x09: "a tab"
        case 0x00: "a NUL character"
        case 0x01...0x1F, 0x7F...0x9F: "a control character"
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: "a bidirectional-formatting character"
        // Invisible: two names that look the same would be different names.
        case 0x200B...0x200D, 0x2060...0x2065, 0x206A...0x206F, 0xFEFF, 0xFFF9...0xFFFB, 0xE0000...0xE007F:
            "an invisible formatting character"
        default: nil
        }
    }

    /// `text` with every character `problem(in:)` refuses, except line breaks and tabs, written
    /// as its code (`\u{1B}`): for messages that quote what a user typed. `keepingLineBreaks`
    /// false: line breaks and tabs too, for one line of a message whose lines are its structure
    /// (a line break in a plan's id would otherwise start a line of its own making).
    public static func visible(_ text: String, keepingLineBreaks: Bool = true) -> String {
        func shownAsCode(_ scalar: Unicode.Scalar) -> Bool {
            (!keepingLineBreaks || (scalar.value != 0x0A && scalar.value != 0x09)) && kind(of: scalar) != nil
        }
        guard text.unicodeScalars.contains(where: shownAsCode) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if shownAsCode(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
