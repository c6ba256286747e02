#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A line chart of values through the years: one line per series, years on x, values on y, each
/// line labelled at its right end, a gap where a series has no value. What `entente timeline -o
/// chart.svg` and the balance and communities sweeps draw.
///
/// ```swift
/// let hubs = try await security.timeline(.betweenness, years: 1816...2014)
/// let chart = LineChart(hubs.selecting(["USA", "RUS"]))
/// try chart.svg().write(…)                 // EntenteGraphviz renders png and pdf from it
/// ```
///
/// The SVG is Entente's own, deterministic byte for byte: an 800 × 480 drawing with a title, axes
/// with "nice" ticks (1, 2 or 5 times a power of ten), light grid lines, and one `<path
/// class="series" data-id="ID">` per series whose points are `x,y` pairs of the plot (a new `M`
/// after each gap). A series of one point between gaps gets a dot as well, which a path alone
/// would not show. Colours follow the Okabe–Ito palette of the diagrams, in series order; past
/// eight series, lines repeat the colours dashed.
public struct LineChart: Sendable, Hashable {
    /// One line.
    public struct Series: Sendable, Hashable {
        /// What the line is of (a node id), kept in the SVG as `data-id`.
        public var id: String
        /// The label drawn at the line's right end.
        public var label: String
        /// One value per year of ``LineChart/years``; `nil` breaks the line.
        public var values: [Double?]

        /// Creates a series.
        public init(id: String, label: String, values: [Double?]) {
            self.id = id
            self.label = label
            self.values = values
        }
    }

    /// The title, above the plot.
    public var title: String
    /// What the values are, along the y axis.
    public var yLabel: String
    /// The years, ascending: the x values.
    public var years: [Int]
    /// The lines, drawn in order.
    public var series: [Series]

    /// Creates a chart.
    public init(title: String, yLabel: String, years: [Int], series: [Series]) {
        self.title = title
        self.yLabel = yLabel
        self.years = years
        self.series = series
    }

