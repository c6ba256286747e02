/// A file format Entente reads or writes, chosen from a file's extension or named explicitly.
public enum GraphFormat: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Entente's native JSON: the whole model, evidence included.
    case json
    /// An edge list with a header (`source,target[,type,weight,polarity,…]`).
    case csv
    /// Graphviz's DOT language. Reading needs libgvc: `import EntenteGraphviz`.
    case dot
    /// GraphML, as networkx, Gephi and yEd write it.
    case graphml
    /// GEXF 1.3, Gephi's format (node sizes, colours and positions with ``GEXFWriter``).
    case gexf

    /// The formats ``RelationGraph/init(contentsOf:format:directed:)`` reads.
    public static let readable: [GraphFormat] = [.json, .csv, .dot, .graphml, .gexf]
    /// The formats ``RelationGraph/write(to:format:)`` writes.
    public static let writable: [GraphFormat] = [.json, .csv, .dot, .graphml, .gexf]

    /// The format a name or file extension means (`gv` is DOT), in any case.
    public init?(name: String) {
        switch name.lowercased() {
        case "json": self = .json
        case "csv": self = .csv
        case "dot", "gv": self = .dot
        case "graphml": self = .graphml
        case "gexf": self = .gexf
        default: return nil
        }
    }

    /// The format's name.
    public var description: String { rawValue }

    /// The format of a path: `override` when given, else the path's extension, checked against `allowed`.
    ///
    /// - Throws: ``GraphError/unsupportedFormat(file:format:supported:)``.
    package static func of(path: String, override: GraphFormat?, allowed: [GraphFormat]) throws(GraphError) -> GraphFormat {
        if let override {
            guard allowed.contains(override) else {
                throw .unsupportedFormat(file: path, format: override.rawValue, supported: allowed.map(\.rawValue))
            }
            return override
        }
        let name = FileIO.pathExtension(path)
        if path == "-" {
            throw .formatNeeded(file: path, supported: allowed.map(\.rawValue))
        }
        guard let format = GraphFormat(name: name), allowed.contains(format) else {
            let shown = name.isEmpty ? "(no extension)" : name
            throw .unsupportedFormat(file: path, format: shown, supported: allowed.map(\.rawValue))
        }
        return format
    }
}

/// How ``RelationGraph/init(contentsOf:format:options:)`` reads a file.
public struct ReadOptions: Hashable, Sendable {
    /// Read a CSV edge list as directed (the other formats say so themselves).
    public var directed: Bool
    /// A CSV node table to read beside a CSV edge list (``CSVNodeTable``).
    public var nodeTable: String?
    /// Clip ties that fall outside their nodes' years instead of refusing them
    /// (``RelationGraph/clipTiesToNodeYears()``).
    public var lenient: Bool
    /// How a dyad-year panel read as undirected combines the weights of a pair's two directions in
    /// a year when they differ; `nil` refuses such a pair (``CSVEdgeList``).
    public var combine: PanelCombine?

    /// Creates reading options; the defaults read strictly.
    public init(directed: Bool = false, nodeTable: String? = nil, lenient: Bool = false, combine: PanelCombine? = nil) {
        self.directed = directed
        self.nodeTable = nodeTable
        self.lenient = lenient
        self.combine = combine
    }
}

/// How the two directions of a pair in a dyad-year panel combine into one undirected tie when their
/// weights differ in a year.
public enum PanelCombine: String, CaseIterable, Hashable, Sendable {
    /// The larger weight.
    case max
    /// The sum of the two weights.
    case sum
    /// The mean of the two weights.
    case mean

    /// The combined weight.
    package func combine(_ a: Double, _ b: Double) -> Double {
        switch self {
        case .max: return Swift.max(a, b)
        case .sum: return a + b
        case .mean: return (a + b) / 2
        }
    }
}

extension RelationGraph {
    /// Reads a graph file, in the format its extension names unless `format` says otherwise.
    ///
    /// ```swift
    /// let graph = try RelationGraph(contentsOf: "Graphs/pakistan.json")
    /// let edges = try RelationGraph(contentsOf: "trade.txt", format: .csv, directed: true)
    /// ```
    ///
    /// JSON and CSV are read here; DOT needs Graphviz's parser, which the `EntenteGraphviz` module
    /// links: with `import EntenteGraphviz` the same call reads DOT (its overload of this initializer
    /// is preferred over this one, which is marked disfavoured for that). Without it, a DOT file is
    /// an error that says so. `-` reads standard input
    /// (give `format`). The graph remembers the path in ``file`` for its error messages.
    ///
    /// - Parameters:
    ///   - path: the file to read.
    ///   - format: the format, whatever the extension.
    ///   - directed: read a CSV edge list as directed (JSON and DOT say so themselves).
    /// - Throws: ``GraphError`` naming the file, line and column of the first problem.
    @_disfavoredOverload
    public init(contentsOf path: String, format: GraphFormat? = nil, directed: Bool = false) throws(GraphError) {
        self = try RelationGraph.read(path, format: format, options: ReadOptions(directed: directed), dot: nil)
    }

    /// Reads a CSV edge list with its node table (``CSVNodeTable``).
    ///
    /// ```swift
    /// let world = try RelationGraph(contentsOf: "alliances.csv", nodeTable: "states.csv")
    /// ```
    ///
    /// - Parameters:
    ///   - path: the CSV edge list; `-` reads standard input.
    ///   - nodeTable: the CSV node table; it overrides ``ReadOptions/nodeTable``.
    ///   - format: the format, whatever the extension (a node table goes with CSV only).
    ///   - options: how to read (direction, lenient years, panels).
    /// - Throws: ``GraphError`` naming the file, line and column of the first problem.
    @_disfavoredOverload
    public init(contentsOf path: String, nodeTable: String, format: GraphFormat? = nil,
                options: ReadOptions = ReadOptions()) throws(GraphError) {
        var options = options
        options.nodeTable = nodeTable
        self = try RelationGraph.read(path, format: format, options: options, dot: nil)
    }

