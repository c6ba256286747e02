import CGraphviz

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A cgraph graph owned by Swift: its layout is freed and the graph closed when the value ends,
/// on every path.
///
/// Only ever created and used inside `Graphviz.shared.withLock`, so that it also ends there.
struct OwnedGraph: ~Copyable {
    /// The graph; valid for the life of this value and never handed out of the module.
    let pointer: UnsafeMutablePointer<Agraph_t>
    private var layoutAttempted = false
    private let gvc: OpaquePointer?

    /// Parses DOT text with `agmemread`.
    ///
    /// - Throws: ``ParseFailure`` with what Graphviz logged when the text is not a graph.
    init(parsing text: String, context: borrowing GraphvizContext) throws(ParseFailure) {
        try self.init(parsing: Array(text.utf8), context: context)
    }

    /// Parses DOT bytes as they are, in whatever encoding (cgraph's lexer takes any byte above 127
    /// as a letter), with `agmemread`. The bytes must not hold NUL, which would end the text early.
    ///
    /// - Throws: ``ParseFailure`` with what Graphviz logged when the text is not a graph.
    init(parsing bytes: [UInt8], context: borrowing GraphvizContext) throws(ParseFailure) {
        Self.resetLexer()
        context.clearErrors()
        var terminated = bytes
        terminated.append(0)
        let parsed = terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { agmemread($0.baseAddress) }
        }
        guard let pointer = parsed else {
            throw ParseFailure(message: context.lastError())
        }
        self.pointer = pointer
        self.gvc = context.gvc
    }

    /// How many graphs DOT bytes hold, up to two: cgraph's `agread` on the text as a stream, as
    /// `dot` reads a file of several graphs, stopping after the second. 0 when the first does not parse.
    static func graphCount(in bytes: [UInt8], context: borrowing GraphvizContext) -> Int {
        Self.resetLexer()
        context.clearErrors()
        defer { Self.resetLexer() }
        guard !bytes.isEmpty else { return 0 }
        return bytes.withUnsafeBytes { buffer -> Int in
            guard let base = buffer.baseAddress,
                  let stream = fmemopen(UnsafeMutableRawPointer(mutating: base), buffer.count, "r") else { return 0 }
            defer { fclose(stream) }
            var count = 0
            while count < 2, let graph = agread(UnsafeMutableRawPointer(stream), nil) {
                agclose(graph)
                count += 1
            }
            return count
        }
    }

    /// Empties cgraph's lexer, through its public API only. Graphviz 2.43's lexer is global and keeps
    /// what it read past a graph's closing brace (the rest of that line: its line feed, say) for the
    /// next read, which would start with it, shifting line numbers or even parsing old text. So this
    /// reads until cgraph finds no graph, as `dot` reads a stream of graphs: an empty read makes
    /// cgraph flush its lexer itself. Whatever the leftover held is parsed and dropped, graphs and
    /// errors alike (the caller clears the error log afterwards); `agsetfile(NULL)` then restarts the
    /// line count and names no file. With a newer Graphviz, whose lexer lives per read, the empty
    /// read finds nothing.
    private static func resetLexer() {
        var empty: [CChar] = [0]
        // The leftover is at most one line, so a few reads empty it; the bound only guards a loop.
        for _ in 0..<64 {
            guard let leftover = agmemread(&empty) else { break }
            agclose(leftover)
        }
        agsetfile(nil)
    }

    /// Parses DOT text to be drawn, as `init(parsing:context:)` does, with a parse failure as
    /// the renderer reports it.
    ///
    /// - Throws: ``GraphvizError/invalidSource(_:)`` with what Graphviz logged.
    init(drawing source: String, context: borrowing GraphvizContext) throws(GraphvizError) {
        do throws(ParseFailure) {
            try self.init(parsing: source, context: context)
        } catch {
            throw .invalidSource(error.message ?? "no graph found in the DOT text")
        }
    }

    /// Why `agmemread` returned no graph.
    struct ParseFailure: Error {
        /// What Graphviz logged, if anything (a text without a graph logs nothing).
        var message: String?
    }

    /// Lays the graph out with an engine (`"neato"`).
    mutating func layout(engine: String, context: borrowing GraphvizContext) throws(GraphvizError) {
        guard let gvc else { throw .contextUnavailable }
        context.clearErrors()
        layoutAttempted = true
        // sfdp's overlap removal (prism) in Graphviz 2.43 draws on libc's rand(), which neither the
        // `start` attribute nor anything else in the graph seeds: without a seed, two layouts of the
        // same text differ. So sfdp runs on a generator of its own, seeded with 1, and the embedding
        // process's rand() state is given back afterwards (see ``seededRandomState(_:)``).
        let laidOut = engine == "sfdp"
            ? Self.seededRandomState { gvLayout(gvc, pointer, engine) }
            : gvLayout(gvc, pointer, engine)
        guard laidOut == 0 else {
            throw .layoutFailed(context.lastError() ?? "engine \(engine) reported an error")
        }
    }

    /// The same DOT text parsed again with every node pinned where this layout put it, laid out by
    /// neato with `splines=true`: the drawing of this layout with each edge routed around the nodes.
    ///
    /// twopi, circo and sfdp draw straight edges, which can cross nodes; asking them for splines
    /// directly, or routing again in the same graph (neato's `nop`), keeps state between layouts in
    /// Graphviz 2.43 (a second layout differs, circo can crash). A fresh graph laid out by neato with
    /// pinned nodes routes as neato always does, the same on every call.
    func rerouted(source: String, context: borrowing GraphvizContext) throws(GraphvizError) -> OwnedGraph {
        var positions: [String: (x: Double, y: Double)] = [:]
        var node = agfstnode(pointer)
        while let current = node {
            if let name = agnameof(UnsafeMutableRawPointer(current)) { positions[String(cString: name)] = (entente_nd_x(current), entente_nd_y(current)) }
            node = agnxtnode(pointer, current)
        }
        var graph = try OwnedGraph(drawing: source, context: context)
        let position = graph.setAttribute("pos", kind: ENTENTE_AGNODE, default: "")
        _ = graph.setAttribute("pin", kind: ENTENTE_AGNODE, default: "true")
        var current = agfstnode(graph.pointer)
        while let pinnedNode = current {
            if let name = agnameof(UnsafeMutableRawPointer(pinnedNode)), let (x, y) = positions[String(cString: name)] {
                var text = Array("\(x),\(y)!".utf8CString)
                text.withUnsafeMutableBufferPointer { _ = agxset(UnsafeMutableRawPointer(pinnedNode), position, $0.baseAddress) }
            }
            current = agnxtnode(graph.pointer, pinnedNode)
        }
        _ = graph.setAttribute("inputscale", kind: ENTENTE_AGRAPH, default: "72")
        _ = graph.setAttribute("splines", kind: ENTENTE_AGRAPH, default: "true")
        _ = graph.setAttribute("overlap", kind: ENTENTE_AGRAPH, default: "true")
        // Edges keep 4 points clear of the nodes they pass (neato's own small diagrams keep 6).
        _ = graph.setAttribute("esep", kind: ENTENTE_AGRAPH, default: "+4")
        try graph.layout(engine: "neato", context: context)
        return graph
    }

    /// Declares an attribute (or sets its default, for the graph itself) and returns its symbol.
    private func setAttribute(_ name: String, kind: Int32, default value: String) -> UnsafeMutablePointer<Agsym_t>? {
        var name = Array(name.utf8CString)
        var value = Array(value.utf8CString)
        return name.withUnsafeMutableBufferPointer { name in
            value.withUnsafeMutableBufferPointer { value in agattr(pointer, kind, name.baseAddress, value.baseAddress) }
        }
    }

    /// Renders the laid-out graph in a device format (`"svg"`) to bytes.
    ///
    /// Graphviz writes into a `open_memstream` buffer, which grows geometrically: `gvRenderData`
    /// grows its buffer a page at a time (Graphviz 2.43), copying megabytes of SVG over and over.
    func render(format: String, context: borrowing GraphvizContext) throws(GraphvizError) -> [UInt8] {
        guard let gvc else { throw .contextUnavailable }
        context.clearErrors()
        var buffer: UnsafeMutablePointer<CChar>?
        var size = 0
        guard let stream = open_memstream(&buffer, &size) else {
            throw .renderFailed("cannot open a memory stream: \(String(cString: strerror(errno)))")
        }
        let status = gvRender(gvc, pointer, format, stream)
        // fclose flushes the stream and sets buffer and size; the buffer is then the caller's.
        let closed = fclose(stream)
        defer { free(buffer) }
        guard status == 0, closed == 0, let buffer else {
            throw .renderFailed(context.lastError() ?? "renderer \(format) reported an error")
        }
        return Array(UnsafeRawBufferPointer(start: buffer, count: size))
    }

    deinit {
        if layoutAttempted, let gvc { gvFreeLayout(gvc, pointer) }
        agclose(pointer)
    }
}

extension OwnedGraph {
    /// Runs `body` with libc's rand() drawing from a generator of its own seeded with 1 (the
    /// sequence `srand(1)` starts), then gives the caller's generator back where it was: with glibc,
    /// `initstate` swaps in a fresh state and `setstate` restores the caller's, so a program that
    /// embeds Entente sees the same rand() sequence whether or not a diagram was laid out. (A rand()
    /// called on another thread during the layout draws from the layout's generator.) Elsewhere,
    /// where rand() does not share random()'s state, the generator is seeded with `srand(1)`.
    static func seededRandomState<T>(_ body: () -> T) -> T {
        #if canImport(Glibc)
        let size = 128  // glibc's default state: TYPE_3, as srand() seeds it
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: size)
        defer { buffer.deallocate() }
        guard let callers = initstate(1, buffer, size) else {
            srand(1)
            return body()
        }
        defer { setstate(callers) }
        return body()
        #else
        srand(1)
        return body()
        #endif
    }
}
