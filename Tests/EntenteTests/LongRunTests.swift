import Foundation
import Synchronization
import Testing
@testable import Entente

/// Sampled betweenness, progress reporting and cancellation of the long per-source computations.
@Suite("Long runs: sampling, progress, cancellation")
struct LongRunTests {
    /// One case of `Fixtures/sampling.json` (make_sampling_fixtures.py).
    private struct SamplingCase: CustomStringConvertible {
        var graph: String
        var metric: EdgeMetric
        var normalized: Bool
        var sampling: BetweennessSampling
        var sample: [String]
        var values: [String: Double]
        var description: String {
            "\(sampling.estimator): \(graph) \(metric) normalized=\(normalized) k=\(sampling.sources) seed=\(sampling.seed)"
        }
    }

    private static func samplingCases() throws -> [SamplingCase] {
        let root = try #require(try fixtureJSON("sampling.json") as? [String: Any])
        let cases = try #require(root["cases"] as? [[String: Any]])
        var result: [SamplingCase] = []
        for raw in cases {
            let graph = try #require(raw["graph"] as? String)
            let metric = try #require((raw["metric"] as? String).flatMap(EdgeMetric.init(rawValue:)))
            let normalized = try #require(raw["normalized"] as? Bool)
            let sources = try #require(raw["sources"] as? Int)
            let seed = try #require(raw["seed"] as? Int)
            let estimator = try #require((raw["estimator"] as? String).flatMap(BetweennessSampling.Estimator.init(rawValue:)))
            let sample = try #require(raw["sample"] as? [String])
            let values = try #require(raw["values"] as? [String: NSNumber]).mapValues(\.doubleValue)
            result.append(SamplingCase(graph: graph, metric: metric, normalized: normalized,
                                       sampling: BetweennessSampling(sources: sources, seed: seed, estimator: estimator),
                                       sample: sample,
                                       values: values))
        }
        return result
    }

    /// Relative 1e-9, or absolute 1e-12 near zero.
    private static func close(_ actual: Double, _ expected: Double) -> Bool {
        abs(actual - expected) <= max(1e-12, 1e-9 * abs(expected))
    }

    // MARK: Sampling

    /// networkx's estimator against `nx.betweenness_centrality(k=…)` handed Entente's sample; the spread
    /// one against its definition summed pair by pair on exact costs (make_sampling_fixtures.py), which
    /// also draws the sample the way Entente documents it.
    @Test("sampled betweenness agrees with the references: the sample drawn and the values")
    func samplingMatchesReferences() throws {
        let cases = try Self.samplingCases()
        #expect(cases.filter { $0.sampling.estimator == .networkx }.count == 6)
        #expect(cases.filter { $0.sampling.estimator == .spread }.count == 7)
        for testCase in cases {
            let analysis = try fixtureGraph(testCase.graph).analysis(metric: testCase.metric)
            let values = try analysis.centrality(.betweenness, normalized: testCase.normalized, sampling: testCase.sampling)
            #expect(values.sampledSources == testCase.sample, "\(testCase): the sample drawn")
            #expect(values.sampling == testCase.sampling)
            #expect(values.count == testCase.values.count, "\(testCase)")
            for entry in values {
                let expected = try #require(testCase.values[entry.id], "\(testCase): \(entry.id) not in the fixture")
                #expect(Self.close(entry.value, expected), "\(testCase): \(entry.id) \(entry.value) ≠ \(expected)")
            }
        }
    }

    @Test("a sample of every node gives the exact values", arguments: [
        ("karate", EdgeMetric.strength, true), ("karate", .hops, false), ("directed", .length, true),
        ("directed", .hops, false), ("relations", .strength, true), ("florentine", .hops, true),
        ("disconnected", .length, false),
    ], BetweennessSampling.Estimator.allCases)
    func fullSampleIsExact(graph: (name: String, metric: EdgeMetric, normalized: Bool),
                           estimator: BetweennessSampling.Estimator) throws {
        let analysis = try fixtureGraph(graph.name).analysis(metric: graph.metric)
        let exact = try analysis.centrality(.betweenness, normalized: graph.normalized)
        let sampled = try analysis.centrality(.betweenness, normalized: graph.normalized,
                                              sampling: BetweennessSampling(sources: exact.count, seed: 11,
                                                                            estimator: estimator))
        #expect(Set(sampled.sampledSources) == Set(exact.map(\.id)))
        #expect(sampled.sampledSources != exact.map(\.id), "the full sample is drawn in shuffled order")
        for (a, b) in zip(exact, sampled) {
            #expect(a.id == b.id)
            #expect(abs(a.value - b.value) <= 1e-9 * max(1, abs(a.value)), "\(graph.name) \(a.id): \(a.value) ≠ \(b.value)")
        }
    }

