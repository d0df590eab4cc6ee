import Foundation
import PlannerRoster
import Testing

/// The fixtures (Tests/RosterTests/Fixtures) are made by scripts/make-roster-fixtures: the
/// workbooks saved by LibreOffice Calc, the CSV files in the encodings spreadsheets save.
private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

private func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

/// Text compared scalar by scalar: Swift's `==` on strings holds NFC and NFD equal, and the
/// round trip must keep the text as written (NFC).
private func scalars(_ cell: Cell) -> [Unicode.Scalar] { Array(cell.text.unicodeScalars) }
private func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.precomposedStringWithCanonicalMapping.unicodeScalars) }

/// The error a read throws, for asserting on it.
private func readError(_ read: () throws(RosterError) -> Void) -> RosterError? {
    do {
        try read()
        return nil
    } catch {
        return error
    }
}

private func problems(_ error: RosterError?) -> [RosterProblem] {
    if case .invalid(let problems) = error { return problems }
    return []
}

private func unreadableReason(_ error: RosterError?) -> String? {
    if case .unreadable(_, let reason) = error { return reason }
    return nil
}

// MARK: CSV

@Test func readsExcelsCSVUTF8WithQuotedLineBreaksAndDoubledQuotes() throws {
    let path = fixture("utf8-bom-comma-crlf.csv")
    let table = try CSVTableReader.read(path: path)
    #expect(table.file == path)
    #expect(table.sheet == nil)
    #expect(table.hidden == false)
    // Line 1 the header, the record on lines 2-3 (a line break inside quotes), line 4 empty.
    #expect(table.rows.map(\.number) == [1, 2, 5])
    #expect(table.rows[0].cells == [.text("Mã"), .text("Họ và tên"), .text("Chức vụ"), .text("Ghi chú")])
    #expect(scalars(table.rows[0][0]) == scalars("Mã"))  // the byte order mark is not part of the text
    #expect(scalars(table.rows[1][1]) == scalars("Nguyễn Thị Hương"))
    #expect(scalars(table.rows[1][2]) == scalars("Bí thư Đảng ủy"))
    #expect(table.rows[1][3] == .text("Chuyển công tác\r\nngày 1/9, \"đợt 2\""))
    #expect(table.rows[2].cells == [.text("002"), .text("Trần Văn Nam"), .text("Thạc sĩ"), .empty])
    #expect(scalars(table.rows[2][2]) == scalars("Thạc sĩ"))
}

@Test func detectsSemicolonsFromTheHeaderLine() throws {
    let table = try CSVTableReader.read(path: fixture("semicolon.csv"))
    #expect(table.rows.map(\.number) == [1, 2])
    #expect(table.rows[1].cells == [.text("001"), .text("Nguyễn Thị Hương"), .text("4,4")])
}

@Test func readsUnicodeTextInUTF16LittleAndBigEndian() throws {
    let little = try CSVTableReader.read(path: fixture("unicode-text-utf16le.txt"))
    #expect(little.rows.map(\.number) == [1, 2])
    #expect(little.rows[0].cells == [.text("Mã"), .text("Họ và tên"), .text("Trình độ")])
    #expect(little.rows[1].cells == [.text("001"), .text("Nguyễn Thị Hương"), .text("Thạc sĩ")])
    #expect(scalars(little.rows[1][1]) == scalars("Nguyễn Thị Hương"))

    let big = try CSVTableReader.read(path: fixture("utf16be.tsv"))
    #expect(big.rows.map(\.cells) == [[.text("Mã"), .text("Họ và tên")], [.text("002"), .text("Trần Văn Nam")]])
}

@Test func readsLibreOfficesUnicodeTextOfTheRosterSheet() throws {
    let table = try TableSource.read(path: fixture("libreoffice-unicode-text.csv"))
    #expect(table.count == 1)
    let rows = try #require(table.first?.rows)
    // LibreOffice writes every row as wide as the sheet; the empty row 2 is all tabs.
    #expect(rows.map(\.number) == [1, 3, 4, 5])
    #expect(rows.allSatisfy { $0.cells.count == 10 })
    #expect(rows[0][0] == .text("DANH SÁCH CÁN BỘ"))
    #expect(rows[0].cells.dropFirst().allSatisfy { $0 == .empty })
    #expect(
        rows[2].cells
            == ["007", "Nguyễn Thị Hương", "14/03/1985", "Bí thư Đảng ủy", "Thạc sĩ", "4.4", "TRUE", "#DIV/0!", "09/2010", "Hà Nội"]
            .map { Cell.text($0) })
    #expect(
        rows[3].cells == ["8", "Trần Văn Nam", "29/02/1972", "", "Cử nhân", "", "", "", "", ""].map { $0.isEmpty ? Cell.empty : .text($0) })
    #expect(scalars(rows[2][1]) == scalars("Nguyễn Thị Hương"))
}

