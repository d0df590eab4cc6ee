import Foundation
import Synchronization

/// Pure Swift work on a thread of its own, its value awaited once (`result()`) while the caller
/// does other work: the builder's pair tests on two cores, and the diagnosis's model over every
/// pair built while the sample's LP runs (docs/performance.md). Never GLPK: its objects belong to
/// the thread that made them. The work must only read what it shares with the caller, and give
/// the same value whichever thread runs it.
///
/// `cancel()` tells the work it is not wanted (it may ask `isCancelled` and stop early); a
/// cancelled value is never handed out. The thread is not joined on cancel: it ends when the
/// work returns.
public final class SecondThread<Value>: @unchecked Sendable {
    private var work: ((SecondThread<Value>) -> Value)?
    private let lock = NSCondition()
    private var value: Value?
    private var finished = false
    /// Read by the work as often as once per pair: an atomic, not the lock.
    private let cancelled = Atomic<Bool>(false)

    /// Starts `work` at once on a new thread; it is handed the thread's handle to ask `isCancelled`.
    public init(_ work: @escaping (SecondThread<Value>) -> Value) {
        self.work = work
        let thread = Thread { [self] in
            let result = self.work?(self)
            lock.lock()
            if !isCancelled { value = result }
            // Let go of what the work captured before the caller goes on: a copy of the
            // builder still held here would make the caller's next change copy its arrays.
            self.work = nil
            finished = true
            lock.broadcast()
            lock.unlock()
        }
        // The main thread's size (8 MB), where this work has always run.
        thread.stackSize = 8 << 20
        thread.start()
    }

    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// The work's value, waiting for it if it is still running; nil once cancelled.
    public func result() -> Value? {
        lock.lock()
        defer { lock.unlock() }
        while !finished && !isCancelled { lock.wait() }
        return isCancelled ? nil : value
    }

    /// Not wanted: the work may stop early, and its value is dropped when it ends.
    public func cancel() {
        lock.lock()
        cancelled.store(true, ordering: .relaxed)
        value = nil
        lock.broadcast()
        lock.unlock()
    }
}
