import Foundation
import Synchronization

/// Pure Swift work started on a thread of its own before it is known to be needed, while the
/// calling thread waits on GLPK: the diagnosis builds the elastic model over every pair while
/// the sample's LP runs (docs/performance.md, "The diagnosis's model over every pair, built
/// while the sample's LP runs"). The work must not touch GLPK (its objects belong to the thread
/// that made them) and must give the same value whichever thread runs it.
///
/// `cancel()` tells the work it is not wanted (it sees `isCancelled` and may stop early); a
/// cancelled result is never handed out. The thread is not joined on cancel: it ends when the
/// work returns.
final class WorkInAdvance<Value: Sendable>: @unchecked Sendable {
    private let lock = NSCondition()
    private var value: Value?
    /// Read by the work as often as once per pair: an atomic, not the lock.
    private let cancelled = Atomic<Bool>(false)
    private var finished = false

    /// Starts `work` at once on a new thread; it is handed `self` to ask `isCancelled`.
    init(_ work: @escaping @Sendable (WorkInAdvance<Value>) -> Value) {
        let thread = Thread { [self] in
            let result = work(self)
            lock.lock()
            if !isCancelled { value = result }
            finished = true
            lock.broadcast()
            lock.unlock()
        }
        // The main thread's size (8 MB), where this work has always run.
        thread.stackSize = 8 << 20
        thread.start()
    }

    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// The work's value, waiting for it if it is still running; nil once cancelled.
    func result() -> Value? {
        lock.lock()
        defer { lock.unlock() }
        while !finished && !isCancelled { lock.wait() }
        return isCancelled ? nil : value
    }

    /// Not wanted: the work may stop early, and its value is dropped when it ends.
    func cancel() {
        lock.lock()
        cancelled.store(true, ordering: .relaxed)
        value = nil
        lock.broadcast()
        lock.unlock()
    }
}