    /// A hub with five chains of different lengths: each chain is a branch of the hub's shortest-path
    /// tree, so the spread sample gives it ⌊m·k/n⌋ or ⌈m·k/n⌉ sources, for every seed.
    @Test("a spread sample gives every branch its share of sources, give or take one")
    func spreadSampleSharesBranches() throws {
        let lengths = [7, 12, 20, 3, 30]
        var graph = RelationGraph(name: "branches")
        try graph.addNode(Node(id: "hub"))
        for (branch, length) in lengths.enumerated() {
            for step in 0..<length {
                try graph.addNode(Node(id: "b\(branch)-\(step)"))
                try graph.addEdge(from: step == 0 ? "hub" : "b\(branch)-\(step - 1)", to: "b\(branch)-\(step)",
                                  weight: Double(1 + (branch + step) % 3))
            }
        }
        let n = graph.nodes.count
        var uniformMisses = 0
        for metric in [EdgeMetric.hops, .length] {
            let analysis = try graph.analysis(metric: metric)
            for k in [5, 9, 17, 40] {
                for seed in 0..<20 {
                    for estimator in BetweennessSampling.Estimator.allCases {
                        let sampled = try analysis.centrality(.betweenness, sampling: BetweennessSampling(
                            sources: k, seed: seed, estimator: estimator)).sampledSources
                        #expect(Set(sampled).count == k)
                        for (branch, length) in lengths.enumerated() {
                            let count = sampled.filter { $0.hasPrefix("b\(branch)-") }.count
                            let share = Double(length * k) / Double(n)
                            let fair = count >= Int(share.rounded(.down)) && count <= Int(share.rounded(.up))
                            if estimator == .spread {
                                #expect(fair, "\(metric) k=\(k) seed=\(seed): branch \(branch) of \(length) got \(count)")
                            } else if !fair {
                                uniformMisses += 1
                            }
                        }
                    }
                }
            }
        }
        // The check can fail: a uniform sample misses the share often.
        #expect(uniformMisses > 100)
    }

    @Test("the sample depends on the seed alone", arguments: BetweennessSampling.Estimator.allCases)
    func samplingIsDeterministic(estimator: BetweennessSampling.Estimator) throws {
        let analysis = try fixtureGraph("small").analysis(metric: .length)
        func sampling(seed: Int) -> BetweennessSampling { BetweennessSampling(sources: 50, seed: seed, estimator: estimator) }
        let first = try analysis.centrality(.betweenness, sampling: sampling(seed: 5))
        let again = try analysis.centrality(.betweenness, sampling: sampling(seed: 5))
        let serial = try ParallelWork.$isSerial.withValue(true) {
            try analysis.centrality(.betweenness, sampling: sampling(seed: 5))
        }
        let other = try analysis.centrality(.betweenness, sampling: sampling(seed: 6))
        #expect(first.sampledSources == again.sampledSources)
        #expect(first.map(\.value) == again.map(\.value))
        #expect(first.map(\.value) == serial.map(\.value), "bit-identical on one thread and on all")
        #expect(first.sampledSources != other.sampledSources)
        #expect(first.map(\.value) != other.map(\.value))
        #expect(Set(first.sampledSources).count == 50, "50 distinct sources")
        // The default seed is 0, the default estimator spread.
        #expect(BetweennessSampling(sources: 50).seed == 0)
        #expect(BetweennessSampling(sources: 50).estimator == .spread)
    }

