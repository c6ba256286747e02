import ArgumentParser
import Entente

/// Options that say how to read a graph file: shared by every command that reads one.
struct GraphFileOptions: ParsableArguments {
    @Option(help: "Read the file as this format (json, csv, dot, graphml, gexf) whatever its extension.")
    var format: String?

    @Flag(help: "Treat a CSV edge list as directed.")
    var directed = false

    /// Reads the graph at `path` (`-`: standard input) as --format says, or by its extension.
    func read(_ path: String) throws -> RelationGraph {
        try loadGraph(path, format: format, directed: directed)
    }
}

/// Options that say how to read a graph file and which edge types and node kinds to keep: shared by
/// every command that analyses or draws a filtered view of a graph.
struct GraphInputOptions: ParsableArguments {
    @OptionGroup var file: GraphFileOptions

    @Option(help: "Only these edge types, comma-separated (e.g. economic,security).")
    var types: String?

    @Option(help: "Only nodes of these kinds, comma-separated (e.g. state,bloc).")
    var kinds: String?

    /// The edge types asked for, or nil for all.
    var typeSet: Set<RelationType>? {
        types.map { Set(Self.names(in: $0).map { RelationType($0) }) }
    }

    /// The node kinds asked for, or nil for all.
    var kindSet: Set<NodeKind>? {
        kinds.map { Set(Self.names(in: $0).map { NodeKind($0) }) }
    }

    /// The non-empty names of a comma-separated list.
    private static func names(in list: String) -> [String] {
        list.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
    }

    func validate() throws {
        if let types, typeSet?.isEmpty ?? true {
            throw ValidationError("--types '\(types)' names no edge type")
        }
        if let kinds, kindSet?.isEmpty ?? true {
            throw ValidationError("--kinds '\(kinds)' names no node kind")
        }
    }

    /// Loads the graph and checks that the types asked for exist in it.
    func load(_ path: String) throws -> RelationGraph {
        let graph = try file.read(path)
        if let typeSet {
            for type in typeSet.sorted() where !graph.knows(type: type) {
                throw Failure("\(path): unknown edge type '\(type)' (the graph has: "
                              + graph.relationTypes.map(\.name).joined(separator: ", ") + ")")
            }
        }
        if let kindSet {
            for kind in kindSet.sorted() where !graph.knows(kind: kind) {
                throw Failure("\(path): unknown node kind '\(kind)' (the graph has: "
                              + graph.nodeKinds.map(\.name).joined(separator: ", ") + ")")
            }
        }
        return graph
    }
}

/// Options shared by the commands that analyse a filtered view of a graph: the input options and
/// `--include-adversarial` (default: cooperative edges only, since a path or a centrality through a
/// rivalry is not a tie).
struct AnalysisOptions: ParsableArguments {
    @OptionGroup var input: GraphInputOptions

    @Flag(inversion: .prefixedNo, help: "Include adversarial edges (default: cooperative edges only).")
    var includeAdversarial = false

    /// The edge types asked for, or nil for all.
    var typeSet: Set<RelationType>? { input.typeSet }

    /// Loads the graph and checks that the types asked for exist in it.
    func load(_ path: String) throws -> RelationGraph { try input.load(path) }

    /// The analysis filter: cooperative edges unless --include-adversarial, of the --types given.
    var filter: GraphFilter { .analysis(types: typeSet, includeAdversarial: includeAdversarial, kinds: input.kindSet) }

    /// The filtered view of a graph to analyse; an error when the filter leaves no edge, since no
    /// path or centrality means anything there.
    func view(of graph: RelationGraph, file: String) throws -> GraphView {
        guard !graph.nodes.isEmpty else { throw Failure("\(file): the graph has no nodes") }
        let view = GraphView(graph, filter: filter)
        guard view.edgeCount > 0 else { throw Failure("\(file): no \(edgeDescription(graph)) in the graph") }
        return view
    }

    /// What the filter keeps, in words: `cooperative economic or security edges`, `edges`.
    func edgeDescription(_ graph: RelationGraph) -> String {
        var words: [String] = []
        if !includeAdversarial { words.append("cooperative") }
        if let typeSet { words.append(graph.relationTypes.filter(typeSet.contains).map(\.name).joined(separator: " or ")) }
        var phrase = (words + ["edges"]).joined(separator: " ")
        if let kinds = input.kindSet {
            phrase += " between " + graph.nodeKinds.filter(kinds.contains).map(\.name).joined(separator: " or ") + " nodes"
        }
        return phrase
    }
}

/// Parses an edge metric name for `--metric`.
extension EdgeMetric: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension String {
    /// Without leading and trailing whitespace.
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
