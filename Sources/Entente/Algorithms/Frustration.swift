import Synchronization

/// A split of a signed network's nodes into two camps and what it frustrates.
struct FrustrationSolution: Sendable {
    /// The camp (0 or 1) of every node; in each connected component the first node is in camp 0.
    var camp: [UInt8]
    /// Total cost of the frustrated ties, summed in tie order.
    var value: Double
    /// A proven lower bound on the optimum (equal to `value` when exact).
    var lowerBound: Double
    /// Whether `value` is proven minimal.
    var isExact: Bool
    /// What the reductions removed and how the cores were solved.
    var decomposition = FrustrationDecomposition()
    /// Why the exact solver could not run, when it was needed and failed (its one-line message).
    var solverFailure: String?
}

/// What one hard core's search gave.
private struct CoreOutcome: Sendable {
    var camp: [UInt8]
    var value: Double
    var bound: Double
    var isExact: Bool
    var method: FrustrationMethod
    var solverFailure: String?
}

/// A signed network as plain arrays: what the frustration search runs on.
struct FrustrationProblem: Sendable {
    /// Number of nodes.
    var nodeCount: Int
    /// First node of each tie.
    var u: [Int32]
    /// Second node of each tie.
    var v: [Int32]
    /// Whether each tie is negative (adversarial).
    var negative: [Bool]
    /// The cost of frustrating each tie (1, or the absolute net weight).
    var cost: [Double]

    /// The problem of a signed network, weighted or not.
    init(_ network: SignedNetwork, weighted: Bool) {
        nodeCount = network.nodeCount
        u = network.ties.map(\.u)
        v = network.ties.map(\.v)
        negative = network.ties.map(\.isNegative)
        cost = network.tieCosts(weighted: weighted)
    }

    /// A problem given by arrays (tests and benchmarks).
    init(nodeCount: Int, u: [Int32], v: [Int32], negative: [Bool], cost: [Double]) {
        self.nodeCount = nodeCount
        self.u = u
        self.v = v
        self.negative = negative
        self.cost = cost
    }

    /// Whether a tie is frustrated by a split: a positive tie across camps, a negative one within a camp.
    @inline(__always)
    func isFrustrated(_ tie: Int, _ camp: [UInt8]) -> Bool {
        (camp[Int(u[tie])] != camp[Int(v[tie])]) != negative[tie]
    }

    /// The total cost of the ties a split frustrates, summed in tie order.
    func frustration(of camp: [UInt8]) -> Double {
        var total = 0.0
        for tie in cost.indices where isFrustrated(tie, camp) { total += cost[tie] }
        return total
    }

    /// Whether every cost is a whole number.
    var hasIntegralCosts: Bool { cost.allSatisfy { $0 == $0.rounded() } }

    /// The largest core the branch and bound keeps when an exact solver is at hand: above it the
    /// solver is faster.
    static let searchLimitWithSolver = 30

