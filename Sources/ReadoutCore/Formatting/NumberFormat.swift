import CReadoutFormat
import Foundation

/// Locale-independent number formatting used by every page, so a number prints the same everywhere.
public enum NumberFormat {
    /// Text shown for a value that cannot be estimated (SAS and CSR convention: "NE").
    public static let notEstimable = "NE"

    /// Fixed decimals, C locale (`%.*f`, round-half-even on the binary value as printf does).
    /// `nil` and non-finite values print as ``notEstimable``.
    public static func fixed(_ value: Double?, digits: Int) -> String {
        guard let value, value.isFinite else { return notEstimable }
        let text = printf(digits: digits, value)
        // Avoid "-0.00".
        if text.hasPrefix("-"), Double(text) == 0 { return String(text.dropFirst()) }
        return text
    }

    /// `String(format: "%.*f", digits, value)` without Foundation's format parser and without `withVaList`:
    /// the C library's `snprintf` in the C locale (CReadoutFormat), which is what that call uses for a `Double`
    /// on Linux (tests compare both).
    static func printf(digits: Int, _ value: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            let count = Int(readout_format_fixed(buffer.baseAddress!, 64, Int32(clamping: digits), value))
            if count >= 0 && count < 64 {
                return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: count), as: UTF8.self)
            }
            return String(format: "%.*f", digits, value)
        }
    }

    /// A proportion as a percentage with `digits` decimals, no percent sign: 0.4567 → "45.7".
    public static func percent(_ proportion: Double?, digits: Int = 1) -> String {
        guard let proportion else { return notEstimable }
        return fixed(proportion * 100, digits: digits)
    }

    /// A p-value as clinical reports print it: 3 decimals, "<0.001" below that, ">0.999" above.
    public static func pValue(_ p: Double?) -> String {
        guard let p, p.isFinite else { return notEstimable }
        if p < 0.001 { return "<0.001" }
        if p > 0.999 { return ">0.999" }
        return fixed(p, digits: 3)
    }

    /// "n (x.x)" count with percentage of a denominator; "0" when the count is zero.
    public static func countPercent(_ count: Int, of denominator: Int, digits: Int = 1) -> String {
        guard denominator > 0 else { return "\(count)" }
        if count == 0 { return "0" }
        return "\(count) (\(fixed(Double(count) / Double(denominator) * 100, digits: digits)))"
    }

    /// An estimate with its interval: "0.62 (0.41, 0.93)".
    public static func estimateWithInterval(_ estimate: Double?, _ lower: Double?, _ upper: Double?, digits: Int) -> String {
        "\(fixed(estimate, digits: digits)) (\(fixed(lower, digits: digits)), \(fixed(upper, digits: digits)))"
    }
}
