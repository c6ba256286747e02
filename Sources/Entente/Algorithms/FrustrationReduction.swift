/// The safe reductions that leave only the hard core of a frustration problem to search.
///
/// 1. **Blocks.** The frustration of a graph is the sum of its biconnected components' (blocks'):
///    two blocks share at most one node, so each block's optimal split can be flipped to agree on
///    it, down the block–cut tree. A bridge is a block of one tie and is never frustrated; so is a
///    node of degree one, through its bridge.
/// 2. **Series and parallel ties** inside a block. A node v of degree two, tied to a and b, is
///    removed and its two ties replaced by one a–b tie of the product sign and the cheaper cost:
///    given the camps of a and b, v satisfies both ties when their signs agree with a–b's and
///    exactly one of them (the cheaper) otherwise. Two ties of one pair with the same sign add their
///    costs; with opposite signs exactly one is frustrated in every split, so the cheaper cost is a
///    constant and the rest a tie of the costlier sign (none when they are equal). Nodes left with
///    one tie or none are removed as in 1.
///
/// Each removal is undone in reverse order once the core is solved: the removed node takes the
/// camp that frustrates least given its neighbours'.
struct BlockReduction {
    /// One removed node, to be placed again after the core is solved.
    enum Step {
        /// A node with one tie: it satisfies it.
        case pendant(node: Int32, neighbour: Int32, negative: Bool)
        /// A node with two ties: it takes the camp that frustrates the least.
        case series(node: Int32, a: Int32, negativeA: Bool, costA: Double, b: Int32, negativeB: Bool, costB: Double)
        /// A node with no tie left: camp 0.
        case isolated(node: Int32)
    }

    /// The core: its nodes (block-local indices) and ties as a frustration problem over `0..<core.nodeCount`.
    var core: FrustrationProblem
    /// The block-local index of each core node.
    var coreNodes: [Int32]
    /// Frustration every split of the block has on top of the core's (from opposite parallel ties).
    var constant = 0.0
    /// The removals, in the order they were made.
    var steps: [Step] = []

    /// Reduces a block given as ties over `0..<nodeCount` (no pair twice).
    ///
    /// - Complexity: O((V + E) log d) with dictionaries of neighbours.
    init(nodeCount: Int, u: [Int32], v: [Int32], negative: [Bool], cost: [Double], isWeighted: Bool) {
        // A tie's signed cost: negative when adversarial. Neighbours by node.
        var adjacent = [[Int32: Double]](repeating: [:], count: nodeCount)
        for index in u.indices {
            let signed = negative[index] ? -cost[index] : cost[index]
            adjacent[Int(u[index])][v[index]] = signed
            adjacent[Int(v[index])][u[index]] = signed
        }
        var removed = [Bool](repeating: false, count: nodeCount)
        var queue: [Int32] = (0..<Int32(nodeCount)).filter { adjacent[Int($0)].count <= 2 }
        var queued = [Bool](repeating: false, count: nodeCount)
        for node in queue { queued[Int(node)] = true }
        var remaining = nodeCount
        let tolerance = isWeighted ? 1e-12 : 0
        func enqueue(_ node: Int32) {
            if !removed[Int(node)] && !queued[Int(node)] && adjacent[Int(node)].count <= 2 {
                queued[Int(node)] = true
                queue.append(node)
            }
        }
        var head = 0
        // Keep at least one node: a core of one node is the trivial one.
        while head < queue.count && remaining > 1 {
            let node = queue[head]
            head += 1
            queued[Int(node)] = false
            let ties = adjacent[Int(node)].sorted { $0.key < $1.key }
            guard !removed[Int(node)], ties.count <= 2 else { continue }
            removed[Int(node)] = true
            remaining -= 1
            for (other, _) in ties { adjacent[Int(other)][node] = nil }
            adjacent[Int(node)] = [:]
            switch ties.count {
            case 0:
                steps.append(.isolated(node: node))
            case 1:
                steps.append(.pendant(node: node, neighbour: ties[0].key, negative: ties[0].value < 0))
                enqueue(ties[0].key)
            default:
                let (a, wa) = ties[0], (b, wb) = ties[1]
                steps.append(.series(node: node, a: a, negativeA: wa < 0, costA: abs(wa), b: b, negativeB: wb < 0, costB: abs(wb)))
                let sign: Double = (wa < 0) == (wb < 0) ? 1 : -1
                var signed = sign * min(abs(wa), abs(wb))
                if let existing = adjacent[Int(a)][b] {
                    if (existing < 0) == (signed < 0) {
                        signed += existing
                    } else {
                        constant += min(abs(existing), abs(signed))
                        signed += existing
                        if abs(signed) <= tolerance * max(abs(existing), 1) { signed = 0 }
                    }
                }
                if signed == 0 {
                    adjacent[Int(a)][b] = nil
                    adjacent[Int(b)][a] = nil
                } else {
                    adjacent[Int(a)][b] = signed
                    adjacent[Int(b)][a] = signed
                }
                enqueue(a)
                enqueue(b)
            }
        }
        var position = [Int32](repeating: -1, count: nodeCount)
        var nodes: [Int32] = []
        for node in 0..<nodeCount where !removed[node] {
            position[node] = Int32(nodes.count)
            nodes.append(Int32(node))
        }
        var cu: [Int32] = [], cv: [Int32] = [], cn: [Bool] = [], cc: [Double] = []
        for node in nodes {
            for (other, signed) in adjacent[Int(node)].sorted(by: { $0.key < $1.key }) where other > node {
                cu.append(position[Int(node)])
                cv.append(position[Int(other)])
                cn.append(signed < 0)
                cc.append(abs(signed))
            }
        }
        coreNodes = nodes
        core = FrustrationProblem(nodeCount: nodes.count, u: cu, v: cv, negative: cn, cost: cc)
    }