    /// The minimum frustration over all two-camp splits, exactly where the limits allow.
    ///
    /// The graph is cut into blocks (biconnected components) and each block reduced
    /// (``BlockReduction``); each core is then balanced (found by a breadth-first search), small
    /// enough for the branch and bound, proven by the local search meeting the packing bound, or
    /// handed to `solver`; without one, or when the solver fails, the local search's split stands,
    /// not exact. Cores are solved in parallel.
    ///
    /// - Complexity: exponential in the size of a core in the worst case (bounded by `limits`);
    ///   the reductions are O(V + E log d).
    func solve(limits: BalanceLimits, solver: (any FrustrationSolver)? = nil, monitor: SweepMonitor? = nil) -> FrustrationSolution {
        let n = nodeCount
        var decomposition = FrustrationDecomposition()
        decomposition.negativeTies = negative.filter { $0 }.count
        let (componentCount, componentOf) = componentNumbers(nodeCount: n, u: u, v: v)
        var componentHasTie = [Bool](repeating: false, count: componentCount)
        for tie in u.indices { componentHasTie[componentOf[Int(u[tie])]] = true }
        decomposition.components = componentHasTie.filter { $0 }.count
        let blocks = biconnectedBlocks(nodeCount: n, u: u, v: v)
        let deadline = limits.timeLimit.map { ContinuousClock.now + .milliseconds(Int64(($0 * 1000).rounded(.up))) }
        let isWeighted = !cost.allSatisfy { $0 == 1 }

        // Each block as its own problem, reduced.
        struct BlockWork: Sendable {
            var nodes: [Int32]
            var reduction: BlockReduction
        }
        var work: [BlockWork] = []
        for block in blocks {
            if block.count == 1 {
                decomposition.bridges += 1
                continue
            }
            var position: [Int32: Int32] = [:]
            var nodes: [Int32] = []
            var bu: [Int32] = [], bv: [Int32] = [], bn: [Bool] = [], bc: [Double] = []
            for tie in block {
                for end in [u[tie], v[tie]] where position[end] == nil {
                    position[end] = Int32(nodes.count)
                    nodes.append(end)
                }
                bu.append(position[u[tie]] ?? 0)
                bv.append(position[v[tie]] ?? 0)
                bn.append(negative[tie])
                bc.append(cost[tie])
            }
            let reduction = BlockReduction(nodeCount: nodes.count, u: bu, v: bv, negative: bn, cost: bc, isWeighted: isWeighted)
            decomposition.blocks += 1
            work.append(BlockWork(nodes: nodes, reduction: reduction))
        }
        // Cores with ties, largest first (the longest work starts first).
        let order = work.indices.sorted {
            (work[$0].reduction.core.u.count, $1) > (work[$1].reduction.core.u.count, $0)
        }
        let outcomes = ParallelResults<CoreOutcome>(count: work.count)
        let cores = work.map(\.reduction.core)
        ParallelWork.perform(iterations: order.count) { index in
            // Cancelled: the cores not yet started are skipped (the caller throws).
            if monitor?.isCancelled == true { return }
            let block = order[index]
            let core = cores[block]
            var random = SplitMix64(seed: limits.seed &+ UInt64(block))
            outcomes[block] = core.solveCore(limits: limits, solver: solver, deadline: deadline, random: &random)
        }

        // Glue the blocks' splits down the block–cut tree, from each component's first node.
        var camp = [UInt8](repeating: 0, count: n)
        var assigned = [Bool](repeating: false, count: n)
        var blocksOf = [[Int]](repeating: [], count: n)
        var blockCamps: [[UInt8]] = []
        var lowerBound = 0.0
        var isExact = true
        var solverFailure: String?
        for (index, block) in work.enumerated() {
            let outcome = outcomes[index] ?? CoreOutcome(camp: [], value: 0, bound: 0, isExact: false, method: .localSearch)
            let reduction = block.reduction
            blockCamps.append(reduction.expand(outcome.camp, nodeCount: block.nodes.count))
            for node in block.nodes { blocksOf[Int(node)].append(index) }
            lowerBound += outcome.bound + reduction.constant
            isExact = isExact && outcome.isExact
            solverFailure = solverFailure ?? outcome.solverFailure
            decomposition.record(outcome.method, core: reduction.core)
        }
        decomposition.coreNodes = work.reduce(0) { $0 + $1.reduction.core.nodeCount }
        decomposition.coreTies = work.reduce(0) { $0 + $1.reduction.core.u.count }
        // Bridges by node: (other end, whether negative).
        var bridgesOf = [[(Int, UInt8)]](repeating: [], count: n)
        for block in blocks where block.count == 1 {
            let tie = block[0], sign: UInt8 = negative[tie] ? 1 : 0
            bridgesOf[Int(u[tie])].append((Int(v[tie]), sign))
            bridgesOf[Int(v[tie])].append((Int(u[tie]), sign))
        }
        // Breadth first from each component's first node: a placed node places the blocks through
        // it (flipped to agree on it) and the far ends of its bridges (satisfying them).
        var processed = [Bool](repeating: false, count: work.count)
        var queue: [Int] = []
        for root in 0..<n where !assigned[root] {
            assigned[root] = true
            camp[root] = 0
            queue.removeAll(keepingCapacity: true)
            queue.append(root)
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                for block in blocksOf[node] where !processed[block] {
                    processed[block] = true
                    let nodes = work[block].nodes
                    guard let anchor = nodes.firstIndex(of: Int32(node)) else { continue }
                    let flip = blockCamps[block][anchor] ^ camp[node]
                    for (position, other) in nodes.enumerated() where !assigned[Int(other)] {
                        assigned[Int(other)] = true
                        camp[Int(other)] = blockCamps[block][position] ^ flip
                        queue.append(Int(other))
                    }
                }
                for (other, sign) in bridgesOf[node] where !assigned[other] {
                    assigned[other] = true
                    camp[other] = camp[node] ^ sign
                    queue.append(other)
                }
            }
        }
        // Each component's first node in camp 0.
        var flipOfComponent = [UInt8?](repeating: nil, count: componentCount)
        for node in 0..<n {
            let component = componentOf[node]
            if flipOfComponent[component] == nil { flipOfComponent[component] = camp[node] }
            camp[node] ^= flipOfComponent[component] ?? 0
        }
        let value = frustration(of: camp)
        let tolerance = isWeighted ? 1e-9 * max(1, value) : 0.5
        if isExact || value <= lowerBound + tolerance {
            return FrustrationSolution(camp: camp, value: value, lowerBound: value, isExact: true,
                                       decomposition: decomposition, solverFailure: nil)
        }
        return FrustrationSolution(camp: camp, value: value, lowerBound: min(lowerBound, value), isExact: false,
                                   decomposition: decomposition, solverFailure: solverFailure)
    }

    /// Solves one connected core: balanced, branch and bound, the local search meeting its bound,
    /// the exact solver, or the local search alone.
    fileprivate func solveCore(limits: BalanceLimits, solver: (any FrustrationSolver)?, deadline: ContinuousClock.Instant?,
                               random: inout SplitMix64) -> CoreOutcome {
        let k = nodeCount
        if u.isEmpty {
            return CoreOutcome(camp: [UInt8](repeating: 0, count: k), value: 0, bound: 0, isExact: true, method: .reduced)
        }
        let local = ComponentProblem(self, nodes: Array(0..<k), ties: Array(u.indices))
        if let camp = local.balancedSplit() {
            return CoreOutcome(camp: camp, value: 0, bound: 0, isExact: true, method: .balanced)
        }
        var start: [UInt8]? = nil
        var lowerBound = 0.0
        let searchLimit = solver == nil ? limits.exactNodeLimit : min(limits.exactNodeLimit, Self.searchLimitWithSolver)
        if k <= searchLimit {
            var budget = max(0, limits.searchBudget)
            let outcome = DollSearch(local).run(budget: &budget)
            let value = local.frustration(of: outcome.camp)
            if outcome.isExact {
                return CoreOutcome(camp: outcome.camp, value: value, bound: value, isExact: true, method: .branchAndBound)
            }
            start = outcome.camp
            lowerBound = outcome.lowerBound
        }
        var camp = local.localSearch(from: start, limits: limits, random: &random)
        var value = local.frustration(of: camp)
        if let start, local.frustration(of: start) < value - local.tolerance {
            camp = start
            value = local.frustration(of: start)
        }
        lowerBound = max(lowerBound, local.triangleBound(), local.cyclePackingBound())
        if value <= lowerBound + local.tolerance {
            return CoreOutcome(camp: camp, value: value, bound: value, isExact: true, method: .boundMet)
        }
        guard let solver else {
            return CoreOutcome(camp: camp, value: value, bound: min(lowerBound, value), isExact: false, method: .localSearch)
        }
        var remaining: Double?
        if let deadline {
            let left = deadline - ContinuousClock.now
            remaining = max(0.01, Double(left.components.seconds) + Double(left.components.attoseconds) * 1e-18)
        }
        let instance = FrustrationInstance(
            nodeCount: k,
            ties: u.indices.map { FrustrationInstance.SignedTie(u: Int(u[$0]), v: Int(v[$0]), isNegative: negative[$0], cost: cost[$0]) },
            start: camp, lowerBound: lowerBound, hasIntegralCosts: hasIntegralCosts, timeLimit: remaining)
        do {
            let certificate = try solver.solve(instance)
            let solved = frustration(of: certificate.camp)
            guard certificate.camp.count == k, solved <= value + local.tolerance else {
                return CoreOutcome(camp: camp, value: value, bound: max(lowerBound, min(certificate.bound, value)),
                                   isExact: false, method: .solver)
            }
            let bound = max(lowerBound, min(certificate.bound, solved))
            let exact = certificate.isOptimal || solved <= bound + local.tolerance
            return CoreOutcome(camp: certificate.camp, value: solved, bound: exact ? solved : bound, isExact: exact,
                               method: .solver)
        } catch {
            return CoreOutcome(camp: camp, value: value, bound: min(lowerBound, value), isExact: false, method: .localSearch,
                               solverFailure: "\(error)")
        }
    }
}

