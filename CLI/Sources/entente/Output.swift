import Entente

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a command prints on standard output, written in one go so that a failed write (a full disk,
/// `> /dev/full`) is an error (exit 1) rather than lost silently.
struct Output {
    private var text = ""

    /// Adds a line.
    mutating func line(_ line: String) {
        text += line
        text += "\n"
    }

    /// A result as its command prints it: its JSON with `--json`, its description otherwise.
    mutating func result(_ value: some Encodable & CustomStringConvertible, asJSON: Bool) throws {
        if asJSON {
            try json(value)
        } else {
            line(value.description)
        }
    }

    /// Adds the compact JSON of a result value, as the library's encoder writes it.
    mutating func json(_ value: some Encodable) throws {
        line(try EntenteJSONEncoder().encode(value))
    }

    /// Writes everything added to standard output.
    ///
    /// - Throws: ``Failure`` naming the system's reason when the write fails.
    func flush() throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(STDOUT_FILENO, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                let reason = strerror(errno).map { String(cString: $0) } ?? "error \(errno)"
                throw Failure("cannot write to standard output: \(reason)")
            }
            offset += written
        }
    }
}
