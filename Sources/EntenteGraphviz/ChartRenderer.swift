import Entente
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders a `LineChart` to SVG, PNG or PDF.
///
/// The SVG is the chart's own (`LineChart/svg()`), written by Entente so that its lines can be
/// read back and checked. PNG and PDF are that same SVG drawn by libgvc in this process: a graph of
/// one node whose `image` is the SVG, rendered by Graphviz's cairo plugin, which draws SVG images
/// through librsvg (Debian's `libgvplugin_rsvg`, part of the graphviz package). One drawing, three
/// formats, and no charting library to depend on.
public enum ChartRenderer {
    /// The chart in a format: svg, png or pdf.
    ///
    /// - Throws: ``GraphvizError/unavailableFormat(_:available:)`` for another format, or when the
    ///   installed Graphviz cannot draw SVG images (no rsvg plugin); a Graphviz error otherwise.
    public static func render(_ chart: LineChart, as format: OutputFormat) throws(GraphvizError) -> [UInt8] {
        let svg = Array(chart.svg().utf8)
        switch format {
        case .svg: return svg
        case .png, .pdf: break
        default: throw .unavailableFormat(format.rawValue, available: formats.map(\.rawValue))
        }
        // The cairo renderer draws an SVG image through the rsvg plugin (loadimage svg:cairo).
        guard Graphviz.shared.withLock({ $0.imageFormats.contains("svg") }) else {
            throw .unavailableFormat(format.rawValue, available: ["svg"])
        }
        let image = try TemporarySVG(svg)
        defer { image.remove() }
        // Points: the SVG says its size in pt, and the node takes exactly that size.
        let width = LineChart.width / 72, height = LineChart.height / 72
        let source = """
            graph chart {
              graph [pad=0, margin=0, dpi=144, bgcolor="#FFFFFF"];
              node [shape=none, label="", fixedsize=true, width=\(TextFormat.number(width)), height=\(TextFormat.number(height)), imagescale=true];
              chart [image=\(DOTWriter.quote(image.path))];
            }
            """
        return try Renderer.render(dot: source, as: format, layout: .dot)
    }

    /// The formats a chart is written in.
    public static let formats: [OutputFormat] = [.svg, .png, .pdf]

    /// Renders a chart to a file, in the format of its extension (svg, png, pdf), atomically.
    ///
    /// - Throws: ``GraphvizError``, or `GraphError` when the file cannot be written.
    public static func render(_ chart: LineChart, to path: String) throws {
        let name = FileIO.pathExtension(path).lowercased()
        guard let format = OutputFormat(rawValue: name), formats.contains(format) else {
            throw GraphvizError.unavailableFormat(name.isEmpty ? "(no extension)" : name, available: formats.map(\.rawValue))
        }
        try FileIO.writeAtomically(try render(chart, as: format), to: path)
    }
}

/// The chart's SVG in a temporary file (`$TMPDIR`, else `/tmp`), for Graphviz to load as an image.
private struct TemporarySVG {
    let path: String

    init(_ bytes: [UInt8]) throws(GraphvizError) {
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(directory)/entente-chart-XXXXXX.svg".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemps(base, 4)
        }
        guard descriptor >= 0 else { throw .layoutFailed("cannot create a temporary file in \(directory) for the chart") }
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == bytes.count else {
            unlink(path)
            throw .layoutFailed("cannot write a temporary file in \(directory) for the chart")
        }
    }

    func remove() { unlink(path) }
}
