import Dispatch

extension Analysis {
    /// A node measure of every node in the view, as ``centrality(_:normalized:alpha:sampling:)``
    /// computes it, reporting progress and honouring the cancellation of the calling task.
    ///
    /// ```swift
    /// let task = Task {
    ///     try await analysis.centrality(.betweenness, progress: { progress in
    ///         print("\(Int(progress.fractionCompleted * 100)) %")
    ///     })
    /// }
    /// // …
    /// task.cancel()   // the computation stops within milliseconds and the task throws CancellationError
    /// ```
    ///
    /// The computation runs on Dispatch's threads (off the Swift concurrency pool, which it would
    /// otherwise block), in parallel as the synchronous variant does, and gives the same values bit for
    /// bit. Closeness, harmonic and betweenness report one unit per source node searched; the other
    /// measures report only their end.
    ///
    /// **Progress.** `progress` is called at most every 50 ms from a worker thread, never twice at
    /// once, with counts that only grow, and a last time with `completed == total` when the
    /// computation finishes (not when it is cancelled). Keep it short: the worker that calls it waits.
    ///
    /// **Cancellation.** When the task is cancelled, the per-source loops of every worker stop before
    /// their next source (one source's search takes milliseconds even on large graphs), and the call
    /// throws `CancellationError`; no partial values are returned. A task cancelled before the call
    /// throws at once.
    ///
    /// - Parameters:
    ///   - measure: a node measure.
    ///   - normalized: for betweenness (networkx's default, true).
    ///   - alpha: PageRank's damping or Katz's attenuation, as in the synchronous variant.
    ///   - sampling: betweenness only: estimate it from a sample of sources (``BetweennessSampling``).
    ///   - progress: called with the progress of the computation; `nil` for cancellation alone.
    /// - Throws: `CancellationError` when the task is cancelled, and the errors of the synchronous variant.
    /// - Complexity: that of the measure; watching adds two relaxed atomic operations per source.
    public func centrality(_ measure: CentralityMeasure, normalized: Bool = true, alpha: Double? = nil,
                           sampling: BetweennessSampling? = nil, progress: ProgressHandler?) async throws -> NodeValues {
        let total = progressTotal(of: measure, sampling: sampling)
        return try await monitored(total: total, progress: progress) { monitor in
            try nodeValues(measure, normalized: normalized, alpha: alpha, sampling: sampling, monitor: monitor)
        }
    }

    /// Edge betweenness of every tie, as ``edgeBetweenness(normalized:)``, reporting one unit per
    /// source node searched and honouring the cancellation of the calling task, as
    /// ``centrality(_:normalized:alpha:sampling:progress:)`` does.
    ///
    /// - Parameters:
    ///   - normalized: divide by n(n − 1) (networkx's default, true).
    ///   - progress: called with the progress of the computation; `nil` for cancellation alone.
    /// - Throws: `CancellationError` when the task is cancelled.
    /// - Complexity: O(V·E + V² log V).
    public func edgeBetweenness(normalized: Bool = true, progress: ProgressHandler?) async throws -> EdgeValues {
        try await monitored(total: adjacency.nodeCount, progress: progress) { monitor in
            edgeValues(normalized: normalized, monitor: monitor)
        }
    }

    /// Several node measures at once, as ``centralities(_:normalized:alpha:)`` computes them, reporting
    /// progress and honouring the cancellation of the calling task, as
    /// ``centrality(_:normalized:alpha:sampling:progress:)`` does.
    ///
    /// The units of the measures add up, in order: a source node's search for each per-source measure
    /// (closeness, harmonic, betweenness), one unit for each other measure.
    ///
    /// - Parameters:
    ///   - measures: the node measures wanted.
    ///   - normalized: for betweenness (networkx's default, true).
    ///   - alpha: PageRank's damping or Katz's attenuation.
    ///   - progress: called with the progress of the computation; `nil` for cancellation alone.
    /// - Throws: `CancellationError` when the task is cancelled.
    /// - Complexity: the sum of the measures'.
    public func centralities(_ measures: [CentralityMeasure], normalized: Bool = true, alpha: Double? = nil,
                             progress: ProgressHandler?) async throws -> CentralityTable {
        let total = tableMeasures(measures).reduce(0) { $0 + progressTotal(of: $1, sampling: nil) }
        return try await monitored(total: total, progress: progress) { monitor in
            centralityTable(measures, normalized: normalized, alpha: alpha, monitor: monitor)
        }
    }

    /// The paths from one node to another, as ``paths(from:to:via:selection:)`` finds them, reporting
    /// progress and honouring the cancellation of the calling task, as
    /// ``centrality(_:normalized:alpha:sampling:progress:)`` does.
    ///
    /// With ``PathSelection/cheapestLoopless(k:)`` a unit is one path found (of k), and cancellation
    /// stops Yen's search before its next spur node; the other selections report only their end.
    ///
    /// - Parameters:
    ///   - from: where the path starts: id, label or alias.
    ///   - to: where it ends.
    ///   - via: a stop it must pass (only with ``PathSelection/cheapest``).
    ///   - selection: one cheapest path, all of them, or the k cheapest loopless ones.
    ///   - progress: called with the progress of the search; `nil` for cancellation alone.
    /// - Throws: `CancellationError` when the task is cancelled, and the errors of the synchronous variant.
    /// - Complexity: that of the synchronous variant.
    public func paths(from: String, to: String, via: String? = nil, selection: PathSelection = .cheapest,
                      progress: ProgressHandler?) async throws -> PathReport {
        var total = 1
        if case .cheapestLoopless(let k) = selection { total = max(k, 1) }
        return try await monitored(total: total, progress: progress) { monitor in
            try pathReport(from: from, to: to, via: via, selection: selection, monitor: monitor)
        }
    }

    /// Runs `work` on a Dispatch thread with a monitor that the task's cancellation cancels; throws
    /// `CancellationError` when the task was cancelled, and reports the end otherwise.
    ///
    /// The task's ``ParallelWork/isSerial`` is carried over to the thread.
    private func monitored<Value: Sendable>(total: Int, progress: ProgressHandler?,
                                            _ work: @escaping @Sendable (SweepMonitor) throws -> Value) async throws -> Value {
        try await runMonitored(total: total, progress: progress, work)
    }
}
