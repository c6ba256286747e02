import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension RelationGraph {
    /// The years the graph is dated in: from its earliest `since` or `until` to its latest, over
    /// every tie; `nil` when no tie carries a year.
    ///
    /// A sweep through time (``Analysis/timeline(_:years:step:normalized:alpha:progress:)``) must stay
    /// within these years: outside them every year looks alike.
    ///
    /// - Complexity: O(E).
    public var datedYears: ClosedRange<Int>? {
        var first = Int.max
        var last = Int.min
        for edge in edges {
            for year in [edge.since, edge.until].compactMap({ $0 }) {
                first = Swift.min(first, year)
                last = Swift.max(last, year)
            }
        }
        return first <= last ? first...last : nil
    }

    /// The years of a sweep, `years` by `step`, after checking them against ``datedYears``.
    ///
    /// - Throws: ``GraphError/invalidArgument(_:)`` when the step is below 1, when the graph has no
    ///   years, or when the range reaches outside them (the message says which years the graph has).
    package func sweepYears(_ years: ClosedRange<Int>, step: Int) throws(GraphError) -> [Int] {
        guard step >= 1 else { throw .invalidArgument("the step between years must be at least 1, not \(step)") }
        let name = file.map { "\($0): " } ?? ""
        guard let dated = datedYears else {
            throw .invalidArgument("\(name)the graph has no years (no tie has since or until)")
        }
        guard dated.contains(years.lowerBound) && dated.contains(years.upperBound) else {
            // Name the years that lie outside: all of the range, or the part before or after the graph's.
            let outside: ClosedRange<Int> = if years.upperBound < dated.lowerBound || years.lowerBound > dated.upperBound {
                years
            } else if years.lowerBound < dated.lowerBound {
                years.lowerBound...(dated.lowerBound - 1)
            } else {
                (dated.upperBound + 1)...years.upperBound
            }
            let of = outside == years ? "" : " (of \(years.lowerBound)–\(years.upperBound))"
            let asked = outside.count == 1 ? "year \(outside.lowerBound)\(of) is" : "years \(outside.lowerBound)–\(outside.upperBound)\(of) are"
            throw .invalidArgument("\(name)\(asked) outside the graph's years, \(dated.lowerBound)–\(dated.upperBound)")
        }
        return Array(stride(from: years.lowerBound, through: years.upperBound, by: step))
    }
}

extension Analysis {
    /// The same analysis restricted to one year (its filter's ``RelationFilter/year`` replaced), or
    /// `nil` when no tie of the view holds in that year.
    ///
    /// - Complexity: O(V + E log d).
    package func restricted(to year: Int) throws -> Analysis? {
        var yearFilter = filter
        yearFilter.year = year
        do {
            return try Analysis(graph, filter: yearFilter, metric: metric)
        } catch GraphError.emptyView {
            return nil
        }
    }

    /// Runs `work` on the analysis of each year, years in parallel on Dispatch's threads (off the
    /// Swift concurrency pool), sharing one monitor for progress and cancellation, and returns the
    /// results in the order of `years`; `nil` for a year without ties.
    ///
    /// With at least as many years as cores each year runs serially inside (the years keep the cores
    /// busy); with fewer, each year's own parallel loops spread over the cores. Either way the values
    /// are the same bit for bit.
    ///
    /// - Parameters:
    ///   - years: the years, in the order wanted.
    ///   - units: how many progress units one year's work counts on the monitor.
    ///   - progress: called with the progress of the whole sweep; `nil` for cancellation alone.
    ///   - work: one year's computation.
    /// - Throws: `CancellationError` when the task is cancelled, and the first error of `work` in
    ///   year order.
    package func sweep<Value: Sendable>(_ years: [Int], units: (Analysis) -> Int, progress: ProgressHandler?,
                                        _ work: @escaping @Sendable (Analysis, SweepMonitor) throws -> Value)
        async throws -> [Value?]
    {
        try Task.checkCancellation()
        let analyses = try years.map { try restricted(to: $0) }
        let total = analyses.reduce(0) { $0 + ($1.map(units) ?? 0) }
        let monitor = SweepMonitor(total: total, report: progress)
        let cores = Swift.max(1, processorCount())
        let serialInside = ParallelWork.isSerial || years.count >= cores
        let results = try await withTaskCancellationHandler {
            try await withThrowingTaskGroup(of: (Int, Result<Value, any Error>?).self) { group in
                var results = [Result<Value, any Error>?](repeating: nil, count: years.count)
                var next = 0
                func start(_ position: Int) {
                    guard let analysis = analyses[position] else { return }
                    group.addTask {
                        let result = await offPool(serial: serialInside) { Result { try work(analysis, monitor) } }
                        return (position, result)
                    }
                }
                // At most one year per core in flight: each runs on a Dispatch thread of its own.
                while next < years.count && next < cores { start(next); next += 1 }
                while let (position, result) = try await group.next() {
                    results[position] = result
                    if next < years.count { start(next); next += 1 }
                }
                return results
            }
        } onCancel: {
            monitor.cancel()
        }
        if monitor.isCancelled || Task.isCancelled { throw CancellationError() }
        let values = try results.map { try $0?.get() }
        monitor.finish()
        return values
    }
}

/// Runs `body` on a Dispatch thread and resumes with its value, carrying ``ParallelWork/isSerial``.
private func offPool<Value: Sendable>(serial: Bool, _ body: @escaping @Sendable () -> Value) async -> Value {
    await withCheckedContinuation { (continuation: CheckedContinuation<Value, Never>) in
        DispatchQueue.global().async {
            ParallelWork.$isSerial.withValue(serial) { continuation.resume(returning: body()) }
        }
    }
}

/// The number of processors online (at least 1).
private func processorCount() -> Int {
    Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
}
