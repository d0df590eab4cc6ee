import Foundation
import Planner
import PlannerRoster
import Testing

/// From an office's tables to a scenario: worked examples with tables written in code, in
/// Vietnamese as the office writes them. (Reading the files themselves is TableReadingTests.)
@Suite struct RosterMappingTests {
    /// A table from rows of text; row numbers from `firstRow`, as a sheet numbers them.
    static func table(_ sheet: String, _ rows: [[String]], firstRow: Int = 1, merged: [String] = []) -> Table {
        Table(
            file: "roster.xlsx", sheet: sheet,
            rows: rows.enumerated().map { offset, cells in
                TableRow(number: firstRow + offset, cells: cells.map { $0.isEmpty ? Cell.empty : Cell.text($0) })
            }, mergedRanges: merged)
    }

    /// The tutorial's commune An Lão: a secretary post held by one cadre, a chair post vacant,
    /// and a candidate planned for it.
    static var anLao: [Table] {
        [
            table("Thông tin chung", [["Nội dung", "Giá trị"], ["Tên kỳ điều động", "Kỳ điều động 2026"], ["Năm kế hoạch", "2026"]]),
            table(
                "Đơn vị",
                [
                    ["DANH SÁCH ĐƠN VỊ", "", ""],  // a title above the header, as sheets have
                    ["Mã đơn vị", "Tên đơn vị", "Địa bàn", "Cấp cơ sở"],
                    ["U-AL", "Xã An Lão", "An Lão", "Có"],
                ]),
            table(
                "Vị trí",
                [
                    ["Mã vị trí", "Đơn vị", "Chức vụ", "Người đang giữ", "Bắt buộc bố trí", "Trọng số", "Trình độ tối thiểu"],
                    ["P-AL-SEC", "U-AL", "Bí thư Đảng ủy", "C-01", "Có", "3", "Đại học"],
                    ["P-AL-CHA", "Xã An Lão", "chủ tịch", "", "Có", "3", "Cử nhân"],
                ]),
            table(
                "Cán bộ",
                [
                    [
                        "Mã cán bộ", "Họ và tên", "Giới tính", "Năm sinh", "Quê quán", "Trình độ", "Lĩnh vực", "Điểm đánh giá",
                        "Số năm giữ chức vụ", "Quy hoạch", "Ghi chú",
                    ],
                    [
                        "C-01", "Nguyễn Văn An", "Nam", "1972", "Kiến Thụy", "Thạc sĩ", "Xây dựng Đảng; Luật", "82", "4", "",
                        "ghi chú riêng",
                    ],
                    // Decomposed accents (as some systems export them) match the composed words.
                    [
                        "C-02", "Trần Thị Bình", "Nu\u{31B}\u{303}", "1985", "An Lão", "Tha\u{323}c si\u{303}", "Kinh tế", "78,5", "0",
                        "Chủ tịch", "",
                    ],
                ]),
        ]
    }

    static func read(_ tables: [Table], settings: String? = nil) throws -> Scenario {
        try RosterReader.read(
            tables: tables, roster: "roster.xlsx", settings: settings.map { Data($0.utf8) }, settingsFile: "roster.policy.json"
        )
        .scenario
    }

    static func problems(_ tables: [Table], settings: String? = nil) -> [RosterProblem] {
        do {
            _ = try read(tables, settings: settings)
            return []
        } catch let error as ScenarioError {
            if case .roster(_, let problems) = error { return problems }
            return [RosterProblem(file: "?", message: error.localizedDescription)]
        } catch {
            return [RosterProblem(file: "?", message: "\(error)")]
        }
    }

    @Test func vietnameseHeadersAndWordsBecomeTheScenario() throws {
        let scenario = try Self.read(Self.anLao)
        #expect(scenario.name == "Kỳ điều động 2026")
        #expect(scenario.planningYear == 2026)
        #expect(scenario.units.map(\.id) == ["U-AL"])
        #expect(scenario.units[0].grassroots)
        // Localities named by the sheets become the round's localities, with ids made from their names.
        #expect(scenario.localities.map(\.id) == ["an-lao", "kien-thuy"])
        #expect(scenario.units[0].locality == "an-lao")
        let secretary = try #require(scenario.positions.first { $0.id == "P-AL-SEC" })
        #expect(secretary.title == "secretary")
        #expect(secretary.incumbent == "C-01")
        #expect(secretary.mustFill)
        #expect(secretary.requirements.minEducation == .bachelor)
        // The unit given by its name, the title in lower case: both found.
        let chair = try #require(scenario.positions.first { $0.id == "P-AL-CHA" })
        #expect(chair.unit == "U-AL" && chair.title == "chair" && chair.incumbent == nil)
        let binh = try #require(scenario.cadres.first { $0.id == "C-02" })
        #expect(binh.gender == .female)
        #expect(binh.education == .master)
        #expect(binh.rating == 78.5)
        #expect(binh.plannedFor == ["chair"])
        #expect(binh.homeLocality == "an-lao")
        let an = try #require(scenario.cadres.first { $0.id == "C-01" })
        #expect(an.fields == ["law", "party-building"])
        #expect(an.yearsInPost == 4)
    }

