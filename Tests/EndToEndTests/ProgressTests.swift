import Foundation
import TestSupport
import Testing

/// The progress line (issue 21): on stderr, after the first second, with the step, the best plan,
/// the bound, the gap and the time; never on stdout, and nothing unless stderr is a terminal or
/// `--progress` asks. Tests run the binary with stderr on a pipe, so the line comes only when asked.
@Suite("planner, progress on stderr")
struct ProgressTests {
    typealias F = Fixtures

    @Test("--progress: lines on stderr with the step, best, bound, gap and seconds; stdout and the plan unchanged")
    func progressWhenAsked() throws {
        let folder = try F.temporaryDirectory()
        let quiet = folder.appendingPathComponent("quiet.json").path
        let shown = folder.appendingPathComponent("shown.json").path
        let without = try F.run(["solve", "Scenarios/city.json", "--format", "json", "-o", quiet])
        let with = try F.run(["solve", "Scenarios/city.json", "--format", "json", "-o", shown, "--progress"])
        #expect(without.status == 0 && with.status == 0)
        // Not a terminal, not asked: nothing.
        #expect(without.stderr.isEmpty, "\(without.stderr)")
        #expect(with.stdout.isEmpty)
        // The city round solves in more than a second in a debug build; a line a second at most.
        let lines = with.stderr.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.contains(" · best ") && line.contains(" · bound ") && line.contains(" · gap ") && line.hasSuffix(" s"), "\(line)")
            #expect(!line.contains("\u{1B}"), "no terminal codes on a pipe: \(line)")
        }
        // The plan is the same plan.
        #expect(try F.jsonWithoutTiming(quiet) == F.jsonWithoutTiming(shown))
    }

    @Test("The progress line in Vietnamese with --lang vi; --no-progress turns it off even when asked for")
    func progressInVietnamese() throws {
        let vi = try F.run(["solve", "Scenarios/city.json", "--lang", "vi", "--progress"])
        #expect(vi.status == 0)
        #expect(vi.stderr.contains(" · tốt nhất ") && vi.stderr.contains(" giây"), "\(vi.stderr)")
        #expect(!vi.stdout.contains("tốt nhất 11"))
        let off = try F.run(["solve", "Scenarios/city.json", "--progress", "--no-progress"])
        #expect(off.status == 0)
        #expect(off.stderr.isEmpty, "\(off.stderr)")
    }
}
