/// A fixed-length set of bits: missing-value masks of columns, population membership over subjects.
public struct Bitset: Sendable, Equatable {
    /// The bits, 64 to a word, bit `i` in word `i / 64` at position `i % 64`.
    public private(set) var words: [UInt64]
    /// Number of bits.
    public let count: Int

    /// `count` bits, all set to `value`.
    public init(count: Int, value: Bool = false) {
        self.count = count
        let wordCount = (count + 63) / 64
        words = [UInt64](repeating: value ? .max : 0, count: wordCount)
        if value, count % 64 != 0 { words[wordCount - 1] = (1 << UInt64(count % 64)) - 1 }
    }

    /// Bits set where `predicate(i)` holds.
    public init(count: Int, where predicate: (Int) -> Bool) {
        self.init(count: count)
        for i in 0..<count where predicate(i) { insert(i) }
    }

    public subscript(_ i: Int) -> Bool {
        words[i >> 6] & (1 << UInt64(i & 63)) != 0
    }

    public mutating func insert(_ i: Int) { words[i >> 6] |= 1 << UInt64(i & 63) }
    public mutating func remove(_ i: Int) { words[i >> 6] &= ~(1 << UInt64(i & 63)) }

    /// Number of bits set.
    public var cardinality: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Bits set in both.
    public func intersection(_ other: Bitset) -> Bitset {
        precondition(other.count == count, "bitsets of different lengths")
        var result = self
        for w in result.words.indices { result.words[w] &= other.words[w] }
        return result
    }

    /// Positions of the set bits, ascending.
    public var indices: [Int] {
        var out: [Int] = []
        out.reserveCapacity(cardinality)
        for (w, word) in words.enumerated() {
            var bits = word
            while bits != 0 {
                out.append(w << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return out
    }
}
