/// Connected components of a view: weakly connected for a directed graph (edge direction ignored),
/// as networkx `number_connected_components` / `number_weakly_connected_components` count them.
///
/// - Returns: for every local node index, the number of its component; components are numbered
///   from 0 in order of their smallest node.
/// - Complexity: O(V + E α(V)).
package func connectedComponents(of view: GraphView) -> (count: Int, component: [Int]) {
    var parent = Array(0..<view.nodeCount)
    func root(_ node: Int) -> Int {
        var node = node
        while parent[node] != node {
            parent[node] = parent[parent[node]]
            node = parent[node]
        }
        return node
    }
    for edge in view.edges {
        guard let source = view.localIndex(ofNode: edge.sourceIndex), let target = view.localIndex(ofNode: edge.targetIndex) else {
            continue
        }
        let a = root(source), b = root(target)
        if a != b { parent[max(a, b)] = min(a, b) }
    }
    var numberOfRoot = [Int](repeating: -1, count: view.nodeCount)
    var component = [Int](repeating: 0, count: view.nodeCount)
    var count = 0
    for node in 0..<view.nodeCount {
        let top = root(node)
        if numberOfRoot[top] < 0 {
            numberOfRoot[top] = count
            count += 1
        }
        component[node] = numberOfRoot[top]
    }
    return (count, component)
}
