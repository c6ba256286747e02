import Dispatch

// Shared machinery of the per-source measures (closeness, harmonic, betweenness, edge betweenness):
// a fixed split of the sources into chunks run in parallel, per-chunk buffers reused across the
// chunk's sources, and the single-source searches themselves.

/// The number of chunks the sources are split into. Fixed (not the number of cores) so that the
/// per-chunk partial sums, added in chunk order, give bit-identical results on any machine.
let sourceChunkCount = 32

/// Whether two path lengths are equal up to rounding: |a − b| ≤ 1e-10·max(|a|, |b|), as igraph
/// compares them. Both must be finite.
@inline(__always)
func isTie(_ a: Double, _ b: Double) -> Bool {
    abs(a - b) <= 1e-10 * max(abs(a), abs(b))
}

/// Runs `body` once per chunk of sources, in parallel, and returns the chunks' results in chunk order.
///
/// Chunk `c` gets sources `c, c + C, c + 2C, …` (C = ``sourceChunkCount``), so the split depends only
/// on the number of sources.
func inSourceChunks<Partial>(sourceCount: Int, _ body: (_ sources: StrideTo<Int>) -> Partial) -> [Partial] {
    let chunks = min(sourceChunkCount, sourceCount)
    guard chunks > 0 else { return [] }
    var results = [Partial?](repeating: nil, count: chunks)
    results.withUnsafeMutableBufferPointer { slots in
        withoutActuallyEscaping(body) { body in
            // Each iteration writes only its own slot and reads shared data only.
            let shared = UncheckedSendable((slots: slots.baseAddress, body: body))
            ParallelWork.perform(iterations: chunks) { chunk in
                let (slots, body) = shared.value
                slots?.advanced(by: chunk).pointee = body(stride(from: chunk, to: sourceCount, by: chunks))
            }
        }
    }
    return results.compactMap { $0 }
}

/// Carries non-`Sendable` values (raw pointers, closures over read-only data) into the closure that
/// `DispatchQueue.concurrentPerform` runs. Callers make sure that every iteration writes only its own
/// memory and that shared data is only read.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Read-only raw views of one direction of a CSR adjacency, for the hot loops.
struct ArcLists {
    let offsets: UnsafeBufferPointer<Int>
    let targets: UnsafeBufferPointer<Int32>
    let costs: UnsafeBufferPointer<Double>
}

extension WeightedAdjacency {
    /// Calls `body` with raw views of the out-arcs (`incoming` false) or in-arcs (`incoming` true).
    func withArcLists<Result>(incoming: Bool, _ body: (ArcLists) -> Result) -> Result {
        let offsetArray = incoming ? inOffsets : offsets
        let targetArray = incoming ? inSources : targets
        let costArray = incoming ? inCosts : costs
        return offsetArray.withUnsafeBufferPointer { offsets in
            targetArray.withUnsafeBufferPointer { targets in
                costArray.withUnsafeBufferPointer { costs in
                    body(ArcLists(offsets: offsets, targets: targets, costs: costs))
                }
            }
        }
    }
}

/// Per-chunk buffers of the single-source searches, allocated once and reset after every source
/// (only the entries a search touched). Confined to one thread.
final class SweepWorkspace {
    let nodeCount: Int
    /// Distance from the source (infinity when unreached); Dijkstra only.
    let distance: UnsafeMutableBufferPointer<Double>
    /// BFS level (-1 when unreached); hops only.
    let level: UnsafeMutableBufferPointer<Int32>
    /// Number of shortest paths from the source.
    let sigma: UnsafeMutableBufferPointer<Double>
    /// (1 + dependency) / sigma of a node once its dependency is final.
    let coefficient: UnsafeMutableBufferPointer<Double>
    /// Nodes in the order they were settled (BFS: the queue itself).
    let order: UnsafeMutableBufferPointer<Int32>
    /// Number of nodes settled by the last search.
    var settled = 0
    /// Storage of the ``DistanceQueue``: heap entries, and every node's slot (-1 when not queued).
    let queueEntries: UnsafeMutablePointer<QueueEntry>
    let queueSlots: UnsafeMutablePointer<Int32>
    /// Weighted Brandes only: the predecessors of each node on the shortest-path DAG, as linked lists
    /// of entries (head per node, -1 when none) taken in order from a pool with room for every arc
    /// (each arc is relaxed at most once per source).
    let predecessorHead: UnsafeMutableBufferPointer<Int32>
    let predecessorNext: UnsafeMutableBufferPointer<Int32>
    let predecessorNode: UnsafeMutableBufferPointer<Int32>
    let predecessorArc: UnsafeMutableBufferPointer<Int32>

