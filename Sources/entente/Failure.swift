import ArgumentParser
import Entente

#if canImport(Glibc)
import Glibc
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
    } catch let error as ValidationError {
        throw error
    } catch let error as ExitCode {
        throw error
    } catch let error as GraphError {
        printError("entente: \(error)")
        switch error {
        case .unsupportedFormat, .formatNeeded: throw ExitCode(64)
        default: throw ExitCode.failure
        }
    } catch {
        printError("entente: \(error)")
        throw ExitCode.failure
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(STDERR_FILENO, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }
}