/// Results written by parallel workers, one slot each.
private final class ParallelResults<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value?]>

    init(count: Int) { slots = Mutex([Value?](repeating: nil, count: count)) }

    subscript(index: Int) -> Value? {
        get { slots.withLock { $0[index] } }
        set { slots.withLock { $0[index] = newValue } }
    }
}

/// One connected component, re-indexed 0..<k, with a CSR adjacency.
private struct ComponentProblem {
    let k: Int
    let offsets: [Int]
    let neighbours: [Int32]
    let negative: [UInt8]
    let cost: [Double]
    let totalCost: Double
    let isWeighted: Bool

    init(_ problem: FrustrationProblem, nodes: [Int], ties: [Int]) {
        k = nodes.count
        var position: [Int: Int32] = [:]
        position.reserveCapacity(nodes.count)
        for (index, node) in nodes.enumerated() { position[node] = Int32(index) }
        var degree = [Int](repeating: 0, count: k + 1)
        var ends: [(Int32, Int32)] = []
        ends.reserveCapacity(ties.count)
        for tie in ties {
            let a = position[Int(problem.u[tie])] ?? 0, b = position[Int(problem.v[tie])] ?? 0
            ends.append((a, b))
            degree[Int(a) + 1] += 1
            degree[Int(b) + 1] += 1
        }
        for node in 0..<k { degree[node + 1] += degree[node] }
        var fill = degree
        var neighbours = [Int32](repeating: 0, count: 2 * ties.count)
        var negative = [UInt8](repeating: 0, count: 2 * ties.count)
        var cost = [Double](repeating: 0, count: 2 * ties.count)
        var total = 0.0
        var weighted = false
        for (index, tie) in ties.enumerated() {
            let (a, b) = ends[index]
            let sign: UInt8 = problem.negative[tie] ? 1 : 0
            let w = problem.cost[tie]
            total += w
            if w != 1 { weighted = true }
            for (from, to) in [(a, b), (b, a)] {
                let slot = fill[Int(from)]
                neighbours[slot] = to
                negative[slot] = sign
                cost[slot] = w
                fill[Int(from)] += 1
            }
        }
        self.offsets = degree
        self.neighbours = neighbours
        self.negative = negative
        self.cost = cost
        self.totalCost = total
        self.isWeighted = weighted
    }

