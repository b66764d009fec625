import ReadoutPlan

/// "Did you mean": the known key nearest to a misspelt one by Levenshtein edit distance (insertions,
/// deletions and substitutions of characters, each costing 1); ties go to the alphabetically first
/// key, so the suggestion is deterministic.
enum NearestKey {
    static func nearest(to key: String, in keys: Set<ResultKey>) -> ResultKey? {
        let target = Array(key.unicodeScalars)
        var best: (distance: Int, key: ResultKey)?
        for candidate in keys.sorted() {
            let d = distance(target, Array(candidate.rawValue.unicodeScalars), bound: best?.distance)
            if let d, d < (best?.distance ?? .max) { best = (d, candidate) }
        }
        return best?.key
    }

    /// Edit distance of `a` and `b`, or nil when it is `bound` or more (rows stop early then).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], bound: Int? = nil) -> Int? {
        if a.isEmpty { return bound.map { b.count < $0 ? b.count : nil } ?? b.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMin = min(rowMin, current[j])
            }
            if let bound, rowMin >= bound { return nil }
            swap(&previous, &current)
        }
        let d = previous[b.count]
        if let bound, d >= bound { return nil }
        return d
    }
}
