/// Dijkstra's priority queue for the per-source centralities: a 4-ary min-heap of nodes keyed by
/// tentative distance, with decrease-key.
///
/// HeapModule's `Heap` has no decrease-key, so Dijkstra on it pushes a node again whenever its
/// distance improves and skips stale entries later. On the benchmark graphs (heavy-tailed degrees,
/// random weights) that makes about 1.75 pushes per node and a heap twice as large, and the pops
/// dominated the running time; this queue holds each node at most once and its 4-ary layout halves the
/// depth. It works on buffers owned by a ``SweepWorkspace`` and is used by one thread.
struct DistanceQueue {
    /// Heap-ordered entries `0..<count`.
    private let entries: UnsafeMutablePointer<QueueEntry>
    /// For every node, its slot in `entries`, or -1 when it is not queued.
    private let slots: UnsafeMutablePointer<Int32>
    private(set) var count = 0

    /// A queue over buffers of capacity n (entries) and n (slots, all -1).
    init(entries: UnsafeMutablePointer<QueueEntry>, slots: UnsafeMutablePointer<Int32>) {
        self.entries = entries
        self.slots = slots
    }

    /// Queues `node` at `distance`, or lowers its key if it is queued (the new key must be lower).
    @inline(__always)
    mutating func insertOrDecrease(_ node: Int32, distance: Double) {
        var hole = Int(slots[Int(node)])
        if hole < 0 {
            hole = count
            count += 1
        }
        // Sift up.
        while hole > 0 {
            let parent = (hole - 1) >> 2
            let above = entries[parent]
            if above.cost <= distance { break }
            entries[hole] = above
            slots[Int(above.node)] = Int32(hole)
            hole = parent
        }
        entries[hole] = QueueEntry(cost: distance, node: node)
        slots[Int(node)] = Int32(hole)
    }

    /// Removes and returns the entry of least distance.
    @inline(__always)
    mutating func popMin() -> QueueEntry? {
        guard count > 0 else { return nil }
        let top = entries[0]
        slots[Int(top.node)] = -1
        count -= 1
        guard count > 0 else { return top }
        let last = entries[count]
        // Sift the last entry down from the root.
        var hole = 0
        while true {
            let first = hole << 2 + 1
            if first >= count { break }
            var best = first
            var bestDistance = entries[first].cost
            let end = min(first + 4, count)
            var child = first + 1
            while child < end {
                let candidate = entries[child].cost
                if candidate < bestDistance {
                    best = child
                    bestDistance = candidate
                }
                child += 1
            }
            if bestDistance >= last.cost { break }
            let moved = entries[best]
            entries[hole] = moved
            slots[Int(moved.node)] = Int32(hole)
            hole = best
        }
        entries[hole] = last
        slots[Int(last.node)] = Int32(hole)
        return top
    }
}