    /// Improvements smaller than this are not improvements: half a tie when every cost is 1, a
    /// relative 1e-9 of the total otherwise.
    var tolerance: Double { isWeighted ? 1e-9 * max(1, totalCost) : 0.5 }

    /// The frustration of a split of the component.
    func frustration(of camp: [UInt8]) -> Double {
        var total = 0.0
        for node in 0..<k {
            for slot in offsets[node]..<offsets[node + 1] where Int(neighbours[slot]) > node {
                if camp[node] ^ camp[Int(neighbours[slot])] ^ negative[slot] == 1 { total += cost[slot] }
            }
        }
        return total
    }

    /// The camps of a balanced component (every cycle has an even number of negative ties), or nil.
    func balancedSplit() -> [UInt8]? {
        var camp = [UInt8](repeating: 2, count: k)
        camp[0] = 0
        var queue = [0]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for slot in offsets[node]..<offsets[node + 1] {
                let other = Int(neighbours[slot])
                let wanted = camp[node] ^ negative[slot]
                if camp[other] == 2 {
                    camp[other] = wanted
                    queue.append(other)
                } else if camp[other] != wanted {
                    return nil
                }
            }
        }
        return camp
    }

    /// A lower bound from a packing of unbalanced cycles (an odd number of negative ties): every
    /// split frustrates at least one tie of each, so when each tie's cost is shared out among the
    /// cycles through it, the cycles' shares add up to a bound. Greedy: for every tie in turn (the
    /// negative ties first), the shortest unbalanced closed walk through it over ties with cost left
    /// (a breadth-first search over node × parity), charged the least cost left on it, repeated
    /// while one exists. A closed walk of odd sign holds an unbalanced cycle within its ties, so
    /// the charge is safe.
    ///
    /// - Complexity: O(E · (V + E)) per round of walks.
    func cyclePackingBound() -> Double {
        // Residual cost per tie, the tie of every slot, and the slots of each tie.
        var tieOfSlot = [Int](repeating: -1, count: neighbours.count)
        var residual: [Double] = []
        var ends: [(Int, Int, Int)] = []  // (a, b, slot in a's row)
        for a in 0..<k {
            for slot in offsets[a]..<offsets[a + 1] where Int(neighbours[slot]) > a {
                tieOfSlot[slot] = residual.count
                residual.append(cost[slot])
                ends.append((a, Int(neighbours[slot]), slot))
            }
        }
        for a in 0..<k {
            for slot in offsets[a]..<offsets[a + 1] where Int(neighbours[slot]) < a {
                let b = Int(neighbours[slot])
                // The same tie seen from its lower end: find its index there.
                var other = offsets[b]
                while other < offsets[b + 1] && Int(neighbours[other]) != a { other += 1 }
                if other < offsets[b + 1] { tieOfSlot[slot] = tieOfSlot[other] }
            }
        }
        let eps = tolerance
        var total = 0.0
        // State: node * 2 + parity of negatives walked. Parent slot per state for the way back.
        var parent = [Int](repeating: -1, count: 2 * k)
        var seen = [Int](repeating: -1, count: 2 * k)
        var queue = [Int](repeating: 0, count: 2 * k)
        let orderOfTies = residual.indices.sorted { (negative[ends[$0].2] == 1 ? 0 : 1, $0) < (negative[ends[$1].2] == 1 ? 0 : 1, $1) }
        var stamp = 0
        for tie in orderOfTies {
            let (a, b, tieSlot) = ends[tie]
            // A walk from a to b of parity p closes an odd cycle with the tie when p != sign of tie.
            let wanted = Int(negative[tieSlot] ^ 1)
            while residual[tie] > eps {
                stamp += 1
                var head = 0, tail = 0
                let startState = 2 * a
                seen[startState] = stamp
                parent[startState] = -1
                queue[tail] = startState
                tail += 1
                var found = -1
                search: while head < tail {
                    let state = queue[head]
                    head += 1
                    let node = state >> 1, parity = state & 1
                    for slot in offsets[node]..<offsets[node + 1] {
                        let t = tieOfSlot[slot]
                        guard t != tie, residual[t] > eps else { continue }
                        let next = Int(neighbours[slot]) * 2 + (parity ^ Int(negative[slot]))
                        if seen[next] == stamp { continue }
                        seen[next] = stamp
                        parent[next] = slot
                        queue[tail] = next
                        tail += 1
                        if next == 2 * b + wanted {
                            found = next
                            break search
                        }
                    }
                }
                guard found >= 0 else { break }
                // The walk's ties (a tie may appear twice: charge it once per appearance).
                var walk: [Int] = [tie]
                var state = found
                while let slot = Optional(parent[state]), slot >= 0 {
                    walk.append(tieOfSlot[slot])
                    // Step back: the slot lies in the row of the previous node.
                    var from = 0
                    while !(offsets[from] <= slot && slot < offsets[from + 1]) { from += 1 }
                    state = from * 2 + ((state & 1) ^ Int(negative[slot]))
                }
                var counts: [Int: Int] = [:]
                for t in walk { counts[t, default: 0] += 1 }
                var delta = Double.infinity
                for (t, count) in counts { delta = min(delta, residual[t] / Double(count)) }
                for (t, count) in counts { residual[t] -= delta * Double(count) }
                total += delta
            }
        }
        return total
    }

    /// A lower bound from edge-disjoint unbalanced triangles, packed greedily in node order: each
    /// needs at least one frustrated tie, so the sum of their cheapest ties is a bound.
    func triangleBound() -> Double {
        // A tie is named by its slot in the row of its lower end.
        var used = [Bool](repeating: false, count: neighbours.count)
        var mark = [Int](repeating: -1, count: k)
        var total = 0.0
        for a in 0..<k {
            for slot in offsets[a]..<offsets[a + 1] { mark[Int(neighbours[slot])] = slot }
            for ab in offsets[a]..<offsets[a + 1] where Int(neighbours[ab]) > a && !used[ab] {
                let b = Int(neighbours[ab])
                for bc in offsets[b]..<offsets[b + 1] {
                    let c = Int(neighbours[bc])
                    let ac = mark[c]
                    guard c > b, ac >= 0, !used[bc], !used[ac],
                          negative[ab] ^ negative[bc] ^ negative[ac] == 1 else { continue }
                    used[ab] = true
                    used[bc] = true
                    used[ac] = true
                    total += min(cost[ab], cost[bc], cost[ac])
                    break
                }
            }
            for slot in offsets[a]..<offsets[a + 1] { mark[Int(neighbours[slot])] = -1 }
        }
        return total
    }

    /// Multi-start iterated local search: single-node flips while one lowers the frustration, from
    /// `restarts` seeded random splits (the first start is `start` when given), each followed by
    /// `rounds` perturbations of a few random nodes; a perturbed split is kept when it is no worse.
    func localSearch(from start: [UInt8]?, limits: BalanceLimits, random: inout SplitMix64) -> [UInt8] {
        var best: [UInt8] = start ?? [UInt8](repeating: 0, count: k)
        var bestValue = frustration(of: best)
        let eps = tolerance
        var gain = [Double](repeating: 0, count: k)
        var queued = [Bool](repeating: false, count: k)
        var queue: [Int] = []
        var flipped: [Int] = []
        var camp = best
        var value = bestValue

        // Flipping a node lowers the frustration by its gain and changes the sign of each of its
        // ties' contribution to the neighbours' gains.
        func flip(_ node: Int) {
            value -= gain[node]
            camp[node] ^= 1
            gain[node] = -gain[node]
            flipped.append(node)
            for slot in offsets[node]..<offsets[node + 1] {
                let other = Int(neighbours[slot])
                let frustrated = camp[node] ^ camp[other] ^ negative[slot] == 1
                gain[other] += frustrated ? 2 * cost[slot] : -2 * cost[slot]
                if !queued[other] && gain[other] > eps {
                    queued[other] = true
                    queue.append(other)
                }
            }
        }
        func descend() {
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                queued[node] = false
                if gain[node] > eps { flip(node) }
            }
            queue.removeAll(keepingCapacity: true)
        }

        let kicks = max(2, min(8, k / 16))
        for restart in 0..<max(1, limits.restarts) {
            if restart == 0, let start {
                camp = start
            } else {
                camp = (0..<k).map { _ in UInt8(truncatingIfNeeded: random.next() & 1) }
            }
            value = frustration(of: camp)
            for node in 0..<k {
                var g = 0.0
                for slot in offsets[node]..<offsets[node + 1] {
                    let frustrated = camp[node] ^ camp[Int(neighbours[slot])] ^ negative[slot] == 1
                    g += frustrated ? cost[slot] : -cost[slot]
                }
                gain[node] = g
                if g > eps {
                    queued[node] = true
                    queue.append(node)
                }
            }
            descend()
            if value < bestValue - eps {
                best = camp
                bestValue = value
            }
            for _ in 0..<max(0, limits.rounds) {
                let before = value
                flipped.removeAll(keepingCapacity: true)
                for _ in 0..<kicks { flip(Int(random.next() % UInt64(k))) }
                descend()
                if value <= before + eps {
                    if value < bestValue - eps {
                        best = camp
                        bestValue = value
                    }
                    continue
                }
                // Worse: undo the round's flips, last first.
                let undo = flipped
                for node in undo.reversed() {
                    camp[node] ^= 1
                    gain[node] = -gain[node]
                    for slot in offsets[node]..<offsets[node + 1] {
                        let other = Int(neighbours[slot])
                        let frustrated = camp[node] ^ camp[other] ^ negative[slot] == 1
                        gain[other] += frustrated ? 2 * cost[slot] : -2 * cost[slot]
                    }
                }
                value = before
            }
        }
        return best
    }
}

