import CGLPK
import Foundation

/// Routes GLPK's terminal output (which goes to stdout by default, where the plan belongs)
/// to a log closure, or drops it. The hook is per thread in GLPK 5.0, like everything else.
final class GLPKTerminal {
    private let log: (@Sendable (String) -> Void)?
    private var pending = ""

    private init(log: (@Sendable (String) -> Void)?) {
        self.log = log
    }

    fileprivate func receive(_ text: String) {
        guard let log else { return }
        pending += text
        while let newline = pending.firstIndex(of: "\n") {
            log(String(pending[..<newline]))
            pending = String(pending[pending.index(after: newline)...])
        }
    }

    /// Runs `body` with GLPK's output captured; the hook is removed afterwards.
    static func capturing<T, Failure: Error>(_ log: (@Sendable (String) -> Void)?, _ body: () throws(Failure) -> T) throws(Failure) -> T {
        let terminal = GLPKTerminal(log: log)
        let info = Unmanaged.passUnretained(terminal).toOpaque()
        glp_term_hook(
            { info, text in
                guard let info, let text else { return 1 }
                Unmanaged<GLPKTerminal>.fromOpaque(info).takeUnretainedValue().receive(String(cString: text))
                return 1  // non-zero: GLPK prints nothing itself
            }, info)
        defer {
            glp_term_hook(nil, nil)
            withExtendedLifetime(terminal) {}
        }
        return try body()
    }
}