    @Test("impossible samples are errors naming the problem")
    func samplingErrors() throws {
        let analysis = try fixtureGraph("karate").analysis()
        let tooMany = #expect(throws: GraphError.self) {
            try analysis.centrality(.betweenness, sampling: BetweennessSampling(sources: 35))
        }
        #expect(tooMany?.problem == "betweenness: cannot sample 35 sources: the analysed view has 34 nodes")
        for sources in [1, 0, -3] {
            #expect(throws: GraphError.self) {
                try analysis.centrality(.betweenness, sampling: BetweennessSampling(sources: sources))
            }
        }
        #expect(throws: GraphError.invalidArgument("sampling estimates betweenness only, not closeness")) {
            try analysis.centrality(.closeness, sampling: BetweennessSampling(sources: 5))
        }
    }

    @Test("sampled betweenness encodes its sample parameters")
    func samplingJSON() throws {
        let analysis = try fixtureGraph("florentine").analysis(metric: .hops)
        let values = try analysis.centrality(.betweenness, sampling: BetweennessSampling(sources: 4, seed: 2))
        let json = try EntenteJSONEncoder().encode(values.limited(to: 1))
        #expect(json.hasPrefix(#"{"measure":"betweenness","metric":"hops","sampling":{"sources":4,"seed":2,"estimator":"spread"},"values":{"#))
        let exact = try EntenteJSONEncoder().encode(try analysis.centrality(.betweenness).limited(to: 1))
        #expect(!exact.contains("sampling"))
    }

    // MARK: Progress

    /// Collects the reports of a run.
    private final class Reports: Sendable {
        let list = Mutex<[AnalysisProgress]>([])
        var handler: ProgressHandler { { [self] progress in list.withLock { $0.append(progress) } } }
        var all: [AnalysisProgress] { list.withLock { $0 } }
    }

    @Test("the async variants give the synchronous values and report their progress")
    func asyncMatchesSync() async throws {
        let analysis = try fixtureGraph("ba1000").analysis(metric: .hops)
        for measure in [CentralityMeasure.betweenness, .closeness, .harmonic, .pagerank] {
            let reports = Reports()
            let values = try await analysis.centrality(measure, progress: reports.handler)
            #expect(values.map(\.value) == (try analysis.centrality(measure)).map(\.value), "\(measure) bit for bit")
            let seen = reports.all
            let total = measure.usesMetric ? 1000 : 1
            #expect(seen.last == AnalysisProgress(completed: total, total: total), "\(measure) ends with its total")
            #expect(seen.allSatisfy { $0.total == total && $0.completed <= total })
            #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.completed <= $1.completed }, "\(measure): counts only grow")
        }
        let sampling = BetweennessSampling(sources: 40, seed: 9)
        let reports = Reports()
        let sampled = try await analysis.centrality(.betweenness, sampling: sampling, progress: reports.handler)
        #expect(sampled.map(\.value) == (try analysis.centrality(.betweenness, sampling: sampling)).map(\.value))
        #expect(reports.all.last == AnalysisProgress(completed: 40, total: 40))

        let tableReports = Reports()
        let table = try await analysis.centralities(CentralityMeasure.allCases, progress: tableReports.handler)
        let syncTable = analysis.centralities(CentralityMeasure.allCases)
        #expect(table.columns.map(\.measure) == syncTable.columns.map(\.measure))
        #expect(table.columns.map { $0.values?.map(\.value) } == syncTable.columns.map { $0.values?.map(\.value) })
        // closeness, harmonic and betweenness count 1,000 sources each; degree, strength, eigenvector,
        // pagerank and katz one unit each (in- and out-degree are left out of an undirected graph).
        #expect(tableReports.all.last == AnalysisProgress(completed: 3005, total: 3005))
        #expect(zip(tableReports.all, tableReports.all.dropFirst()).allSatisfy { $0.completed <= $1.completed })

        let hops = analysis
        let edges = try await hops.edgeBetweenness(progress: nil)
        #expect(edges.map(\.value) == hops.edgeBetweenness().map(\.value))

        let pathReports = Reports()
        let paths = try await analysis.paths(from: "b0", to: "b999", selection: .cheapestLoopless(k: 6),
                                             progress: pathReports.handler)
        let syncPaths = try analysis.paths(from: "b0", to: "b999", selection: .cheapestLoopless(k: 6))
        #expect(paths.paths.map(\.nodes) == syncPaths.paths.map(\.nodes))
        #expect(paths.paths.count == 6)
        #expect(pathReports.all.last == AnalysisProgress(completed: 6, total: 6))
    }

    @Test("the progress line's numbers")
    func progressValue() {
        #expect(AnalysisProgress(completed: 250, total: 1000).fractionCompleted == 0.25)
        #expect(AnalysisProgress(completed: 0, total: 0).fractionCompleted == 1)
    }

    @Test("reports come at most every 50 ms and never overlap")
    func reportThrottling() {
        let reports = Reports()
        let monitor = SweepMonitor(total: 100_000, report: reports.handler)
        let clock = ContinuousClock()
        let start = clock.now
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            for _ in 0..<50_000 { monitor.advance() }
        }
        let elapsed = clock.now - start
        monitor.finish()
        let seen = reports.all
        // A first report at once, then at most one per 50 ms, and the last.
        let allowed = 2 + Int(elapsed / SweepMonitor.reportInterval)
        #expect(seen.count <= allowed, "\(seen.count) reports in \(elapsed)")
        #expect(seen.first?.completed ?? 0 >= 1)
        #expect(seen.last == AnalysisProgress(completed: 100_000, total: 100_000))
    }

    // MARK: Cancellation

    /// A connected graph of `count` nodes: a ring with two pseudo-random chords per node, weights
    /// from 1 to 9: big enough that exact betweenness runs for seconds in a debug build.
    private static func largeAnalysis(count: Int, metric: EdgeMetric) throws -> Analysis {
        var graph = RelationGraph(name: "large")
        for index in 0..<count { try graph.addNode(Node(id: "n\(index)")) }
        var generator = SplitMix64(seed: 99)
        for index in 0..<count {
            try graph.addEdge(from: "n\(index)", to: "n\((index + 1) % count)", weight: Double(1 + generator.next(below: 9)))
            for _ in 0..<2 {
                let other = generator.next(below: count)
                if other != index {
                    try graph.addEdge(from: "n\(index)", to: "n\(other)", weight: Double(1 + generator.next(below: 9)))
                }
            }
        }
        return try Analysis(graph, filter: .cooperative, metric: metric)
    }

    /// Runs `body` on a thread of its own after `delay` (off the Swift concurrency pool, which the
    /// other tests may keep busy).
    private static func onThread(after delay: Duration, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            Thread.sleep(forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) * 1e-18)
            body()
        }
        thread.start()
    }

    @Test("a cancelled sweep stops within a fraction of a second", arguments: [CentralityMeasure.betweenness, .closeness])
    func sweepStopsWhenCancelled(measure: CentralityMeasure) throws {
        let analysis = try Self.largeAnalysis(count: 6000, metric: .length)
        let monitor = SweepMonitor(total: analysis.adjacency.nodeCount)
        let clock = ContinuousClock()
        let finished = DispatchSemaphore(value: 0)
        let stoppedAt = Mutex<ContinuousClock.Instant?>(nil)
        Self.onThread(after: .zero) {
            _ = try? analysis.adjacency.centrality(measure, monitor: monitor)
            stoppedAt.withLock { $0 = clock.now }
            finished.signal()
        }
        // Cancel 300 ms into the sweep: once its first source is done (other tests may keep the cores
        // busy for a while), then 300 ms more.
        let deadline = clock.now + .seconds(60)
        while monitor.completedCount == 0 && clock.now < deadline { Thread.sleep(forTimeInterval: 0.005) }
        Thread.sleep(forTimeInterval: 0.3)
        let cancelledAt = clock.now
        let doneAtCancel = monitor.completedCount
        monitor.cancel()
        finished.wait()
        let stopped = try #require(stoppedAt.withLock { $0 })
        let latency = stopped - cancelledAt
        let doneAtStop = monitor.completedCount
        // The sweep had started and was far from its end (the uncancelled run would have gone on for
        // at least as long again); it stops after one source's search per worker: milliseconds even in
        // a debug build. ~100 ms is the aim; 1 s leaves room for a loaded 2-core machine.
        #expect(doneAtCancel > 0, "\(measure): no source searched in 60 s")
        #expect(doneAtCancel < 3000, "\(measure): \(doneAtCancel) of 6000 sources in 300 ms; the graph is too small")
        #expect(doneAtStop < 6000, "\(measure): ran to the end")
        // Each worker finishes the source it is on and starts no other: at most one source per
        // worker after the cancellation (twice that, for the sources finished between reading the
        // count and cancelling). No assertion on time: how long a source takes is the machine's.
        let workers = ProcessInfo.processInfo.activeProcessorCount
        #expect(doneAtStop - doneAtCancel <= 2 * workers + 2,
                "\(measure): \(doneAtStop - doneAtCancel) sources after the cancellation, \(workers) workers")
        print("cancelled \(measure) after \(doneAtCancel) of 6000 sources: stopped \(latency) later, "
              + "\(doneAtStop - doneAtCancel) sources after")
    }

    @Test("cancelling the task stops the computation and throws CancellationError")
    func taskCancellation() async throws {
        let analysis = try Self.largeAnalysis(count: 6000, metric: .length)
        let reports = Reports()
        let task = Task { try await analysis.centrality(.betweenness, progress: reports.handler) }
        Self.onThread(after: .milliseconds(300)) { task.cancel() }
        await #expect(throws: CancellationError.self) { try await task.value }
        let done = reports.all.last?.completed ?? 0
        #expect(done < 6000, "the run went to its end: \(done) sources")
        #expect(reports.all.allSatisfy { $0.completed < $0.total }, "no final report for a cancelled run")
    }

    @Test("a task cancelled before the call throws at once")
    func cancelledBeforehand() async throws {
        let analysis = try fixtureGraph("karate").analysis()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await analysis.centrality(.betweenness, progress: nil)
        }
        await #expect(throws: CancellationError.self) { try await task.value }
    }
}
