import Dispatch

/// The number of row blocks of the iterative measures (PageRank, eigenvector, Katz). Fixed, so that
/// per-block partial sums, added in block order, are the same on any machine.
let rowBlockCount = 32

/// Below this many rows an iteration runs on the calling thread (same blocks, same result).
let parallelRowThreshold = 8192

/// Computes `body(rows)` for each of ``rowBlockCount`` contiguous blocks of `0..<rowCount` (in
/// parallel for large counts) and returns the blocks' results added in block order.
///
/// Each row belongs to one block and so is computed by one thread: results are bit-identical
/// whatever the number of threads.
func sumOverRowBlocks(rowCount: Int, _ body: (Range<Int>) -> Double) -> Double {
    combineRowBlocks(rowCount: rowCount, body, +)
}

/// Computes `body(rows)` for each of ``rowBlockCount`` contiguous blocks of `0..<rowCount` (in
/// parallel for large counts) and returns the largest of the blocks' results: a maximum over rows
/// computed block by block.
func maximumOverRowBlocks(rowCount: Int, _ body: (Range<Int>) -> Double) -> Double {
    combineRowBlocks(rowCount: rowCount, body, max)
}

/// The blocks' results of `body`, combined in block order from 0 by `combine`.
private func combineRowBlocks(rowCount: Int, _ body: (Range<Int>) -> Double,
                              _ combine: (Double, Double) -> Double) -> Double {
    let blocks = rowBlockCount
    @Sendable func rows(_ block: Int) -> Range<Int> { (rowCount * block / blocks)..<(rowCount * (block + 1) / blocks) }
    guard rowCount >= parallelRowThreshold else {
        var total = 0.0
        for block in 0..<blocks { total = combine(total, body(rows(block))) }
        return total
    }
    var partials = [Double](repeating: 0, count: blocks)
    partials.withUnsafeMutableBufferPointer { slots in
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedSendable((slots: slots.baseAddress, body: body))
            ParallelWork.perform(iterations: blocks) { block in
                let (slots, body) = shared.value
                slots?.advanced(by: block).pointee = body(rows(block))
            }
        }
    }
    var total = 0.0
    for partial in partials { total = combine(total, partial) }
    return total
}

/// How the parallel parts of the algorithms run: on all cores through Dispatch, or on the calling
/// thread alone. Results are the same either way (work is split into a fixed number of chunks whose
/// partial results are added in chunk order); the tests run both and compare them bit for bit.
package enum ParallelWork {
    /// Set (for a task and what it calls) to run every parallel loop on the calling thread.
    @TaskLocal package static var isSerial = false

    /// Runs `body(0..<iterations)` concurrently, or in order on this thread when ``isSerial``.
    static func perform(iterations: Int, _ body: @Sendable (Int) -> Void) {
        if isSerial {
            for iteration in 0..<iterations { body(iteration) }
        } else {
            DispatchQueue.concurrentPerform(iterations: iterations, execute: body)
        }
    }
}

/// Raw views of the in-arcs with their summed weights, for the pull-based iterations.
struct WeightedInArcs {
    let offsets: UnsafeBufferPointer<Int>
    let sources: UnsafeBufferPointer<Int32>
    let weights: UnsafeBufferPointer<Double>

    /// `start` + Σ_{u→node} w(u, node)·x[u], added in arc order: what `node` pulls from `x` along
    /// its in-arcs, the step shared by PageRank, eigenvector and Katz.
    @inline(__always)
    func pull(_ x: UnsafeBufferPointer<Double>, into node: Int, startingAt start: Double = 0) -> Double {
        var sum = start
        for arc in offsets[node]..<offsets[node + 1] { sum += weights[arc] * x[Int(sources[arc])] }
        return sum
    }
}

/// What one node's row of a power-iteration step computes (``WeightedInArcs/step(pulling:previous:into:shifted:combining:_:)``):
/// from what the node pulled along its in-arcs and its previous value, its new value and its
/// contribution to the step's result.
protocol IterationRow {
    func callAsFunction(_ pulled: Double, _ previous: Double) -> (value: Double, contribution: Double)
}

