import SystemPackage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading and atomically writing whole files, with errors that name the file, as the readers and
/// writers of the library do it: a client that reads a file of its own (a list of pairs) or writes
/// bytes it made (a rendered diagram) gets the same checks and the same error messages. File work
/// goes through swift-system; only `rename`, which it lacks, is called from the C library.
public enum FileIO {
    /// The largest input read, in bytes: 2 GiB unless the environment variable
    /// `ENTENTE_MAX_INPUT_SIZE` says otherwise (a number of bytes, or with a suffix K, M or G).
    /// A graph file is parsed into several times its size in memory, so a bigger input is more
    /// likely a mistake (`/dev/zero`, a disk image) than a graph.
    package static let maximumInputSize: Int = {
        guard let text = getenv("ENTENTE_MAX_INPUT_SIZE").map({ String(cString: $0) }), !text.isEmpty else { return 1 << 31 }
        let multipliers: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        let suffix = text.last.flatMap { multipliers[Character($0.uppercased())] }
        let number = Int(suffix == nil ? text : String(text.dropLast())) ?? -1
        return number > 0 ? number * (suffix ?? 1) : 1 << 31
    }()

    /// "2 GiB", "512 MiB", "1,000 bytes": a size as the error messages give it.
    private static func describeSize(_ bytes: Int) -> String {
        for (unit, size) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes >= size && bytes % size == 0 {
            return "\(bytes / size) \(unit)"
        }
        return "\(bytes) bytes"
    }

