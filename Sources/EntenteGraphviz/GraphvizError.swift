import Entente

/// A failure inside Graphviz, carrying the text Graphviz logged.
public enum GraphvizError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Graphviz could not create its context (its plugins are missing or unreadable).
    case contextUnavailable
    /// Graphviz did not accept the DOT text it was given.
    case invalidSource(String)
    /// The layout engine failed.
    case layoutFailed(String)
    /// The renderer failed.
    case renderFailed(String)
    /// The output format has no renderer in the installed Graphviz; `available` lists those that do.
    case unavailableFormat(String, available: [String])
    /// The layout engine is not installed; `available` lists those that are.
    case unavailableLayout(String, available: [String])
    /// A diagram's highlighted path has a node or tie that the drawn graph does not hold (a path
    /// found in another graph); the tie or node, as `PAK–ARE economic 3`.
    case pathNotInDiagram(String)
    /// The diagram has more nodes and ties, counted together, than ``DiagramStyle/layoutSizeLimit``.
    case tooLarge(nodes: Int, ties: Int, limit: Int)

    /// One line naming what failed, with Graphviz's own message where it gave one.
    public var description: String {
        switch self {
        case .contextUnavailable:
            return "Graphviz could not start (no plugins found: is libgvc's plugin configuration installed?)"
        case .invalidSource(let message):
            return "Graphviz did not accept the diagram: \(message)"
        case .layoutFailed(let message):
            return "Graphviz layout failed: \(message)"
        case .renderFailed(let message):
            return "Graphviz rendering failed: \(message)"
        case .unavailableFormat(let format, let available):
            return "output format '\(format)' is not available in this Graphviz (available: "
                + (available.isEmpty ? "none" : available.joined(separator: ", ")) + ")"
        case let .tooLarge(nodes, ties, limit):
            let gigabytes = Double(Diagram.estimatedLayoutBytes(nodes: nodes, ties: ties)) / 1e9
            return "the diagram has \(TextFormat.grouped(nodes)) nodes and \(TextFormat.grouped(ties)) ties, more than the "
                + "\(TextFormat.grouped(limit)) together that a layout is allowed (DiagramStyle.layoutSizeLimit): Graphviz "
                + "would need about \(TextFormat.number(gigabytes, significantDigits: 2)) GB; draw a part of it"
        case .pathNotInDiagram(let tie):
            return "the highlighted path's \(tie) is not in the graph drawn (was the path found in another graph?)"
        case .unavailableLayout(let layout, let available):
            return "layout engine '\(layout)' is not available in this Graphviz (available: "
                + (available.isEmpty ? "none" : available.joined(separator: ", ")) + ")"
        }
    }
}