/// Exact minimum frustration of a connected component by branch and bound with Russian-doll bounds
/// (Verfaillie, Lemaître & Schiex 1996).
///
/// Nodes are placed in a fixed order (most strongly tied to the nodes already placed first). The
/// search solves the suffixes of that order from the shortest: the optimum of the nodes from position
/// `i` on, `doll[i]`, bounds every later search, because frustration never grows when nodes are
/// removed. With positions `..<d` placed, a branch costs at least the ties frustrated so far, plus, for
/// every unplaced node, the cheaper of its two camps counting only its ties to placed nodes, plus
/// `doll[d]` for the ties among unplaced nodes. Each suffix starts from the previous optimum extended
/// by its new node, and its search stops as soon as it meets its root bound.
private final class DollSearch {
    let k: Int
    let order: [Int]
    /// Forward ties by position: `start[p]..<start[p + 1]` lead from position p to later positions.
    let start: UnsafeMutableBufferPointer<Int>
    let target: UnsafeMutableBufferPointer<Int32>
    let negative: UnsafeMutableBufferPointer<UInt8>
    let cost: UnsafeMutableBufferPointer<Double>
    /// `doll[p]`: the optimum of the nodes at positions `p...`; `doll[k]` = 0.
    let doll: UnsafeMutableBufferPointer<Double>
    /// Per position, what camp 0 and camp 1 would cost given the placed positions.
    let cost0: UnsafeMutableBufferPointer<Double>
    let cost1: UnsafeMutableBufferPointer<Double>
    let camp: UnsafeMutableBufferPointer<UInt8>
    let bestCamp: UnsafeMutableBufferPointer<UInt8>
    /// Saved (cost0, cost1) of the positions a placement changed, to undo it exactly.
    let trail: UnsafeMutableBufferPointer<Double>
    var trailTop = 0
    var best = 0.0
    var target0 = 0.0
    /// The first position of the suffix being solved.
    var suffixStart = 0
    var remaining = 0
    var aborted = false
    var done = false
    let eps: Double

