/// Counts of a categorical variable by level, as R's `table(factor(x, levels))`.
///
/// Levels are the given ones in the given order, or else the distinct non-missing values in byte
/// (UTF-8) order, R's `sort(unique(x), method = "radix")` (locale-independent). `nil` is missing; so
/// is a value that is not among explicitly given levels (R's `factor` turns it into NA). Percentages
/// are of the non-missing values.
public struct CategoricalSummary: Sendable, Equatable {
    public let levels: [String]
    /// Count per level, aligned with `levels`.
    public let counts: [Int]
    /// Number of missing values (including values outside given levels).
    public let missing: Int
    /// Number of values, missing included.
    public let total: Int

    /// Tabulates `values` over `levels` (or over the observed values in byte order when `levels` is `nil`).
    public init(_ values: [String?], levels: [String]? = nil) {
        let chosen = levels ?? Array(Set(values.compactMap { $0 }))
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var index: [String: Int] = [:]
        for (i, level) in chosen.enumerated() where index[level] == nil { index[level] = i }
        var counts = [Int](repeating: 0, count: chosen.count)
        var missing = 0
        for value in values {
            if let value, let i = index[value] { counts[i] += 1 } else { missing += 1 }
        }
        self.levels = chosen
        self.counts = counts
        self.missing = missing
        self.total = values.count
    }

    /// 100 · counts[i] / (total − missing); NaN when no value is present.
    public func percent(_ i: Int) -> Double {
        let present = total - missing
        return 100 * Double(counts[i]) / Double(present)
    }
}