    @Test func theSameRowsInAnotherOrderGiveTheSameScenario() throws {
        var shuffled = Self.anLao
        shuffled.reverse()
        let cadres = shuffled.firstIndex { $0.sheet == "Cán bộ" }!
        let header = shuffled[cadres].rows[0]
        shuffled[cadres].rows = [header] + shuffled[cadres].rows.dropFirst().reversed()
        #expect(ScenarioWriter.encode(try Self.read(shuffled)) == ScenarioWriter.encode(try Self.read(Self.anLao)))
    }

    /// Two people of the same name and birth year, no id column: their ids are numbered by what
    /// their rows say, not by which row comes first, so that the same office's roster sorted
    /// another way names the same person C-tran-thi-binh-1985 (a review's rosters traded the
    /// ids, and with them an appointment, when the two rows were swapped).
    @Test func namesakesWithoutIdsKeepTheirIdsWhateverTheRowOrder() throws {
        var tables = Self.anLao
        let cadres = tables.firstIndex { $0.sheet == "Cán bộ" }!
        let header = tables[cadres].rows[0]
        let namesake = { (home: String, rating: String, fields: String, number: Int) in
            TableRow(
                number: number,
                cells: ["", "Trần Thị Bình", "Nữ", "1985", home, "Thạc sĩ", fields, rating, "0", "", ""].map {
                    $0.isEmpty ? Cell.empty : Cell.text($0)
                })
        }
        let fromAnLao = namesake("An Lão", "78,5", "Kinh tế; Luật", 3)
        let fromKienThuy = namesake("Kiến Thụy", "71", "Luật; Kinh tế", 4)
        tables[cadres].rows = [header, tables[cadres].rows[1], fromAnLao, fromKienThuy]
        let first = try Self.read(tables)
        var swapped = tables
        // The other row order, and the list in a cell in another order: the same ids.
        swapped[cadres].rows = [
            header, tables[cadres].rows[1], namesake("Kiến Thụy", "71", "Kinh tế; Luật", 3), namesake("An Lão", "78,5", "Luật; Kinh tế", 4),
        ]
        let second = try Self.read(swapped)
        #expect(ScenarioWriter.encode(first) == ScenarioWriter.encode(second))
        #expect(Set(first.cadres.map(\.id)) == ["C-01", "C-tran-thi-binh-1985", "C-tran-thi-binh-1985-2"])
        let fromKienThuyID = first.cadres.first { $0.name == "Trần Thị Bình" && $0.rating == 71 }?.id
        #expect(fromKienThuyID != nil)
        #expect(second.cadres.first { $0.name == "Trần Thị Bình" && $0.rating == 71 }?.id == fromKienThuyID)
    }

    @Test func idsAreMadeFromTheRowsWhenTheRosterHasNone() throws {
        var tables = Self.anLao
        for index in tables.indices where ["Đơn vị", "Vị trí", "Cán bộ"].contains(tables[index].sheet) {
            // Drop every id column, and the incumbent (which named an id).
            let header = tables[index].rows.first {
                $0.cells.contains(.text("Mã đơn vị")) || $0.cells.contains(.text("Mã vị trí")) || $0.cells.contains(.text("Mã cán bộ"))
            }!
            let idColumn = header.cells.firstIndex { [Cell.text("Mã đơn vị"), .text("Mã vị trí"), .text("Mã cán bộ")].contains($0) }!
            tables[index].rows = tables[index].rows.map { row in
                var row = row
                if row.cells.count > idColumn { row.cells[idColumn] = row.number == header.number ? .text("Ghi chú") : .empty }
                return row
            }
        }
        let positions = tables.firstIndex { $0.sheet == "Vị trí" }!
        tables[positions].rows[1].cells[3] = .text("Nguyễn Văn An")  // the incumbent by name
        tables[positions].rows[1].cells[1] = .text("Xã An Lão")  // the unit by name
        let scenario = try Self.read(tables)
        #expect(scenario.units.map(\.id) == ["U-xa-an-lao"])
        #expect(Set(scenario.positions.map(\.id)) == ["P-xa-an-lao-secretary", "P-xa-an-lao-chair"])
        #expect(Set(scenario.cadres.map(\.id)) == ["C-nguyen-van-an-1972", "C-tran-thi-binh-1985"])
        #expect(scenario.positions.first { $0.title == "secretary" }?.incumbent == "C-nguyen-van-an-1972")
        // Made again from the same rows: the same ids.
        #expect(ScenarioWriter.encode(try Self.read(tables)) == ScenarioWriter.encode(scenario))
    }

