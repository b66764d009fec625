// Fixed, locale-free number printing for SVG coordinates and tick labels.
// Coordinates print with at most 2 decimals (trailing zeros trimmed) by integer arithmetic on the
// value rounded half away from zero, so the same Double always gives the same bytes on every platform.
// The digits are written into a small byte buffer and become one String: a figure prints thousands of
// coordinates, so no intermediate Strings.

/// Deterministic decimal formatting used for every number written into an SVG document.
public enum SVGNumber {
    /// Largest magnitude printed; larger values (and non-finite ones) are clamped so output stays bounded.
    static let limit = 1e12

    /// A coordinate with at most 2 decimals and trailing zeros removed: 12.5 → "12.5", 3.0 → "3", -0.001 → "0".
    public static func coordinate(_ value: Double) -> String {
        format(value, digits: 2, trimZeros: true)
    }

    /// Exactly `digits` decimals (0...6), rounded half away from zero: fixed(0.125, 2) → "0.13". NaN prints as "0".
    public static func fixed(_ value: Double, digits: Int) -> String {
        format(value, digits: min(max(digits, 0), 6), trimZeros: false)
    }

    /// |value| · 10^digits rounded half away from zero as an integer n (at most 10^18: the value is clamped to
    /// ±10¹², digits ≤ 6), printed as n / 10^digits "." n % 10^digits, with a minus sign when value < 0 and n ≠ 0.
    private static func format(_ value: Double, digits: Int, trimZeros: Bool) -> String {
        var v = value.isNaN ? 0 : value
        v = min(max(v, -limit), limit)
        var power = 1
        for _ in 0..<digits { power *= 10 }
        let n = Int((abs(v) * Double(power)).rounded(.toNearestOrAwayFromZero))
        let negative = v < 0 && n != 0
        var whole = n / power
        var fraction = n % power
        var fractionDigits = digits
        if trimZeros {
            while fractionDigits > 0, fraction % 10 == 0 { fraction /= 10; fractionDigits -= 1 }
        }
        // Sign, up to 13 whole digits, point, up to 6 decimals.
        return String(unsafeUninitializedCapacity: 24) { buffer in
            var end = 24
            func put(_ byte: UInt8) { end -= 1; buffer[end] = byte }
            if fractionDigits > 0 {
                for _ in 0..<fractionDigits { put(UInt8(ascii: "0") + UInt8(fraction % 10)); fraction /= 10 }
                put(UInt8(ascii: "."))
            }
            repeat { put(UInt8(ascii: "0") + UInt8(whole % 10)); whole /= 10 } while whole > 0
            if negative { put(UInt8(ascii: "-")) }
            let length = 24 - end
            for k in 0..<length { buffer[k] = buffer[end + k] }
            return length
        }
    }
}
