import Entente

/// An interactive relations explorer: one self-contained HTML page that opens from disk in any
/// modern browser, with no network access.
///
/// The page holds the diagram exactly as ``Renderer`` draws it as SVG (same styles, legend and
/// layout), the graph's data as a JSON block (nodes with kind, aliases and centralities; edges
/// with type, weight, polarity and evidence; the sources and the types' colours), and the page's
/// own CSS and JavaScript (the files in `Sources/EntenteGraphviz/Explorer/`). A reader can pan and
/// zoom, hover a node to see its ties, click a node or an edge for its evidence, hide edge types
/// and adversarial ties, search by id, label or alias, and ask for the cheapest path between two
/// nodes: the page's path routine gives the same path as `entente path`, ties broken the same way.
///
/// A graph with years (a node's `since`, `until` or spells, a tie's `since` or `until`) gets a year
/// control: a slider and a play button over the years its view names (within the filter's
/// `RelationFilter/period`), opening on the latest. The drawing is laid out once; a year hides
/// the ties that do not hold in it and fades the nodes that do not exist in it, and the panel's
/// centralities and the path finder are those of `entente … --at YEAR`. A diagram of one year
/// (`RelationFilter/year`) has no control.
///
/// The page is safe to share: names and quotes reach it as escaped SVG text and as JSON read with
/// `JSON.parse`, the script puts them into the page as text only, and a Content-Security-Policy
/// allows only the page's own script (by its SHA-256) and no network request at all.
///
/// ```swift
/// try Renderer.render(try Diagram(graph), to: "relations.html")   // or, as bytes:
/// let page = try ExplorerPage.render(try Diagram(graph), metric: .hops)
/// ```
public enum ExplorerPage {
    /// Renders the page of a diagram.
    ///
    /// The centralities shown for each node (degree, strength, betweenness, PageRank, with ranks)
    /// are computed over the cooperative edges of the diagram's view, as `entente centrality` computes
    /// them: `nx.degree_centrality`, `G.degree(weight="weight")`, `nx.betweenness_centrality` under
    /// `metric` and `nx.pagerank`. A measure that cannot be computed (PageRank that does not
    /// converge) is left empty on the page.
    ///
    /// - Parameters:
    ///   - diagram: what to draw; its view is also what the page's filters, search and path finder see.
    ///   - layout: the Graphviz layout engine.
    ///   - metric: how betweenness costs an edge (strength: 1/weight, the default; length; hops).
    /// - Returns: the page, UTF-8. The same diagram gives the same bytes.
    /// - Throws: the errors of ``Renderer/render(_:as:layout:)``.
    /// - Complexity: that of the layout, plus betweenness over the view, O(V·E + V² log V).
    public static func render(_ diagram: Diagram, layout: LayoutEngine = .standard,
                              metric: EdgeMetric = .strength) throws(GraphvizError) -> [UInt8] {
        var drawing = diagram
        drawing.edgeTooltips = false
        let svg = try Renderer.render(drawing, as: .svg, layout: layout)
        let title = pageTitle(of: diagram)
        let script = String(decoding: PackageResources.paths_js, as: UTF8.self) + "\n"
            + String(decoding: PackageResources.explorer_js, as: UTF8.self)
        let values: [String: String] = [
            "title": escapeMarkup(title),
            "style": String(decoding: PackageResources.explorer_css, as: UTF8.self),
            "svg": inlineSVG(String(decoding: svg, as: UTF8.self), title: title, description: summary(of: diagram)),
            "data": scriptSafeJSON(document(of: diagram, title: title, layout: layout, metric: metric)),
            "script": script,
            "script-hash": "sha256-" + SHA256.base64(SHA256.digest(Array(script.utf8))),
        ]
        return Array(fill(template: String(decoding: PackageResources.explorer_html, as: UTF8.self), with: values).utf8)
    }

    // MARK: The page

    /// The diagram's title, or the graph's name, or a generic one.
    static func pageTitle(of diagram: Diagram) -> String {
        let title = diagram.displayedTitle
        return title.isEmpty ? "Relations explorer" : title
    }

