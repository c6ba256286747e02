@testable import Entente
import Testing

/// DOTWriter.quote's one-pass check agrees with its model of cgraph's lexer on every short string
/// over the characters that matter (letters, backslash, quote, line feed).
@Suite struct DOTQuoteTests {
    @Test func fastCheckAgreesWithTheLexerModel() {
        let alphabet: [Character] = ["a", "\\", "\"", "\n"]
        var strings = [""]
        var checked = 0
        var verbatim = 0
        for _ in 0..<7 {
            strings = strings.flatMap { prefix in alphabet.map { prefix + String($0) } }
            for value in strings {
                let expected = !value.contains("\"") && DOTWriter.readQuoted(value) == value
                #expect(DOTWriter.readsBackVerbatim(value) == expected, "\(value.debugDescription)")
                checked += 1
                if expected { verbatim += 1 }
            }
        }
        #expect(checked == 21_844)
        #expect(verbatim > 1_000)
    }
}
