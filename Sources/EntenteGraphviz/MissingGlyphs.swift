import CFontconfig
import CGraphviz

/// Characters of a diagram that no installed font can draw: a PNG or PDF would show them as empty
/// boxes. ``Renderer/missingGlyphs(in:as:)`` finds them, with their scripts and the Noto font
/// families that cover them; how to install a family is the platform's business (the `entente`
/// command names Debian's packages).
///
/// ```text
/// no installed font has glyphs for '北京' (Han); a font such as Noto Sans CJK covers them
/// ```
public struct MissingGlyphs: Sendable, Hashable, CustomStringConvertible {
    /// The characters no font covers, each once, in the order the diagram's text first has them.
    public let characters: [Character]
    /// Their Unicode scripts (`Han`, `Arabic`, …; `other` outside the scripts Entente names), each once.
    public let scripts: [String]
    /// Font families that cover them, each once, by the names their makers give them: `Noto Sans
    /// CJK` for Chinese, Japanese and Korean, `Noto Color Emoji` for emoji, `Noto Sans` for the
    /// other modern scripts Entente names, and `Noto` (the whole family, whose fonts cover almost every
    /// script) otherwise.
    public let fontFamilies: [String]

    /// One line: `no installed font has glyphs for '…' (Han); a font such as Noto Sans CJK covers
    /// them`; at most 10 characters are quoted.
    public var description: String { cause + "; a font such as \(fontFamilies.joined(separator: " or ")) covers them" }

    /// The line without its advice: `no installed font has glyphs for '北京' (Han)`, for a client that
    /// gives advice of its own (the CLI names Debian's packages).
    public var cause: String {
        let shown = String(characters.prefix(10)) + (characters.count > 10 ? "…" : "")
        return "no installed font has glyphs for '\(shown)' (\(scripts.joined(separator: ", ")))"
    }

    /// A script's name and the Noto family that covers it, by code point range.
    private static let scriptRanges: [(range: ClosedRange<UInt32>, script: String, family: String)] = [
        (0x1100...0x11FF, "Hangul", cjk), (0x2E80...0x2FDF, "Han", cjk),
        (0x3040...0x309F, "Hiragana", cjk), (0x30A0...0x30FF, "Katakana", cjk),
        (0x3100...0x312F, "Bopomofo", cjk), (0x3130...0x318F, "Hangul", cjk),
        (0x3400...0x4DBF, "Han", cjk), (0x4E00...0x9FFF, "Han", cjk),
        (0xAC00...0xD7AF, "Hangul", cjk), (0xF900...0xFAFF, "Han", cjk),
        (0x20000...0x3134F, "Han", cjk),
        (0x0370...0x03FF, "Greek", sans), (0x0400...0x052F, "Cyrillic", sans),
        (0x0530...0x058F, "Armenian", sans), (0x0590...0x05FF, "Hebrew", sans),
        (0x0600...0x06FF, "Arabic", sans), (0x0750...0x077F, "Arabic", sans),
        (0xFB50...0xFDFF, "Arabic", sans), (0xFE70...0xFEFF, "Arabic", sans),
        (0x0900...0x097F, "Devanagari", sans), (0x0980...0x09FF, "Bengali", sans),
        (0x0A00...0x0A7F, "Gurmukhi", sans), (0x0A80...0x0AFF, "Gujarati", sans),
        (0x0B80...0x0BFF, "Tamil", sans), (0x0D80...0x0DFF, "Sinhala", sans),
        (0x0E00...0x0E7F, "Thai", sans), (0x10A0...0x10FF, "Georgian", sans),
        (0x1200...0x137F, "Ethiopic", sans), (0x1780...0x17FF, "Khmer", sans),
        (0x1F000...0x1FAFF, "Emoji", emoji), (0x2600...0x27BF, "Symbols", sans),
        (0x10000...0x100FF, "Linear B", noto),
    ]
    private static let cjk = "Noto Sans CJK", sans = "Noto Sans", emoji = "Noto Color Emoji", noto = "Noto"

    /// The missing glyphs of some characters, or `nil` when there are none.
    init?(characters: [Character]) {
        guard !characters.isEmpty else { return nil }
        var scripts: [String] = []
        var families: [String] = []
        for character in characters {
            let value = character.unicodeScalars.first?.value ?? 0
            let entry = Self.scriptRanges.first { $0.range.contains(value) }
            let script = entry?.script ?? "other"
            if !scripts.contains(script) { scripts.append(script) }
            let family = entry?.family ?? Self.noto
            if !families.contains(family) { families.append(family) }
        }
        self.characters = characters
        self.scripts = scripts
        self.fontFamilies = families
    }
}

extension Renderer {
    /// The characters of a diagram's drawn text (node labels, title, type and kind names) that no
    /// font installed on this machine covers, for a format drawn with fonts from this machine (PNG
    /// and PDF, through cairo); `nil` when every character is covered or for a format a viewer
    /// draws with its own fonts (SVG, HTML) or that holds no drawing (DOT, JSON).
    ///
    /// Coverage comes from fontconfig, which cairo finds its fonts through: a private configuration
    /// is loaded and freed, leaving the process's fontconfig state as it was.
    ///
    /// - Complexity: O(F + C) for F installed fonts and C characters of text, plus reading
    ///   fontconfig's cache.
    public static func missingGlyphs(in diagram: Diagram, as format: OutputFormat) -> MissingGlyphs? {
        guard format == .png || format == .pdf else { return nil }
        let graph = diagram.view.graph
        var text = diagram.displayedTitle
        for index in diagram.view.nodeIndices { text += graph.nodes[index].label }
        for type in graph.relationTypes { text += type.name }
        for kind in graph.nodeKinds { text += kind.name }
        var seen: Set<Character> = []
        let candidates = text.filter { character in
            guard character.unicodeScalars.contains(where: { $0.value >= 0x80 }), !character.isWhitespace else { return false }
            return seen.insert(character).inserted
        }
        guard !candidates.isEmpty else { return nil }
        let uncovered = Graphviz.shared.withLock { _ in uncoveredCharacters(Array(candidates)) }
        return MissingGlyphs(characters: uncovered)
    }

    /// The characters no installed font covers (a character is covered when every one of its
    /// scalars other than variation selectors and joiners is); none when fontconfig cannot load.
    private static func uncoveredCharacters(_ characters: [Character]) -> [Character] {
        guard let config = FcInitLoadConfigAndFonts() else { return [] }
        defer { FcConfigDestroy(config) }
        guard let pattern = FcPatternCreate() else { return [] }
        defer { FcPatternDestroy(pattern) }
        guard let objects = FcObjectSetCreate() else { return [] }
        defer { FcObjectSetDestroy(objects) }
        _ = FcObjectSetAdd(objects, "charset")
        guard let fonts = FcFontList(config, pattern, objects) else { return [] }
        defer { FcFontSetDestroy(fonts) }
        var charsets: [OpaquePointer] = []
        for index in 0..<Int(fonts.pointee.nfont) {
            var charset: OpaquePointer?
            if let font = fonts.pointee.fonts[index], FcPatternGetCharSet(font, "charset", 0, &charset) == FcResultMatch,
               let charset {
                charsets.append(charset)
            }
        }
        return characters.filter { character in
            character.unicodeScalars.contains { scalar in
                let ignorable = (0xFE00...0xFE0F).contains(scalar.value) || scalar.value == 0x200D
                return !ignorable && !charsets.contains { FcCharSetHasChar($0, scalar.value) != 0 }
            }
        }
    }
}
