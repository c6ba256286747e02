/// The rows of a dyad-year panel as ``CSVEdgeList`` reads them, collapsed into ties with `since`
/// and `until` once the whole file is read.
struct PanelRows {
    /// One row: which tie it belongs to, its year and weight, and where it was read.
    private struct Row {
        var key: Int32
        var year: Int32
        var weight: Double
        var line: Int32
        var forward: Bool
    }

    /// What makes rows one tie: the pair (in an undirected graph, the lower node index first),
    /// the type and the polarity.
    private struct Key: Hashable {
        var first: Int32
        var second: Int32
        var type: Int32
        var adversarial: Bool
    }

    private var rows: [Row] = []
    private var keys: [Key: Int32] = [:]
    /// The first row of each tie, as an edge with its ends: the type, polarity, note and attributes
    /// every tie of the key takes.
    private var prototypes: [(edge: Edge, source: Int, target: Int)] = []
    private var typeIndex: [RelationType: Int32] = [:]

    mutating func append(_ edge: Edge, source: Int, target: Int, year: Int, line: Int) {
        let type: Int32
        if let known = typeIndex[edge.type] {
            type = known
        } else {
            type = Int32(typeIndex.count)
            typeIndex[edge.type] = type
        }
        let key = Key(first: Int32(source), second: Int32(target), type: type, adversarial: edge.polarity == .adversarial)
        rows.append(Row(key: keyIndex(key, edge, source, target), year: Int32(clamping: year), weight: edge.weight,
                        line: Int32(clamping: line), forward: true))
    }

    private mutating func keyIndex(_ key: Key, _ edge: Edge, _ source: Int, _ target: Int) -> Int32 {
        if let index = keys[key] { return index }
        let index = Int32(prototypes.count)
        keys[key] = index
        prototypes.append((edge, source, target))
        return index
    }

    /// Adds the ties the rows make to `graph`.
    ///
    /// - Throws: ``GraphError`` at a row whose weight differs from another row of the same
    ///   dyad-year (the other direction) when `combine` is nil.
    mutating func collapse(into graph: inout RelationGraph, file: String, combine: PanelCombine?) throws(GraphError) {
        if !graph.isDirected {
            // One key for both directions: the lower node index first.
            var merged: [Key: Int32] = [:]
            var remap = [Int32](repeating: 0, count: prototypes.count)
            var reversed = [Bool](repeating: false, count: prototypes.count)
            var mergedPrototypes: [(edge: Edge, source: Int, target: Int)] = []
            for (key, index) in keys.sorted(by: { $0.value < $1.value }) {
                var canonical = key
                if key.first > key.second {
                    canonical.first = key.second
                    canonical.second = key.first
                    reversed[Int(index)] = true
                }
                if let existing = merged[canonical] {
                    remap[Int(index)] = existing
                } else {
                    let next = Int32(mergedPrototypes.count)
                    merged[canonical] = next
                    remap[Int(index)] = next
                    mergedPrototypes.append(prototypes[Int(index)])
                }
            }
            for position in rows.indices {
                let old = Int(rows[position].key)
                rows[position].forward = !reversed[old]
                rows[position].key = remap[old]
            }
            prototypes = mergedPrototypes
        }
        rows.sort { ($0.key, $0.year, $0.line) < ($1.key, $1.year, $1.line) }
        var position = 0
        var open: (key: Int32, since: Int32, until: Int32, weight: Double, line: Int32)?
        func close(_ tie: (key: Int32, since: Int32, until: Int32, weight: Double, line: Int32)) throws(GraphError) {
            let prototype = prototypes[Int(tie.key)]
            var edge = prototype.edge
            edge.weight = tie.weight
            edge.since = Int(tie.since)
            edge.until = Int(tie.until)
            try graph.addEdge(edge, source: prototype.source, target: prototype.target, at: SourceLocation(file: file, line: Int(tie.line)))
        }
        while position < rows.count {
            // One dyad-year: every row of the same key and year.
            let first = rows[position]
            var end = position + 1
            while end < rows.count && rows[end].key == first.key && rows[end].year == first.year { end += 1 }
            var weight = first.weight
            if end - position > 1 {
                graph.mergedPanelRows += end - position - 1
                if let combine {
                    var values = rows[position..<end].map(\.weight)
                    if combine == .mean {
                        weight = values.reduce(0, +) / Double(values.count)
                    } else {
                        weight = values.removeFirst()
                        for value in values { weight = combine.combine(weight, value) }
                    }
                } else if let other = rows[(position + 1)..<end].first(where: { $0.weight != first.weight }) {
                    let prototype = prototypes[Int(first.key)]
                    let a = graph.nodes[prototype.source].id, b = graph.nodes[prototype.target].id
                    let (from, to) = other.forward == first.forward ? (a, b) : (b, a)
                    throw .panelWeightsDiffer(SourceLocation(file: file, line: Int(other.line)),
                                              detail: "panel row \(from)–\(to) \(prototype.edge.type.name) in \(first.year) has weight "
                                                  + "\(TextFormat.number(other.weight)), but line \(first.line) gives the pair weight "
                                                  + "\(TextFormat.number(first.weight)) that year")
                }
            }
            if let current = open, current.key == first.key, current.until + 1 == first.year, current.weight == weight {
                open?.until = first.year
            } else {
                if let current = open { try close(current) }
                open = (first.key, first.year, first.year, weight, first.line)
            }
            position = end
        }
        if let current = open { try close(current) }
    }
}