    /// Buffers for searches over `nodeCount` nodes; `arcCount` sizes the predecessor pool of
    /// ``countPaths(from:arcs:)`` (0 when no weighted Brandes sweep will run).
    init(nodeCount: Int, arcCount: Int = 0) {
        self.nodeCount = nodeCount
        distance = .allocate(capacity: nodeCount)
        distance.initialize(repeating: .infinity)
        level = .allocate(capacity: nodeCount)
        level.initialize(repeating: -1)
        sigma = .allocate(capacity: nodeCount)
        sigma.initialize(repeating: 0)
        coefficient = .allocate(capacity: nodeCount)
        coefficient.initialize(repeating: 0)
        order = .allocate(capacity: nodeCount)
        order.initialize(repeating: 0)
        queueEntries = .allocate(capacity: max(nodeCount, 1))
        queueSlots = .allocate(capacity: max(nodeCount, 1))
        queueSlots.initialize(repeating: -1, count: max(nodeCount, 1))
        let heads = arcCount > 0 ? nodeCount : 0
        predecessorHead = .allocate(capacity: heads)
        predecessorHead.initialize(repeating: -1)
        predecessorNext = .allocate(capacity: arcCount)
        predecessorNext.initialize(repeating: -1)
        predecessorNode = .allocate(capacity: arcCount)
        predecessorNode.initialize(repeating: 0)
        predecessorArc = .allocate(capacity: arcCount)
        predecessorArc.initialize(repeating: 0)
    }

    deinit {
        distance.deallocate()
        level.deallocate()
        sigma.deallocate()
        coefficient.deallocate()
        order.deallocate()
        queueEntries.deallocate()
        queueSlots.deallocate()
        predecessorHead.deallocate()
        predecessorNext.deallocate()
        predecessorNode.deallocate()
        predecessorArc.deallocate()
    }

    /// Clears what the last search touched.
    func reset() {
        let clearsPredecessors = !predecessorHead.isEmpty
        for position in 0..<settled {
            let node = Int(order[position])
            distance[node] = .infinity
            level[node] = -1
            sigma[node] = 0
            coefficient[node] = 0
            if clearsPredecessors { predecessorHead[node] = -1 }
        }
        settled = 0
    }

    // MARK: Distances only (closeness, harmonic)

    /// Dijkstra's loop, the one the sweeps share: settles the nodes reached from `source` in order of
    /// distance, recording that order in `order`, and hands every arc out of a settled node to
    /// `relax` with the node, its distance and the queue; `relax` decides what the arc changes (a
    /// shorter distance, another shortest path) and queues the node it improves.
    @inline(__always)
    private func settle(from source: Int, arcs: ArcLists,
                        _ relax: (_ node: Int, _ here: Double, _ arc: Int, _ queue: inout DistanceQueue) -> Void) {
        // A local counter: a stored `var` of a class pays for dynamic exclusivity checks on every access.
        var queue = DistanceQueue(entries: queueEntries, slots: queueSlots)
        let order = self.order
        var settled = 0
        defer { self.settled = settled }
        distance[source] = 0
        queue.insertOrDecrease(Int32(source), distance: 0)
        while let entry = queue.popMin() {
            let node = Int(entry.node)
            order[settled] = entry.node
            settled += 1
            for arc in arcs.offsets[node]..<arcs.offsets[node + 1] {
                relax(node, entry.cost, arc, &queue)
            }
        }
    }

    /// Dijkstra from `source` without path counts: fills `distance` and `order`.
    func distances(from source: Int, arcs: ArcLists) {
        let distance = self.distance
        settle(from: source, arcs: arcs) { _, here, arc, queue in
            let next = Int(arcs.targets[arc])
            let candidate = here + arcs.costs[arc]
            if candidate < distance[next] {
                distance[next] = candidate
                queue.insertOrDecrease(Int32(next), distance: candidate)
            }
        }
    }

    /// Breadth-first search, the one the sweeps share: visits the nodes reached from `source` level
    /// by level, and hands every arc out of a visited node to `step` with the node and the level its
    /// neighbours would get; `step` returns whether the arc reaches a node first seen, which is then
    /// given that level and queued (`order` is the queue).
    @inline(__always)
    private func visitLevels(from source: Int, arcs: ArcLists,
                             _ step: (_ node: Int, _ target: Int, _ nextLevel: Int32) -> Bool) {
        var settled = 1
        defer { self.settled = settled }
        level[source] = 0
        order[0] = Int32(source)
        var head = 0
        while head < settled {
            let node = Int(order[head])
            head += 1
            let next = level[node] + 1
            for arc in arcs.offsets[node]..<arcs.offsets[node + 1] {
                let target = Int(arcs.targets[arc])
                if step(node, target, next) {
                    level[target] = next
                    order[settled] = Int32(target)
                    settled += 1
                }
            }
        }
    }

