/// A small ordered JSON document model for deterministic output: members stay in the order given,
/// numbers print in one stable format.
public enum JSONOutput: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, written by ``TextFormat/number(_:)``; a non-finite value is written as `null`.
    case number(Double)
    /// An integer, written without a fraction.
    case integer(Int)
    /// A string, escaped as JSON requires.
    case string(String)
    /// An array of values, in the order given.
    case array([JSONOutput])
    /// An object whose members stay in the order given (no sorting, no merging of repeated keys).
    case object([(String, JSONOutput)])

    /// Whether two documents render to the same compact text.
    public static func == (lhs: JSONOutput, rhs: JSONOutput) -> Bool {
        lhs.rendered(pretty: false) == rhs.rendered(pretty: false)
    }

    /// The document as text. Pretty output indents by two spaces and puts arrays of scalars and
    /// small objects on one line; compact output has no whitespace.
    ///
    /// - Complexity: O(size of the text).
    public func rendered(pretty: Bool = true) -> String {
        String(decoding: renderedBytes(pretty: pretty), as: UTF8.self)
    }

    /// The document as UTF-8 bytes: what ``rendered(pretty:)`` returns, before it becomes a `String`.
    package func renderedBytes(pretty: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = []
        write(into: &bytes, indent: 0, pretty: pretty)
        return bytes
    }

    package var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    /// Whether the value goes on one line in pretty output.
    private var isInline: Bool {
        switch self {
        case .array(let items): return items.allSatisfy(\.isScalar)
        case .object(let members): return members.count <= 4 && members.allSatisfy { $0.1.isScalar }
        default: return true
        }
    }

    /// Appends the document's text at a depth of `indent` levels.
    package func write(into bytes: inout [UInt8], indent: Int, pretty: Bool) {
        switch self {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): bytes.append(contentsOf: TextFormat.number(number).utf8)
        case .integer(let integer): bytes.append(contentsOf: String(integer).utf8)
        case .string(let string): appendJSONString(string, to: &bytes)
        case .array(let items):
            writeJSONContainer(count: items.count, object: false, inline: !pretty || isInline, pretty: pretty, indent: indent,
                               into: &bytes) { position, bytes in items[position].write(into: &bytes, indent: indent + 1, pretty: pretty) }
        case .object(let members):
            writeJSONContainer(count: members.count, object: true, inline: !pretty || isInline, pretty: pretty, indent: indent,
                               into: &bytes) { position, bytes in
                appendJSONString(members[position].0, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                if pretty { bytes.append(UInt8(ascii: " ")) }
                members[position].1.write(into: &bytes, indent: indent + 1, pretty: pretty)
            }
        }
    }

}

/// Writes an array (`[…]`) or object (`{…}`) of `count` children, each written by `child`: on one
/// line when `inline`, one child a line otherwise; `[]` or `{}` when empty. The one layout of both
/// ``JSONOutput`` and the encoder's own tree.
func writeJSONContainer(count: Int, object: Bool, inline: Bool, pretty: Bool, indent: Int, into bytes: inout [UInt8],
                        child: (Int, inout [UInt8]) -> Void) {
    bytes.append(UInt8(ascii: object ? "{" : "["))
    for position in 0..<count {
        if position > 0 {
            bytes.append(UInt8(ascii: ","))
            if inline && pretty { bytes.append(UInt8(ascii: " ")) }
        }
        if !inline { newline(&bytes, indent + 1) }
        child(position, &bytes)
    }
    if !inline && count > 0 { newline(&bytes, indent) }
    bytes.append(UInt8(ascii: object ? "}" : "]"))
}

/// Starts a line of pretty JSON at a depth of `indent` levels.
func newline(_ bytes: inout [UInt8], _ indent: Int) {
    bytes.append(0x0A)
    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
}

/// Appends a JSON string literal as UTF-8 bytes, escaping quotes, backslashes and control characters
/// (and U+2028, U+2029, which JavaScript does not allow in a string literal): the string's own bytes
/// when nothing needs escaping (one pass to check, one copy), escaped otherwise.
func appendJSONString(_ string: String, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "\""))
    var string = string
    string.withUTF8 { utf8 in
        var start = 0
        var position = 0
        while position < utf8.count {
            let byte = utf8[position]
            let escape: StaticString?
            var width = 1
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x08: escape = "\\b"
            case 0x0C: escape = "\\f"
            case ..<0x20: escape = nil
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
            case 0xE2 where position + 2 < utf8.count && utf8[position + 1] == 0x80
                && (utf8[position + 2] == 0xA8 || utf8[position + 2] == 0xA9):
                escape = nil
                width = 3
            default:
                position += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<position]))
            if let escape {
                escape.withUTF8Buffer { bytes.append(contentsOf: $0) }
            } else {
                let value = width == 3 ? (utf8[position + 2] == 0xA8 ? 0x2028 : 0x2029) : Int(byte)
                let hex = String(value, radix: 16)
                bytes.append(contentsOf: "\\u".utf8)
                bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 4 - hex.utf8.count))
                bytes.append(contentsOf: hex.utf8)
            }
            position += width
            start = position
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
    }
    bytes.append(UInt8(ascii: "\""))
}