    /// Reads a whole file (or standard input for `-`) as bytes, in chunks of 64 KiB, never more
    /// than ``maximumInputSize``: a size the file claims is not trusted (a sparse file, `/proc`).
    ///
    /// - Throws: ``GraphError/io(file:reason:)`` when the file cannot be opened or read, is a
    ///   directory or a device (other than a terminal), or is larger than the limit.
    package static func read(_ path: String) throws(GraphError) -> [UInt8] {
        let descriptor: FileDescriptor
        do {
            descriptor = path == "-" ? FileDescriptor.standardInput
                : try FileDescriptor.open(FilePath(path), .readOnly, options: [.closeOnExec])
        } catch {
            throw .io(file: path, reason: "cannot open: \(describe(error))")
        }
        let limit = maximumInputSize
        let tooLarge = GraphError.io(file: path, reason: "is larger than \(describeSize(limit)), the most Entente reads "
                                        + "(ENTENTE_MAX_INPUT_SIZE sets another limit)")
        do {
            defer { if path != "-" { try? descriptor.close() } }
            let info = try descriptor.stat()
            switch info.type {
            case .directory:
                throw GraphError.io(file: path, reason: "is a directory, not a graph file")
            case .characterSpecial where isatty(descriptor.rawValue) == 0, .blockSpecial:
                throw GraphError.io(file: path, reason: "is a device, not a graph file")
            default:
                break
            }
            if info.type == .regular && Int(info.size) > limit { throw tooLarge }
            var bytes: [UInt8] = []
            if info.type == .regular && info.size > 0 { bytes.reserveCapacity(Int(info.size) + 1) }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = try chunk.withUnsafeMutableBytes { try descriptor.read(into: $0, retryOnInterrupt: true) }
                if count == 0 { break }
                guard bytes.count + count <= limit else { throw tooLarge }
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
    public static func readText(_ path: String) throws(GraphError) -> [UInt8] {
        var bytes = try read(path)
        dropByteOrderMark(&bytes)
        try checkText(bytes, file: path)
        return bytes
    }

    /// The extension of a path, without the dot; empty when it has none (`svg` for `out/a.svg`,
    /// empty for `.profile` and `out.d/file`).
    public static func pathExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// Checks that bytes are non-blank UTF-8 text without NUL bytes.
    package static func checkText(_ bytes: [UInt8], file: String) throws(GraphError) {
        if isBlank(bytes) { throw .empty(file: file) }
        if firstInvalidUTF8(bytes, nulIsInvalid: true) != nil { throw .binary(file: file) }
    }

    /// Drops a leading UTF-8 byte-order mark. The one BOM rule of every reader, DOT's included.
    package static func dropByteOrderMark(_ bytes: inout [UInt8]) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    }

    /// Whether the bytes hold nothing but spaces, tabs and line ends (or nothing).
    package static func isBlank(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    /// The offset of the first byte that is not part of valid UTF-8 (or is NUL, when `nulIsInvalid`),
    /// nil when there is none.
    ///
    /// - Complexity: O(n); ASCII runs, the bulk of every graph file, are checked eight bytes at a time.
    package static func firstInvalidUTF8(_ bytes: [UInt8], nulIsInvalid: Bool) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var index = 0
            while index < buffer.count {
                // Eight bytes at a time: no byte has its high bit set (and, when NUL counts, none is zero).
                while index + 8 <= buffer.count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    let hasZero = nulIsInvalid ? (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 : 0
                    guard word & 0x8080_8080_8080_8080 == 0, hasZero == 0 else { break }
                    index += 8
                }
                guard index < buffer.count else { break }
                let byte = buffer[index]
                if byte == 0 && nulIsInvalid { return index }
                if byte < 0x80 {
                    index += 1
                    continue
                }
                // One multi-byte sequence, by the standard library's decoder.
                var iterator = buffer[index..<min(index + 4, buffer.count)].makeIterator()
                var decoder = UTF8()
                guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return index }
                index += UTF8.width(scalar)
            }
            return nil
        }
    }

    /// Writes bytes to a file atomically: to a new file in the same directory, then renamed over the
    /// target, so that a failure never leaves a partial file. `-` and `/dev/stdout` write to standard output.
    ///
    /// - A new file gets the permissions a plain create gives (0666 less the process's umask, applied by
    ///   the kernel: the umask is never read or changed); a file written over keeps its permission bits.
    /// - A regular file that is read-only (no write bit in its mode, whoever runs the command: root
    ///   too) is refused, not replaced.
    /// - A symbolic link is followed to the file it names, which is replaced atomically; the link
    ///   stays a link (as `sed -i --follow-symlinks` and most editors do). A link to nothing creates
    ///   the file it names.
    /// - A character or block device, a FIFO or a socket is written directly: replacing `/dev/null`
    ///   by a regular file would break the machine.
    /// - The temporary file has a short name (`.entente-XXXXXXXX.tmp`), so that a target whose name
    ///   is as long as the file system allows can still be written. ``TemporaryFiles/removeOnSignals()``
    ///   removes it when the process is interrupted.
    ///
    /// - Throws: ``GraphError/io(file:reason:)``; the target is then untouched.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(GraphError) {
        try withOutput(to: path) { (write) throws(GraphError) in
            // withUnsafeBytes rethrows untyped; the result carries the typed error out.
            try bytes.withUnsafeBytes { buffer in
                Result { () throws(GraphError) in try write(buffer) }
            }.get()
        }
    }

    /// Writes text to a file atomically as ``writeAtomically(_:to:)`` does, streaming: `produce`
    /// appends to a ``ByteText`` that is handed to the file a megabyte at a time at its checkpoints,
    /// so that the whole text is never in memory. A failure, of `produce` or of the disk, leaves no
    /// partial file.
    ///
    /// - Throws: what `produce` throws, or ``GraphError/io(file:reason:)``; the target is then untouched.
    package static func writeAtomically(to path: String,
                                        _ produce: (inout ByteText) throws(GraphError) -> Void) throws(GraphError) {
        do {
            try withOutput(to: path) { (write) throws(GraphError) in
                var text = ByteText(draining: write)
                try produce(&text)
                try text.flush()
            }
        } catch {
            // A writer's refusal names no file: it is the output's.
            throw error.located(at: SourceLocation(file: path))
        }
    }

    /// Opens what `path` names for writing as ``writeAtomically(_:to:)`` describes, runs `body` with
    /// a function that writes a buffer to it, and then commits (renames the temporary file over the
    /// target) or, when `body` throws, removes the temporary file.
    private static func withOutput(
        to path: String,
        _ body: (@escaping (UnsafeRawBufferPointer) throws(GraphError) -> Void) throws(GraphError) -> Void
    ) throws(GraphError) {
        if path == "-" || path == "/dev/stdout" {
            try body { (buffer) throws(GraphError) in
                do {
                    _ = try FileDescriptor.standardOutput.writeAll(buffer)
                } catch {
                    throw .io(file: "<stdout>", reason: "cannot write: \(describe(error))")
                }
            }
            return
        }
        let target = FilePath(resolvingLinks(path))
        var permissions: FilePermissions = [.ownerReadWrite, .groupReadWrite, .otherReadWrite]
        var keepsPermissions = false
        if let existing = try? target.stat() {
            switch existing.type {
            case .directory:
                throw .io(file: path, reason: "is a directory")
            case .regular:
                let writeBits: FilePermissions = [.ownerWrite, .groupWrite, .otherWrite]
                // access() says yes to root for any file; the mode bits say what the file's owner meant.
                guard existing.permissions.isDisjoint(with: writeBits) == false,
                      target.withPlatformString({ access($0, W_OK) }) == 0 else {
                    throw .io(file: path, reason: "is read-only; not replaced")
                }
                permissions = existing.permissions
                keepsPermissions = true
            default:
                try writeDirectly(to: target, named: path, body)
                return
            }
        }
        let directory = target.removingLastComponent()
        var generator = SystemRandomNumberGenerator()
        var descriptor: FileDescriptor?
        var temporary = target
        for _ in 0..<16 where descriptor == nil {
            let suffix = String(generator.next() & 0xFF_FFFF_FFFF, radix: 36)
            temporary = (directory.isEmpty ? FilePath(".") : directory).appending(".entente-\(suffix).tmp")
            // Recorded before it exists, so that a signal between its creation and the record
            // cannot leave it behind.
            TemporaryFiles.begin(temporary.string)
            do {
                descriptor = try FileDescriptor.open(temporary, .writeOnly, options: [.create, .exclusiveCreate, .closeOnExec],
                                                     permissions: permissions)
            } catch Errno.fileExists {
                TemporaryFiles.end()
                continue
            } catch {
                TemporaryFiles.end()
                throw .io(file: path, reason: "cannot write: \(describe(error))")
            }
        }
        guard let descriptor else { throw .io(file: path, reason: "cannot write: no free temporary name") }
        var renamed = false
        defer {
            if !renamed { _ = temporary.withPlatformString { unlink($0) } }
            TemporaryFiles.end()
        }
        defer { try? descriptor.close() }
        try body { (buffer) throws(GraphError) in
            do {
                _ = try descriptor.writeAll(buffer)
            } catch {
                throw .io(file: path, reason: "cannot write: \(describe(error))")
            }
        }
        // The kernel applied the umask at creation; a file written over gets its own bits back.
        if keepsPermissions { _ = fchmod(descriptor.rawValue, permissions.rawValue) }
        guard fsync(descriptor.rawValue) == 0 else {
            throw .io(file: path, reason: "cannot write: \(describe(Errno(rawValue: errno)))")
        }
        let moved = temporary.withPlatformString { from in target.withPlatformString { to in rename(from, to) } }
        guard moved == 0 else { throw .io(file: path, reason: "cannot write: \(describe(Errno(rawValue: errno)))") }
        renamed = true
    }

    /// Writes to a file that is not a regular file (a device, a FIFO) in place.
    private static func writeDirectly(
        to target: FilePath, named path: String,
        _ body: (@escaping (UnsafeRawBufferPointer) throws(GraphError) -> Void) throws(GraphError) -> Void
    ) throws(GraphError) {
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.open(target, .writeOnly, options: [.closeOnExec])
        } catch {
            throw .io(file: path, reason: "cannot write: \(describe(error))")
        }
        defer { try? descriptor.close() }
        try body { (buffer) throws(GraphError) in
            do {
                _ = try descriptor.writeAll(buffer)
            } catch {
                throw .io(file: path, reason: "cannot write: \(describe(error))")
            }
        }
    }

    /// The path a chain of symbolic links ends at (relative link targets taken from the link's own
    /// directory); the path itself when it is not a link. After 40 links (a loop) the last one is
    /// returned, and opening it reports the loop.
    package static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [UInt8](repeating: 0, count: 4097)
            let count = buffer.withUnsafeMutableBufferPointer { pointer in
                pointer.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: pointer.count) { readlink(current, $0, pointer.count - 1) }
                } ?? -1
            }
            guard count > 0 else { return current }
            let link = String(decoding: buffer[0..<count], as: UTF8.self)
            if link.hasPrefix("/") {
                current = link
            } else {
                let directory = FilePath(current).removingLastComponent()
                current = directory.isEmpty ? link : directory.appending(link).string
            }
        }
        return current
    }

    /// An errno's text as the C library words it (`No such file or directory`).
    private static func describe(_ error: any Error) -> String {
        guard let errno = error as? Errno else { return "\(error)" }
        guard let message = strerror(errno.rawValue) else { return "error \(errno.rawValue)" }
        return String(cString: message)
    }
}
