/// A disagreement between the two graphs of a merge, which the merge settled in the overlay's favour.
public struct MergeConflict: Hashable, Sendable, Encodable, CustomStringConvertible {
    /// What disagrees.
    public enum Kind: String, Hashable, Sendable, Encodable {
        /// A tie is cooperative in one graph and adversarial in the other.
        case polarity
        /// A node has another label or kind in the overlay (the base's is kept).
        case node
        /// Both graphs cite a source under one id for different documents (the overlay's is renamed).
        case source
    }

    /// What disagrees.
    public let kind: Kind
    /// What it is about: `PAK–IRN security`, a node id or a source id.
    public let subject: String
    /// What each graph says and what the merge kept.
    public let detail: String

    /// `PAK–IRN security: adversarial (weight 2) in today.json, cooperative (weight 3) in agenda.json; …`.
    public var description: String { "\(subject): \(detail)" }
}

/// The result of ``RelationGraph/merging(_:)``: the scenario graph and the conflicts the merge settled.
public struct MergeResult: Sendable {
    /// The merged graph.
    public let graph: RelationGraph
    /// The disagreements between the two graphs: sources, then nodes, then ties in the merged
    /// graph's order. Each polarity conflict is also told in the note of the merged edge.
    public let conflicts: [MergeConflict]
    /// How many of the overlay's edges took the place of the base's (a pair and type both graphs have).
    public let replacedTies: Int
    /// How many of the overlay's edges were added (a pair and type the base lacks).
    public let addedTies: Int
}