    init(_ component: ComponentProblem) {
        k = component.k
        eps = component.tolerance
        order = Self.placementOrder(component)
        var position = [Int](repeating: 0, count: k)
        for (index, node) in order.enumerated() { position[node] = index }
        var forward = [Int](repeating: 0, count: k + 1)
        for node in 0..<k {
            for slot in component.offsets[node]..<component.offsets[node + 1]
            where position[Int(component.neighbours[slot])] > position[node] {
                forward[position[node] + 1] += 1
            }
        }
        for p in 0..<k { forward[p + 1] += forward[p] }
        let arcs = forward[k]
        start = .allocate(capacity: k + 1)
        _ = start.initialize(from: forward)
        target = .allocate(capacity: max(1, arcs))
        negative = .allocate(capacity: max(1, arcs))
        cost = .allocate(capacity: max(1, arcs))
        var fill = forward
        for p in 0..<k {
            let node = order[p]
            var row: [(Int32, UInt8, Double)] = []
            for slot in component.offsets[node]..<component.offsets[node + 1] {
                let q = position[Int(component.neighbours[slot])]
                if q > p { row.append((Int32(q), component.negative[slot], component.cost[slot])) }
            }
            row.sort { $0.0 < $1.0 }
            for (q, sign, w) in row {
                target[fill[p]] = q
                negative[fill[p]] = sign
                cost[fill[p]] = w
                fill[p] += 1
            }
        }
        doll = .allocate(capacity: k + 1)
        doll.initialize(repeating: 0)
        cost0 = .allocate(capacity: k)
        cost0.initialize(repeating: 0)
        cost1 = .allocate(capacity: k)
        cost1.initialize(repeating: 0)
        camp = .allocate(capacity: k)
        camp.initialize(repeating: 0)
        bestCamp = .allocate(capacity: k)
        bestCamp.initialize(repeating: 0)
        trail = .allocate(capacity: max(1, 2 * arcs))
        trail.initialize(repeating: 0)
    }

