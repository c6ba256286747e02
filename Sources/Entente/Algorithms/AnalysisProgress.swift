import Dispatch

/// How far a long computation has got: units finished out of the total.
///
/// A unit is one source node's shortest-path search for closeness, harmonic, betweenness and edge
/// betweenness (the total is the number of nodes in the view, or the sample's size for sampled
/// betweenness), one path found for ``PathSelection/cheapestLoopless(k:)`` (the total is k), and the
/// whole computation for the other measures (the total is 1).
public struct AnalysisProgress: Hashable, Sendable {
    /// Units finished.
    public let completed: Int
    /// Units in the whole computation.
    public let total: Int

    /// Creates a progress report.
    public init(completed: Int, total: Int) {
        self.completed = completed
        self.total = total
    }

    /// `completed / total`, from 0 to 1 (1 when the total is 0).
    public var fractionCompleted: Double { total > 0 ? Double(completed) / Double(total) : 1 }
}

/// Reports progress of a long computation; see ``Analysis/centrality(_:normalized:alpha:sampling:progress:)``.
public typealias ProgressHandler = @Sendable (AnalysisProgress) -> Void


/// Runs `work` on a Dispatch thread with a monitor that the task's cancellation cancels; throws
/// `CancellationError` when the task was cancelled, and reports the end otherwise. Shared by the
/// long computations of ``Analysis`` and ``RelationGraph``.
///
/// The task's ``ParallelWork/isSerial`` is carried over to the thread.
package func runMonitored<Value: Sendable>(total: Int, progress: ProgressHandler?,
                                         _ work: @escaping @Sendable (SweepMonitor) throws -> Value) async throws -> Value {
    try Task.checkCancellation()
    let monitor = SweepMonitor(total: total, report: progress)
    let serial = ParallelWork.isSerial
    let value = try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Value, any Error>) in
            DispatchQueue.global().async {
                ParallelWork.$isSerial.withValue(serial) {
                    continuation.resume(with: Result { try work(monitor) })
                }
            }
        }
    } onCancel: {
        monitor.cancel()
    }
    if monitor.isCancelled { throw CancellationError() }
    monitor.finish()
    return value
}
