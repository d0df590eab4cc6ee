import Foundation

/// Where a roster's tables come from: an .xlsx workbook (each worksheet a table), one CSV file,
/// or a folder of CSV files (each one table, read in name order).
public enum TableSource {
    /// The extensions read as CSV; a folder's other files are left alone.
    public static let textExtensions: Set<String> = ["csv", "tsv", "txt"]

    /// The tables at `path`. Problems in several CSV files of a folder are reported together.
    public static func read(path: String) throws(RosterError) -> [Table] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .unreadable(file: path, reason: "no such file or folder")
        }
        if isFolder.boolValue { return try readFolder(path) }

        let fileExtension = URL(fileURLWithPath: path).pathExtension.lowercased()
        switch fileExtension {
        case "xlsx", "xlsm":
            return try WorkbookReader.read(path: path)
        case _ where textExtensions.contains(fileExtension):
            return [try CSVTableReader.read(path: path)]
        case "xls", "ods", "fods", "numbers", "xlsb":
            throw .unreadable(
                file: path,
                reason:
                    "a .\(fileExtension) file cannot be read: open it in Excel or LibreOffice and save it as .xlsx "
                    + "(Excel Workbook)")
        default:
            throw .unreadable(
                file: path, reason: "a roster is an .xlsx workbook, a .csv, .tsv or .txt file, or a folder of CSV files")
        }
    }

    static func readFolder(_ path: String) throws(RosterError) -> [Table] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw .unreadable(file: path, reason: "the folder cannot be read")
        }
        let csvNames = names.filter { name in
            !name.hasPrefix(".") && textExtensions.contains(URL(fileURLWithPath: name).pathExtension.lowercased())
        }
        .sorted()
        guard !csvNames.isEmpty else {
            throw .unreadable(
                file: path, reason: "the folder holds no .csv, .tsv or .txt file (a workbook is named by its own path)")
        }
        let folder = path.hasSuffix("/") ? path : path + "/"
        var tables: [Table] = []
        var problems: [RosterProblem] = []
        for name in csvNames {
            do {
                tables.append(try CSVTableReader.read(path: folder + name))
            } catch .invalid(let fileProblems) {
                problems += fileProblems
            }
        }
        if !problems.isEmpty { throw .invalid(problems: problems) }
        return tables
    }
}
