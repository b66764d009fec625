import Testing
import ReadoutCore

/// `Escape.htmlText`/`htmlAttribute`/`xml` return text that needs nothing escaped as it is; the result
/// must equal the scalar-by-scalar escaping for every input.
@Suite struct EscapingFastPathTests {
    /// The escaping as specified, one scalar at a time.
    static func reference(_ text: String) -> String {
        var out = ""
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                switch ch.value {
                case 0x09, 0x0A, 0x0D: out.unicodeScalars.append(ch)
                case 0..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: out.unicodeScalars.append("\u{FFFD}")
                default: out.unicodeScalars.append(ch)
                }
            }
        }
        return out
    }

    @Test func equalsScalarEscaping() {
        var texts = ["", "plain", "12.5 (3.1–20.0)", "a & b", "<b>", "\"q\" 'a'", "tab\tline\nret\r", "é ½ ° ± \u{A0}", "\u{80}\u{9F}\u{A0}",
                     "\u{FFFD}\u{FFFE}\u{FFFF}\u{FEFF}\u{F000}", "😀 → ✓", "\u{0}\u{1B}\u{7F}", "e\u{301}", "Hazard ratio ≥ 1"]
        for scalar in [0, 1, 0x08, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x26, 0x27, 0x3C, 0x7E, 0x7F, 0x80, 0x85, 0x9F, 0xA0, 0xFF, 0x100,
                       0xD7FF, 0xE000, 0xEFFF, 0xF000, 0xFFFC, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x10FFFF] {
            let ch = String(Character(Unicode.Scalar(UInt32(scalar))!))
            texts += [ch, "a" + ch + "b"]
        }
        for text in texts {
            let expected = Self.reference(text)
            #expect(Escape.htmlText(text) == expected, "\(text.unicodeScalars.map { $0.value })")
            #expect(Array(Escape.htmlAttribute(text).utf8) == Array(expected.utf8))
            #expect(Array(Escape.xml(text).utf8) == Array(expected.utf8))
        }
    }
}
