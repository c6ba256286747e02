/// The files Entente renders a diagram to.
public enum OutputFormat: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Scalable vector graphics, with tooltips (`xlink:title`) on nodes and edges.
    case svg
    /// A bitmap, drawn by Graphviz's cairo renderer.
    case png
    /// A vector document, drawn by Graphviz's cairo renderer.
    case pdf
    /// DOT with the layout written in (`pos`, `bb`, …); ``DOTReader`` reads it back.
    case dot
    /// Graphviz's JSON description of the laid-out graph.
    case json
    /// An interactive page around the SVG drawing, written by ``ExplorerPage`` (``Renderer`` writes
    /// the same page, with betweenness by strength).
    case html

    /// The format named by a file extension or `--to` value (`gv` is DOT), in any case.
    public init?(name: String) {
        let lower = name.lowercased()
        self.init(rawValue: lower == "gv" ? "dot" : lower)
    }

    /// The name of Graphviz's output device for the format (for html, that of its drawing).
    var device: String { self == .html ? "svg" : rawValue }

    /// The format's name: `svg`, `png`, `pdf`, `dot`, `json` or `html`.
    public var description: String { rawValue }
}

/// Graphviz's layout engines that Entente offers.
public enum LayoutEngine: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Layered drawing, left to right: hierarchies and flows.
    case dot
    /// Spring model (stress majorisation): the default for relations diagrams.
    case neato
    /// Force-directed placement. It often spreads hubs best, but Graphviz 2.43's fdp keeps state
    /// between layouts, so a second fdp layout in one process may differ from the first.
    case fdp
    /// Multiscale force-directed placement, for large graphs.
    case sfdp
    /// Circular layout.
    case circo
    /// Radial layout around a central node.
    case twopi

    /// The engine Entente uses unless told otherwise.
    public static let standard: LayoutEngine = .neato

    /// The engine's name, as Graphviz knows it (`neato`).
    public var description: String { rawValue }
}
