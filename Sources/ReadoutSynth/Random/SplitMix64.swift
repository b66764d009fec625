// SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators", OOPSLA;
// the reference C code is Vigna's splitmix64.c). Used only to expand a seed into xoshiro256** state,
// as Blackman & Vigna recommend. Integer arithmetic only, so identical on every platform.

/// The SplitMix64 generator: a 64-bit counter stepped by the golden-ratio gamma and passed through a
/// bijective finalizer; used to turn one seed into well-mixed initial state for ``Xoshiro256StarStar``.
public struct SplitMix64: Sendable {
    /// The counter; advanced by the golden-ratio gamma before each output.
    public private(set) var state: UInt64

    /// A generator whose first output is `mix(seed &+ 0x9E3779B97F4A7C15)`.
    public init(seed: UInt64) { state = seed }

    /// The next 64-bit output.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// SplitMix64's output finalizer (a variant of MurmurHash3's fmix64): a bijection on 64 bits.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
