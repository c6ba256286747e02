import Entente
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The progress line a long computation draws on standard error when it is a terminal:
/// `betweenness [##########--------------------]  34%  3,400/10,000  ETA 0:12`.
enum ProgressLine {
    /// The number of cells of the bar.
    static let barWidth = 30

    /// The line for `completed` of `total` units after `elapsed` seconds: the label, the bar, the
    /// percentage (rounded down, so 100 % means done), the counts and the estimated time left
    /// (`ETA --:--` until a unit is done). The ETA assumes the units left take as long as the ones done.
    static func render(label: String, completed: Int, total: Int, elapsed: Double) -> String {
        let fraction = total > 0 ? min(max(Double(completed) / Double(total), 0), 1) : 1
        let filled = Int(fraction * Double(barWidth))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled)
        let percent = Int(fraction * 100)
        let percentText = String(repeating: " ", count: 3 - String(percent).count) + "\(percent)%"
        let eta: String
        if completed <= 0 || !elapsed.isFinite || elapsed < 0 {
            eta = "--:--"
        } else {
            let left = elapsed * Double(max(total - completed, 0)) / Double(completed)
            eta = clock(seconds: left)
        }
        return "\(label) [\(bar)] \(percentText)  \(TextFormat.grouped(completed))/\(TextFormat.grouped(total))  ETA \(eta)"
    }

    /// `m:ss`, or `h:mm:ss` from an hour on; seconds rounded up, so that 0:00 is shown only when done.
    static func clock(seconds: Double) -> String {
        let whole = Int(min(seconds.rounded(.up), 359_999))
        let hours = whole / 3600, minutes = (whole / 60) % 60, rest = whole % 60
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))"
    }
}

/// Draws a ``ProgressLine`` on standard error, redrawn in place with a carriage return, when standard
/// error is a terminal and the computation has run for a quarter of a second (so quick runs print
/// nothing); ``finish()`` erases it. Off a terminal, or with `--quiet`, it draws nothing, so what a
/// command writes to a pipe or file is unchanged.
final class TerminalProgress: Sendable {
    /// How long a computation runs before the line appears: 250 ms, or the milliseconds of the
    /// environment variable `ENTENTE_PROGRESS_DELAY` (0 shows it from the first report, which is
    /// how the tests see the bar without depending on how fast the machine is).
    static let delay: Duration = {
        let text = getenv("ENTENTE_PROGRESS_DELAY").map { String(cString: $0) } ?? ""
        return Int(text).map { .milliseconds(max(0, $0)) } ?? .milliseconds(250)
    }()

    private struct State {
        var drawnWidth = 0
    }

    private let label: String
    private let start = ContinuousClock.now
    private let state = Mutex(State())

    /// A progress line labelled `label`, or `nil` when none should be drawn: `quiet`, or standard error
    /// is not a terminal.
    init?(label: String, quiet: Bool) {
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return nil }
        self.label = label
    }

    /// The handler to pass to the library.
    var handler: ProgressHandler { { [self] progress in self.draw(progress) } }

    private func draw(_ progress: AnalysisProgress) {
        let elapsed = ContinuousClock.now - start
        guard elapsed >= Self.delay, progress.completed < progress.total else { return }
        let parts = elapsed.components
        let seconds = Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
        let line = ProgressLine.render(label: label, completed: progress.completed, total: progress.total, elapsed: seconds)
        state.withLock { state in
            let padding = String(repeating: " ", count: max(state.drawnWidth - line.count, 0))
            writeStandardError("\r" + line + padding)
            state.drawnWidth = max(state.drawnWidth, line.count)
        }
    }

    /// Erases the line, if one was drawn.
    func finish() {
        state.withLock { state in
            guard state.drawnWidth > 0 else { return }
            writeStandardError("\r" + String(repeating: " ", count: state.drawnWidth) + "\r")
            state.drawnWidth = 0
        }
    }
}
