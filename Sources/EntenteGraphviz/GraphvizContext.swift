import CGraphviz
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's one Graphviz context and the lock that serialises every call into libgvc and cgraph.
///
/// libgvc and cgraph keep global state (the parser, the error log, attribute dictionaries), so no two
/// threads may be inside them at once. Every call into Graphviz in this module happens inside
/// `Graphviz.shared.withLock { … }`. The context is created once, on first use, and lives as long as
/// the process: Graphviz does not support freeing a context and creating another.
struct GraphvizContext: ~Copyable {
    /// The `GVC_t`, or nil when Graphviz could not create one.
    let gvc: OpaquePointer?
    /// The output formats ("device" plugins) the installed Graphviz offers, sorted.
    let deviceFormats: [String]
    /// The layout engines the installed Graphviz offers, sorted.
    let layoutEngines: [String]
    /// The image formats the installed plugins can load into a drawing (`svg` through librsvg, `png`…).
    let imageFormats: [String]

    init() {
        // Errors and warnings go to cgraph's log (read with aglasterr) instead of standard error.
        agseterr(AGMAX)
        let context = gvContext()
        gvc = context
        deviceFormats = GraphvizContext.plugins(of: "device", in: context)
        layoutEngines = GraphvizContext.plugins(of: "layout", in: context)
        imageFormats = GraphvizContext.plugins(of: "loadimage", in: context)
    }

    /// The names of the plugins of one kind (`"device"`, `"layout"`), without duplicates, sorted.
    private static func plugins(of kind: String, in gvc: OpaquePointer?) -> [String] {
        guard let gvc else { return [] }
        var count: Int32 = 0
        guard let list = entente_gvpluginlist(gvc, kind, &count) else { return [] }
        defer { free(list) }
        var names: Set<String> = []
        for index in 0..<Int(max(count, 0)) {
            guard let entry = list[index] else { continue }
            names.insert(String(cString: entry))
            free(entry)
        }
        return names.sorted()
    }

    /// Forgets the errors of earlier calls, so that ``lastError()`` reports only what follows.
    func clearErrors() {
        agreseterrors()
    }

    /// The last error Graphviz logged since ``clearErrors()``, or nil when it logged none.
    func lastError() -> String? {
        guard agerrors() > 0, let message = aglasterr() else { return nil }
        defer { free(message) }
        let text = String(cString: message).trimmingCharacters(in: " \t\r\n")
        return text.isEmpty ? nil : text
    }
}

/// The lock-guarded process-wide Graphviz context.
enum Graphviz {
    /// Created on first use; never freed.
    static let shared = Mutex(GraphvizContext())

    /// Parses DOT text and lays it out with an engine, under the lock, then hands the laid-out graph
    /// to `body` (still under the lock): the one sequence every render and export runs.
    ///
    /// - Parameters:
    ///   - device: an output format that must be installed, checked before any work.
    ///   - reroute: whether to route the edges again around the nodes after the layout
    ///     (``OwnedGraph/rerouted(source:context:)``).
    /// - Throws: ``GraphvizError/contextUnavailable``, ``GraphvizError/unavailableLayout(_:available:)``,
    ///   ``GraphvizError/unavailableFormat(_:available:)``, ``GraphvizError/invalidSource(_:)`` or
    ///   ``GraphvizError/layoutFailed(_:)``, and what `body` throws.
    static func withLayout<Result>(of source: String, engine: LayoutEngine, checking device: OutputFormat? = nil,
                                   reroutingEdges reroute: Bool = false,
                                   _ body: @Sendable (inout OwnedGraph, borrowing GraphvizContext) throws(GraphvizError) -> Result)
        throws(GraphvizError) -> Result {
        try shared.withLock { context throws(GraphvizError) -> Result in
            guard context.gvc != nil else { throw .contextUnavailable }
            guard context.layoutEngines.contains(engine.rawValue) else {
                throw .unavailableLayout(engine.rawValue, available: LayoutEngine.allCases.map(\.rawValue)
                    .filter(context.layoutEngines.contains))
            }
            if let device, !context.deviceFormats.contains(device.device) {
                throw .unavailableFormat(device.rawValue, available: OutputFormat.allCases.map(\.device)
                    .filter(context.deviceFormats.contains))
            }
            var graph = try OwnedGraph(drawing: source, context: context)
            try graph.layout(engine: engine.rawValue, context: context)
            if reroute { graph = try graph.rerouted(source: source, context: context) }
            return try body(&graph, context)
        }
    }
}

extension String {
    /// Without the given characters at either end.
    func trimmingCharacters(in characters: String) -> String {
        let set = Set(characters.unicodeScalars)
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
