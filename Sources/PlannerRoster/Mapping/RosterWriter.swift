import Foundation

/// Writes a scenario as a roster folder (docs/roster-format.md): one CSV file per table, with
/// Vietnamese headers and words, and the settings in `policy.json`. Reading the folder back
/// gives the same round. The CSV files are UTF-8 with a byte order mark and CRLF line ends, as
/// Excel opens them on a double click with Vietnamese intact.
public enum RosterWriter {
    /// A number as a roster cell holds it: the scenario file's shortest form, with an exponent
    /// written out ("1e-07" as "0.0000001", "1e+20" in full), since the roster's reader takes
    /// only plain digits (`RosterMapping.plainNumber`: a sheet's "1e2" is refused, not guessed).
    static func decimal(_ value: Double) -> String {
        let shortest = ScenarioWriter.plainNumber(value)
        guard let e = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(shortest[shortest.index(after: e)...])
        else { return shortest }
        var mantissa = Substring(shortest[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa = mantissa.dropFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        let digits = whole + (parts.count > 1 ? String(parts[1]) : "")
        // The decimal point sits after `whole.count + exponent` of the digits.
        let point = whole.count + exponent
        var text: String
        if point <= 0 {
            text = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            text = digits + String(repeating: "0", count: point - digits.count)
        } else {
            text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        while text.hasPrefix("0"), text.count > 1, !text.hasPrefix("0.") { text.removeFirst() }
        return (negative ? "-" : "") + text
    }

    /// The files of the roster, by name, in the order written.
    public static func files(_ scenario: Scenario) -> [(name: String, data: Data)] {
        let words = scenario.words
        func label(_ kind: Vocabulary.Kind, _ id: String) -> String {
            words.words(kind).first { $0.id == id }?.vi ?? id
        }
        func yesNo(_ flag: Bool) -> String { flag ? "Có" : "Không" }
        func number(_ value: Double?) -> String { value.map(Self.decimal) ?? "" }
        func list(_ items: [String]) -> String { items.joined(separator: "\(RosterSchema.listSeparator) ") }
        func headers(_ kind: RosterSchema.TableKind, _ keys: [String]) -> [String] {
            keys.map { key in kind.columns.first { $0.key == key }?.headers.first ?? key }
        }

        var tables: [(RosterSchema.TableKind, [[String]])] = []
        tables.append(
            (
                .round,
                [
                    headers(.round, ["setting", "value"]), [RosterSchema.roundSettings[0].names[0], scenario.name],
                    [RosterSchema.roundSettings[1].names[0], String(scenario.planningYear)],
                ]
            ))
        let localityKeys = ["id", "name", "within"]
        tables.append((.localities, [headers(.localities, localityKeys)] + scenario.localities.map { [$0.id, $0.name, $0.within ?? ""] }))
        let unitKeys = ["id", "name", "locality", "grassroots", "level"]
        tables.append(
            (
                .units,
                [headers(.units, unitKeys)] + scenario.units.map { [$0.id, $0.name, $0.locality, yesNo($0.grassroots), String($0.level)] }
            ))
        let positionKeys = [
            "id", "unit", "title", "leadership", "incumbent", "mustFill", "weight", "minEducation", "fields", "minRating", "maxAge",
        ]
        tables.append(
            (
                .positions,
                [headers(.positions, positionKeys)]
                    + scenario.positions.map { p in
                        [
                            p.id, p.unit, label(.title, p.title), yesNo(p.leadership), p.incumbent ?? "", yesNo(p.mustFill),
                            number(p.weight),
                            p.requirements.minEducation.map { label(.education, $0.rawValue) } ?? "",
                            list(p.requirements.fields.map { label(.field, $0) }), number(p.requirements.minRating),
                            p.requirements.maxAge.map(String.init) ?? "",
                        ]
                    }
            ))
        let cadreKeys = [
            "id", "name", "gender", "birthYear", "homeLocality", "education", "fields", "rating", "yearsInPost", "plannedFor", "locked",
            "relatives",
        ]
        tables.append(
            (
                .cadres,
                [headers(.cadres, cadreKeys)]
                    + scenario.cadres.map { c in
                        let planned = c.plannedFor.map { text -> String in
                            let entry = PlanningEntry(text)
                            if entry.position != nil { return text }
                            return label(.title, entry.title) + (entry.locality.map { " @ \($0)" } ?? "")
                        }
                        return [
                            c.id, c.name, label(.gender, c.gender.rawValue), String(c.birthYear), c.homeLocality,
                            label(.education, c.education.rawValue),
                            list(c.fields.map { label(.field, $0) }), number(c.rating), String(c.yearsInPost), list(planned),
                            yesNo(c.locked),
                            list(c.relatives),
                        ]
                    }
            ))
        for (kind, pairs) in [(RosterSchema.TableKind.pinned, scenario.pinned), (.forbidden, scenario.forbidden)] where !pairs.isEmpty {
            tables.append((kind, [headers(kind, ["cadre", "position"])] + pairs.map { [$0.cadre, $0.position] }))
        }
        var files = tables.map { kind, rows in (name: kind.fileName + ".csv", data: csv(rows)) }
        files.append((name: "policy.json", data: ScenarioWriter.encodeSettings(scenario)))
        return files
    }

    /// Rows as CSV (`CSVText`), with a byte order mark.
    static func csv(_ rows: [[String]]) -> Data { CSVText.byteOrderMark + Data(CSVText.document(rows).utf8) }
}