    /// Breadth-first search from `source` without path counts: fills `level` and `order`.
    func levels(from source: Int, arcs: ArcLists) {
        let level = self.level
        visitLevels(from: source, arcs: arcs) { _, target, _ in level[target] < 0 }
    }

    // MARK: Brandes (betweenness)

    /// Brandes' forward phase by Dijkstra: distances, path counts, the settled order and each node's
    /// predecessors on the shortest-path DAG. Path lengths that tie up to rounding (``isTie(_:_:)``)
    /// count as equal. Needs a workspace made with the adjacency's `arcCount`.
    func countPaths(from source: Int, arcs: ArcLists) {
        let distance = self.distance, sigma = self.sigma
        let head = predecessorHead, nextEntry = predecessorNext, entryNode = predecessorNode, entryArc = predecessorArc
        assert(predecessorNext.count >= arcs.targets.count, "workspace made without room for predecessors")
        var entries: Int32 = 0
        // The predecessor lists record exactly the decisions that set sigma, so the backward phase
        // walks the DAG the path counts were made on (and only it, not every arc).
        @inline(__always) func link(_ node: Int, to target: Int, arc: Int, replacing: Bool) {
            entryNode[Int(entries)] = Int32(node)
            entryArc[Int(entries)] = Int32(arc)
            nextEntry[Int(entries)] = replacing ? -1 : head[target]
            head[target] = entries
            entries += 1
        }
        sigma[source] = 1
        settle(from: source, arcs: arcs) { node, here, arc, queue in
            let next = Int(arcs.targets[arc])
            let candidate = here + arcs.costs[arc]
            let known = distance[next]
            if known == .infinity {
                distance[next] = candidate
                sigma[next] = sigma[node]
                link(node, to: next, arc: arc, replacing: true)
                queue.insertOrDecrease(Int32(next), distance: candidate)
            } else if isTie(candidate, known) {
                if known > here {  // not a node settled already
                    sigma[next] += sigma[node]
                    link(node, to: next, arc: arc, replacing: false)
                }
            } else if candidate < known {
                distance[next] = candidate
                sigma[next] = sigma[node]
                link(node, to: next, arc: arc, replacing: true)
                queue.insertOrDecrease(Int32(next), distance: candidate)
            }
        }
    }

    /// Brandes' forward phase by breadth-first search.
    func countHopPaths(from source: Int, arcs: ArcLists) {
        let level = self.level, sigma = self.sigma
        sigma[source] = 1
        visitLevels(from: source, arcs: arcs) { node, target, next in
            let known = level[target]
            if known < 0 {
                sigma[target] = sigma[node]
                return true
            }
            if known == next { sigma[target] += sigma[node] }
            return false
        }
    }

    /// Brandes' backward phase: walks the settled nodes from the farthest, accumulating each node's
    /// dependency δ(v) = Σ_{w successor} σ(v)/σ(w)·(1 + δ(w)) over the shortest-path DAG. Adds δ(v) to
    /// `nodeTotals[v]` (v ≠ source) and each arc's share σ(v)/σ(w)·(1 + δ(w)) to `arcTotals[arc]`.
    ///
    /// With `sharingByDistance`, the pair (source, t) counts for v in proportion to how far along the
    /// path v lies: the sum becomes δ'(v) = Σ_t σ_st(v)/σ_st · d(s, v)/d(s, t), the linear scaling of
    /// Geisberger, Sanders & Schultes (2008). It is d(s, v)·γ(v), where γ follows Brandes' recursion
    /// with 1/d(s, w) in place of 1: γ(v) = Σ_{w successor} σ(v)/σ(w)·(1/d(s, w) + γ(w)). (Arc totals
    /// are not kept then.)
    ///
    /// Under hops a node pulls from its successors (next BFS level, found by scanning its arcs); under
    /// a weighted metric a node pushes its share to the predecessors ``countPaths(from:arcs:)`` recorded,
    /// which visits the DAG's few arcs instead of re-testing every arc for a tie.
    func accumulate(from source: Int, arcs: ArcLists, hops: Bool, sharingByDistance: Bool = false,
                    nodeTotals: UnsafeMutableBufferPointer<Double>?, arcTotals: UnsafeMutableBufferPointer<Double>?) {
        if !hops {
            accumulateOverPredecessors(from: source, sharingByDistance: sharingByDistance, nodeTotals: nodeTotals,
                                       arcTotals: arcTotals)
            return
        }
        var position = settled
        while position > 0 {
            position -= 1
            let node = Int(order[position])
            let paths = sigma[node]
            var sum = 0.0
            let next = level[node] + 1
            for arc in arcs.offsets[node]..<arcs.offsets[node + 1] {
                let target = Int(arcs.targets[arc])
                if level[target] == next {
                    let share = coefficient[target]
                    sum += share
                    arcTotals?[arc] += paths * share
                }
            }
            let dependency = paths * sum
            guard node != source else { continue }
            if sharingByDistance {
                let hopsAway = Double(level[node])
                coefficient[node] = (1 / hopsAway + dependency) / paths
                nodeTotals?[node] += hopsAway * dependency
            } else {
                coefficient[node] = (1 + dependency) / paths
                nodeTotals?[node] += dependency
            }
        }
    }