@Test func aRowWithMoreCellsThanTheHeaderIsAProblemNamingFileAndLine() {
    let path = fixture("ragged.csv")
    let found = problems(readError { () throws(RosterError) in _ = try CSVTableReader.read(path: path) })
    #expect(found.count == 1)
    #expect(found.first?.file == path)
    #expect(found.first?.row == 3)
    #expect(found.first?.column == "D")
    #expect(found.first?.value == "Thạc sĩ")
    #expect(found.first?.message.contains("4 cells but the header (line 1) has 3") == true)
    #expect(found.first?.description.hasPrefix("\(path), row 3, column \"D\": \"Thạc sĩ\": ") == true)
}

@Test func extraEmptyCellsLoseNothingAndAreNoProblem() throws {
    let table = try CSVTableReader.table(text: "a,b\n1,2,,\n", file: "x.csv")
    #expect(table.rows[1].cells == [.text("1"), .text("2"), .empty, .empty])
}

@Test func aQuoteNeverClosedIsAProblemOnTheLineItOpens() {
    let path = fixture("unterminated-quote.csv")
    let found = problems(readError { () throws(RosterError) in _ = try CSVTableReader.read(path: path) })
    #expect(found.count == 1)
    #expect(found.first?.file == path)
    #expect(found.first?.row == 3)
    #expect(found.first?.message.contains("never closed") == true)
}

@Test func aQuoteInTheMiddleOfAValueIsAProblemOnItsLine() {
    let error = readError { () throws(RosterError) in _ = try CSVTableReader.table(text: "a,b\n1,2\n3,x\"y\n4,5\n", file: "q.csv") }
    let found = problems(error)
    #expect(found.map(\.row) == [3])
    #expect(found.first?.file == "q.csv")
    #expect(found.first?.message.contains("in the middle of a value") == true)
}

@Test func aFileInWindows1258IsAProblemSayingToSaveAsUTF8() {
    let path = fixture("windows-1258.csv")
    let found = problems(readError { () throws(RosterError) in _ = try CSVTableReader.read(path: path) })
    #expect(found.count == 1)
    #expect(found.first?.file == path)
    #expect(found.first?.row == 1)  // "Mã" is already not UTF-8
    #expect(found.first?.message.contains("not UTF-8") == true)
    #expect(found.first?.message.contains("CSV UTF-8") == true)
}

@Test func aLaterLineNotInUTF8IsNamed() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("latin1-\(UUID().uuidString).csv").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Data("Ma,Ten\n001,An\n002,".utf8 + [0xE0, 0x0A]).write(to: URL(fileURLWithPath: path))
    let found = problems(readError { () throws(RosterError) in _ = try CSVTableReader.read(path: path) })
    #expect(found.map(\.row) == [3])
}

@Test func aWorkbookOrBinaryFileNamedCSVIsRefusedSayingWhatItIs() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("renamed-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let workbook = folder.appendingPathComponent("roster.csv").path
    try FileManager.default.copyItem(atPath: fixture("roster.xlsx"), toPath: workbook)
    let error = readError { () throws(RosterError) in _ = try TableSource.read(path: workbook) }
    #expect(unreadableReason(error)?.contains("name it .xlsx") == true)

    // An old .xls workbook (OLE2) starts D0 CF 11 E0 and holds zero bytes.
    let binary = folder.appendingPathComponent("roster.txt").path
    try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00]).write(to: URL(fileURLWithPath: binary))
    let found = problems(readError { () throws(RosterError) in _ = try TableSource.read(path: binary) })
    #expect(found.first?.message.contains("not text") == true)
}