    deinit {
        start.deallocate()
        target.deallocate()
        negative.deallocate()
        cost.deallocate()
        doll.deallocate()
        cost0.deallocate()
        cost1.deallocate()
        camp.deallocate()
        bestCamp.deallocate()
        trail.deallocate()
    }

    /// Most strongly tied first: the node of largest total cost, then repeatedly the unplaced node
    /// with the largest total cost of ties to placed nodes (ties: larger total cost, lower index).
    static func placementOrder(_ component: ComponentProblem) -> [Int] {
        let k = component.k
        var strength = [Double](repeating: 0, count: k)
        for node in 0..<k {
            for slot in component.offsets[node]..<component.offsets[node + 1] { strength[node] += component.cost[slot] }
        }
        var attached = [Double](repeating: 0, count: k)
        var placed = [Bool](repeating: false, count: k)
        var order: [Int] = []
        order.reserveCapacity(k)
        for _ in 0..<k {
            var pick = -1
            for node in 0..<k where !placed[node] {
                if pick < 0 || (attached[node], strength[node]) > (attached[pick], strength[pick]) { pick = node }
            }
            placed[pick] = true
            order.append(pick)
            for slot in component.offsets[pick]..<component.offsets[pick + 1] {
                attached[Int(component.neighbours[slot])] += component.cost[slot]
            }
        }
        return order
    }

    /// The outcome of a run: camps by component node, and whether they are proven optimal.
    struct Outcome {
        var camp: [UInt8]
        var isExact: Bool
        var lowerBound: Double
    }