    /// Reads a graph file with options: a node table, lenient years, how to combine a panel.
    ///
    /// ```swift
    /// let panel = try RelationGraph(contentsOf: "atop.csv", options: ReadOptions(combine: .max))
    /// ```
    /// - Throws: ``GraphError`` naming the file, line and column of the first problem.
    @_disfavoredOverload
    public init(contentsOf path: String, format: GraphFormat? = nil, options: ReadOptions) throws(GraphError) {
        self = try RelationGraph.read(path, format: format, options: options, dot: nil)
    }

    /// Reads a graph file; `dot` parses DOT bytes when the caller links a DOT reader. DOT bytes are
    /// handed over as read, since the DOT reader decodes them as the file's `charset` says.
    package static func read(_ path: String, format: GraphFormat?, directed: Bool,
                             dot: ((_ bytes: [UInt8], _ file: String) throws(GraphError) -> RelationGraph)?) throws(GraphError) -> RelationGraph {
        try read(path, format: format, options: ReadOptions(directed: directed), dot: dot)
    }

    /// Reads a graph file with options; `dot` parses DOT bytes when the caller links a DOT reader.
    ///
    /// After the format's reader: a node table (CSV only) supplies the nodes, then every tie is
    /// checked against its nodes' years (``checkTieYears()``), or clipped to them when
    /// ``ReadOptions/lenient`` (``clipTiesToNodeYears()``).
    package static func read(_ path: String, format: GraphFormat?, options: ReadOptions,
                             dot: ((_ bytes: [UInt8], _ file: String) throws(GraphError) -> RelationGraph)?) throws(GraphError) -> RelationGraph {
        if path != "-", FileIO.isDirectory(path) { throw .io(file: path, reason: "is a directory, not a graph file") }
        let chosen = try GraphFormat.of(path: path, override: format, allowed: readable)
        if let table = options.nodeTable, chosen != .csv {
            throw .io(file: table, reason: "a node table goes with a CSV edge list; \(path) is \(chosen.rawValue), which carries its own nodes")
        }
        let bytes = chosen == .dot && dot != nil ? try FileIO.read(path) : try FileIO.readText(path)
        var graph: RelationGraph
        switch chosen {
        case .json: graph = try NativeJSON.read(bytes, file: path)
        case .csv:
            var nodes: RelationGraph?
            if let table = options.nodeTable {
                nodes = try CSVNodeTable.read(try FileIO.readText(table), file: table, directed: options.directed)
            }
            graph = try CSVEdgeList.read(bytes, file: path, directed: options.directed, nodes: nodes, combine: options.combine)
        case .dot:
            guard let dot else {
                throw .unsupportedFormat(file: path, format: "dot (reading DOT needs `import EntenteGraphviz`)",
                                         supported: ["json", "csv"])
            }
            graph = try dot(bytes, path)
        case .graphml: graph = try GraphMLReader.read(bytes, file: path)
        case .gexf: graph = try GEXFReader.read(bytes, file: path)
        }
        graph.file = path
        if options.lenient {
            graph.clipTiesToNodeYears()
        } else {
            try graph.checkTieYearsTyped()
        }
        return graph
    }

    private static var readable: [GraphFormat] { GraphFormat.readable }

    /// The graph as the text of a format.
    ///
    /// - Throws: ``GraphError/invalidValue(_:field:value:expected:)`` when the format cannot hold a
    ///   name or value exactly (XML's forbidden control characters in GraphML and GEXF; a rare
    ///   backslash pattern in DOT): a writer never changes a name.
    public func text(as format: GraphFormat) throws(GraphError) -> String { String(decoding: try bytes(as: format), as: UTF8.self) }

    /// The graph in a format as UTF-8 bytes, as written to a file.
    package func bytes(as format: GraphFormat) throws(GraphError) -> [UInt8] {
        try ByteText.inMemory { (text) throws(GraphError) in try write(as: format, into: &text) }
    }

    /// Appends the graph in a format to text that may stream to a file (``ByteText``).
    ///
    /// - Throws: what handing the text over throws (a write error).
    package func write(as format: GraphFormat, into text: inout ByteText) throws(GraphError) {
        switch format {
        case .json: try NativeJSON.write(self, into: &text)
        case .gexf: try GEXFWriter.write(self, into: &text)
        case .dot: try DOTWriter.write(self, into: &text)
        case .csv: try CSVEdgeList.write(self, into: &text)
        case .graphml: try GraphMLWriter.write(self, into: &text)
        }
    }

    /// Writes the graph atomically (a temporary file renamed over the target, so a failure leaves no
    /// partial file and an existing file keeps its permissions), in the format of the extension
    /// unless `format` says otherwise. `-` writes to standard output.
    ///
    /// CSV keeps edges only (see ``CSVEdgeList``).
    /// - Throws: ``GraphError/unsupportedFormat(file:format:supported:)`` or ``GraphError/io(file:reason:)``.
    public func write(to path: String, format: GraphFormat? = nil) throws(GraphError) {
        let chosen = try GraphFormat.of(path: path, override: format, allowed: GraphFormat.writable)
        try FileIO.writeAtomically(to: path) { (text) throws(GraphError) in try write(as: chosen, into: &text) }
    }
}
