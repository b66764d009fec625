// xoshiro256** 1.0 (Blackman & Vigna 2021, "Scrambled linear pseudorandom number generators",
// ACM TOMS 47(4); reference C code xoshiro256starstar.c). Period 2^256 − 1; state seeded from
// SplitMix64 as the authors recommend. Integer arithmetic only, so identical on every platform.

/// The xoshiro256** pseudorandom generator: 256 bits of state, 64-bit outputs, byte-identical output
/// for the same seed on every platform (no Foundation or system randomness is involved).
public struct Xoshiro256StarStar: Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// State filled with four consecutive SplitMix64 outputs from `seed` (never all zero, since
    /// SplitMix64's outputs over four consecutive counters cannot all vanish).
    public init(seed: UInt64) {
        var expander = SplitMix64(seed: seed)
        s0 = expander.next(); s1 = expander.next(); s2 = expander.next(); s3 = expander.next()
    }

    /// The next 64-bit output.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
