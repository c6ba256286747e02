/// Text built as UTF-8 bytes, for the writers of large files: literal fragments and values are
/// appended in place, without a `String` per line or a copy of the whole text at the end.
///
/// Text that goes to a file streams: a writer calls ``checkpoint()`` between records, and once a
/// megabyte has gathered it is handed to the file and the buffer starts again, so that writing a
/// graph costs a buffer, not a second copy of the graph. Text built in memory (``init(reservingCapacity:)``)
/// keeps everything, and its checkpoints do nothing.
package struct ByteText {
    /// The text gathered since the last hand-over (all of it, for text built in memory).
    package private(set) var bytes: [UInt8] = []
    /// Where full buffers go; `nil` keeps the text in memory.
    private let drain: ((UnsafeRawBufferPointer) throws(GraphError) -> Void)?

    /// The size at which ``checkpoint()`` hands the buffer over.
    private static let chunk = 1 << 20

    /// Text kept in memory, with room for `capacity` bytes.
    package init(reservingCapacity capacity: Int = 0) {
        drain = nil
        bytes.reserveCapacity(capacity)
    }

    /// Text handed to `drain` a megabyte at a time, at checkpoints, and by ``flush()``.
    package init(draining drain: @escaping (UnsafeRawBufferPointer) throws(GraphError) -> Void) {
        self.drain = drain
        bytes.reserveCapacity(Self.chunk + Self.chunk / 4)
    }

    /// Hands the buffer over when it holds a megabyte or more; call it between records.
    ///
    /// - Throws: what the drain throws (a write error); nothing for text kept in memory.
    package mutating func checkpoint() throws(GraphError) {
        if drain != nil && bytes.count >= Self.chunk { try flush() }
    }

    /// Hands everything gathered over; nothing for text kept in memory.
    package mutating func flush() throws(GraphError) {
        guard let drain, !bytes.isEmpty else { return }
        // withUnsafeBytes rethrows untyped; the result carries the typed error out.
        try bytes.withUnsafeBytes { buffer in
            Result { () throws(GraphError) in try drain(buffer) }
        }.get()
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends one byte.
    package mutating func append(byte: UInt8) { bytes.append(byte) }

    /// Appends bytes as they are.
    package mutating func append(bytes more: some Sequence<UInt8>) { bytes.append(contentsOf: more) }

    /// Appends a string as it is.
    package mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends an integer in decimal.
    package mutating func append(_ number: Int) { append(String(number)) }

    /// Appends text escaped for XML content and attribute values, as ``MarkupText/xml`` escapes it.
    package mutating func appendXML(_ text: String) { append(MarkupText.xml.escape(text)) }

    /// Runs `body` on the bytes gathered so far, for writers that build with `[UInt8]` functions.
    package mutating func withBytes<Result>(_ body: (inout [UInt8]) -> Result) -> Result { body(&bytes) }
}

extension ByteText {
    /// The text of `write` kept in memory: for the `String` and `[UInt8]` forms of a streaming
    /// writer.
    ///
    /// - Throws: what `write` throws (a writer's refusal); text kept in memory is never handed over,
    ///   so no write error.
    package static func inMemory(reservingCapacity capacity: Int = 0,
                                 _ write: (inout ByteText) throws(GraphError) -> Void) throws(GraphError) -> [UInt8] {
        var text = ByteText(reservingCapacity: capacity)
        try write(&text)
        return text.bytes
    }

    /// ``inMemory(reservingCapacity:_:)`` for a writer that refuses nothing: its only error would
    /// come from handing text over, which text kept in memory never is.
    package static func inMemoryInfallible(reservingCapacity capacity: Int = 0,
                                           _ write: (inout ByteText) throws(GraphError) -> Void) -> [UInt8] {
        var text = ByteText(reservingCapacity: capacity)
        do { try write(&text) } catch { /* unreachable: only a drain throws, and this text has none */ }
        return text.bytes
    }
}
