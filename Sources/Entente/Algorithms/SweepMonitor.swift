import Synchronization

/// Progress and cancellation of one long computation (a per-source sweep, Yen's k paths), shared by
/// the threads that run it.
///
/// Workers count finished units with one relaxed atomic add and read the cancellation flag with one
/// relaxed atomic load per unit (a unit is one source's search, milliseconds of work on a large
/// graph), so watching costs nothing measurable. The report closure runs on whichever worker first
/// finds that ``reportInterval`` has passed since the last report; a flag makes sure two reports
/// never overlap, so the reported counts only grow.
package final class SweepMonitor: Sendable {
    /// The least time between two reports.
    package static let reportInterval = Duration.milliseconds(50)

    /// The number of units the computation will finish when it runs to the end.
    package let total: Int
    private let report: (@Sendable (AnalysisProgress) -> Void)?
    private let completed = Atomic<Int>(0)
    private let cancelled = Atomic<Bool>(false)
    private let reporting = Atomic<Bool>(false)
    /// When the next report is due, in nanoseconds since ``start``.
    private let nextReport = Atomic<Int64>(0)
    private let start = ContinuousClock.now

    /// A monitor of `total` units that passes progress to `report` (nothing when `nil`).
    package init(total: Int, report: (@Sendable (AnalysisProgress) -> Void)? = nil) {
        self.total = total
        self.report = report
    }

    /// The units finished so far.
    package var completedCount: Int { completed.load(ordering: .relaxed) }

    /// Whether the computation was asked to stop.
    @inline(__always)
    package var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// Asks the computation to stop; workers see it before their next unit.
    package func cancel() { cancelled.store(true, ordering: .relaxed) }

    /// Counts `count` more finished units, and reports when a report is due.
    @inline(__always)
    package func advance(by count: Int = 1) {
        let done = completed.wrappingAdd(count, ordering: .relaxed).newValue
        guard report != nil else { return }
        let now = Self.nanoseconds(ContinuousClock.now - start)
        guard now >= nextReport.load(ordering: .relaxed) else { return }
        sendReport(completed: done, at: now)
    }

    /// Reports the whole computation done (`total` of `total`), once every worker has finished.
    package func finish() {
        completed.store(total, ordering: .relaxed)
        guard let report else { return }
        // Waits out a report still running on a worker thread, so that this one comes last.
        while reporting.exchange(true, ordering: .acquiring) {}
        report(AnalysisProgress(completed: total, total: total))
        reporting.store(false, ordering: .releasing)
    }

    private func sendReport(completed done: Int, at now: Int64) {
        guard let report, !reporting.exchange(true, ordering: .acquiring) else { return }
        nextReport.store(now + Self.nanoseconds(Self.reportInterval), ordering: .relaxed)
        // The count may have moved on since this worker's add; the latest is the better report.
        let latest = max(done, completed.load(ordering: .relaxed))
        report(AnalysisProgress(completed: min(latest, total), total: total))
        reporting.store(false, ordering: .releasing)
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let parts = duration.components
        return parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000
    }
}

/// Runs `body` for each source of a chunk, in order. With a monitor, stops before the next source
/// once the computation is cancelled, and counts each source done.
@inline(__always)
func forEachSource(in sources: StrideTo<Int>, monitor: SweepMonitor?, _ body: (Int) -> Void) {
    guard let monitor else {
        for source in sources { body(source) }
        return
    }
    for source in sources {
        if monitor.isCancelled { return }
        body(source)
        monitor.advance()
    }
}
