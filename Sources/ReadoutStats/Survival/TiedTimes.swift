/// Floating-point tie handling for event times, as R survival's `aeqSurv` (called by `survfit`,
/// `survdiff` and `coxph` through `timefix = TRUE`; survival vignette "tiedtimes").
///
/// The distinct times y₁ < … < y_m are scanned in order; y_{k+1} is tied to y_k when
/// y_{k+1} − y_k ≤ √ε or (y_{k+1} − y_k) / mean|y| ≤ √ε. A run of tied values is replaced by its first
/// (smallest) value, so 0.1 + 0.2 and 0.3 become 0.3. R applies this to the whole data set before
/// splitting by group; to reproduce a grouped R fit exactly when near-ties cross groups, collapse the
/// full column once with ``collapse(_:)`` before splitting.
public enum TiedTimes {
    /// R's tolerance `sqrt(.Machine$double.eps)`.
    public static let tolerance: Double = Double.ulpOfOne.squareRoot()

    /// `aeqSurv`: each time replaced by the first time of its run of near-equal times. O(n log n).
    public static func collapse(_ time: [Double]) -> [Double] {
        var sorted = time.filter { $0.isFinite }
        sorted.sort()
        guard sorted.count > 1 else { return time }
        let cuts = cutPoints(ofSorted: sorted)
        guard cuts.count < distinctCount(ofSorted: sorted) else { return time }
        return time.map { t -> Double in
            guard t.isFinite else { return t }
            // findInterval: the largest cut ≤ t.
            var lo = 0, hi = cuts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if cuts[mid] <= t { lo = mid + 1 } else { hi = mid }
            }
            return cuts[Swift.max(lo - 1, 0)]
        }
    }

    /// `aeqSurv` for `time` given `order`, a permutation that sorts it ascending. O(n).
    static func collapse(_ time: [Double], sortedBy order: [Int]) -> [Double] {
        var sorted = order.map { time[$0] }
        collapseSorted(&sorted)
        var result = time
        for (k, i) in order.enumerated() { result[i] = sorted[k] }
        return result
    }

    /// Collapses near-ties in place in an ascending array (the order is preserved). O(n).
    static func collapseSorted(_ sorted: inout [Double]) {
        guard sorted.count > 1 else { return }
        let mean = meanAbsoluteDistinct(ofSorted: sorted)
        var previous = sorted[0], cut = sorted[0]
        for i in sorted.indices {
            let value = sorted[i]
            if value != previous {
                let dy = value - previous
                if !(dy <= tolerance || dy / mean <= tolerance) { cut = value }
                previous = value
            }
            sorted[i] = cut
        }
    }

    private static func cutPoints(ofSorted sorted: [Double]) -> [Double] {
        let mean = meanAbsoluteDistinct(ofSorted: sorted)
        var cuts = [sorted[0]]
        var previous = sorted[0]
        for value in sorted where value != previous {
            let dy = value - previous
            if !(dy <= tolerance || dy / mean <= tolerance) { cuts.append(value) }
            previous = value
        }
        return cuts
    }

    private static func distinctCount(ofSorted sorted: [Double]) -> Int {
        var count = 0
        var previous: Double? = nil
        for value in sorted where value != previous {
            count += 1
            previous = value
        }
        return count
    }

    /// mean(abs(unique(y))), summed with Neumaier compensation (R sums in long double).
    private static func meanAbsoluteDistinct(ofSorted sorted: [Double]) -> Double {
        var sum = 0.0, compensation = 0.0, count = 0
        var previous: Double? = nil
        for value in sorted where value != previous {
            let x = abs(value)
            let t = sum + x
            compensation += abs(sum) >= x ? (sum - t) + x : (x - t) + sum
            sum = t
            count += 1
            previous = value
        }
        return (sum + compensation) / Double(count)
    }
}