extension RelationGraph {
    /// A scenario: this graph with `overlay` laid over it. The overlay's ties replace this graph's
    /// for the same pair of nodes and type; its other ties, nodes, types, kinds and sources are added.
    ///
    /// ```swift
    /// let scenario = try today.merging(agenda)
    /// for conflict in scenario.conflicts { print(conflict) }
    /// try scenario.graph.write(to: "scenario.json")
    /// ```
    ///
    /// - A replaced tie takes the overlay's weight, polarity, years and note, and keeps the evidence
    ///   of both (the overlay's first), so that every edge still quotes its sources; the base's note
    ///   follows the overlay's when they differ. Parallel edges of one pair and type are matched as
    ///   ``GraphDiff`` matches them; the base's position in the file is kept.
    /// - A polarity flip is a conflict: it is returned and told in the merged edge's note.
    /// - A node both graphs have keeps the base's label and kind (a difference is a conflict) and gains
    ///   the overlay's aliases.
    /// - Sources are matched by id; an overlay source whose id the base uses for another document is
    ///   renamed (`ref-un-2`) along with the evidence citing it.
    ///
    /// Evidence is only ever carried over, never written, so a merge of two graphs whose every edge
    /// quotes its source verbatim (the rule of `check_evidence.py`) quotes them too.
    ///
    /// - Throws: ``GraphError/invalidArgument(_:)`` when one graph is directed and the other is not.
    /// - Complexity: O(V + E log E).
    public func merging(_ overlay: RelationGraph) throws(GraphError) -> MergeResult {
        guard overlay.isDirected == isDirected else { throw directionMismatch(base: self, other: overlay) }
        let baseName = graphName(self, or: "the base")
        let overlayName = graphName(overlay, or: "the overlay")
        var conflicts: [MergeConflict] = []

        var merged = RelationGraph(name: [name, overlay.name].filter { !$0.isEmpty }.joined(separator: " + "),
                                   directed: isDirected)
        for type in relationTypes + overlay.relationTypes { merged.declare(type: type) }
        for kind in nodeKinds + overlay.nodeKinds { merged.declare(kind: kind) }

        // Sources: the base's, then the overlay's new ones; a clash of ids renames the overlay's.
        merged.sources = sources
        var sourceIDs = Set(sources.map(\.id))
        var renamed: [String: String] = [:]
        for source in overlay.sources {
            if let existing = sources.first(where: { $0.id == source.id }) {
                if existing == source { continue }
                var suffix = 2
                while sourceIDs.contains("\(source.id)-\(suffix)") { suffix += 1 }
                var moved = source
                moved.id = "\(source.id)-\(suffix)"
                renamed[source.id] = moved.id
                conflicts.append(MergeConflict(kind: .source, subject: source.id,
                                               detail: "names another document in \(overlayName) than in \(baseName); "
                                                   + "the overlay's is renamed \(moved.id)"))
                sourceIDs.insert(moved.id)
                merged.sources.append(moved)
            } else {
                sourceIDs.insert(source.id)
                merged.sources.append(source)
            }
        }

        // Nodes: the base's (with the overlay's extra aliases), then the overlay's new ones.
        for var node in nodes {
            if let theirs = overlay[id: node.id] {
                var differences: [String] = []
                if theirs.label != node.label { differences.append("label '\(node.label)' in \(baseName), '\(theirs.label)' in \(overlayName)") }
                if theirs.kind != node.kind { differences.append("kind \(node.kind) in \(baseName), \(theirs.kind) in \(overlayName)") }
                if !differences.isEmpty {
                    conflicts.append(MergeConflict(kind: .node, subject: node.id,
                                                   detail: differences.joined(separator: "; ") + "; the base's is kept"))
                }
                for alias in theirs.aliases where !node.aliases.contains(alias) { node.aliases.append(alias) }
            }
            try merged.insertNode(node)
        }
        for node in overlay.nodes where self[id: node.id] == nil { try merged.insertNode(node) }

        // Ties: matched per pair and type; the overlay's replace the base's at the base's place.
        let matches = matchTies(base: GraphView(self), other: GraphView(overlay))
        var replacedKeys: Set<TieKey> = []
        var partner: [Int: Int] = [:]              // overlay edge → the base edge it replaces
        var leftOver: [TieKey: [Int]] = [:]        // base edges of a replaced key with no partner
        var firstOverlayEdge: [TieKey: Int] = [:]
        for match in matches {
            if let other = match.other {
                if firstOverlayEdge[match.key] == nil { firstOverlayEdge[match.key] = other }
                if let base = match.base { partner[other] = base }
            }
        }
        for match in matches {
            guard firstOverlayEdge[match.key] != nil else { continue }
            replacedKeys.insert(match.key)
            if let base = match.base, match.other == nil { leftOver[match.key, default: []].append(base) }
        }
        var overlayEdgesByKey: [TieKey: [Int]] = [:]
        for (index, edge) in overlay.edges.enumerated() {
            overlayEdgesByKey[TieKey(edge, directed: isDirected), default: []].append(index)
        }

        var replaced = 0
        var written: Set<TieKey> = []
        func mergedEdge(_ overlayIndex: Int) -> Edge {
            var edge = overlay.edges[overlayIndex]
            edge.evidence = edge.evidence.map { evidence in
                var evidence = evidence
                if let name = renamed[evidence.source] { evidence.source = name }
                return evidence
            }
            let key = TieKey(edge, directed: isDirected)
            var olds = partner[overlayIndex].map { [$0] } ?? []
            if firstOverlayEdge[key] == overlayIndex { olds += leftOver[key] ?? [] }
            for old in olds.map({ edges[$0] }) {
                for evidence in old.evidence where !edge.evidence.contains(evidence) { edge.evidence.append(evidence) }
                if let note = old.note, !note.isEmpty, note != edge.note {
                    edge.note = [edge.note, "\(baseName): \(note)"].compactMap { $0 }.joined(separator: " ")
                }
            }
            if let old = partner[overlayIndex].map({ edges[$0] }), old.polarity != edge.polarity {
                let detail = "\(old.polarity) (weight \(TextFormat.number(old.weight))) in \(baseName), "
                    + "\(edge.polarity) (weight \(TextFormat.number(edge.weight))) in \(overlayName); the overlay's is kept"
                let subject = "\(edge.source)–\(edge.target) \(edge.type)"
                conflicts.append(MergeConflict(kind: .polarity, subject: subject, detail: detail))
                edge.note = [edge.note, "Merge conflict: \(detail)."].compactMap { $0 }.joined(separator: " ")
            }
            return edge
        }
        for edge in edges {
            let key = TieKey(edge, directed: isDirected)
            if !replacedKeys.contains(key) {
                try merged.addEdgeByID(edge)
            } else if written.insert(key).inserted {
                for index in overlayEdgesByKey[key] ?? [] {
                    try merged.addEdgeByID(mergedEdge(index))
                    replaced += 1
                }
            }
        }
        var added = 0
        for (index, edge) in overlay.edges.enumerated() where !written.contains(TieKey(edge, directed: isDirected)) {
            try merged.addEdgeByID(mergedEdge(index))
            added += 1
        }
        return MergeResult(graph: merged, conflicts: conflicts, replacedTies: replaced, addedTies: added)
    }
}