    /// A review blanked the id of one row among rows with ids: its id took the words of the
    /// first row (its birth year, its post's unit and title), not its own.
    @Test func anIdLeftBlankInOneRowIsMadeFromThatRow() throws {
        var tables = Self.anLao
        let cadres = tables.firstIndex { $0.sheet == "Cán bộ" }!
        let positions = tables.firstIndex { $0.sheet == "Vị trí" }!
        // The second row of each: C-02 (Trần Thị Bình, 1985), the second post.
        tables[cadres].rows[2].cells[0] = .empty
        tables[positions].rows[2].cells[0] = .empty
        tables[positions].rows[2].cells[3] = .empty  // its incumbent named the blanked id
        let scenario = try Self.read(tables)
        #expect(Set(scenario.cadres.map(\.id)) == ["C-01", "C-tran-thi-binh-1985"])
        let made = try #require(scenario.positions.first { $0.id != "P-AL-SEC" })
        #expect(made.id == "P-AL-\(made.title)", "\(scenario.positions.map(\.id))")
    }

    @Test func everyMistakeIsListedAtOnceWithItsPlace() throws {
        var tables = Self.anLao
        let positions = tables.firstIndex { $0.sheet == "Vị trí" }!
        tables[positions].rows[1].cells[2] = .text("Phó Chủ tịch UBNDD")  // a misspelt title
        tables[positions].rows[2].cells[1] = .text("U-KT")  // a unit that does not exist
        let cadres = tables.firstIndex { $0.sheet == "Cán bộ" }!
        tables[cadres].rows[1].cells[3] = .text("2031")  // born after the planning year
        tables[cadres].rows[2].cells[6] = .text("Kinh tê")  // a field one accent away
        tables[cadres].rows[2].cells[7] = .error("#DIV/0!")  // a formula whose value is an error
        tables[cadres].rows.append(
            TableRow(
                number: 4,
                cells: [
                    .text("C-01"), .text("Lê Văn Cường"), .text("Nam"), .text("1980"), .text("An Lão"), .text("Đại học"), .empty,
                    .text("70"),
                ]))
        let problems = Self.problems(tables)
        let lines = problems.map(\.description)
        #expect(
            lines.contains {
                $0.contains("sheet \"Vị trí\", row 2, column \"Chức vụ\"") && $0.contains("\"Phó Chủ tịch UBNDD\"")
                    && $0.contains("did you mean \"Phó Chủ tịch UBND\"") == false && $0.contains("did you mean")
            })
        #expect(
            lines.contains {
                $0.contains("row 3, column \"Đơn vị\"") && $0.contains("\"U-KT\"") && $0.contains("no unit has this id or name")
            })
        #expect(
            lines.contains { $0.contains("sheet \"Cán bộ\", row 2, column \"Năm sinh\"") && $0.contains("after the planning year 2026") })
        #expect(lines.contains { $0.contains("row 3, column \"Lĩnh vực\"") && $0.contains("did you mean \"Kinh tế\"") })
        #expect(lines.contains { $0.contains("row 3, column \"Điểm đánh giá\"") && $0.contains("#DIV/0!") && $0.contains("error") })
        #expect(
            lines.contains { $0.contains("duplicate cadre id \"C-01\"") }
                || lines.contains { $0.contains("C-01") && $0.contains("duplicate") })
        #expect(problems.count >= 5)
    }

    /// The planning year decides every age and retirement: a sheet that gives it twice, with
    /// two values, is refused at the second row, never read as whichever row comes last.
    @Test func aSettingGivenTwiceWithTwoValuesIsRefused() throws {
        var tables = Self.anLao
        let round = tables.firstIndex { $0.sheet == "Thông tin chung" }!
        tables[round].rows.append(TableRow(number: 4, cells: [.text("Năm kế hoạch"), .text("2027")]))
        let lines = Self.problems(tables).map(\.description)
        #expect(
            lines.contains {
                $0.contains("sheet \"Thông tin chung\", row 4, column \"Giá trị\"") && $0.contains("given again with another value")
                    && $0.contains("row 3 says 2026")
            }, "\(lines)")
        // The same value twice says nothing new: read as once, "2026,0" as 2026; and a row
        // with no value gives nothing.
        for again in ["2026", "2026,0", ""] {
            tables[round].rows[3] = TableRow(number: 4, cells: [.text("Năm kế hoạch"), again.isEmpty ? .empty : .text(again)])
            #expect(Self.problems(tables).isEmpty, "\(again)")
            #expect(try Self.read(tables).planningYear == 2026)
        }
    }

    @Test func aMergedCellAndAMissingTableAreNamed() {
        var tables = Self.anLao.filter { $0.sheet != "Đơn vị" }
        let cadres = tables.firstIndex { $0.sheet == "Cán bộ" }!
        tables[cadres].mergedRanges = ["E2:E3"]
        let lines = Self.problems(tables).map(\.description)
        #expect(lines.contains { $0.contains("no units table") && $0.contains("Đơn vị") })
        #expect(lines.contains { $0.contains("sheet \"Cán bộ\", row 2, column \"E2:E3\"") && $0.contains("merged") })
    }

    @Test func aHeaderOneLetterOffIsATypoNotAnIgnoredColumn() {
        var tables = Self.anLao
        let positions = tables.firstIndex { $0.sheet == "Vị trí" }!
        // Accents may be left out ("Trong so" is the weight column) …
        tables[positions].rows[0].cells[5] = .text("Trong so")
        #expect(Self.problems(tables).isEmpty)
        // … but a letter left out is a typo, reported rather than the column ignored.
        tables[positions].rows[0].cells[5] = .text("Trọg số")
        let lines = Self.problems(tables).map(\.description)
        #expect(lines.contains { $0.contains("column \"Trọg số\"") && $0.contains("did you mean \"Trọng số\"") })
    }

    @Test func settingsGiveThePolicyAndTheRoundsOwnWords() throws {
        var tables = Self.anLao
        let positions = tables.firstIndex { $0.sheet == "Vị trí" }!
        tables[positions].rows[2].cells[2] = .text("Bí thư Chi bộ")
        // Unknown without the settings' vocabulary …
        #expect(Self.problems(tables).contains { $0.description.contains("\"Bí thư Chi bộ\"") })
        // … and known with it; the settings' policy replaces the default.
        let settings = """
            {"planningYear": 2027, "policy": {"moves": {"mode": "hard", "max": 1}},
             "vocabulary": {"titles": [{"id": "cell-secretary", "vi": "Bí thư Chi bộ", "en": "party cell secretary"}]}}
            """
        let scenario = try Self.read(tables, settings: settings)
        #expect(scenario.positions.first { $0.id == "P-AL-CHA" }?.title == "cell-secretary")
        #expect(scenario.planningYear == 2027)
        #expect(scenario.policy.moves.max == 1)
        // A mistake in the settings is named by its line in the settings file.
        let broken = Self.problems(tables, settings: "{\n\"policy\": {\"women\": {\"minShare\": 2}},\n\"cadres\": []\n}")
        #expect(broken.contains { $0.file == "roster.policy.json" && $0.line == 2 })
        #expect(broken.contains { $0.file == "roster.policy.json" && $0.description.contains("\"cadres\" is not a setting") })
    }
}

