import Synchronization

/// A request to stop every search in the process and return the best plan found so far, as
/// a time limit would: set by the command line's SIGINT/SIGTERM handler (or by a Swift
/// caller), read by the solvers at their checkpoints (after each LP, in the dive, at every
/// branch-and-bound callback). An LP already running finishes first: GLPK's simplex has no
/// callback to stop it.
public enum SolveInterruption {
    /// 0: none; otherwise the signal number (or any positive code a caller chooses).
    static let requested = Atomic<Int32>(0)

    /// Asks every search to stop. Async-signal-safe (one lock-free atomic store).
    public static func request(_ code: Int32 = 2) {
        requested.store(code, ordering: .relaxed)
    }

    /// Whether a stop was asked for.
    public static var isRequested: Bool { requested.load(ordering: .relaxed) != 0 }

    /// The code given to `request` (a signal number), or nil.
    public static var code: Int32? {
        let value = requested.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    /// Forgets a request, so that the next solve runs (tests, long-lived callers).
    public static func reset() {
        requested.store(0, ordering: .relaxed)
    }
}
