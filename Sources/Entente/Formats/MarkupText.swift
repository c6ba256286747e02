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
}