    /// The weighted backward phase: `coefficient` first gathers δ(w) from w's successors, then, when w
    /// comes up (all its successors are farther, so done), becomes (1 + δ(w))/σ(w) and is pushed to
    /// each predecessor v as σ(v)·(1 + δ(w))/σ(w) (with `sharingByDistance`, 1/d(s, w) replaces 1 and
    /// v's total gets d(s, v)·γ(v); see ``accumulate(from:arcs:hops:sharingByDistance:nodeTotals:arcTotals:)``).
    private func accumulateOverPredecessors(from source: Int, sharingByDistance: Bool,
                                            nodeTotals: UnsafeMutableBufferPointer<Double>?,
                                            arcTotals: UnsafeMutableBufferPointer<Double>?) {
        let sigma = self.sigma, coefficient = self.coefficient, order = self.order, distance = self.distance
        let head = predecessorHead, nextEntry = predecessorNext, entryNode = predecessorNode, entryArc = predecessorArc
        // The source is order[0]: it has no predecessors, and its own dependency counts for nothing.
        var position = settled
        while position > 1 {
            position -= 1
            let node = Int(order[position])
            let dependency = coefficient[node]
            let share: Double
            if sharingByDistance {
                let away = distance[node]
                nodeTotals?[node] += away * dependency
                share = (1 / away + dependency) / sigma[node]
            } else {
                nodeTotals?[node] += dependency
                share = (1 + dependency) / sigma[node]
            }
            var entry = head[node]
            while entry >= 0 {
                let predecessor = Int(entryNode[Int(entry)])
                let part = sigma[predecessor] * share
                coefficient[predecessor] += part
                arcTotals?[Int(entryArc[Int(entry)])] += part
                entry = nextEntry[Int(entry)]
            }
        }
    }
}

extension WeightedAdjacency {
    /// For every node u, a summary of the distances d(v, u) from the nodes v that reach it, computed
    /// by one search per node along in-arcs (on an undirected graph, the arcs).
    ///
    /// - Parameters:
    ///   - monitor: counts the searches done and stops them when cancelled (the result is then
    ///     incomplete: the caller checks ``SweepMonitor/isCancelled``).
    ///   - summary: called once per node with the workspace after the search (the reached nodes are
    ///     `order[0..<settled]`, the node itself first).
    func incomingDistanceSummaries(monitor: SweepMonitor? = nil,
                                   _ summary: (_ node: Int, _ workspace: SweepWorkspace) -> Double) -> [Double] {
        let n = nodeCount
        let hops = metric == .hops
        let partials = withArcLists(incoming: true) { arcs in
            inSourceChunks(sourceCount: n) { sources -> [Double] in
                let workspace = SweepWorkspace(nodeCount: n)
                var values: [Double] = []
                forEachSource(in: sources, monitor: monitor) { source in
                    if hops {
                        workspace.levels(from: source, arcs: arcs)
                    } else {
                        workspace.distances(from: source, arcs: arcs)
                    }
                    values.append(summary(source, workspace))
                    workspace.reset()
                }
                return values
            }
        }
        var result = [Double](repeating: 0, count: n)
        let chunks = partials.count
        for (chunk, values) in partials.enumerated() {
            // A cancelled chunk stops short; its values are discarded by the caller anyway.
            for (position, value) in values.enumerated() { result[chunk + position * chunks] = value }
        }
        return result
    }
}

extension SweepWorkspace {
    /// The distance of the `position`-th settled node (a level under hops).
    @inline(__always)
    func settledDistance(_ position: Int, hops: Bool) -> Double {
        settledDistance(of: Int(order[position]), hops: hops)
    }

    /// The distance of a node the last search settled (its BFS level under hops).
    @inline(__always)
    func settledDistance(of node: Int, hops: Bool) -> Double {
        hops ? Double(level[node]) : distance[node]
    }
}
