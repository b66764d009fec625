/// The precision values are recorded with: the fewest decimals (0–6) that write every value exactly,
/// so that integer data (age in years) print as integers and summaries add one decimal (the usual
/// convention of clinical summary tables: min/max at the data's precision, mean and median one more,
/// SD two more).
public enum DataPrecision {
    /// Most decimals looked for; values with more are reported at this precision.
    public static let maximum = 6

    public static func decimals<S: Sequence<Double>>(of values: S) -> Int {
        var decimals = 0
        for value in values where value.isFinite {
            while decimals < maximum && !isWhole(value, decimals) { decimals += 1 }
            if decimals == maximum { break }
        }
        return decimals
    }

    /// Whether `value` × 10^decimals is a whole number, within the rounding of the decimal text it was read from.
    static func isWhole(_ value: Double, _ decimals: Int) -> Bool {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = value * scale
        return abs(scaled - scaled.rounded()) <= 1e-9 * max(1, abs(scaled))
    }
}