@Test func aCSVFileOverTheLimitIsRefused() {
    let error = readError { () throws(RosterError) in
        _ = try CSVTableReader.read(path: fixture("semicolon.csv"), maximumBytes: 10)
    }
    #expect(unreadableReason(error)?.contains("at most 10 bytes") == true)
}

// MARK: Workbooks

@Test func readsLibreOfficesWorkbookCellByCell() throws {
    let path = fixture("roster.xlsx")
    let tables = try TableSource.read(path: path)
    #expect(tables.map(\.sheet) == ["Cán bộ", "Ẩn"])
    #expect(tables.map(\.hidden) == [false, true])
    #expect(tables.allSatisfy { $0.file == path })

    let roster = tables[0]
    #expect(roster.mergedRanges == ["A1:C1"])
    // The title on row 1, the header on row 3 (row 2 is empty).
    #expect(roster.rows.map(\.number) == [1, 3, 4, 5])
    #expect(roster.rows[0].cells == [.text("DANH SÁCH CÁN BỘ")])
    #expect(
        roster.rows[1].cells
            == ["Mã", "Họ và tên", "Ngày sinh", "Chức vụ", "Trình độ", "Hệ số", "Đảng viên", "Tính thử", "Vào ngành", "Quê quán"]
            .map { Cell.text($0) })
    #expect(
        roster.rows[2].cells == [
            .text("007"),  // a number stored as text keeps its zeros
            .text("Nguyễn Thị Hương"),
            .date(year: 1985, month: 3, day: 14),  // dd/mm/yyyy
            .text("Bí thư Đảng ủy"),
            .text("Thạc sĩ"),
            .number(4.4, stored: "4.4"),
            .bool(true),  // =1=1
            .error("#DIV/0!"),  // =1/0
            .date(year: 2010, month: 9, day: 1),  // mm/yyyy
            .text("Hà Nội"),  // a formula's text (t="str")
        ])
    // A skipped cell (D5) is empty; rich text (a bold word) reads as its plain text.
    #expect(
        roster.rows[3].cells == [
            .number(8, stored: "8"), .text("Trần Văn Nam"), .date(year: 1972, month: 2, day: 29), .empty, .text("Cử nhân"),
        ])
    for (cell, written) in zip(roster.rows[2].cells, ["007", "Nguyễn Thị Hương"]) {
        #expect(scalars(cell) == scalars(written))
    }
    #expect(scalars(roster.rows[1][0]) == scalars("Mã"))
    #expect(scalars(roster.rows[2][3]) == scalars("Bí thư Đảng ủy"))
    #expect(scalars(roster.rows[2][4]) == scalars("Thạc sĩ"))

    let hidden = tables[1]
    #expect(hidden.rows.map(\.number) == [1, 2])
    #expect(hidden.rows.map(\.cells) == [[.text("Ghi chú")], [.text("Không in")]])
    #expect(hidden.mergedRanges.isEmpty)
}

@Test func readsDatesOfA1904Workbook() throws {
    let tables = try WorkbookReader.read(path: fixture("dates-1904.xlsx"))
    #expect(tables.count == 1)
    #expect(tables[0].rows.map(\.cells) == [[.text("Ngày sinh")], [.date(year: 1985, month: 3, day: 14)]])
}

@Test func readsAWorkbookWithInlineStringsAndNoSharedStringsOrStyles() throws {
    let tables = try WorkbookReader.read(path: fixture("handmade.xlsx"))
    #expect(tables.map(\.sheet) == ["Danh sách"])
    #expect(tables[0].hidden == false)
    #expect(tables[0].rows.map(\.number) == [2, 3])
    #expect(tables[0].rows[0].cells == [.empty, .text("Họ và tên"), .text("Chức vụ")])
    #expect(
        tables[0].rows[1].cells == [.number(1500, stored: "1.5E3"), .text("  Nguyễn Thị Hương "), .empty, .text("Bí thư Đảng ủy")])
}

