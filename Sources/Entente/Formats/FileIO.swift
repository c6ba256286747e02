import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and atomically writing whole files, with errors that name the file. File work goes
/// through swift-system; only `rename`, which it lacks, is called from the C library.
package enum FileIO {
    /// Reads a whole file (or standard input for `-`) as bytes.
    ///
    /// - Throws: ``GraphError/io(file:reason:)`` when the file cannot be opened or read, or is a directory.
    package static func read(_ path: String) throws(GraphError) -> [UInt8] {
        let descriptor: FileDescriptor
        do {
            descriptor = path == "-" ? FileDescriptor.standardInput
                : try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec])
        } catch {
            throw .io(file: path, reason: "cannot open: \(describe(error))")
        }
        do {
            defer { if path != "-" { try? descriptor.close() } }
            let info = try descriptor.stat()
            if info.type == .directory { throw GraphError.io(file: path, reason: "is a directory, not a graph file") }
            var bytes: [UInt8] = []
            if info.size > 0 { bytes.reserveCapacity(Int(info.size) + 1) }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = try chunk.withUnsafeMutableBytes { try descriptor.read(into: $0, retryOnInterrupt: true) }
                if count == 0 { break }
                bytes.append(contentsOf: chunk[0..<count])
            }
            return bytes
        } catch let error as GraphError {
            throw error
        } catch let error as Errno {
            throw .io(file: path, reason: "cannot read: \(describe(error))")
        } catch {
            throw .io(file: path, reason: "cannot read: \(error)")
        }
    }

    /// Whether a path names a directory.
    package static func isDirectory(_ path: String) -> Bool {
        (try? FilePath(path).stat().type) == .directory
    }

    /// Reads a whole file as UTF-8 text, rejecting empty and binary files. A leading byte-order mark is dropped.
    ///
    /// - Throws: ``GraphError/empty(file:)``, ``GraphError/binary(file:)`` or ``GraphError/io(file:reason:)``.
    package static func readText(_ path: String) throws(GraphError) -> [UInt8] {
        var bytes = try read(path)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        try checkText(bytes, file: path)
        return bytes
    }

    /// Checks that bytes are non-blank UTF-8 text without NUL bytes.
    package static func checkText(_ bytes: [UInt8], file: String) throws(GraphError) {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty(file: file) }
        let valid = bytes.withUnsafeBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return true }
            var index = 0
            while index < buffer.count {
                // ASCII runs, the bulk of every graph file, are checked eight bytes at a time: no
                // byte has its high bit set, and none is zero.
                while index + 8 <= buffer.count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
                    guard word & 0x8080_8080_8080_8080 == 0, hasZero == 0 else { break }
                    index += 8
                }
                guard index < buffer.count else { break }
                let byte = buffer[index]
                if byte == 0 { return false }
                if byte < 0x80 {
                    index += 1
                    continue
                }
                // One multi-byte sequence, by the standard library's decoder.
                var iterator = buffer[index..<min(index + 4, buffer.count)].makeIterator()
                var decoder = UTF8()
                guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
                index += UTF8.width(scalar)
            }
            return true
        }
        if !valid { throw .binary(file: file) }
    }

    /// Writes bytes to a file atomically: to a new file in the same directory, then renamed over the
    /// target, so that a failure never leaves a partial file. `-` writes to standard output.
    ///
    /// A new file gets the permissions a plain create gives (0666 less the process's umask, applied by
    /// the kernel: the umask is never read or changed); a file written over keeps its permission bits.
    /// A target that exists but cannot be written (read-only) is refused, not replaced.
    ///
    /// - Throws: ``GraphError/io(file:reason:)``; the target is then untouched.
    package static func writeAtomically(_ bytes: [UInt8], to path: String) throws(GraphError) {
        if path == "-" {
            do {
                _ = try bytes.withUnsafeBytes { try FileDescriptor.standardOutput.writeAll($0) }
            } catch {
                throw .io(file: "<stdout>", reason: "cannot write: \(describe(error))")
            }
            return
        }
        let target = FilePath(path)
        var permissions: FilePermissions = [.ownerReadWrite, .groupReadWrite, .otherReadWrite]
        var keepsPermissions = false
        if let existing = try? target.stat() {
            if existing.type == .directory { throw .io(file: path, reason: "is a directory") }
            guard access(path, W_OK) == 0 else {
                throw .io(file: path, reason: "cannot write: the file is read-only")
            }
            permissions = existing.permissions
            keepsPermissions = true
        }
        let directory = target.removingLastComponent()
        let name = target.lastComponent?.string ?? "output"
        var generator = SystemRandomNumberGenerator()
        var descriptor: FileDescriptor?
        var temporary = target
        for _ in 0..<16 where descriptor == nil {
            let suffix = String(generator.next() & 0xFFFF_FFFF, radix: 36)
            temporary = (directory.isEmpty ? FilePath(".") : directory).appending(".\(name).tmp-\(suffix)")
            do {
                descriptor = try FileDescriptor.open(temporary, .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec],
                                                     permissions: permissions)
            } catch Errno.fileExists {
                continue
            } catch {
                throw .io(file: path, reason: "cannot write: \(describe(error))")
            }
        }
        guard let descriptor else { throw .io(file: path, reason: "cannot write: no free temporary name") }
        var renamed = false
        defer { if !renamed { _ = temporary.withPlatformString { unlink($0) } } }
        do {
            defer { try? descriptor.close() }
            _ = try bytes.withUnsafeBytes { try descriptor.writeAll($0) }
            // The kernel applied the umask at creation; a file written over gets its own bits back.
            if keepsPermissions { _ = fchmod(descriptor.rawValue, permissions.rawValue) }
            guard fsync(descriptor.rawValue) == 0 else { throw Errno(rawValue: errno) }
        } catch {
            throw .io(file: path, reason: "cannot write: \(describe(error))")
        }
        let moved = temporary.withPlatformString { from in target.withPlatformString { to in rename(from, to) } }
        guard moved == 0 else { throw .io(file: path, reason: "cannot write: \(describe(Errno(rawValue: errno)))") }
        renamed = true
    }

    /// An errno's text as the C library words it (`No such file or directory`).
    private static func describe(_ error: any Error) -> String {
        guard let errno = error as? Errno else { return "\(error)" }
        guard let message = strerror(errno.rawValue) else { return "error \(errno.rawValue)" }
        return String(cString: message)
    }
}
