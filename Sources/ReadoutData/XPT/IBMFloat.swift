/// IBM System/370 hexadecimal floating point, as SAS transport (XPORT v5) files store numbers.
///
/// Layout (big-endian, 8 bytes; SAS may store 3–7, dropping trailing fraction bytes):
/// bit 0 sign, bits 1–7 exponent `e` (excess 64, power of 16), bits 8–63 fraction `f` (56 bits).
/// value = (−1)^sign · f · 2^−56 · 16^(e − 64). Shorter lengths are the leading bytes, zero-padded.
/// SAS missing values are a first byte `.` (0x2E), `A`–`Z` (special missing .A–.Z) or `_` (._)
/// with every following byte zero; they decode to `nil`. An all-zero fraction is exactly 0.
/// The fraction is converted to `Double` with one round-to-nearest (56 → 53 bits) and then scaled by an
/// exact power of two, so the result is the correctly rounded IEEE double; an IEEE double that SAS
/// converted to IBM comes back exactly.
///
/// References: SAS Technical Support TS-140, "The record layout of a data set in SAS transport
/// (XPORT) format"; R `foreign::read.xport`.
enum IBMFloat {
    /// The number in `bytes[offset..<offset+length]` (`length` in 2...8), or `nil` for a SAS missing value.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, length: Int) -> Double? {
        let first = bytes[offset]
        var fraction: UInt64 = 0
        for i in 1..<length { fraction = fraction << 8 | UInt64(bytes[offset + i]) }
        fraction <<= UInt64(8 * (8 - length))
        if fraction == 0 {
            if first == 0x2E || first == 0x5F || (first >= 0x41 && first <= 0x5A) { return nil }
            return 0
        }
        let exponent = Int(first & 0x7F) - 64
        return Double(
            sign: first & 0x80 != 0 ? .minus : .plus,
            exponent: 4 * exponent - 56,
            significand: Double(fraction))
    }
}
