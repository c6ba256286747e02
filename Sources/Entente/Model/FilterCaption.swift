extension RelationFilter {
    /// What the filter keeps of a graph, in words for a title, or `nil` when it keeps everything
    /// (``everything``, what a diagram draws by default).
    ///
    /// Parts are joined by commas: the ties kept (`security ties`, `cooperative ties`, `economic and
    /// security ties`, `ties other than membership`), the kinds (`state and bloc nodes`), the ego
    /// network (`around India, depth 1`, the centre by its label) and the year (`in 1990`); types
    /// and kinds are listed in the graph's order. A diagram's default title is the graph's name,
    /// a colon and this caption: `Pakistan's foreign relations: security ties`.
    ///
    /// ```swift
    /// RelationFilter(types: [.security], polarities: [.cooperative, .adversarial]).caption(in: graph)
    /// // "security ties"
    /// RelationFilter.everything.caption(in: graph)  // nil
    /// ```
    ///
    /// - Parameter graph: the graph filtered, which orders the types and kinds and names the centre.
    /// - Complexity: O(T + K) for the graph's T types and K kinds, plus a name lookup for the centre.
    public func caption(in graph: RelationGraph) -> String? {
        var parts: [String] = []
        if let ties = tiesPhrase(in: graph) { parts.append(ties) }
        if let kinds {
            let names = graph.nodeKinds.filter(kinds.contains).map(\.name)
            parts.append(names.isEmpty ? "no nodes" : Self.list(names) + " nodes")
        }
        if let center {
            let name = (try? graph.node(named: center))?.label ?? center
            parts.append("around \(name), depth \(depth)")
        }
        if let minimumWeight { parts.append("ties of weight ≥ \(TextFormat.number(minimumWeight, significantDigits: 6))") }
        if let year { parts.append("in \(year)") }
        if let period { parts.append("in \(period.lowerBound)–\(period.upperBound)") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// `cooperative security ties`, `ties other than membership`, or `nil` for every tie.
    private func tiesPhrase(in graph: RelationGraph) -> String? {
        var polarity: String?
        switch polarities {
        case Set(Polarity.allCases): polarity = nil
        case [.cooperative]: polarity = "cooperative"
        case [.adversarial]: polarity = "adversarial"
        default: return "no ties"
        }
        var words = polarity.map { [$0] } ?? []
        var excluded = graph.relationTypes.filter(excludedTypes.contains).map(\.name)
        if let types {
            let kept = graph.relationTypes.filter { types.contains($0) && !excludedTypes.contains($0) }.map(\.name)
            if kept.isEmpty { return "no ties" }
            words.append(Self.list(kept))
            excluded = []
        }
        guard !words.isEmpty || !excluded.isEmpty else { return nil }
        var phrase = (words + ["ties"]).joined(separator: " ")
        if !excluded.isEmpty { phrase += " other than " + Self.list(excluded) }
        return phrase
    }

    /// `a`, `a and b`, `a, b and c`.
    private static func list(_ names: [String]) -> String {
        guard let last = names.last else { return "" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " and " + last
    }
}