@Test func excelSerialsAreCalendarDatesWithThe1900LeapDayQuirk() {
    func date(_ serial: Double, _ date1904: Bool = false) -> [Int]? {
        WorkbookReader.date(fromSerial: serial, date1904: date1904).map { [$0.year, $0.month, $0.day] }
    }
    #expect(date(1) == [1900, 1, 1])
    #expect(date(59) == [1900, 2, 28])
    #expect(date(60) == [1900, 2, 29])  // the day Excel counts that never was
    #expect(date(61) == [1900, 3, 1])
    #expect(date(31120) == [1985, 3, 14])
    #expect(date(31120.75) == [1985, 3, 14])  // a time of day is not part of the date
    #expect(date(2_958_465) == [9999, 12, 31])
    #expect(date(0.5) == nil)
    #expect(date(2_958_466) == nil)
    #expect(date(.nan) == nil)
    #expect(date(0, true) == [1904, 1, 1])
    #expect(date(29658, true) == [1985, 3, 14])
    #expect(date(2_957_003, true) == [9999, 12, 31])
    #expect(date(2_957_004, true) == nil)
    #expect(date(-1, true) == nil)
}

@Test func aNotZipFileNamedXlsxIsUnreadable() {
    let path = fixture("not-a-zip.xlsx")
    let error = readError { () throws(RosterError) in _ = try TableSource.read(path: path) }
    guard case .unreadable(let file, let reason) = error else {
        Issue.record("expected unreadable, got \(String(describing: error))")
        return
    }
    #expect(file == path)
    #expect(reason.contains("not a zip archive"))
    #expect(reason.contains("save it as .xlsx"))
}

@Test func aZipWithoutAWorkbookIsUnreadable() {
    let error = readError { () throws(RosterError) in _ = try TableSource.read(path: fixture("no-workbook.xlsx")) }
    #expect(unreadableReason(error)?.contains("no xl/workbook.xml") == true)
}

@Test func aSheetWithBrokenXMLIsUnreadableNamingTheSheet() {
    let error = readError { () throws(RosterError) in _ = try TableSource.read(path: fixture("damaged.xlsx")) }
    #expect(unreadableReason(error)?.contains("sheet \"Cán bộ\" is not the XML an Excel sheet has") == true, "\(String(describing: error))")
}

@Test func aSheetExpandingAnEntityBombIsRefused() {
    // Refused for its DTD before any parser expands it.
    let error = readError { () throws(RosterError) in _ = try TableSource.read(path: fixture("entity-bomb.xlsx")) }
    #expect(
        unreadableReason(error)?.contains("declares a DTD, which no spreadsheet program writes") == true, "\(String(describing: error))")
}

@Test func sharedStringsDefiningAnEntityAreRefusedNotReadAsOtherText() {
    let error = readError { () throws(RosterError) in _ = try TableSource.read(path: fixture("internal-entity.xlsx")) }
    #expect(
        unreadableReason(error)?.contains("its part xl/sharedStrings.xml declares a DTD") == true, "\(String(describing: error))")
}

@Test func textInACDATASectionIsReadAsText() throws {
    let tables = try WorkbookReader.read(path: fixture("cdata.xlsx"))
    #expect(tables[0].rows[0].cells == [.text("Bí thư"), .text("Chủ tịch")])
}

@Test func aWorkbookInflatingPastTheLimitIsRefused() {
    let error = readError { () throws(RosterError) in
        _ = try WorkbookReader.read(path: fixture("roster.xlsx"), maximumInflatedBytes: 2_000)
    }
    #expect(unreadableReason(error)?.contains("inflate to over 2000 bytes") == true)
}

@Test func numberFormatsWithDayMonthOrYearAreDates() {
    for code in ["dd/mm/yyyy", "DD/MM/YYYY", "mm/yyyy", "[$-42A]d mmmm yyyy", "mmm", "yyyy-mm-dd h:mm"] {
        #expect(WorkbookReader.isDateFormat(code: code), "\(code)")
    }
    // Minutes beside hours or seconds, text in quotes, colours and locales in brackets, escapes.
    for code in ["General", "0.00", "h:mm", "mm:ss", "[h]:mm", "#,##0 \"đ\"", "\"Ngày\" 0", "[Red]0.00", "0\\d", "@"] {
        #expect(!WorkbookReader.isDateFormat(code: code), "\(code)")
    }
}

// MARK: Sources

