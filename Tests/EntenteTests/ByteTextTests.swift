import Testing
@testable import Entente

/// The byte buffer every large writer appends to: integers and numbers without strings, growth
/// past its first capacity, records lent as arrays, XML escaping in place, and streaming.
@Suite struct ByteTextTests {
    @Test func integersAreWrittenAsStringDoes() {
        let values = [0, 7, -7, 10, 99, 100, -1_000_000, 1_234_567_890, Int.max, Int.min]
        let bytes = ByteText.inMemoryInfallible { text in
            for value in values {
                text.append(value)
                text.append(byte: UInt8(ascii: " "))
            }
        }
        #expect(String(decoding: bytes, as: UTF8.self) == values.map { "\($0) " }.joined())
    }

    /// The fast path and the fallback of `append(number:)` both write what `TextFormat.number` writes.
    @Test func numbersAreWrittenAsTextFormatDoes() {
        let values = [0.123, -12.5, 1e-7, 0.1 + 0.2, 3.0, -0.0, 1e300, .nan, .infinity, 123_456_789.000001]
        let bytes = ByteText.inMemoryInfallible { text in
            for value in values {
                text.append(number: value)
                text.append(byte: UInt8(ascii: " "))
            }
        }
        #expect(String(decoding: bytes, as: UTF8.self) == values.map { TextFormat.number($0) + " " }.joined())
    }

    @Test func textGrowsPastItsFirstCapacityAndKeepsEverything() {
        var expected: [UInt8] = []
        let bytes = ByteText.inMemoryInfallible(reservingCapacity: 1) { text in
            for round in 0..<5_000 {
                let line = "line \(round) <&> é\n"
                text.append(line)
                expected += Array(line.utf8)
                text.withBytes { $0.append(contentsOf: [UInt8(ascii: "["), UInt8(ascii: "]")]) }
                expected += Array("[]".utf8)
                text.appendXML("a<b & \"c\"")
                expected += Array("a&lt;b &amp; &quot;c&quot;".utf8)
            }
        }
        #expect(bytes == expected)
    }

    /// Streaming text hands over whole records, a megabyte or more at a time, and everything by the end.
    @Test func streamingHandsOverEverythingInOrder() throws {
        var received: [UInt8] = []
        var handOvers: [Int] = []
        var expected: [UInt8] = []
        var text = ByteText { (buffer) throws(GraphError) in
            received += buffer
            handOvers.append(buffer.count)
        }
        for round in 0..<100_000 {
            text.append("record \(round)\n")
            expected += Array("record \(round)\n".utf8)
            try text.checkpoint()
        }
        try text.flush()
        #expect(received == expected)
        #expect(handOvers.count >= 2)
        #expect(handOvers.dropLast().allSatisfy { $0 >= 1 << 20 })
    }
}
