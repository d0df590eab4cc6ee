import Foundation
import Planner

/// The live line on stderr while a solve runs longer than a second (issue 21): the step, the best
/// plan, the bound, the gap and the time since the command's first solve began. On a terminal it is redrawn
/// in place, at most five times a second, and wiped before anything else is written; elsewhere
/// (only when `--progress` asks) it is a line of its own, at most once a second. Never on stdout.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private let terminal: Bool
    private let words: Words
    private var lastShown = Date.distantPast
    private var showing = false

    private init(terminal: Bool, words: Words) {
        self.terminal = terminal
        self.words = words
    }

    /// The command's one progress line (several solves of one command share it).
    private static let registry = Registry()

    final class Registry: @unchecked Sendable {
        let lock = NSLock()
        var line: ProgressLine?
    }

    static func begin(terminal: Bool, words: Words) -> ProgressLine {
        registry.lock.lock()
        defer { registry.lock.unlock() }
        if let line = registry.line { return line }
        let line = ProgressLine(terminal: terminal, words: words)
        registry.line = line
        return line
    }

    /// Wipes the line on the terminal, if one is shown, so that what is written next starts clean.
    static func clear() {
        registry.lock.lock()
        let line = registry.line
        registry.lock.unlock()
        line?.wipe()
    }

    func receive(_ progress: SolveProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let seconds = now.timeIntervalSince(start)
        guard seconds >= 1, now.timeIntervalSince(lastShown) >= (terminal ? 0.2 : 1) else { return }
        lastShown = now
        let text = line(progress, seconds: seconds)
        if terminal {
            write("\r\u{1B}[2K" + text)
            showing = true
        } else {
            write(text + "\n")
        }
    }

    func line(_ progress: SolveProgress, seconds: Double) -> String {
        let step: String
        switch progress.step {
        case .relaxation(let round): step = words("common.progress.relaxation", ["round": String(round)])
        case .dive: step = words("common.progress.dive")
        case .search(let nodes): step = words("common.progress.search", ["nodes": String(nodes)])
        case .stage(let name): step = words("common.progress.stage", ["key": words("table.preference.key.\(name)")])
        }
        let none = words("common.progress.none")
        return words(
            "common.progress.line",
            [
                "step": step, "best": progress.best.map { words.number($0) } ?? none,
                "bound": progress.bound.map { words.number($0) } ?? none,
                "gap": progress.gap.map { words.decimal(String(format: "%.3f %%", $0 * 100)) } ?? none,
                "seconds": words.decimal(String(format: "%.1f", seconds)),
            ])
    }

    private func wipe() {
        lock.lock()
        defer { lock.unlock() }
        guard showing else { return }
        write("\r\u{1B}[2K")
        showing = false
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
