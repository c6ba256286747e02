/// How text is written inside XML, HTML or Graphviz's HTML-like labels: `&`, `<`, `>` and `"` always
/// as entities, and what each target needs besides.
package struct MarkupText: Sendable {
    /// What an apostrophe becomes (`nil`: kept as it is).
    var apostrophe: String?
    /// What a line feed becomes (`nil`: kept).
    var lineFeed: String?
    /// Whether carriage returns and tabs become character references and the other characters XML 1.0
    /// forbids (control characters, U+FFFE, U+FFFF) are dropped.
    var xmlCharactersOnly: Bool

    /// XML content and attribute values (GraphML, GEXF): line breaks and tabs as character
    /// references, so that attribute values keep them.
    package static let xml = MarkupText(apostrophe: "&apos;", lineFeed: "&#10;", xmlCharactersOnly: true)
    /// HTML text and attribute values (the explorer page).
    package static let html = MarkupText(apostrophe: "&#39;", lineFeed: nil, xmlCharactersOnly: false)
    /// Graphviz's HTML-like labels: a line feed is a `<BR/>`.
    package static let graphvizLabel = MarkupText(apostrophe: nil, lineFeed: "<BR/>", xmlCharactersOnly: false)

    /// The text, escaped.
    ///
    /// - Complexity: O(length of the text).
    package func escape(_ text: String) -> String {
        // Most names and quotes need nothing: found by one pass over the bytes, returned as they are.
        if !needsEscaping(text) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'" where apostrophe != nil: result += apostrophe ?? ""
            case "\n" where lineFeed != nil: result += lineFeed ?? ""
            case "\r" where xmlCharactersOnly: result += "&#13;"
            case "\t" where xmlCharactersOnly: result += "&#9;"
            default:
                if xmlCharactersOnly && (scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether any byte of the text is one that ``escape(_:)`` changes.
    private func needsEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { needsEscaping($0) }
    }

    /// Whether any of these UTF-8 bytes is one that ``escape(_:)`` changes: when none is, the
    /// escaped text is the bytes as they are.
    package func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for position in bytes.indices {
            let byte = bytes[position]
            // Letters and most punctuation lie above '>': one comparison for the common byte.
            if byte > UInt8(ascii: ">") && byte != 0xEF { continue }
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""): return true
            case UInt8(ascii: "'") where apostrophe != nil: return true
            case UInt8(ascii: "\n") where lineFeed != nil: return true
            case ..<0x20 where xmlCharactersOnly: return true
            // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
            case 0xEF where xmlCharactersOnly && position + 2 < bytes.count && bytes[position + 1] == 0xBF
                && bytes[position + 2] >= 0xBE: return true
            default: continue
            }
        }
        return false
    }
}
