import PlannerRoster
import Testing

/// Messages name columns as the spreadsheet program does.
@Test func columnsAreNamedByLetters() {
    #expect(columnLetters(0) == "A")
    #expect(columnLetters(25) == "Z")
    #expect(columnLetters(26) == "AA")
    #expect(columnLetters(27) == "AB")
    #expect(columnLetters(701) == "ZZ")
    #expect(columnLetters(702) == "AAA")
}
