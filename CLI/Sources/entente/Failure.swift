import ArgumentParser
import Entente

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure to report as one line on standard error, exit code 1.
struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs a command body; any error other than a usage error becomes one line on standard error
/// (`entente: file:line:column: problem`) and exit code 1. A graph file whose format cannot be told
/// from its extension is a usage error (exit 64): the fix is `--format` on the command line.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch {
        throw reported(error)
    }
}

/// ``reportingErrors(_:)`` for a command whose body awaits (a long computation that shows progress).
func reportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch {
        throw reported(error)
    }
}

/// A usage error or exit code as it is; anything else printed as one line, and its exit code.
private func reported(_ error: any Error) -> any Error {
    switch error {
    case is ValidationError, is ExitCode:
        return error
    case let error as GraphError:
        printError("entente: \(error.commandLineDescription)")
        switch error {
        case .unsupportedFormat, .formatNeeded: return ExitCode(64)
        default: return ExitCode.failure
        }
    default:
        printError("entente: \(error)")
        return ExitCode.failure
    }
}

extension GraphError {
    /// The error as the CLI words it: its settings named by their flags and, for a query error
    /// (which names no place in a file), the graph file that was asked first:
    /// `Graphs/pakistan.json: no node named 'Pakistn'; did you mean PAK (Pakistan)?`.
    var commandLineDescription: String {
        let graph = location == nil ? graphFile.map { "\($0): " } ?? "" : ""
        return graph + description(naming: \.flag)
    }
}

extension GraphError.Setting {
    /// The setting as the command line names it: its flag (`--kinds state`, `--at 1962`). The library
    /// names it in its own terms (`the kinds filter (state)`); this is the one place the CLI says it its way.
    var flag: String {
        switch self {
        case .kinds(let kinds): return "--kinds \(kinds.joined(separator: ","))"
        case .year(let year): return "--at \(year)"
        case .depth(let depth): return "--depth \(depth)"
        case .largestComponent: return "--largest-component"
        case .lenient: return "--lenient"
        case .format(let formats): return "--format \(formats.joined(separator: "|"))"
        case .combine: return "--combine max|sum|mean"
        case .metric(let metric): return "--metric \(metric)"
        }
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    // One line, whatever the names in it hold: a line feed or an escape sequence in a name is shown
    // as `\u{A}`, `\u{1B}`, so that it can neither fake a second error line nor drive the terminal.
    writeStandardError(TextFormat.escapingControls(line) + "\n")
}

/// Writes text to standard error as it is (the progress bar adds no newline).
func writeStandardError(_ text: String) {
    let bytes = Array(text.utf8)
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(STDERR_FILENO, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }
}
