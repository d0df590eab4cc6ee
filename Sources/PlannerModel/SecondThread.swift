import Foundation

/// Work started on a thread of its own and awaited once (`result()`), while the caller does the
/// other half: the builder's pair tests on two cores. Pure Swift only, never GLPK (its objects
/// belong to the thread that made them); the work must only read what it shares with the caller.
final class SecondThread<Value>: @unchecked Sendable {
    private var work: (() -> Value)?
    private let done = DispatchSemaphore(value: 0)
    private var value: Value?

    init(_ work: @escaping () -> Value) {
        self.work = work
        let thread = Thread { [self] in
            value = self.work?()
            // Let go of what the work captured before the caller goes on: a copy of the
            // builder still held here would make the caller's next change copy its arrays.
            self.work = nil
            done.signal()
        }
        // The main thread's size (8 MB), where this work has always run.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The work's value, once it has ended; asked once.
    func result() -> Value {
        done.wait()
        return value!
    }
}
