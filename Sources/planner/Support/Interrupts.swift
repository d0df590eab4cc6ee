import ArgumentParser
import Foundation
import Planner

#if canImport(Glibc)
    import Glibc
#endif

/// SIGINT (Ctrl-C) and SIGTERM while a command searches: the first asks every search to stop
/// (`SolveInterruption`) so that the best plan found so far is printed and written as usual,
/// with its status, bound and gap; a second ends the process at once, removing a half-written
/// output file. Exit codes 130 and 143 (128 + the signal) say the search was stopped.
enum Interrupts {
    /// What the first signal prints, made before any handler runs: a handler may not allocate.
    nonisolated(unsafe) static var notice: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) static var noticeLength = 0

    /// `then`: what the command does once stopped, as the first signal's notice says it.
    static func installForSearch(then: String = "the best plan found so far follows") {
        let text =
            "\nplanner: stopping at the next checkpoint; \(then)"
            + " (a second Ctrl-C or SIGTERM ends it at once)\n"
        notice = strdup(text)
        noticeLength = text.utf8.count
        // A parent may have blocked or ignored these signals (a test harness, a job runner), and
        // both are inherited: unblock them here, before any worker thread starts.
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGINT)
        sigaddset(&stopSignals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &stopSignals, nil)
        for signal in [SIGINT, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = onStopSignal
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            sigaction(signal, &action, nil)
        }
    }

    /// 130 or 143 when a stop signal came, after the command has written what it had.
    static func exitCodeIfStopped() -> ExitCode? {
        guard let signal = SolveInterruption.code else { return nil }
        Console.error("planner: stopped by \(signal == SIGTERM ? "SIGTERM" : "SIGINT"); what was solved by then is shown")
        return signal == SIGTERM ? Exit.interruptedBySIGTERM : Exit.interruptedBySIGINT
    }

    /// The exit code for a plan the signal stopped, or nil when the search ran to its end.
    static func exitCode(stoppedBy cause: String?) -> ExitCode? {
        switch cause {
        case nil: nil
        case "SIGTERM": Exit.interruptedBySIGTERM
        default: Exit.interruptedBySIGINT
        }
    }
}

/// Async-signal-safe only: an atomic store, write(2), unlink(2), _exit(2).
private func onStopSignal(_ signal: Int32) {
    // Every search of the process (compare and sweep solve on threads of this process) reads
    // the same request at its next checkpoint.
    if SolveInterruption.isRequested {
        PendingTemporary.removeFromSignalHandler()
        _exit(128 + signal)
    }
    SolveInterruption.request(signal)
    if let notice = Interrupts.notice { _ = write(STDERR_FILENO, notice, Interrupts.noticeLength) }
}
