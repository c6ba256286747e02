/// When a graph's ties begin and end: per year, the edges whose ``Edge/since`` or ``Edge/until`` is
/// that year. What `entente info --timeline` prints.
///
/// ```swift
/// let timeline = graph.timeline()
/// timeline.years.first?.year          // 1945
/// timeline.years.first?.begin.count   // ties that begin in 1945
/// ```
/// Encodes as `entente info --timeline --json` prints it:
/// `{"years":[{"year","begin":[tie…],"end":[tie…]}],"undated":n}`, each tie
/// `{"source","target","type","weight","polarity"[,"since"][,"until"]}`.
public struct Timeline: Sendable, Encodable {
    /// The former name of ``DatedTie``.
    @available(*, deprecated, renamed: "DatedTie")
    public typealias Tie = DatedTie

    /// One tie in the timeline.
    public struct DatedTie: Hashable, Sendable, Encodable {
        /// The edge, with its endpoints' ids, type, weight, polarity and years.
        public let edge: Edge

        /// `{"source","target","type","weight","polarity"[,"since"][,"until"]}`.
        public func encode(to encoder: any Encoder) throws {
            try edge.encodeTie(from: edge.source, to: edge.target, evidence: false, to: encoder)
        }
    }

    /// The ties that begin and end in one year.
    public struct Year: Hashable, Sendable, Encodable {
        /// The year.
        public let year: Int
        /// The ties whose `since` is this year, in file order.
        public let begin: [DatedTie]
        /// The ties whose `until` is this year (the last year they held), in file order.
        public let end: [DatedTie]
    }

    /// Every year in which a kept tie begins or ends, in ascending order.
    public let years: [Year]
    /// How many kept ties have neither `since` nor `until` (they hold in every year).
    public let undated: Int

    /// The lines `entente info --timeline` prints: per year, `+` before a tie that begins and `-`
    /// before one that ends (`  + IND – UN  membership 3`), then the number of undated ties.
    public func lines(directed: Bool = false) -> [String] {
        var result: [String] = []
        let join = directed ? " → " : " – "
        func line(_ mark: String, _ tie: DatedTie) -> String {
            let edge = tie.edge
            var text = "  \(mark) \(edge.source)\(join)\(edge.target)  \(edge.type.name) \(TextFormat.number(edge.weight))"
            if edge.polarity == .adversarial { text += " adversarial" }
            return text
        }
        for year in years {
            result.append(String(year.year))
            result += year.begin.map { line("+", $0) }
            result += year.end.map { line("-", $0) }
        }
        result.append("undated: \(undated) \(undated == 1 ? "tie" : "ties") (no since or until)")
        return result
    }
}

extension RelationGraph {
    /// The years in which the ties a filter keeps begin and end.
    ///
    /// - Parameter filter: which ties count (default: every tie, rivalries too). A filter's year
    ///   keeps only the ties that hold in it.
    /// - Complexity: O(V + E + Y log Y) for Y distinct years.
    public func timeline(filter: RelationFilter = .everything) -> Timeline {
        let view = GraphView(self, filter: filter)
        var begin: [Int: [Timeline.DatedTie]] = [:]
        var end: [Int: [Timeline.DatedTie]] = [:]
        var undated = 0
        for edge in view.edges {
            if let since = edge.since { begin[since, default: []].append(Timeline.DatedTie(edge: edge)) }
            if let until = edge.until { end[until, default: []].append(Timeline.DatedTie(edge: edge)) }
            if edge.since == nil && edge.until == nil { undated += 1 }
        }
        let years = Set(begin.keys).union(end.keys).sorted().map { year in
            Timeline.Year(year: year, begin: begin[year] ?? [], end: end[year] ?? [])
        }
        return Timeline(years: years, undated: undated)
    }
}
