import Dispatch
import Entente

/// Lays out and renders diagrams with Graphviz's libraries, in this process: no Graphviz program is run.
///
/// Every function may be called from many threads and tasks at once; calls into Graphviz take turns
/// behind one process-wide lock, because libgvc is not thread-safe. A synchronous call holds its
/// thread for the whole wait and layout (the pakistan diagram: milliseconds; a world diagram of
/// thousands of ties: about a second): called from Swift tasks, each waiting call occupies one of
/// the cooperative pool's threads, which are as many as the machine has cores. From async code,
/// call ``renderSuspending(_:as:layout:)``, which waits without holding a thread of the pool and lays
/// out on a thread of its own.
public enum Renderer {
    /// The one thread async renders run on, in turn: a waiting task is suspended, not blocked.
    private static let queue = DispatchQueue(label: "Entente.Graphviz", qos: .userInitiated)

    /// ``render(_:as:layout:)`` for async code, under a name of its own so that synchronous calls
    /// in async functions keep compiling: the layout and rendering run on a thread of their
    /// own, one at a time, and the calling task is suspended until they are done, so that many tasks
    /// rendering at once never block Swift's cooperative thread pool. The same bytes as the
    /// synchronous call.
    ///
    /// ```swift
    /// let drawings = try await withThrowingTaskGroup(of: [UInt8].self) { group in
    ///     for year in 1946...2014 {
    ///         group.addTask { try await Renderer.renderSuspending(try Diagram(graph, filter: RelationFilter(year: year)), as: .svg) }
    ///     }
    ///     return try await group.reduce(into: []) { $0.append($1) }
    /// }
    /// ```
    /// - Throws: as ``render(_:as:layout:)``.
    public static func renderSuspending(_ diagram: Diagram, as format: OutputFormat,
                                        layout: LayoutEngine? = nil) async throws(GraphvizError) -> [UInt8] {
        let result: Result<[UInt8], GraphvizError> = await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: Result { () throws(GraphvizError) in
                    try render(diagram, as: format, layout: layout)
                })
            }
        }
        return try result.get()
    }

    /// Renders a diagram, with the layout engine given or else the diagram's ``Diagram/standardLayout``
    /// (neato, or sfdp for a large diagram).
    ///
    /// - Throws: ``GraphvizError/unavailableFormat(_:available:)`` or
    ///   ``GraphvizError/unavailableLayout(_:available:)`` when the installed Graphviz lacks the plugin,
    ///   ``GraphvizError/layoutFailed(_:)`` or ``GraphvizError/renderFailed(_:)`` with Graphviz's message,
    ///   ``GraphvizError/tooLarge(nodes:ties:limit:)`` for a diagram over its style's
    ///   ``DiagramStyle/layoutSizeLimit``, before any layout.
    /// - Complexity: that of the Graphviz layout engine (for neato, O(V²) per iteration).
    public static func render(_ diagram: Diagram, as format: OutputFormat,
                              layout: LayoutEngine? = nil) throws(GraphvizError) -> [UInt8] {
        let engine = layout ?? diagram.standardLayout
        try diagram.checkLayoutSize()
        if format == .html { return try ExplorerPage.render(diagram, layout: engine) }
        try diagram.checkHighlight()
        return try render(dot: diagram.source(layout: engine), as: format, layout: engine,
                          settingApart: diagram.nodesSetApart, gap: diagram.style.isolatedNodeGap,
                          reroutingEdges: diagram.reroutesEdges(after: engine))
    }

    /// Renders a diagram into a file, atomically (a failure leaves no partial file), in the format of
    /// the path's extension unless `format` says otherwise.
    ///
    /// ```swift
    /// try Renderer.render(try Diagram(graph), to: "pakistan.svg")
    /// ```
    /// - Throws: ``GraphvizError`` from Graphviz, or `GraphError` for an extension it cannot write
    ///   or a file it cannot write.
    public static func render(_ diagram: Diagram, to path: String, as format: OutputFormat? = nil,
                              layout: LayoutEngine? = nil) throws {
        let name = FileIO.pathExtension(path)
        guard let chosen = format ?? OutputFormat(name: name) else {
            throw GraphError.unsupportedFormat(file: path, format: name.isEmpty ? "(no extension)" : name,
                                               supported: OutputFormat.allCases.map(\.rawValue))
        }
        try FileIO.writeAtomically(try render(diagram, as: chosen, layout: layout), to: path)
    }

    /// Lays out and renders any DOT text.
    ///
    /// Graphviz 2.43 has layout bugs that a diagram built by ``Diagram`` avoids but arbitrary DOT
    /// may hit: `splines=true` with sfdp, circo or twopi, and fdp in general, lay the same text out
    /// differently on a second call in one process, and circo with `splines=true` can crash it.
    ///
    /// - Throws: as ``render(_:as:layout:)``, and ``GraphvizError/invalidSource(_:)`` when Graphviz
    ///   cannot read the text.
    public static func render(dot source: String, as format: OutputFormat,
                              layout: LayoutEngine = .standard) throws(GraphvizError) -> [UInt8] {
        try render(dot: source, as: format, layout: layout, settingApart: [], gap: 0, reroutingEdges: false)
    }

    /// The narrowest row of isolated nodes, in points: 6 inches, so that a small drawing does not
    /// stack them one per row.
    static let isolatedRowWidth = 432.0

    /// Lays out DOT text, routes the edges again around the nodes when asked, moves the nodes named
    /// in `apart` into rows under the drawing (``IsolatedNodes/apart``), and renders.
    static func render(dot source: String, as format: OutputFormat, layout: LayoutEngine,
                       settingApart apart: [String], gap: Double, reroutingEdges reroute: Bool) throws(GraphvizError) -> [UInt8] {
        try Graphviz.withLayout(of: source, engine: layout, checking: format,
                                reroutingEdges: reroute) { graph, context throws(GraphvizError) in
            if !apart.isEmpty { graph.setApart(apart, gap: gap, minimumRowWidth: isolatedRowWidth) }
            let bytes = try graph.render(format: format.device, context: context)
            return format == .pdf ? withFixedCreationDate(bytes) : bytes
        }
    }

    /// A PDF with its `/CreationDate (D:…)` set to 1970-01-01 00:00:00, digit for digit, so that the
    /// same diagram gives the same bytes at any time (cairo stamps the clock's time; the offsets of
    /// the file's cross-reference table stay valid, as the length does not change).
    static func withFixedCreationDate(_ pdf: [UInt8]) -> [UInt8] {
        let marker = Array("/CreationDate (D:".utf8)
        guard let start = pdf.indices.first(where: { pdf[$0...].starts(with: marker) }) else { return pdf }
        let epoch = Array("19700101000000".utf8)
        var bytes = pdf
        var position = start + marker.count
        for digit in epoch {
            guard position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) else { break }
            bytes[position] = digit
            position += 1
        }
        return bytes
    }

    /// The output formats the installed Graphviz can render, of those Entente offers.
    public static var availableFormats: [OutputFormat] {
        Graphviz.shared.withLock { context in OutputFormat.allCases.filter { context.deviceFormats.contains($0.device) } }
    }

    /// The layout engines installed, of those Entente offers.
    public static var availableLayouts: [LayoutEngine] {
        Graphviz.shared.withLock { context in LayoutEngine.allCases.filter { context.layoutEngines.contains($0.rawValue) } }
    }
}