    /// The camps of the whole block from the camps of the core, placing the removed nodes again.
    func expand(_ coreCamp: [UInt8], nodeCount: Int) -> [UInt8] {
        var camp = [UInt8](repeating: 0, count: nodeCount)
        for (position, node) in coreNodes.enumerated() { camp[Int(node)] = coreCamp[position] }
        for step in steps.reversed() {
            switch step {
            case .isolated(let node):
                camp[Int(node)] = 0
            case .pendant(let node, let neighbour, let negative):
                camp[Int(node)] = camp[Int(neighbour)] ^ (negative ? 1 : 0)
            case .series(let node, let a, let negativeA, let costA, let b, let negativeB, let costB):
                // Camp side c frustrates the tie to a when c != camp(a) ^ negativeA.
                let wantA = camp[Int(a)] ^ (negativeA ? 1 : 0), wantB = camp[Int(b)] ^ (negativeB ? 1 : 0)
                if wantA == wantB {
                    camp[Int(node)] = wantA
                } else {
                    camp[Int(node)] = costA >= costB ? wantA : wantB
                }
            }
        }
        return camp
    }
}

/// The blocks (biconnected components) of a graph given by its ties, each as a list of tie indices,
/// by Hopcroft and Tarjan's depth-first search (iterative). Ties that are bridges make blocks of one.
///
/// - Complexity: O(V + E).
func biconnectedBlocks(nodeCount n: Int, u: [Int32], v: [Int32]) -> [[Int]] {
    var offsets = [Int](repeating: 0, count: n + 1)
    for index in u.indices {
        offsets[Int(u[index]) + 1] += 1
        offsets[Int(v[index]) + 1] += 1
    }
    for node in 0..<n { offsets[node + 1] += offsets[node] }
    var fill = offsets
    var neighbour = [Int32](repeating: 0, count: 2 * u.count)
    var tieOf = [Int](repeating: 0, count: 2 * u.count)
    for index in u.indices {
        let a = Int(u[index]), b = Int(v[index])
        neighbour[fill[a]] = Int32(b)
        tieOf[fill[a]] = index
        fill[a] += 1
        neighbour[fill[b]] = Int32(a)
        tieOf[fill[b]] = index
        fill[b] += 1
    }
    var discovered = [Int](repeating: -1, count: n)
    var low = [Int](repeating: 0, count: n)
    var clock = 0
    var tieStack: [Int] = []
    var blocks: [[Int]] = []
    // Frames: (node, the tie it was reached by, next slot to look at).
    var frames: [(node: Int, parentTie: Int, next: Int)] = []
    for root in 0..<n where discovered[root] < 0 && offsets[root + 1] > offsets[root] {
        discovered[root] = clock
        low[root] = clock
        clock += 1
        frames.append((root, -1, offsets[root]))
        while let top = frames.last {
            let node = top.node
            if top.next < offsets[node + 1] {
                let slot = top.next
                frames[frames.count - 1].next += 1
                let other = Int(neighbour[slot]), tie = tieOf[slot]
                if tie == top.parentTie { continue }
                if discovered[other] < 0 {
                    tieStack.append(tie)
                    discovered[other] = clock
                    low[other] = clock
                    clock += 1
                    frames.append((other, tie, offsets[other]))
                } else if discovered[other] < discovered[node] {
                    tieStack.append(tie)
                    low[node] = min(low[node], discovered[other])
                }
            } else {
                frames.removeLast()
                guard let parent = frames.last?.node else { continue }
                low[parent] = min(low[parent], low[node])
                if low[node] >= discovered[parent] {
                    var block: [Int] = []
                    while let tie = tieStack.popLast() {
                        block.append(tie)
                        if tie == top.parentTie { break }
                    }
                    blocks.append(block.sorted())
                }
            }
        }
    }
    return blocks
}
