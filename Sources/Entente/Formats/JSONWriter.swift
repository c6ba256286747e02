/// A small ordered JSON document model for deterministic output: members stay in the order given,
/// numbers print in one stable format.
public indirect enum JSONOutput: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, written by ``formatNumber(_:)``; a non-finite value is written as `null`.
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
    public func rendered(pretty: Bool = true) -> String {
        var text = ""
        write(into: &text, indent: 0, pretty: pretty)
        return text
    }

    private var isScalar: Bool {
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

    private func write(into text: inout String, indent: Int, pretty: Bool) {
        switch self {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .number(let number): text += formatNumber(number)
        case .integer(let integer): text += String(integer)
        case .string(let string): appendJSONString(string, to: &text)
        case .array(let items):
            if items.isEmpty {
                text += "[]"
                return
            }
            let inline = !pretty || isInline
            text += "["
            for (position, item) in items.enumerated() {
                if position > 0 { text += inline && pretty ? ", " : "," }
                if !inline { newline(&text, indent + 1) }
                item.write(into: &text, indent: indent + 1, pretty: pretty)
            }
            if !inline { newline(&text, indent) }
            text += "]"
        case .object(let members):
            if members.isEmpty {
                text += "{}"
                return
            }
            let inline = !pretty || isInline
            text += "{"
            for (position, member) in members.enumerated() {
                if position > 0 { text += inline && pretty ? ", " : "," }
                if !inline { newline(&text, indent + 1) }
                appendJSONString(member.0, to: &text)
                text += pretty ? ": " : ":"
                member.1.write(into: &text, indent: indent + 1, pretty: pretty)
            }
            if !inline { newline(&text, indent) }
            text += "}"
        }
    }

    private func newline(_ text: inout String, _ indent: Int) {
        text += "\n"
        text += String(repeating: "  ", count: indent)
    }
}

/// A number in the shortest form that reads back exactly: integers without a fraction
/// (`5`, not `5.0`), others as Swift's shortest round-trip representation (`0.1`, `1e-07`).
/// Non-finite values, which JSON cannot hold, print as `null`.
public func formatNumber(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 1e15 {
        return String(Int(value))
    }
    return "\(value)"
}

/// Appends a JSON string literal, escaping quotes, backslashes and control characters.
func appendJSONString(_ string: String, to text: inout String) {
    text += "\""
    for scalar in string.unicodeScalars {
        switch scalar {
        case "\"": text += "\\\""
        case "\\": text += "\\\\"
        case "\n": text += "\\n"
        case "\r": text += "\\r"
        case "\t": text += "\\t"
        case "\u{08}": text += "\\b"
        case "\u{0C}": text += "\\f"
        default:
            if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
    }
    text += "\""
}
