import Foundation

/// An office's own names for the roster's tables and columns, beside the built-in ones
/// (`RosterSchema`): a small JSON file, `columns.json` in a roster folder or `NAME.columns.json`
/// beside a workbook `NAME.xlsx` (docs/roster-format.md, "Your own column names"):
///
///     {"tables": {"cadres": ["DS cán bộ 2026"]},
///      "columns": {"cadres": {"name": ["Họ tên đầy đủ"], "rating": ["Điểm KPI"]}}}
public struct RosterColumnNames: Sendable, Equatable {
    public var tables: [RosterSchema.TableKind: [String]] = [:]
    public var columns: [RosterSchema.TableKind: [String: [String]]] = [:]

    public init() {}

    /// The file read with a roster at `path` when none is named.
    public static func defaultPath(for path: String) -> String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            return (path as NSString).appendingPathComponent("columns.json")
        }
        return (path as NSString).deletingPathExtension + ".columns.json"
    }

    /// Reads the names from `data` (the file `file`), reporting every unknown table or column.
    public static func read(_ data: Data, file: String) -> (names: RosterColumnNames, problems: [RosterProblem]) {
        var names = RosterColumnNames()
        var problems: [RosterProblem] = []
        func problem(_ place: String?, _ message: String) { problems.append(RosterProblem(file: file, column: place, message: message)) }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            problem(nil, "not a JSON object of \"tables\" and \"columns\"")
            return (names, problems)
        }
        let kinds = RosterSchema.TableKind.allCases.map(\.rawValue)
        func kind(_ key: String, at place: String) -> RosterSchema.TableKind? {
            guard let kind = RosterSchema.TableKind(rawValue: key) else {
                problem(place, "\"\(key)\" is not a table: use one of " + kinds.joined(separator: ", "))
                return nil
            }
            return kind
        }
        func strings(_ value: Any, at place: String) -> [String] {
            if let text = value as? String { return [text] }
            guard let list = value as? [String] else {
                problem(place, "expected a name or a list of names")
                return []
            }
            return list
        }
        for key in root.keys.sorted() where key != "tables" && key != "columns" {
            problem(key, "not a key of a column names file: use \"tables\" and \"columns\"")
        }
        if let tables = root["tables"] as? [String: Any] {
            for (key, value) in tables.sorted(by: { $0.key < $1.key }) {
                if let kind = kind(key, at: "tables.\(key)") { names.tables[kind, default: []] += strings(value, at: "tables.\(key)") }
            }
        }
        if let columns = root["columns"] as? [String: Any] {
            for (key, value) in columns.sorted(by: { $0.key < $1.key }) {
                guard let kind = kind(key, at: "columns.\(key)") else { continue }
                guard let byColumn = value as? [String: Any] else {
                    problem("columns.\(key)", "expected an object of column → names")
                    continue
                }
                let known = kind.columns.map(\.key)
                for (column, value) in byColumn.sorted(by: { $0.key < $1.key }) {
                    guard known.contains(column) else {
                        problem("columns.\(key).\(column)", "not a column of the \(key) table: use one of " + known.joined(separator: ", "))
                        continue
                    }
                    names.columns[kind, default: [:]][column, default: []] += strings(value, at: "columns.\(key).\(column)")
                }
            }
        }
        return (names, problems)
    }

    /// The names a table of this kind may have.
    func tableNames(_ kind: RosterSchema.TableKind) -> [String] { kind.names + (tables[kind] ?? []) }

    /// The headers that name each column of this kind.
    func allColumns(_ kind: RosterSchema.TableKind) -> [RosterSchema.Column] {
        kind.columns.map { column in
            var column = column
            column.headers += columns[kind]?[column.key] ?? []
            return column
        }
    }
}
