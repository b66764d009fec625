/// Numbers as text in data files: one parser and one formatter, both locale-independent.
///
/// Parsing accepts plain decimal notation only — an optional sign, digits with an optional decimal
/// point, and an optional exponent (`12`, `-0.5`, `.5`, `3.`, `1e-05`, `+2E+3`) — after trimming
/// spaces and tabs on both sides. Everything else (`NA`, `nan`, `inf`, hex floats, thousands
/// separators, decimal commas) is not a number, so that a wrong export is reported rather than guessed.
/// Formatting prints integers without a decimal point and other values in the shortest text that
/// reads back to the same `Double`.
enum NumberText {
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
