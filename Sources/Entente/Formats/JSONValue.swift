/// A JSON value with the position it was read from, so that errors can name the line and column.
struct JSONNode: Sendable {
    enum Value: Sendable {
        case null
        case bool(Bool)
        /// A number, with its text as written (for error messages).
        case number(Double, String)
        case string(String)
        case array([JSONNode])
        /// Members in the order written.
        case object([(key: String, value: JSONNode)])
    }

    var value: Value
    var line: Int
    /// Byte offsets of the start of the value's line and of the value: the column is counted from
    /// them only when an error names it, so a one-line (minified) file still parses in linear time.
    var lineStart: Int
    var offset: Int

    /// The 1-based column of the value in characters (UTF-8 continuation bytes are not counted).
    func column(in bytes: [UInt8]) -> Int { characterColumn(in: bytes, lineStart: lineStart, position: offset) }

    /// What the value is, for messages (`a string`, `an object`).
    var kindDescription: String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The value as written, shortened, for messages.
    var text: String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(_, let text): return text
        case .string(let string): return string
        case .array: return "[…]"
        case .object: return "{…}"
        }
    }
}

/// A strict RFC 8259 parser over UTF-8 bytes that records line and column of every value.
struct JSONParser {
    private let bytes: [UInt8]
    private let file: String
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0

    /// Parses a whole document.
    static func parse(_ bytes: [UInt8], file: String) throws(GraphError) -> JSONNode {
        var parser = JSONParser(bytes: bytes, file: file)
        parser.skipWhitespace()
        let root = try parser.parseValue()
        parser.skipWhitespace()
        if parser.position < bytes.count {
            throw parser.error("unexpected \(parser.describeCurrent()) after the end of the JSON document")
        }
        return root
    }

    private init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// The column of the current position; O(length of the line), so only for error messages.
    private var column: Int { characterColumn(in: bytes, lineStart: lineStart, position: position) }

    private func error(_ message: String) -> GraphError {
        .syntax(SourceLocation(file: file, line: line, column: column), "invalid JSON: \(message)")
    }

    private func describeCurrent() -> String {
        guard position < bytes.count else { return "end of file" }
        let byte = bytes[position]
        if byte >= 0x21 && byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
        return hexByte(byte)
    }

