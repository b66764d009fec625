// Independent random streams keyed by (seed, stream number): each subject and each purpose (baseline,
// course, outcomes, adverse events) draws from its own generator, so adding a subject or a variable
// never shifts the draws of another. The key is SplitMix64.mix(seed ⊕ mix(stream + γ)); the stream
// generator is xoshiro256** seeded from that key.

/// A seeded source of random numbers with the samplers the trial simulation needs; identical output
/// for the same seed and stream on every platform.
public struct RandomStream: Sendable {
    private var generator: Xoshiro256StarStar

    /// Stream number `stream` of the family defined by `seed`.
    public init(seed: UInt64, stream: UInt64) {
        let key = SplitMix64.mix(seed ^ SplitMix64.mix(stream &+ 0x9E37_79B9_7F4A_7C15))
        generator = Xoshiro256StarStar(seed: key)
    }

    /// The next raw 64-bit output.
    public mutating func nextBits() -> UInt64 { generator.next() }

    /// A uniform double in [0, 1) with 53 random bits (the top bits of the output).
    public mutating func uniform() -> Double {
        Double(generator.next() >> 11) * 0x1p-53
    }

    /// A uniform double in [lower, upper).
    public mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * uniform()
    }

    /// A uniform integer in `range`, without modulo bias (Lemire 2019, "Fast random integer
    /// generation in an interval", ACM TOMS 29(1): multiply-shift with rejection).
    public mutating func integer(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) &+ 1
        if width == 0 { return Int(truncatingIfNeeded: generator.next()) }  // the full 64-bit range
        var product = generator.next().multipliedFullWidth(by: width)
        if product.low < width {
            let threshold = (0 &- width) % width
            while product.low < threshold {
                product = generator.next().multipliedFullWidth(by: width)
            }
        }
        return range.lowerBound + Int(product.high)
    }

    /// `true` with probability `p`.
    public mutating func bernoulli(_ p: Double) -> Bool { uniform() < p }
}
