import Entente

/// Where things are in DOT text: cgraph keeps no line numbers for nodes, edges or attributes, and
/// reports a missing `]` at the token after it, so errors find their line by scanning the text.
///
/// The scan knows DOT's lexical rules: `//`, `/* */` and `#` line comments, double-quoted strings
/// with backslash escapes, `<…>` HTML strings with nested brackets.
struct DOTLines {
    /// A token of DOT text: an identifier or number, a string (without its quotes), or one character
    /// of punctuation.
    struct Token {
        enum Kind { case word, quoted, html, punctuation }
        let kind: Kind
        let text: String
        let line: Int
    }

    let tokens: [Token]
    /// The line of a `"` or `<` that is never closed, if any.
    let unclosedString: Int?

    init(_ text: String) {
        var tokens: [Token] = []
        var unclosed: Int?
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var line = 1
        var atLineStart = true
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "_" || scalar == "." || scalar == "-" || scalar.value >= 0x80
                || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" {
                line += 1
                atLineStart = true
                index += 1
                continue
            }
            if scalar == " " || scalar == "\t" || scalar == "\r" {
                index += 1
                continue
            }
            let startsLine = atLineStart
            atLineStart = false
            let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            if (scalar == "#" && startsLine) || (scalar == "/" && next == "/") {
                while index < scalars.count && scalars[index] != "\n" { index += 1 }
            } else if scalar == "/" && next == "*" {
                index += 2
                while index < scalars.count && !(scalars[index] == "*" && index + 1 < scalars.count && scalars[index + 1] == "/") {
                    if scalars[index] == "\n" { line += 1 }
                    index += 1
                }
                index += 2
            } else if scalar == "\"" {
                let startLine = line
                var value = String.UnicodeScalarView()
                index += 1
                var closed = false
                while index < scalars.count {
                    let current = scalars[index]
                    if current == "\\" && index + 1 < scalars.count {
                        value.append(current)
                        value.append(scalars[index + 1])
                        if scalars[index + 1] == "\n" { line += 1 }
                        index += 2
                        continue
                    }
                    if current == "\"" {
                        closed = true
                        index += 1
                        break
                    }
                    if current == "\n" { line += 1 }
                    value.append(current)
                    index += 1
                }
                if !closed && unclosed == nil { unclosed = startLine }
                tokens.append(Token(kind: .quoted, text: String(value), line: startLine))
            } else if scalar == "<" {
                let startLine = line
                var depth = 0
                var value = String.UnicodeScalarView()
                while index < scalars.count {
                    let current = scalars[index]
                    if current == "<" { depth += 1 }
                    if current == ">" { depth -= 1 }
                    if current == "\n" { line += 1 }
                    value.append(current)
                    index += 1
                    if depth == 0 { break }
                }
                if depth != 0 && unclosed == nil { unclosed = startLine }
                tokens.append(Token(kind: .html, text: String(value), line: startLine))
            } else if isWordScalar(scalar) {
                var value = String.UnicodeScalarView()
                while index < scalars.count && isWordScalar(scalars[index]) {
                    // `--` and `->` are edge operators, not part of a word.
                    if scalars[index] == "-" && index + 1 < scalars.count && (scalars[index + 1] == "-" || scalars[index + 1] == ">") {
                        break
                    }
                    value.append(scalars[index])
                    index += 1
                }
                if value.isEmpty {
                    tokens.append(Token(kind: .punctuation, text: String(scalar), line: line))
                    index += 1
                } else {
                    tokens.append(Token(kind: .word, text: String(value), line: line))
                }
            } else {
                tokens.append(Token(kind: .punctuation, text: String(scalar), line: line))
                index += 1
            }
        }
        self.tokens = tokens
        self.unclosedString = unclosed
    }

    /// The line of the first `[` still open when the text reaches `line`: where a missing `]` is,
    /// when Graphviz reports the error at the statement after it.
    func unclosedBracket(before line: Int) -> Int? {
        var open: [Int] = []
        for token in tokens where token.kind == .punctuation {
            if token.line >= line { break }
            if token.text == "[" { open.append(token.line) }
            if token.text == "]" { _ = open.popLast() }
        }
        return open.first
    }

    /// The line where `name = value` is written (the first such, in a statement or a default),
    /// comparing the value as written without quotes.
    func line(ofAttribute name: String, value: String) -> Int? {
        guard tokens.count >= 3 else { return nil }
        for position in 0..<(tokens.count - 2) {
            let key = tokens[position], equals = tokens[position + 1], written = tokens[position + 2]
            guard key.kind != .punctuation, key.text == name, equals.kind == .punctuation, equals.text == "=" else {
                continue
            }
            if written.text == value { return key.line }
        }
        return nil
    }
}

extension DOTLines {
    /// The line of the first token after the first graph's closing `}`, or nil when nothing but
    /// white space and comments follows it (or the braces never close). A byte scan with DOT's
    /// lexical rules (comments, quoted strings with escapes, `<…>` HTML strings), cheap enough for
    /// every file read: only text it flags is parsed again to count its graphs.
    ///
    /// - Complexity: O(n) in the bytes.
    static func lineAfterFirstGraph(_ bytes: [UInt8]) -> Int? {
        var line = 1
        var depth = 0
        var closed = false
        var atLineStart = true
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case 0x0A:
                line += 1
                atLineStart = true
                index += 1
                continue
            case 0x20, 0x09, 0x0D, 0x0C:
                index += 1
                continue
            case UInt8(ascii: "#") where atLineStart:
                while index < count && bytes[index] != 0x0A { index += 1 }
                continue
            case UInt8(ascii: "/") where index + 1 < count && bytes[index + 1] == UInt8(ascii: "/"):
                while index < count && bytes[index] != 0x0A { index += 1 }
                continue
            case UInt8(ascii: "/") where index + 1 < count && bytes[index + 1] == UInt8(ascii: "*"):
                index += 2
                while index < count && !(bytes[index] == UInt8(ascii: "*") && index + 1 < count && bytes[index + 1] == UInt8(ascii: "/")) {
                    if bytes[index] == 0x0A { line += 1 }
                    index += 1
                }
                index += 2
                atLineStart = false
                continue
            default:
                break
            }
            atLineStart = false
            if closed { return line }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                while index < count && bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") { index += 1 }
                    if index < count && bytes[index] == 0x0A { line += 1 }
                    index += 1
                }
            case UInt8(ascii: "<") where depth > 0:
                var nesting = 0
                while index < count {
                    if bytes[index] == UInt8(ascii: "<") { nesting += 1 }
                    if bytes[index] == UInt8(ascii: ">") { nesting -= 1; if nesting == 0 { break } }
                    if bytes[index] == 0x0A { line += 1 }
                    index += 1
                }
            case UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { closed = true }
            default:
                break
            }
            index += 1
        }
        return nil
    }
}