@Test func aFolderIsItsCSVFilesInNameOrder() throws {
    let folder = fixture("folder")
    let tables = try TableSource.read(path: folder)
    #expect(tables.map { URL(fileURLWithPath: $0.file).lastPathComponent } == ["a-chuc-vu.tsv", "b-can-bo.csv"])
    #expect(tables.allSatisfy { $0.sheet == nil && $0.file.hasPrefix(folder + "/") })
    #expect(tables[0].rows.map(\.cells) == [[.text("Mã"), .text("Chức vụ")], [.text("BT"), .text("Bí thư Đảng ủy")]])
    #expect(tables[1].rows.map(\.cells) == [[.text("Mã"), .text("Họ và tên")], [.text("001"), .text("Nguyễn Thị Hương")]])
}

@Test func aCSVFileIsOneTable() throws {
    let tables = try TableSource.read(path: fixture("semicolon.csv"))
    #expect(tables.count == 1)
    #expect(tables.first?.sheet == nil)
}

@Test func anOdsOrXlsFileIsAskedToBeSavedAsXlsx() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["can-bo.ods", "can-bo.xls"] {
        let path = folder.appendingPathComponent(name).path
        try Data("x".utf8).write(to: URL(fileURLWithPath: path))
        let error = readError { () throws(RosterError) in _ = try TableSource.read(path: path) }
        #expect(unreadableReason(error)?.contains("save it as .xlsx") == true, "\(name)")
    }
    let other = folder.appendingPathComponent("can-bo.pdf").path
    try Data("x".utf8).write(to: URL(fileURLWithPath: other))
    let error = readError { () throws(RosterError) in _ = try TableSource.read(path: other) }
    #expect(unreadableReason(error)?.contains(".xlsx workbook, a .csv") == true)
}

@Test func aMissingPathIsUnreadable() {
    let error = readError { () throws(RosterError) in _ = try TableSource.read(path: fixture("no-such-file.xlsx")) }
    #expect(unreadableReason(error) == "no such file or folder")
}

// MARK: Speed (a figure to read, not a timed assertion: wall time on shared cores is noisy)

/// Where LibreOffice is, if it is installed (the speed check needs it to make its workbook).
private let sofficePath = [
    "/usr/bin/soffice", "/usr/local/bin/soffice", "/opt/homebrew/bin/soffice", "/usr/lib/libreoffice/program/soffice",
]
.first { FileManager.default.isExecutableFile(atPath: $0) }

/// A communes-size roster (4,300 cadres × 15 columns) saved as .xlsx by LibreOffice, read as
/// tables. Prints the seconds `TableSource.read` took; `bench/reading-workbook` runs it.
@Test(.enabled(if: sofficePath != nil, "needs LibreOffice (soffice) to make the workbook"))
func readsACommunesSizeWorkbook() throws {
    let cadres = 4_300
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("communes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }

    let families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
    let middles = ["Thị", "Văn", "Hữu", "Minh", "Ngọc", "Thanh", "Đức", "Quang"]
    let givens = ["Hương", "Nam", "Lan", "Tuấn", "Hà", "Dũng", "Mai", "Sơn", "Thảo", "Long", "Trang", "Hải", "Yến"]
    let posts = ["Bí thư Đảng ủy", "Phó Bí thư Đảng ủy", "Chủ tịch UBND", "Phó Chủ tịch UBND", "Chủ tịch HĐND", "Công chức Tư pháp"]
    let degrees = ["Thạc sĩ", "Cử nhân", "Kỹ sư", "Tiến sĩ"]
    var lines = [
        "Mã,Họ và tên,Ngày sinh,Giới tính,Chức vụ,Đơn vị,Trình độ,Chuyên ngành,Ngày vào Đảng,Hệ số lương,Quê quán,Dân tộc,Số năm công tác,Điện thoại,Ghi chú"
    ]
    for index in 0..<cadres {
        let name = "\(families[index % 12]) \(middles[index / 12 % 8]) \(givens[index / 96 % 13]) \(index)"
        let born = "19\(60 + index % 35)-\(String(format: "%02d", 1 + index % 12))-\(String(format: "%02d", 1 + index % 28))"
        let joined = "20\(String(format: "%02d", index % 20))-0\(1 + index % 9)-15"
        lines.append(
            [
                String(format: "%06d", index), name, born, index % 2 == 0 ? "Nữ" : "Nam", posts[index % 6], "Xã \(index / 7)",
                degrees[index % 4], "Quản lý nhà nước", joined, String(format: "%.2f", 2.34 + Double(index % 50) / 10),
                "Tỉnh \(index % 63)", "Kinh", "\(index % 35)", "09\(String(format: "%08d", index))", "\"Ghi chú, số \(index)\"",
            ]
            .joined(separator: ","))
    }
    let csv = folder.appendingPathComponent("communes.csv")
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: csv)

    // Column 1 (the id) as text, keeping its zeros; ISO dates detected as dates.
    let soffice = Process()
    soffice.executableURL = URL(fileURLWithPath: sofficePath ?? "soffice")
    soffice.arguments = [
        "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--infilter=CSV:44,34,76,1,1/2,1033,false,true",
        "--convert-to", "xlsx", "--outdir", folder.path, csv.path,
    ]
    soffice.standardOutput = FileHandle.nullDevice
    soffice.standardError = FileHandle.nullDevice
    try soffice.run()
    soffice.waitUntilExit()
    let workbook = folder.appendingPathComponent("communes.xlsx").path
    try #require(FileManager.default.fileExists(atPath: workbook))

    let clock = ContinuousClock()
    var tables: [Table] = []
    let elapsed = try clock.measure { tables = try TableSource.read(path: workbook) }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print("readsACommunesSizeWorkbook: TableSource.read of \(cadres) rows × 15 columns took \(String(format: "%.3f", seconds)) s")

    #expect(tables.count == 1)
    let rows = try #require(tables.first?.rows)
    #expect(rows.count == cadres + 1)
    #expect(rows.allSatisfy { $0.cells.count == 15 && !$0.cells.contains(.empty) })
    #expect(rows[1][0] == .text("000000"))
    #expect(rows[1][2] == .date(year: 1960, month: 1, day: 1))
    #expect(rows[cadres][14] == .text("Ghi chú, số \(cadres - 1)"))
}

