// Fixed, locale-free number printing for SVG coordinates and tick labels.
// Coordinates print with at most 2 decimals (trailing zeros trimmed) by integer arithmetic on the
// value rounded half away from zero, so the same Double always gives the same bytes on every platform.

/// Deterministic decimal formatting used for every number written into an SVG document.
public enum SVGNumber {
    /// Largest magnitude printed; larger values (and non-finite ones) are clamped so output stays bounded.
    static let limit = 1e12

    /// A coordinate with at most 2 decimals and trailing zeros removed: 12.5 → "12.5", 3.0 → "3", -0.001 → "0".
    public static func coordinate(_ value: Double) -> String {
        let text = fixed(value, digits: 2)
        guard text.utf8.contains(UInt8(ascii: ".")) else { return text }
        var trimmed = Substring(text)
        while trimmed.last == "0" { trimmed = trimmed.dropLast() }
        if trimmed.last == "." { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    /// Exactly `digits` decimals (0...6), rounded half away from zero: fixed(0.125, 2) → "0.13". NaN prints as "0".
    public static func fixed(_ value: Double, digits: Int) -> String {
        let digits = min(max(digits, 0), 6)
        var v = value.isNaN ? 0 : value
        v = min(max(v, -limit), limit)
        var power = 1
        for _ in 0..<digits { power *= 10 }
        let scaled = (abs(v) * Double(power)).rounded(.toNearestOrAwayFromZero)
        let n = Int(scaled)
        let negative = v < 0 && n != 0
        var text = String(n / power)
        if digits > 0 {
            var frac = String(n % power)
            while frac.count < digits { frac = "0" + frac }
            text += "." + frac
        }
        return negative ? "-" + text : text
    }
}
