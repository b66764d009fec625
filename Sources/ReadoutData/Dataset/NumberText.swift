/// Numbers as text in data files: one parser and one formatter, both locale-independent.
///
/// Parsing accepts plain decimal notation only — an optional sign, digits with an optional decimal
/// point, and an optional exponent (`12`, `-0.5`, `.5`, `3.`, `1e-05`, `+2E+3`) — after trimming
/// spaces and tabs on both sides. Everything else (`NA`, `nan`, `inf`, hex floats, thousands
/// separators, decimal commas) is not a number, so that a wrong export is reported rather than guessed.
/// Formatting prints integers without a decimal point and other values in the shortest text that
/// reads back to the same `Double`.
///
/// ``classify(_:)`` is the CSV reader's per-cell form of the same rules, straight from bytes; it also
/// says which numbers must stay text so that identifiers keep their spelling: integers written with a
/// leading zero (`007`) and integers of more than 15 digits (not exactly representable as `Double`).
enum NumberText {
    /// What a CSV cell is, for type inference.
    enum Cell: Equatable {
        /// Blank (empty or only spaces and tabs).
        case missing
        case number(Double)
        /// A decimal number too large for `Double` (`1e400`).
        case notFinite
        /// A number that must keep its spelling (`007`, 16+ digit integers), or not a number at all.
        case text
    }

    private static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }

    /// The cell's kind and value. Exact: the fast path (at most 15 digits and a power of ten up to 22,
    /// both exact in `Double`, so one correctly rounded operation — Clinger 1990) or the standard library.
    @inline(__always)
    static func classify(_ cell: UnsafeBufferPointer<UInt8>) -> Cell {
        // Short plain integers (ages, days, flags, sequence numbers) without a leading zero: the
        // value the general path below gives them (at most 15 digits, exact), without its steps.
        if cell.count <= 15, let base = cell.baseAddress, cell.count > 0, base[0] != 0x30 || cell.count == 1 {
            var value: UInt64 = 0
            var i = 0
            while i < cell.count {
                let digit = base[i] &- 0x30
                if digit > 9 { break }
                value = value &* 10 &+ UInt64(digit)
                i += 1
            }
            if i == cell.count { return .number(Double(value)) }
        }
        var start = 0, end = cell.count
        while start < end, cell[start] == 0x20 || cell[start] == 0x09 { start += 1 }
        while end > start, cell[end - 1] == 0x20 || cell[end - 1] == 0x09 { end -= 1 }
        guard start < end else { return .missing }
        var i = start
        var negative = false
        if cell[i] == 0x2B || cell[i] == 0x2D { negative = cell[i] == 0x2D; i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0, integerDigits = 0, fractionDigits = 0
        let integerStart = i
        while i < end, cell[i] >= 0x30, cell[i] <= 0x39 {
            if digits > 0 || cell[i] != 0x30 {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(cell[i] - 0x30) }
                digits += 1
            }
            integerDigits += 1
            i += 1
        }
        var fraction = false, exponentPart = false
        if i < end, cell[i] == 0x2E {
            fraction = true
            i += 1
            while i < end, cell[i] >= 0x30, cell[i] <= 0x39 {
                if digits > 0 || cell[i] != 0x30 {
                    if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(cell[i] - 0x30) }
                    digits += 1
                }
                fractionDigits += 1
                i += 1
            }
        }
        guard integerDigits + fractionDigits > 0 else { return .text }
        var exponent = 0
        if i < end, cell[i] == 0x65 || cell[i] == 0x45 {
            exponentPart = true
            i += 1
            var negativeExponent = false
            if i < end, cell[i] == 0x2B || cell[i] == 0x2D { negativeExponent = cell[i] == 0x2D; i += 1 }
            var exponentDigits = 0
            while i < end, cell[i] >= 0x30, cell[i] <= 0x39 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(cell[i] - 0x30) }
                exponentDigits += 1
                i += 1
            }
            guard exponentDigits > 0 else { return .text }
            if negativeExponent { exponent = -exponent }
        }
        guard i == end else { return .text }
        if !fraction, !exponentPart {
            if integerDigits > 1, cell[integerStart] == 0x30 { return .text }
            if digits > 15 { return .text }
        }
        if digits <= 15 {
            let power = exponent - fractionDigits
            if power == 0 || mantissa == 0 {
                let value = Double(mantissa)
                return .number(negative ? -value : value)
            }
            if power > 0, power <= 22 {
                let value = Double(mantissa) * powersOfTen[power]
                return .number(negative ? -value : value)
            }
            if power < 0, power >= -22 {
                let value = Double(mantissa) / powersOfTen[-power]
                return .number(negative ? -value : value)
            }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: cell[start..<end]), as: UTF8.self)
        guard let value = Double(text) else { return .text }
        return value.isFinite ? .number(value) : .notFinite
    }

    /// The number in `text`, or `nil` when `text` is not a decimal number (see the type's rules).
    /// Text that is blank after trimming is not a number either; callers treat it as missing first.
    static func parse(_ text: Substring) -> Double? {
        let trimmed = trim(text)
        guard isDecimal(trimmed.utf8) else { return nil }
        return Double(trimmed)
    }

    /// Whether `text` is empty or only spaces and tabs (a missing value in a numeric column).
    static func isBlank(_ text: Substring) -> Bool {
        text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// Shortest round-trip text; integral values below 2^53 in magnitude without `.0`
    /// (`3`, `-12`, `1000000000000000`, `0.1`, `1e-07`, `1e+20`).
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 0x1p53 { return String(Int64(value)) }
        return String(value)
    }

    private static func trim(_ text: Substring) -> Substring {
        var start = text.startIndex
        var end = text.endIndex
        while start < end, text[start] == " " || text[start] == "\t" { start = text.index(after: start) }
        while end > start {
            let before = text.index(before: end)
            guard text[before] == " " || text[before] == "\t" else { break }
            end = before
        }
        return text[start..<end]
    }

    /// `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`
    private static func isDecimal(_ bytes: Substring.UTF8View) -> Bool {
        var i = bytes.startIndex
        let end = bytes.endIndex
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        if i < end, bytes[i] == 0x2B || bytes[i] == 0x2D { i = bytes.index(after: i) }
        var mantissaDigits = 0
        while i < end, isDigit(bytes[i]) { mantissaDigits += 1; i = bytes.index(after: i) }
        if i < end, bytes[i] == 0x2E {
            i = bytes.index(after: i)
            while i < end, isDigit(bytes[i]) { mantissaDigits += 1; i = bytes.index(after: i) }
        }
        guard mantissaDigits > 0 else { return false }
        if i < end, bytes[i] == 0x65 || bytes[i] == 0x45 {
            i = bytes.index(after: i)
            if i < end, bytes[i] == 0x2B || bytes[i] == 0x2D { i = bytes.index(after: i) }
            var exponentDigits = 0
            while i < end, isDigit(bytes[i]) { exponentDigits += 1; i = bytes.index(after: i) }
            guard exponentDigits > 0 else { return false }
        }
        return i == end
    }
}