// MARK: Damaged bytes

/// Every damaged copy of a workbook or CSV file is read or refused with a `RosterError`; none
/// may stop the process. A fixed seed keeps the copies the same from run to run.
@Test func damagedCopiesAreReadOrRefusedNeverACrash() throws {
    var state: UInt64 = 2026
    func random(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("damaged-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }

    var outcomes: [String: Int] = [:]
    for name in ["roster.xlsx", "handmade.xlsx", "utf8-bom-comma-crlf.csv", "unicode-text-utf16le.txt"] {
        let original = try Data(contentsOf: URL(fileURLWithPath: fixture(name)))
        for copy in 0..<100 {
            var bytes = [UInt8](original)
            for _ in 0..<(1 + random(8)) where bytes.count > 1 {
                switch random(3) {
                case 0: bytes[random(bytes.count)] = UInt8(random(256))
                case 1: bytes.remove(at: random(bytes.count))
                default: bytes = Array(bytes.prefix(random(bytes.count) + 1))
                }
            }
            let path = folder.appendingPathComponent("\(copy)-\(name)").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            do {
                _ = try TableSource.read(path: path)
                outcomes["read", default: 0] += 1
            } catch .unreadable(let file, _) {
                #expect(file == path)
                outcomes["unreadable", default: 0] += 1
            } catch .invalid(let problems) {
                #expect(!problems.isEmpty && problems.allSatisfy { $0.file == path })
                outcomes["invalid", default: 0] += 1
            }
        }
    }
    #expect(outcomes.values.reduce(0, +) == 400)
    print("damaged copies: \(outcomes.sorted { $0.key < $1.key })")
}

/// A title line above the header that has no separators (as a script or Notepad writes it) is
/// no header: the rows below are not ragged, and the separator is the header's.
@Test func aTitleLineWithoutSeparatorsIsNoHeader() throws {
    let text = "DANH SÁCH CÁN BỘ\nNgày 01/12/2026\nMã cán bộ;Họ và tên;Năm sinh\nC-01;Nguyễn Văn An;1972\n"
    let table = try CSVTableReader.table(text: text, file: "can-bo.csv")
    #expect(table.rows.count == 4)
    #expect(table.rows[2].cells == [.text("Mã cán bộ"), .text("Họ và tên"), .text("Năm sinh")])
    #expect(table.rows[3].cells[1] == .text("Nguyễn Văn An"))
}
