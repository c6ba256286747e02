/// SplitMix64 (Steele, Lea & Flood 2014; the generator `java.util.SplittableRandom` and the seeding
/// step of xoshiro use): a 64-bit state advanced by a constant, mixed on output. Small, fast and
/// fully determined by its seed, so the randomised algorithms (Louvain's and Leiden's node orders)
/// give the same answer for the same seed on every platform and Swift version, without touching any
/// global generator of the embedding process.
package struct SplitMix64: Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed` (any value; a negative one is used by bit pattern).
    init(seed: Int) {
        state = UInt64(bitPattern: Int64(seed))
    }

    /// A generator seeded by 64 bits as they are.
    package init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (bound > 0), without modulo bias (Lemire's multiply-and-reject).
    mutating func next(below bound: Int) -> Int {
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    /// Shuffles `values` in place (Fisher–Yates, from the back), in a way that depends only on the
    /// generator's state, not on the standard library's `shuffle`, whose algorithm may change.
    mutating func shuffle(_ values: inout [Int32]) {
        var index = values.count - 1
        while index > 0 {
            let other = next(below: index + 1)
            values.swapAt(index, other)
            index -= 1
        }
    }
}
