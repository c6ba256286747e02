/// Connected components of a view: weakly connected for a directed graph (edge direction ignored),
/// as networkx `number_connected_components` / `number_weakly_connected_components` count them.
///
/// - Returns: for every local node index, the number of its component; components are numbered
///   from 0 in order of their smallest node.
/// - Complexity: O(V + E α(V)).
package func connectedComponents(of view: GraphView) -> (count: Int, component: [Int]) {
    componentNumbers(nodeCount: view.nodeCount, pairs: view.edges.lazy.compactMap { edge in
        view.localIndex(ofNode: edge.sourceIndex).flatMap { source in view.localIndex(ofNode: edge.targetIndex).map { (source, $0) } }
    })
}

/// The connected components of nodes `0..<nodeCount` joined by `pairs` (union-find, the one of the
/// package): for every node, the number of its component, numbered from 0 in order of their
/// smallest node.
///
/// - Complexity: O(V + E α(V)).
package func componentNumbers<Pairs: Sequence>(nodeCount: Int, pairs: Pairs) -> (count: Int, component: [Int])
    where Pairs.Element == (Int, Int) {
    var parent = Array(0..<nodeCount)
    func root(_ node: Int) -> Int {
        var node = node
        while parent[node] != node {
            parent[node] = parent[parent[node]]
            node = parent[node]
        }
        return node
    }
    for (a, b) in pairs {
        let ra = root(a), rb = root(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
    var numberOfRoot = [Int](repeating: -1, count: nodeCount)
    var component = [Int](repeating: 0, count: nodeCount)
    var count = 0
    for node in 0..<nodeCount {
        let top = root(node)
        if numberOfRoot[top] < 0 {
            numberOfRoot[top] = count
            count += 1
        }
        component[node] = numberOfRoot[top]
    }
    return (count, component)
}