    func run(budget: inout Int) -> Outcome {
        remaining = budget
        defer { budget = max(0, remaining) }
        var first = k - 1
        bestCamp[k - 1] = 0
        doll[k - 1] = 0
        while first > 0 {
            let i = first - 1
            // The incumbent: the previous optimum with position i on its cheaper side.
            var side0 = 0.0, side1 = 0.0
            for arc in start[i]..<start[i + 1] {
                let other = bestCamp[Int(target[arc])]
                if other ^ negative[arc] == 1 { side0 += cost[arc] } else { side1 += cost[arc] }
            }
            bestCamp[i] = side1 < side0 ? 1 : 0
            if bestCamp[i] == 1 {
                for p in i..<k { bestCamp[p] ^= 1 }
            }
            best = doll[i + 1] + min(side0, side1)
            // The root: position i in camp 0.
            for p in i..<k {
                cost0[p] = 0
                cost1[p] = 0
            }
            camp[i] = 0
            suffixStart = i
            var sumMin = 0.0
            for arc in start[i]..<start[i + 1] {
                let q = Int(target[arc])
                if negative[arc] == 1 { cost0[q] += cost[arc] } else { cost1[q] += cost[arc] }
            }
            for p in (i + 1)..<k { sumMin += min(cost0[p], cost1[p]) }
            target0 = sumMin + doll[i + 1]
            done = best <= target0 + eps
            trailTop = 0
            if !done { descend(i + 1, 0, sumMin) }
            if aborted {
                return Outcome(camp: completed(from: i), isExact: false, lowerBound: doll[i + 1])
            }
            doll[i] = best
            first = i
        }
        var result = [UInt8](repeating: 0, count: k)
        for p in 0..<k { result[order[p]] = bestCamp[p] }
        return Outcome(camp: result, isExact: true, lowerBound: doll[0])
    }

    /// Places positions `d`, `d + 1`, … given positions before `d` (from the current suffix start).
    /// `sumMin` is the sum over positions `d...` of the cheaper of their two camps.
    private func descend(_ d: Int, _ costSoFar: Double, _ sumMin: Double) {
        let a = cost0[d], b = cost1[d]
        let rest = sumMin - min(a, b)
        let first: UInt8 = b < a ? 1 : 0
        for attempt: UInt8 in 0...1 {
            let side = first ^ attempt
            if done || aborted { return }
            let placed = costSoFar + (side == 0 ? a : b)
            // Placing d only raises the cheaper camps of later positions, so this bound holds for
            // both of d's camps; the second camp costs at least the first.
            if placed + rest + doll[d + 1] >= best - eps { return }
            remaining -= 1
            if remaining < 0 {
                aborted = true
                return
            }
            camp[d] = side
            if d == k - 1 {
                best = placed
                for p in suffixStart..<k { bestCamp[p] = camp[p] }
                if best <= target0 + eps { done = true }
                continue
            }
            let mark = trailTop
            var newRest = rest
            for arc in start[d]..<start[d + 1] {
                let q = Int(target[arc])
                trail[trailTop] = cost0[q]
                trail[trailTop + 1] = cost1[q]
                trailTop += 2
                let before = min(cost0[q], cost1[q])
                // q frustrates this tie in camp side ^ negative ^ 1.
                if side ^ negative[arc] == 1 { cost0[q] += cost[arc] } else { cost1[q] += cost[arc] }
                newRest += min(cost0[q], cost1[q]) - before
            }
            if placed + newRest + doll[d + 1] < best - eps {
                descend(d + 1, placed, newRest)
            }
            var slot = trailTop
            for arc in (start[d]..<start[d + 1]).reversed() {
                let q = Int(target[arc])
                slot -= 2
                cost0[q] = trail[slot]
                cost1[q] = trail[slot + 1]
            }
            trailTop = mark
        }
    }

    /// A full split after an aborted search at suffix `i`: the incumbent of that suffix, then the
    /// earlier positions, last to first, each on its cheaper side.
    private func completed(from i: Int) -> [UInt8] {
        var positions = [UInt8](repeating: 0, count: k)
        for p in i..<k { positions[p] = bestCamp[p] }
        var p = i - 1
        while p >= 0 {
            var side0 = 0.0, side1 = 0.0
            for arc in start[p]..<start[p + 1] {
                if positions[Int(target[arc])] ^ negative[arc] == 1 { side0 += cost[arc] } else { side1 += cost[arc] }
            }
            positions[p] = side1 < side0 ? 1 : 0
            p -= 1
        }
        var result = [UInt8](repeating: 0, count: k)
        for p in 0..<k { result[order[p]] = positions[p] }
        return result
    }
}