    /// One pass over the template: each `{{name}}` becomes its value, and the values themselves
    /// are never scanned, so no text in the data can reach another placeholder. Unknown names stay.
    static func fill(template: String, with values: [String: String]) -> String {
        var result = ""
        result.reserveCapacity(template.utf8.count + values.values.reduce(0) { $0 + $1.utf8.count })
        var rest = Substring(template)
        while let open = rest.firstRange(of: "{{") {
            result += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstRange(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = String(afterOpen[..<close.lowerBound])
            result += values[name] ?? "{{\(name)}}"
            rest = afterOpen[close.upperBound...]
        }
        result += rest
        return result
    }

    /// Graphviz's SVG without its XML prologue and its comments (a `<!-- USA&#45;&#45;CAN -->` line
    /// before each node and edge, which repeat their `<title>`), with a `<title>` and `<desc>` for
    /// the whole drawing and an accessible name. Graphviz escapes every name and quote it writes
    /// (`&lt;`, `&quot;`, `&#45;`, …), so the markup carries no text that could act as markup, and
    /// no `-->` inside a comment.
    static func inlineSVG(_ svg: String, title: String, description: String) -> String {
        guard let start = svg.firstRange(of: "<svg") else { return svg }
        var body = Substring(withoutComments(svg[start.lowerBound...]))
        guard let end = body.firstIndex(of: ">") else { return String(body) }
        let openTag = body[..<end]
        body = body[body.index(after: end)...]
        return String(openTag) + " id=\"drawing\" role=\"group\" aria-labelledby=\"drawing-title\" aria-describedby=\"drawing-desc\">\n"
            + "<title id=\"drawing-title\">" + escapeMarkup(title) + "</title>\n"
            + "<desc id=\"drawing-desc\">" + escapeMarkup(description) + "</desc>" + body
    }

    /// The text without its `<!-- … -->` comments, each with the line break after it.
    static func withoutComments(_ text: Substring) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var rest = text
        while let open = rest.firstRange(of: "<!--") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstRange(of: "-->") else {
                rest = rest[open.lowerBound...]
                break
            }
            rest = rest[close.upperBound...]
            if rest.first == "\n" { rest = rest.dropFirst() }
        }
        result += rest
        return result
    }

    /// What the drawing shows, in a sentence or two, for screen readers.
    static func summary(of diagram: Diagram) -> String {
        let view = diagram.view
        let graph = view.graph
        let used = Set(view.edges.map(\.type))
        let types = graph.relationTypes.filter(used.contains).map(\.name)
        let adversarial = view.edges.filter { $0.polarity == .adversarial }.count
        var text = "Relations diagram of \(view.nodeCount) \(view.nodeCount == 1 ? "node" : "nodes") and "
            + "\(view.edgeCount) \(view.edgeCount == 1 ? "tie" : "ties")"
        if !types.isEmpty { text += " (" + types.joined(separator: ", ") + ")" }
        text += ", \(adversarial) of them adversarial. Edge colour shows the type, width the weight; "
            + "adversarial ties are dashed. Tab moves between nodes; Enter shows a node's ties and evidence."
        return text
    }

    /// Text for HTML and SVG markup: `&`, `<`, `>`, `"` and `'` as entities.
    static func escapeMarkup(_ text: String) -> String { MarkupText.html.escape(text) }

    /// JSON text that can sit inside `<script type="application/json">`: `<`, `>` and `&` (which
    /// occur only inside strings) as `\u003c`, `\u003e`, `\u0026`, so no `</script>` or `<!--` can
    /// end the block; U+2028 and U+2029 are already escaped by ``JSONOutput``.
    static func scriptSafeJSON(_ document: JSONOutput) -> String {
        var result = ""
        for scalar in document.rendered(pretty: false).unicodeScalars {
            switch scalar {
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    // MARK: The data

    /// The JSON block the page's script reads: graph, metric, measures, types, polarities, sources,
    /// nodes and edges of the view, in the graph's order.
    static func document(of diagram: Diagram, title: String, layout: LayoutEngine, metric: EdgeMetric) -> JSONOutput {
        let view = diagram.view
        let graph = view.graph
        let measures = ExplorerMeasures(view, metric: metric)

        let usedTypes = Set(view.edges.map(\.type))
        var typeCounts: [RelationType: Int] = [:]
        for edge in view.edges { typeCounts[edge.type, default: 0] += 1 }
        let types: [JSONOutput] = graph.relationTypes.filter(usedTypes.contains).map { type in
            .object([("name", .string(type.name)), ("color", .string(diagram.style.color(of: type, in: graph))),
                     ("count", .integer(typeCounts[type] ?? 0))])
        }
        let adversarial = view.edges.filter { $0.polarity == .adversarial }.count

        let sources: [JSONOutput] = graph.sources.map { source in
            var members: [(String, JSONOutput)] = [("id", .string(source.id)), ("title", .string(source.title))]
            if let citation = source.citation { members.append(("citation", .string(citation))) }
            if let file = source.file { members.append(("file", .string(file))) }
            return .object(members)
        }

        let nodes: [JSONOutput] = view.nodeIndices.enumerated().map { local, index in
            let node = graph.nodes[index]
            var members: [(String, JSONOutput)] = [
                ("index", .integer(index)), ("id", .string(node.id)), ("label", .string(node.label)),
                ("kind", .string(node.kind.name)), ("aliases", .array(node.aliases.map { .string($0) })),
            ]
            if let since = node.since { members.append(("since", .integer(since))) }
            if let until = node.until { members.append(("until", .integer(until))) }
            if !node.spells.isEmpty {
                members.append(("spells", .array(node.spells.map { spell in
                    .array([spell.since.map { .integer($0) } ?? .null, spell.until.map { .integer($0) } ?? .null])
                })))
            }
            for measure in measures.columns {
                members.append((measure.key, measure.values[local].map { .number($0) } ?? .null))
                members.append((measure.key + "Rank", measure.ranks[local].map { .integer($0) } ?? .null))
            }
            return .object(members)
        }

        let edges: [JSONOutput] = view.edgeIndices.map { index in
            let edge = graph.edges[index]
            var members: [(String, JSONOutput)] = [
                ("index", .integer(index)), ("source", .string(edge.source)),
                ("target", .string(edge.target)), ("type", .string(edge.type.name)),
                ("weight", .number(edge.weight)), ("polarity", .string(edge.polarity.rawValue)),
                ("evidence", .array(edge.evidence.map { evidence in
                    .object([("source", .string(evidence.source)), ("quote", .string(evidence.quote))])
                })),
            ]
            if let since = edge.since { members.append(("since", .integer(since))) }
            if let until = edge.until { members.append(("until", .integer(until))) }
            if let note = edge.note { members.append(("note", .string(note))) }
            return .object(members)
        }

        var members: [(String, JSONOutput)] = [
            ("graph", .object([("name", .string(graph.name)), ("title", .string(title)),
                               ("directed", .bool(graph.isDirected)), ("layout", .string(layout.rawValue))])),
            ("metric", .string(metric.rawValue)),
            ("measures", .array(measures.columns.map { column in
                .object([("key", .string(column.key)), ("name", .string(column.name)),
                         ("description", .string(column.description))])
            })),
            ("types", .array(types)),
            ("polarities", .object([("cooperative", .integer(view.edgeCount - adversarial)),
                                    ("adversarial", .integer(adversarial))])),
            ("sources", .array(sources)),
            ("nodes", .array(nodes)),
            ("edges", .array(edges)),
        ]
        if let years = yearRange(of: diagram) {
            members.append(("years", yearFrames(of: view, years: years, metric: metric)))
        }
        return .object(members)
    }

    // MARK: The year control

    /// The years the page's year control spans, or nil when the page has none: the diagram is of
    /// one year (`--at`), or nothing in its view has a year. The span runs from the earliest year
    /// any node or tie of the view names (a `since`, an `until`, a spell's end) to the latest,
    /// within the filter's period when it has one (`--during`).
    static func yearRange(of diagram: Diagram) -> ClosedRange<Int>? {
        guard diagram.filter.year == nil else { return nil }
        let view = diagram.view
        var low = Int.max, high = Int.min
        func note(_ year: Int?) {
            guard let year else { return }
            low = min(low, year)
            high = max(high, year)
        }
        forEachSpan(in: view) { since, until in
            note(since)
            note(until)
        }
        if let period = diagram.filter.period {
            low = low == .max ? period.lowerBound : max(low, period.lowerBound)
            high = high == .min ? period.upperBound : min(high, period.upperBound)
        }
        return low <= high ? low...high : nil
    }

    /// Calls `body` with the first and last year of every span a view names: each node's spells
    /// (``Node/existence``) and each tie's years, either open when nil.
    private static func forEachSpan(in view: GraphView, _ body: (Int?, Int?) -> Void) {
        for index in view.nodeIndices {
            for spell in view.graph.nodes[index].existence { body(spell.since, spell.until) }
        }
        for edge in view.edges { body(edge.since, edge.until) }
    }

    /// The year control's data: `first` and `last` year, and the centralities of every year as
    /// frames. The view changes only in a year where some node or tie begins (its `since`) or ends
    /// (the year after its `until`), so one frame serves every year from its start (`starts`, in
    /// ascending order) to the next frame's. A frame holds the year's node and tie counts and, for
    /// each measure, a value and a rank per node of the page (null where the node does not exist
    /// that year), computed over the view in that year as `entente centrality --at YEAR` does.
    ///
    /// - Complexity: O(F · (V·E + V² log V)) for F frames, at most two per dated node or tie.
    static func yearFrames(of view: GraphView, years: ClosedRange<Int>, metric: EdgeMetric) -> JSONOutput {
        var changes: Set<Int> = [years.lowerBound]
        func change(_ year: Int?) {
            if let year, years.contains(year) { changes.insert(year) }
        }
        func end(_ year: Int?) {
            if let year, year < years.upperBound { change(year + 1) }
        }
        forEachSpan(in: view) { since, until in
            change(since)
            end(until)
        }
        let starts = changes.sorted()
        let frames: [JSONOutput] = starts.map { year in
            var filter = RelationFilter.everything
            filter.year = year
            let inYear = view.filtered(filter)
            let measures = ExplorerMeasures(inYear, metric: metric)
            let positions = view.nodeIndices.map { inYear.localIndex(ofNode: $0) }
            var values: [(String, JSONOutput)] = []
            var ranks: [(String, JSONOutput)] = []
            for column in measures.columns {
                values.append((column.key, .array(positions.map { local in
                    local.flatMap { column.values[$0] }.map { .number($0) } ?? .null
                })))
                ranks.append((column.key, .array(positions.map { local in
                    local.flatMap { column.ranks[$0] }.map { .integer($0) } ?? .null
                })))
            }
            return .object([("nodes", .integer(inYear.nodeCount)), ("ties", .integer(inYear.edgeCount)),
                            ("values", .object(values)), ("ranks", .object(ranks))])
        }
        return .object([("first", .integer(years.lowerBound)), ("last", .integer(years.upperBound)),
                        ("starts", .array(starts.map { .integer($0) })), ("frames", .array(frames))])
    }
}

/// The centralities the explorer shows for each node of a view, over its cooperative edges, with
/// each node's rank.
struct ExplorerMeasures {
    /// One measure: its key in the page's data, its name and what it is, a value and a rank per
    /// local node index (nil where it could not be computed).
    struct Column {
        var key: String
        var name: String
        var description: String
        var values: [Double?]
        var ranks: [Int?]
    }

    /// Degree, strength, betweenness and PageRank, in that order.
    var columns: [Column]

    /// Computes the measures over the cooperative edges of `view` (its nodes keep their local indices).
    init(_ view: GraphView, metric: EdgeMetric) {
        let adjacency = WeightedAdjacency(view.filtered(.cooperative), metric: metric)
        func values(_ measure: CentralityMeasure) -> [Double?] {
            guard case .nodes(let values)? = try? adjacency.centrality(measure) else {
                return [Double?](repeating: nil, count: view.nodeCount)
            }
            return values.map { $0.isFinite ? $0 : nil }
        }
        let specifications: [(CentralityMeasure, String, String)] = [
            (.degree, "degree", "Share of the other nodes it has a cooperative tie with (nx.degree_centrality)"),
            (.strength, "strength", "Sum of the weights of its cooperative ties (G.degree(weight=\"weight\"))"),
            (.betweenness, "betweenness",
             "Share of cheapest paths (\(metric.rawValue)) between other nodes that pass through it (nx.betweenness_centrality)"),
            (.pagerank, "PageRank", "Random-walk rank along weighted cooperative ties (nx.pagerank, alpha 0.85)"),
        ]
        columns = specifications.map { measure, name, description in
            let measured = values(measure)
            return Column(key: measure.rawValue, name: name, description: description, values: measured,
                          ranks: Self.ranks(of: measured))
        }
    }

    /// Competition ranks, highest value first, by the one rule of ``NodeValues/sharesRank(_:_:)``.
    static func ranks(of values: [Double?]) -> [Int?] { NodeValues.competitionRanks(of: values) }
}
