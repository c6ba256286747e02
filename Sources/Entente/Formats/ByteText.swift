/// Text built as UTF-8 bytes, for the writers of large files: literal fragments and values are
/// appended in place, without a `String` per line or a copy of the whole text at the end.
package struct ByteText {
    /// The text so far.
    package private(set) var bytes: [UInt8] = []

    package init(reservingCapacity capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Appends a string as it is.
    package mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends an integer in decimal.
    package mutating func append(_ number: Int) { append(String(number)) }

    /// Appends text escaped for XML content and attribute values, as ``MarkupText/xml`` escapes it.
    package mutating func appendXML(_ text: String) { append(MarkupText.xml.escape(text)) }
}