/// docs/roster-format.md names every table and every column by the names `export` writes, so
/// that a staff member reading it finds the headers their sheet needs.
@Test func theRosterDocumentNamesEveryTableAndColumn() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let text = try String(contentsOf: root.appendingPathComponent("docs/roster-format.md"), encoding: .utf8)
    let flat = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    for kind in RosterSchema.TableKind.allCases {
        #expect(flat.contains(kind.names[0]), "\(kind.rawValue): \(kind.names[0])")
        for column in kind.columns { #expect(flat.contains(column.headers[0]), "\(kind.rawValue).\(column.key): \(column.headers[0])") }
    }
}

/// What a hostile or careless sheet holds, each read as the sheet shows it or refused: never
/// some other value than the cell's, never the same mistake twice, never slowly.
@Suite struct RosterMistakeTests {
    typealias M = RosterMappingTests

    static func withCadreCell(_ column: Int, _ value: Cell, row: Int = 1) -> [Table] {
        var tables = M.anLao
        let cadres = tables.firstIndex { $0.sheet == "Cán bộ" }!
        tables[cadres].rows[row].cells[column] = value
        return tables
    }

    @Test(arguments: ["1.234,5", "0x50", "1e2", "7 8", "--5", "80%"])
    func aNumberIsReadAsWrittenOrRefused(rating: String) {
        let problems = M.problems(Self.withCadreCell(7, .text(rating)))
        #expect(problems.count == 1)
        #expect(problems.first?.description.contains("a number such as 78.5 or 78,5") == true)
    }

