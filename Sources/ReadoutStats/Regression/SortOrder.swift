// Stable orderings in O(n): LSD radix sort of non-negative doubles by their IEEE-754 bit patterns
// (monotone for x ≥ 0), and counting sort by small integer codes. Used to sort a Cox data set once.

/// Stable sorting permutations for large columns.
enum SortOrder {
    /// Indices that put `values` (finite, ≥ 0) in ascending order; ties keep their input order.
    static func ascending(_ values: [Double]) -> [Int] {
        let n = values.count
        if n < 256 {
            return (0..<n).sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        }
        // Adding +0.0 turns −0.0 into +0.0, so bit patterns order like the values.
        var keys = values.map { ($0 + 0.0).bitPattern }
        var order = Array(0..<n)
        var keyBuffer = [UInt64](repeating: 0, count: n)
        var orderBuffer = [Int](repeating: 0, count: n)
        let digitBits: UInt64 = 16
        let buckets = 1 << 16
        var counts = [Int](repeating: 0, count: buckets)
        for pass in 0..<4 {
            let shift = UInt64(pass) * digitBits
            for b in 0..<buckets { counts[b] = 0 }
            for key in keys { counts[Int((key >> shift) & 0xFFFF)] += 1 }
            // A digit shared by every key leaves the order unchanged.
            if counts[Int((keys[0] >> shift) & 0xFFFF)] == n { continue }
            var total = 0
            for b in 0..<buckets { let c = counts[b]; counts[b] = total; total += c }
            for i in 0..<n {
                let d = Int((keys[i] >> shift) & 0xFFFF)
                let slot = counts[d]
                counts[d] = slot + 1
                keyBuffer[slot] = keys[i]
                orderBuffer[slot] = order[i]
            }
            swap(&keys, &keyBuffer)
            swap(&order, &orderBuffer)
        }
        return order
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