    /// The colours of the lines, in series order: the Okabe–Ito palette of the diagrams, yellow last.
    public static let colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]

    /// The drawing's size and the plot's place in it, in SVG user units (pixels).
    public static let width = 800.0, height = 480.0
    static let plotLeft = 78.0, plotRight = 620.0, plotTop = 58.0, plotBottom = 420.0

    /// The values the y axis runs between and its ticks: from 0 (or the lowest value, when it is
    /// negative) to the highest value rounded up to a tick.
    public var yAxis: (low: Double, high: Double, ticks: [Double]) {
        let values = series.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite)
        let lowest = min(0, values.min() ?? 0)
        let highest = max(values.max() ?? 1, lowest)
        let span = highest - lowest > 0 ? highest - lowest : max(abs(highest), 1)
        let step = Self.niceStep(span / 5)
        let low = (lowest / step).rounded(.down) * step
        var high = (highest / step).rounded(.up) * step
        if high <= low { high = low + step }
        let count = Int(((high - low) / step).rounded())
        return (low, high, (0...count).map { low + Double($0) * step })
    }

    /// The step of "nice" ticks near `raw`: 1, 2 or 5 times a power of ten.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / power
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        return nice * power
    }

    /// The x of a year in the drawing.
    public func x(ofYear year: Int) -> Double {
        guard let first = years.first, let last = years.last, last > first else { return (Self.plotLeft + Self.plotRight) / 2 }
        return Self.plotLeft + (Self.plotRight - Self.plotLeft) * Double(year - first) / Double(last - first)
    }

    /// The y of a value in the drawing (SVG's y grows downwards).
    public func y(ofValue value: Double) -> Double {
        let axis = yAxis
        return Self.plotBottom - (Self.plotBottom - Self.plotTop) * (value - axis.low) / (axis.high - axis.low)
    }

    /// The value at a y of the drawing: the inverse of ``y(ofValue:)``, for reading a chart back.
    public func value(atY y: Double) -> Double {
        let axis = yAxis
        return axis.low + (Self.plotBottom - y) / (Self.plotBottom - Self.plotTop) * (axis.high - axis.low)
    }

    /// The chart as SVG text, deterministic byte for byte, ending in a newline.
    ///
    /// - Complexity: O(series × years).
    public func svg() -> String {
        var text = ByteText(reservingCapacity: 4096 + 24 * years.count * series.count)
        let font = "font-family=\"DejaVu Sans, Verdana, sans-serif\""
        text.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        text.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.width)pt\" height=\"\(Self.height)pt\" ")
        text.append("viewBox=\"0 0 \(coordinate(Self.width)) \(coordinate(Self.height))\">\n")
        text.append("<title>"); text.appendXML(title); text.append("</title>\n")
        text.append("<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n")
        text.append("<text class=\"title\" x=\"\(coordinate(Self.plotLeft))\" y=\"30\" \(font) font-size=\"15\" font-weight=\"bold\" fill=\"#222222\">")
        text.appendXML(title)
        text.append("</text>\n")
        // Grid and y ticks.
        let axis = yAxis
        text.append("<g class=\"y-axis\" \(font) font-size=\"11\" fill=\"#444444\">\n")
        for tick in axis.ticks {
            let y = coordinate(self.y(ofValue: tick))
            text.append("<line x1=\"\(coordinate(Self.plotLeft))\" y1=\"\(y)\" x2=\"\(coordinate(Self.plotRight))\" y2=\"\(y)\" stroke=\"#E5E5E5\" stroke-width=\"1\"/>\n")
            text.append("<text x=\"\(coordinate(Self.plotLeft - 8))\" y=\"\(coordinate(self.y(ofValue: tick) + 4))\" text-anchor=\"end\">\(tickLabel(tick))</text>\n")
        }
        text.append("</g>\n")
        // X ticks: about eight, at round years.
        text.append("<g class=\"x-axis\" \(font) font-size=\"11\" fill=\"#444444\">\n")
        for year in xTicks {
            let x = coordinate(self.x(ofYear: year))
            text.append("<line x1=\"\(x)\" y1=\"\(coordinate(Self.plotBottom))\" x2=\"\(x)\" y2=\"\(coordinate(Self.plotBottom + 5))\" stroke=\"#444444\"/>\n")
            text.append("<text x=\"\(x)\" y=\"\(coordinate(Self.plotBottom + 19))\" text-anchor=\"middle\">\(year)</text>\n")
        }
        text.append("</g>\n")
        text.append("<path class=\"axes\" d=\"M\(coordinate(Self.plotLeft)),\(coordinate(Self.plotTop)) L\(coordinate(Self.plotLeft)),\(coordinate(Self.plotBottom)) L\(coordinate(Self.plotRight)),\(coordinate(Self.plotBottom))\" fill=\"none\" stroke=\"#444444\" stroke-width=\"1\"/>\n")
        text.append("<text class=\"y-label\" transform=\"translate(18 \(coordinate((Self.plotTop + Self.plotBottom) / 2))) rotate(-90)\" text-anchor=\"middle\" \(font) font-size=\"12\" fill=\"#222222\">")
        text.appendXML(yLabel)
        text.append("</text>\n")
        text.append("<text class=\"x-label\" x=\"\(coordinate((Self.plotLeft + Self.plotRight) / 2))\" y=\"\(coordinate(Self.plotBottom + 40))\" text-anchor=\"middle\" \(font) font-size=\"12\" fill=\"#222222\">year</text>\n")
        // Lines, then their labels.
        var labels: [(y: Double, series: Int)] = []
        for (position, line) in series.enumerated() {
            let color = Self.colors[position % Self.colors.count]
            let dash = position >= Self.colors.count ? " stroke-dasharray=\"6 3\"" : ""
            var path = ""
            var lone: [(Double, Double)] = []
            var runStart: (Double, Double)?
            var runLength = 0
            for (column, value) in line.values.enumerated() where column < years.count {
                guard let value, value.isFinite else {
                    if runLength == 1, let runStart { lone.append(runStart) }
                    runLength = 0
                    runStart = nil
                    continue
                }
                let point = (x(ofYear: years[column]), y(ofValue: value))
                path += (runLength == 0 ? (path.isEmpty ? "M" : " M") : " L") + "\(coordinate(point.0)),\(coordinate(point.1))"
                if runLength == 0 { runStart = point }
                runLength += 1
            }
            if runLength == 1, let runStart { lone.append(runStart) }
            text.append("<path class=\"series\" data-id=\"")
            text.appendXML(line.id)
            text.append("\" d=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" stroke-linejoin=\"round\"\(dash)>")
            text.append("<title>"); text.appendXML(line.label); text.append("</title></path>\n")
            for (x, y) in lone {
                text.append("<circle class=\"point\" cx=\"\(coordinate(x))\" cy=\"\(coordinate(y))\" r=\"2.5\" fill=\"\(color)\"/>\n")
            }
            if let last = line.values.indices.last(where: { $0 < years.count && line.values[$0].map(\.isFinite) == true }),
               let value = line.values[last] {
                labels.append((y(ofValue: value), position))
            }
        }
        // Labels at the lines' right ends, nudged apart so that none overlaps another.
        let spacing = 13.0
        labels.sort { $0.y != $1.y ? $0.y < $1.y : $0.series < $1.series }
        var placed = labels.map(\.y)
        for index in placed.indices.dropFirst() where placed[index] < placed[index - 1] + spacing {
            placed[index] = placed[index - 1] + spacing
        }
        if let last = placed.last, last > Self.plotBottom {
            let shift = last - Self.plotBottom
            for index in placed.indices { placed[index] -= shift }
            for index in placed.indices.dropFirst().reversed() where placed[index - 1] > placed[index] - spacing {
                placed[index - 1] = placed[index] - spacing
            }
        }
        text.append("<g class=\"labels\" \(font) font-size=\"11\">\n")
        for (label, y) in zip(labels, placed) {
            let color = Self.colors[label.series % Self.colors.count]
            text.append("<text class=\"label\" data-id=\"")
            text.appendXML(series[label.series].id)
            text.append("\" x=\"\(coordinate(Self.plotRight + 8))\" y=\"\(coordinate(y + 4))\" fill=\"\(color == "#F0E442" ? "#8A7E00" : color)\">")
            text.appendXML(TextFormat.escapingControls(series[label.series].label))
            text.append("</text>\n")
        }
        text.append("</g>\n</svg>\n")
        return String(decoding: text.bytes, as: UTF8.self)
    }

    /// Years to mark on the x axis: multiples of a round step (1, 2, 5, 10, 20, 25, 50, 100…),
    /// about eight in all.
    var xTicks: [Int] {
        guard let first = years.first, let last = years.last else { return [] }
        guard last > first else { return [first] }
        let steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]
        let step = steps.first { (last - first) / $0 <= 8 } ?? 1000
        let start = Int((Double(first) / Double(step)).rounded(.up)) * step
        return Array(stride(from: start, through: last, by: step))
    }

    /// A coordinate with at most two decimals, without trailing zeros.
    private func coordinate(_ value: Double) -> String { TextFormat.number((value * 100).rounded() / 100) }

    /// A tick value in at most six significant digits.
    private func tickLabel(_ value: Double) -> String { TextFormat.number(abs(value) < 1e-12 ? 0 : value, significantDigits: 6) }
}

extension LineChart {
    /// The chart of a timeline's series (all of them; ``CentralityTimeline/selecting(_:)`` or
    /// ``CentralityTimeline/top(_:)`` choose), labelled by node label, with the measure on y.
    public init(_ timeline: CentralityTimeline, title: String) {
        self.init(title: title, yLabel: timeline.measure.rawValue + (timeline.measure == .betweenness && !timeline.normalized ? " (raw)" : ""),
                  years: timeline.years,
                  series: timeline.series.map { Series(id: $0.id, label: $0.label, values: $0.values) })
    }
}