    @Test(arguments: ["31/02/1972", "1975-13-01", "03/15/1980", "99/99/1973", "1975/03", "15.03.75", "1972.5", "0972.0"])
    func anImpossibleDateIsRefused(date: String) {
        let problems = M.problems(Self.withCadreCell(3, .text(date)))
        #expect(problems.count == 1)
        #expect(problems.first?.description.contains("expected a year (1975) or a date") == true)
    }

    @Test(arguments: [("29/02/1976", 1976), ("1975-03-15", 1975), ("15.03.1975", 1975), ("1972.0", 1972), ("1972,00", 1972)])
    func aRealDateGivesItsYear(date: String, year: Int) throws {
        let scenario = try M.read(Self.withCadreCell(3, .text(date)))
        #expect(scenario.cadres.first { $0.id == "C-01" }?.birthYear == year)
    }

    @Test func anErrorCellIsReportedOnceAndNotAsEmpty() {
        let problems = M.problems(Self.withCadreCell(7, .error("#DIV/0!")))
        #expect(problems.count == 1)
        #expect(problems.first?.description.contains("#DIV/0!") == true)
    }

    @Test func anOverlongCellIsRefusedQuickly() {
        let start = Date()
        let problems = M.problems(Self.withCadreCell(1, .text("Nguyễn " + String(repeating: "Ạ", count: 1_000_000))))
        #expect(problems.count == 1)
        #expect(problems.first?.description.contains("a roster's cell holds at most 1000") == true)
        // The value is shown cut short, not a million characters.
        #expect((problems.first?.description.count ?? .max) < 300)
        #expect(Date().timeIntervalSince(start) < 30)  // a hang guard, not a speed target (bench/import is that)
    }

    @Test func aRepeatedPinIsOnePinAndAConflictNamesRows() {
        var tables = M.anLao
        tables.append(M.table("Bố trí cố định", [["Mã cán bộ", "Mã vị trí"], ["C-02", "P-AL-CHA"], ["C-02", "P-AL-CHA"]]))
        #expect(M.problems(tables).isEmpty)
        tables.append(M.table("Không bố trí", [["Mã cán bộ", "Mã vị trí"], ["C-02", "P-AL-CHA"]]))
        let problems = M.problems(tables)
        #expect(problems.count == 1)
        #expect(problems.first?.description.contains("sheet \"Không bố trí\", row 2") == true)
        // A duplicate id is named with the row of its first occurrence, not a JSON path.
        let cadres = tables.firstIndex { $0.sheet == "Cán bộ" }!
        tables[cadres].rows[2].cells[0] = .text("C-01")
        let duplicate = M.problems(tables).first { $0.description.contains("duplicate cadre id") }
        #expect(duplicate?.description.contains("first at row 2 of sheet \"Cán bộ\"") == true, "\(String(describing: duplicate))")
    }

    @Test func thousandsOfBrokenReferencesAreListedInSeconds() {
        var tables = M.anLao
        let cadres = tables.firstIndex { $0.sheet == "Cán bộ" }!
        tables[cadres].rows[0].cells.append(.text("Người thân"))
        for n in 0..<3000 {
            tables[cadres].rows.append(
                TableRow(
                    number: 10 + n,
                    cells: [
                        .text("X-\(n)"), .text("Người \(n)"), .text("Nam"), .text("1980"), .text("An Lão"), .text("Đại học"), .empty,
                        .text("70"), .text("0"), .empty, .empty, .text("Y-\(n)"),
                    ]))
        }
        let start = Date()
        let problems = M.problems(tables)
        #expect(problems.count == 3000)
        #expect(problems.filter { $0.message.contains("did you mean") }.count <= 200)
        #expect(Date().timeIntervalSince(start) < 60)  // was minutes: a suggestion searched every id for every reference
    }
}
