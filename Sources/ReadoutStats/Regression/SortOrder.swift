// Stable orderings in O(n): LSD radix sort of non-negative doubles by their IEEE-754 bit patterns
// (monotone for x ≥ 0), and counting sort by small integer codes. Used to sort a Cox data set once.

/// Stable sorting permutations for large columns.
public enum SortOrder {
    /// Indices that put `values` (finite, ≥ 0) in ascending order; ties keep their input order.
    public static func ascending(_ values: [Double]) -> [Int] {
        let n = values.count
        // Already in order (a subset of records sorted once by time): the stable order is the identity.
        var i = 1
        while i < n, values[i - 1] <= values[i] { i += 1 }
        if i >= n { return Array(0..<n) }
        if n < 256 {
            return (0..<n).sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        }
        // Six 11-bit digits; all histograms in one read, digits shared by every key skipped.
        let digitBits = 11, buckets = 1 << 11, mask: UInt64 = (1 << 11) - 1, digits = 6
        var histogram = [Int](repeating: 0, count: digits * buckets)
        // Adding +0.0 turns −0.0 into +0.0, so bit patterns order like the values.
        var items = [KeyedIndex](repeating: KeyedIndex(key: 0, index: 0), count: n)
        histogram.withUnsafeMutableBufferPointer { h in
            for i in 0..<n {
                let key = (values[i] + 0.0).bitPattern
                items[i] = KeyedIndex(key: key, index: i)
                for d in 0..<digits { h[d &* buckets &+ Int((key >> UInt64(d * digitBits)) & mask)] &+= 1 }
            }
        }
        var buffer = items
        for d in 0..<digits {
            let shift = UInt64(d * digitBits)
            let base = d * buckets
            if histogram[base + Int((items[0].key >> shift) & mask)] == n { continue }
            var offsets = [Int](repeating: 0, count: buckets)
            var total = 0
            for b in 0..<buckets { offsets[b] = total; total += histogram[base + b] }
            items.withUnsafeBufferPointer { source in
                buffer.withUnsafeMutableBufferPointer { target in
                    offsets.withUnsafeMutableBufferPointer { offsets in
                        for item in source {
                            let b = Int((item.key >> shift) & mask)
                            target[offsets[b]] = item
                            offsets[b] &+= 1
                        }
                    }
                }
            }
            swap(&items, &buffer)
        }
        return items.map(\.index)
    }

    /// A sort key with the row it came from.
    private struct KeyedIndex {
        var key: UInt64
        var index: Int
    }

    /// Dense 0-based codes for arbitrary integer labels, in ascending label order, and their count.
    static func denseCodes(_ labels: [Int]) -> (codes: [Int], count: Int) {
        guard let lo = labels.min(), let hi = labels.max() else { return ([], 0) }
        let (span, overflow) = hi.subtractingReportingOverflow(lo)
        if !overflow && span < 4 * labels.count + 1024 {
            var present = [Int](repeating: -1, count: span + 1)
            for v in labels { present[v - lo] = 0 }
            var next = 0
            for i in present.indices where present[i] == 0 { present[i] = next; next += 1 }
            return (labels.map { present[$0 - lo] }, next)
        }
        let distinct = Array(Set(labels)).sorted()
        var code: [Int: Int] = [:]
        for (i, v) in distinct.enumerated() { code[v] = i }
        return (labels.map { code[$0]! }, distinct.count)
    }

    /// Indices that sort `codes` (each in `0..<codeCount`) ascending, stably.
    static func stableByCode(_ codes: [Int], codeCount: Int) -> [Int] {
        var start = [Int](repeating: 0, count: codeCount + 1)
        for c in codes { start[c + 1] += 1 }
        for c in 0..<codeCount { start[c + 1] += start[c] }
        var order = [Int](repeating: 0, count: codes.count)
        for (i, c) in codes.enumerated() {
            order[start[c]] = i
            start[c] += 1
        }
        return order
    }
}