/// The value pulled, contributing its square: eigenvector centrality (the step's result is the norm²).
struct SquaredNormRow: IterationRow {
    @inline(__always)
    func callAsFunction(_ pulled: Double, _ previous: Double) -> (value: Double, contribution: Double) {
        (pulled, pulled * pulled)
    }
}

/// The value pulled, contributing itself: λmax (the step's result is the growth of a vector summing to 1).
struct SumRow: IterationRow {
    @inline(__always)
    func callAsFunction(_ pulled: Double, _ previous: Double) -> (value: Double, contribution: Double) {
        (pulled, pulled)
    }
}

/// `scale`·pulled + `offset`, contributing its change: Katz (alpha, beta) and PageRank (alpha and
/// the teleport and dangling mass).
struct AffineRow: IterationRow {
    let scale: Double
    let offset: Double

    @inline(__always)
    func callAsFunction(_ pulled: Double, _ previous: Double) -> (value: Double, contribution: Double) {
        let value = scale * pulled + offset
        return (value, abs(value - previous))
    }
}

extension WeightedInArcs {
    /// How the rows' contributions of one ``step(pulling:previous:into:shifted:combining:_:)`` are combined.
    enum StepCombination {
        /// Added, row after row within a block and block after block.
        case sum
        /// The largest.
        case maximum
    }

    /// One step of a power iteration, the loop PageRank, eigenvector centrality, λmax and Katz share:
    /// for every node v, `next[v] = row(pulled, previous[v]).value`, where `pulled` is what v pulls
    /// from `x` along its in-arcs (``pull(_:into:startingAt:)``, from `previous[v]` when `shifted`:
    /// an iteration on Aᵀ + I). Rows run in parallel for large graphs, in ``rowBlockCount`` fixed
    /// blocks, each by one thread; the rows' contributions are combined in row and block order, so
    /// the result is the same on any machine.
    ///
    /// `row` is a type of its own, not a closure, so that each iteration gets a specialised copy of
    /// this loop with the row inlined (a closure here cost PageRank and eigenvector a third more time).
    ///
    /// - Returns: the rows' `contribution`s combined as `combination` says (a norm, a change).
    func step<Row: IterationRow>(pulling x: [Double], previous: [Double], into next: inout [Double], shifted: Bool = false,
                                 combining combination: StepCombination, _ row: Row) -> Double {
        let count = next.count
        return x.withUnsafeBufferPointer { pulledFrom in
            previous.withUnsafeBufferPointer { old in
                next.withUnsafeMutableBufferPointer { new in
                    let newBase = new.baseAddress
                    // One row: its new value stored, its contribution returned.
                    @inline(__always) func compute(_ node: Int) -> Double {
                        let pulled = pull(pulledFrom, into: node, startingAt: shifted ? old[node] : 0)
                        let (value, contribution) = row(pulled, old[node])
                        newBase?.advanced(by: node).pointee = value
                        return contribution
                    }
                    switch combination {
                    case .sum:
                        return sumOverRowBlocks(rowCount: count) { rows in
                            var total = 0.0
                            for node in rows { total += compute(node) }
                            return total
                        }
                    case .maximum:
                        return maximumOverRowBlocks(rowCount: count) { rows in
                            var total = 0.0
                            for node in rows { total = max(total, compute(node)) }
                            return total
                        }
                    }
                }
            }
        }
    }
}

extension WeightedAdjacency {
    /// Calls `body` with raw views of the in-arcs and their summed weights.
    func withWeightedInArcs<Result>(_ body: (WeightedInArcs) -> Result) -> Result {
        inOffsets.withUnsafeBufferPointer { offsets in
            inSources.withUnsafeBufferPointer { sources in
                inWeights.withUnsafeBufferPointer { weights in
                    body(WeightedInArcs(offsets: offsets, sources: sources, weights: weights))
                }
            }
        }
    }
}
