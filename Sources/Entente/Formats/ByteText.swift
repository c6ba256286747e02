/// Text built as UTF-8 bytes, for the writers of large files: literal fragments and values are
/// appended in place, without a `String` per line or a copy of the whole text at the end.
///
/// Text that goes to a file streams: a writer calls ``checkpoint()`` between records, and once a
/// megabyte has gathered it is handed to the file and the buffer starts again, so that writing a
/// graph costs a buffer, not a second copy of the graph. Text built in memory (``init(reservingCapacity:)``)
/// keeps everything, and its checkpoints do nothing.
package struct ByteText: ~Copyable {
    /// The text gathered since the last hand-over (all of it, for text built in memory): `count`
    /// bytes from `base`, in memory of `capacity` bytes that this text owns.
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    /// The record ``withBytes(_:)`` lends, kept between calls for its capacity.
    private var scratch: [UInt8] = []
    /// Where full buffers go; `nil` keeps the text in memory.
    private let drain: ((UnsafeRawBufferPointer) throws(GraphError) -> Void)?

    /// The size at which ``checkpoint()`` hands the buffer over.
    private static let chunk = 1 << 20

    /// Text kept in memory, with room for `capacity` bytes.
    package init(reservingCapacity capacity: Int = 0) {
        drain = nil
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    /// Text handed to `drain` a megabyte at a time, at checkpoints, and by ``flush()``.
    package init(draining drain: @escaping (UnsafeRawBufferPointer) throws(GraphError) -> Void) {
        self.drain = drain
        capacity = Self.chunk + Self.chunk / 4
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// The text gathered since the last hand-over, copied out.
    package var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Hands the buffer over when it holds a megabyte or more; call it between records.
    ///
    /// - Throws: what the drain throws (a write error); nothing for text kept in memory.
    package mutating func checkpoint() throws(GraphError) {
        if drain != nil && count >= Self.chunk { try flush() }
    }

    /// Hands everything gathered over; nothing for text kept in memory.
    package mutating func flush() throws(GraphError) {
        guard let drain, count > 0 else { return }
        try drain(UnsafeRawBufferPointer(start: base, count: count))
        count = 0
    }

    /// Where the next `more` bytes go, the memory grown (doubled) when they do not fit.
    private mutating func reserve(_ more: Int) -> UnsafeMutablePointer<UInt8> {
        if count + more > capacity {
            let grown = max(count + more, 2 * capacity)
            let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            moved.initialize(from: base, count: count)
            base.deallocate()
            base = moved
            capacity = grown
        }
        return base + count
    }

    /// Appends the bytes of a buffer: one capacity check and one copy, whatever the length.
    private mutating func append(contentsOf buffer: UnsafeBufferPointer<UInt8>) {
        guard let start = buffer.baseAddress, !buffer.isEmpty else { return }
        reserve(buffer.count).initialize(from: start, count: buffer.count)
        count += buffer.count
    }

    /// Appends one byte.
    package mutating func append(byte: UInt8) {
        reserve(1).initialize(to: byte)
        count += 1
    }

    /// Appends bytes as they are.
    package mutating func append(bytes more: some Sequence<UInt8>) {
        for byte in more { append(byte: byte) }
    }

    /// Appends bytes prepared once: a writer's fixed fragments, built before its loop.
    package mutating func append(_ fragment: [UInt8]) {
        fragment.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    /// Appends a string as it is.
    package mutating func append(_ text: String) {
        // A native string lends its UTF-8 in place; the loop is for bridged text only.
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil {
            append(bytes: text.utf8)
        }
    }

    /// Appends an integer in decimal, without a string.
    package mutating func append(_ number: Int) {
        let digits = TextFormat.digitCount(number.magnitude), sign = number < 0 ? 1 : 0
        let start = reserve(sign + digits)
        if sign == 1 { start.initialize(to: UInt8(ascii: "-")) }
        TextFormat.writeDigits(number.magnitude, count: digits, endingAt: start + sign + digits)
        count += sign + digits
    }

    /// Appends a number as ``TextFormat/number(_:)`` writes it, without a string for the common
    /// ones (whole numbers, whole numbers of millionths).
    package mutating func append(number value: Double) {
        let room = UnsafeMutableBufferPointer(start: reserve(TextFormat.shortNumberCapacity), count: TextFormat.shortNumberCapacity)
        if let written = TextFormat.shortNumber(value, into: room) {
            count += written
        } else {
            append(TextFormat.number(value))
        }
    }

    /// Appends text escaped for XML content and attribute values, as ``MarkupText/xml`` escapes it.
    package mutating func appendXML(_ text: String) {
        // Most names need nothing: checked and copied from the string's own bytes.
        let markup = MarkupText.xml
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes in
            if markup.needsEscaping(bytes) { return false }
            append(contentsOf: bytes)
            return true
        }
        if copied != true { append(markup.escape(text)) }
    }

    /// Appends what `body` appends to an empty array: for writers that build a record with
    /// `[UInt8]` functions.
    package mutating func withBytes<Result>(_ body: (inout [UInt8]) -> Result) -> Result {
        var record: [UInt8] = []
        swap(&record, &scratch)
        record.removeAll(keepingCapacity: true)
        let result = body(&record)
        append(record)
        swap(&record, &scratch)
        return result
    }
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