    private func hexByte(_ byte: UInt8) -> Swift.String {
        let hex = Swift.String(byte, radix: 16, uppercase: true)
        return "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0D:
                position += 1
            case 0x0A:
                position += 1
                line += 1
                lineStart = position
            default:
                return
            }
        }
    }

    private mutating func parseValue() throws(GraphError) -> JSONNode {
        guard position < bytes.count else { throw error("unexpected end of file, expected a value") }
        let startLine = line
        let startLineStart = lineStart
        let startOffset = position
        let value: JSONNode.Value
        switch bytes[position] {
        case UInt8(ascii: "{"):
            value = try parseObject()
        case UInt8(ascii: "["):
            value = try parseArray()
        case UInt8(ascii: "\""):
            value = .string(try parseString())
        case UInt8(ascii: "t"):
            try expectWord("true")
            value = .bool(true)
        case UInt8(ascii: "f"):
            try expectWord("false")
            value = .bool(false)
        case UInt8(ascii: "n"):
            try expectWord("null")
            value = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            value = try parseNumber()
        default:
            throw error("unexpected \(describeCurrent()), expected a value")
        }
        return JSONNode(value: value, line: startLine, lineStart: startLineStart, offset: startOffset)
    }

    private mutating func expectWord(_ word: String) throws(GraphError) {
        let count = word.utf8.count
        let matches = position + count <= bytes.count && bytes[position..<position + count].elementsEqual(word.utf8)
        guard matches else { throw error("unexpected \(describeCurrent()), expected a value") }
        position += count
    }

    private mutating func enter() throws(GraphError) {
        depth += 1
        if depth > 512 { throw error("nesting deeper than 512 levels") }
    }

    private mutating func parseObject() throws(GraphError) -> JSONNode.Value {
        try enter()
        defer { depth -= 1 }
        position += 1
        var members: [(key: String, value: JSONNode)] = []
        // Duplicate names are found by a scan while an object is small (a node or an edge has at most
        // ten members), by a set beyond: hashing every name of every small object costs more.
        var seen: Set<String>?
        skipWhitespace()
        if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeCurrent()), expected a member name in double quotes")
            }
            let keyLine = line
            let keyLineStart = lineStart
            let keyOffset = position
            let key = try parseString()
            let duplicate: Bool
            if var names = seen {
                seen = nil
                duplicate = !names.insert(key).inserted
                seen = names
            } else {
                duplicate = members.contains { $0.key == key }
                if members.count == 16 { seen = Set(members.map(\.key) + [key]) }
            }
            if duplicate {
                let keyColumn = characterColumn(in: bytes, lineStart: keyLineStart, position: keyOffset)
                throw GraphError.syntax(SourceLocation(file: file, line: keyLine, column: keyColumn),
                                        "invalid JSON: duplicate member \(quoted(key))")
            }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw error("unexpected \(describeCurrent()), expected ':'")
            }
            position += 1
            skipWhitespace()
            members.append((key, try parseValue()))
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of file, expected ',' or '}'") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            throw error("unexpected \(describeCurrent()), expected ',' or '}'")
        }
    }

    private mutating func parseArray() throws(GraphError) -> JSONNode.Value {
        try enter()
        defer { depth -= 1 }
        position += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if position < bytes.count && bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of file, expected ',' or ']'") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            }
            throw error("unexpected \(describeCurrent()), expected ',' or ']'")
        }
    }

    private mutating func parseString() throws(GraphError) -> Swift.String {
        position += 1
        // Most strings have no escape: they are their bytes, decoded once.
        var end = position
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                let text = Swift.String(decoding: bytes[position..<end], as: UTF8.self)
                position = end + 1
                return text
            }
            if byte < 0x20 || byte == UInt8(ascii: "\\") { break }
            end += 1
        }
        var scalars = Swift.String.UnicodeScalarView()
        var runStart = position
        func flush(_ end: Int) {
            if end > runStart {
                scalars.append(contentsOf: Swift.String(decoding: bytes[runStart..<end], as: UTF8.self).unicodeScalars)
            }
        }
        while true {
            guard position < bytes.count else { throw error("unterminated string") }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                flush(position)
                position += 1
                return Swift.String(scalars)
            }
            if byte < 0x20 {
                throw error("control character (\(hexByte(byte))) in a string; write it escaped")
            }
            if byte != UInt8(ascii: "\\") {
                position += 1
                continue
            }
            flush(position)
            position += 1
            guard position < bytes.count else { throw error("unterminated string") }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                let high = try parseHex4()
                if (0xD800...0xDBFF).contains(high) {
                    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                          bytes[position + 1] == UInt8(ascii: "u") else {
                        throw error("unpaired surrogate \\u\(Swift.String(high, radix: 16))")
                    }
                    position += 2
                    let low = try parseHex4()
                    guard (0xDC00...0xDFFF).contains(low),
                          let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) else {
                        throw error("invalid surrogate pair")
                    }
                    scalars.append(scalar)
                } else if high == 0 {
                    // A NUL would end the name at the C libraries that draw it (Graphviz, fontconfig).
                    position -= 6
                    throw error("a string holds NUL (\\u0000), which Entente does not accept in names or text")
                } else if let scalar = Unicode.Scalar(high) {
                    scalars.append(scalar)
                } else {
                    throw error("unpaired surrogate \\u\(Swift.String(high, radix: 16))")
                }
            default:
                position -= 1
                throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string")
            }
            runStart = position
        }
    }

    private mutating func parseHex4() throws(GraphError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private mutating func parseNumber() throws(GraphError) -> JSONNode.Value {
        let start = position
        func digits() -> Int {
            let from = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                position += 1
            }
            return position - from
        }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integerDigits = digits()
        guard integerDigits > 0 else { throw error("invalid number: expected a digit") }
        if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") {
            position = integerStart
            throw error("invalid number: leading zero")
        }
        if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw error("invalid number: expected a digit after '.'") }
        }
        if position < bytes.count && (bytes[position] | 0x20) == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) {
                position += 1
            }
            guard digits() > 0 else { throw error("invalid number: expected a digit in the exponent") }
        }
        let text = Swift.String(decoding: bytes[start..<position], as: UTF8.self)
        guard let number = Double(text) else { throw error("invalid number \(text)") }
        return .number(number, text)
    }
}

/// The 1-based character column of a byte position: UTF-8 continuation bytes between the start of its
/// line and it are not counted.
func characterColumn(in bytes: [UInt8], lineStart: Int, position: Int) -> Int {
    var count = 1
    var index = lineStart
    while index < position && index < bytes.count {
        if bytes[index] & 0xC0 != 0x80 { count += 1 }
        index += 1
    }
    return count
}
