#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and atomically writing whole files, with errors that name the file.
public enum FileIO {
    /// Reads a whole file (or standard input for `-`) as bytes.
    ///
    /// - Throws: ``GraphError/io(file:reason:)`` when the file cannot be opened or read.
    public static func read(_ path: String) throws(GraphError) -> [UInt8] {
        let descriptor = path == "-" ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io(file: path, reason: "cannot open: \(errorText())") }
        defer { if path != "-" { close(descriptor) } }
        var info = stat()
        if fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            throw .io(file: path, reason: "is a directory, not a graph file")
        }
        var bytes: [UInt8] = []
        if info.st_size > 0 { bytes.reserveCapacity(Int(info.st_size) + 1) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(file: path, reason: "cannot read: \(errorText())")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// Reads a whole file as UTF-8 text, rejecting empty and binary files.
    ///
    /// A leading byte-order mark is dropped.
    /// - Throws: ``GraphError/empty(file:)``, ``GraphError/binary(file:)`` or ``GraphError/io(file:reason:)``.
    public static func readText(_ path: String) throws(GraphError) -> [UInt8] {
        var bytes = try read(path)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        try checkText(bytes, file: path)
        return bytes
    }

    /// Checks that bytes are non-blank UTF-8 text without NUL bytes.
    public static func checkText(_ bytes: [UInt8], file: String) throws(GraphError) {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty(file: file) }
        if bytes.contains(0) { throw .binary(file: file) }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: break loop
            case .error: throw .binary(file: file)
            }
        }
    }

    /// Writes bytes to a file atomically: to a temporary file in the same directory, then renamed
    /// over the target, so that a failure never leaves a partial file. `-` writes to standard output.
    ///
    /// - Throws: ``GraphError/io(file:reason:)``; the target is then untouched.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(GraphError) {
        if path == "-" {
            try writeAll(bytes, to: STDOUT_FILENO, file: path)
            return
        }
        let directory: String
        if let slash = path.lastIndex(of: "/") {
            directory = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            directory = "."
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array("\(directory)/.\(name).tmp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw .io(file: path, reason: "cannot write: \(errorText())") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
        }
        do {
            defer { close(descriptor) }
            try writeAll(bytes, to: descriptor, file: path)
            // mkstemp creates the file 0600; give it the permissions a plain create would.
            let mask = umask(0)
            umask(mask)
            fchmod(descriptor, 0o666 & ~mask)
            guard fsync(descriptor) == 0 else { throw GraphError.io(file: path, reason: "cannot write: \(errorText())") }
        }
        guard rename(temporary, path) == 0 else {
            throw .io(file: path, reason: "cannot write: \(errorText())")
        }
        renamed = true
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, file: String) throws(GraphError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .io(file: file, reason: "cannot write: \(errorText())")
            }
            offset += written
        }
    }

    private static func errorText() -> String {
        guard let message = strerror(errno) else { return "error \(errno)" }
        return String(decoding: UnsafeRawBufferPointer(start: message, count: strlen(message)), as: UTF8.self)
    }
}
