/// Escaping for every output context Readout writes, one function per context. Text from the plan,
/// the data or the narrative reaches a page only through one of these (or through Mustache's `{{ }}`,
/// which escapes the same five characters as `Escape.htmlText`).
///
/// - `htmlText` and `htmlAttribute` escape `& < > " '`, so one escaped value is safe both as element
///   text and inside a quoted attribute. Attributes are always written double-quoted.
/// - `xml` (SVG text and attribute values) is the same function: the five entities `&amp; &lt; &gt;
///   &quot; &#39;` are valid XML and HTML alike, and figures are inlined into HTML pages.
/// - All three replace the code points XML 1.0 forbids or HTML reports as parse errors (C0 controls
///   other than tab, line feed and carriage return; DEL and C1 controls; U+FFFE, U+FFFF) with U+FFFD,
///   so every page and figure stays well-formed.
/// - `urlPathSegment` percent-encodes everything but RFC 3986 unreserved characters, so a name
///   becomes a harmless relative path segment (`javascript:alert(1)` → `javascript%3Aalert%281%29`).
public enum Escape {
    /// Text content of an HTML element.
    public static func htmlText(_ text: String) -> String { entities(text) }

    /// A double-quoted HTML attribute value.
    public static func htmlAttribute(_ text: String) -> String { entities(text) }

    /// SVG/XML character data or a double-quoted attribute value (shared with HTML; see above).
    public static func xml(_ text: String) -> String { entities(text) }

    /// One segment of a relative URL path: every byte of the UTF-8 form except `A–Z a–z 0–9 - . _ ~`
    /// is percent-encoded; the segments `.` and `..` are encoded as well, so they never navigate.
    public static func urlPathSegment(_ text: String) -> String {
        if text == "." { return "%2E" }
        if text == ".." { return "%2E%2E" }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out.unicodeScalars.append("%")
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }

    /// A relative URL path from unescaped segments, each encoded with `urlPathSegment`.
    public static func urlPath(_ segments: [String]) -> String {
        segments.map(urlPathSegment).joined(separator: "/")
    }

    private static func entities(_ text: String) -> String {
        if !mayNeedEscaping(text) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case _ where isNonCharacter(ch): out.unicodeScalars.append("\u{FFFD}")
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Whether `entities` could change `text`: false only if no UTF-8 byte is one of `& < > " '`, a C0
    /// control other than tab, line feed and carriage return, or DEL, and no byte is 0xC2 (which starts the
    /// C1 controls U+0080–U+009F) or 0xEF (which starts U+FFFE and U+FFFF). Most labels and numbers pass.
    private static func mayNeedEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case 0x09, 0x0A, 0x0D: continue
                case 0..<0x20, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"),
                     0x7F, 0xC2, 0xEF:
                    return true
                default: continue
                }
            }
            return false
        }
    }

    /// `text` with every code point that may not appear in an HTML or XML document (C0 controls other
    /// than tab, line feed and carriage return; DEL and the C1 controls; U+FFFE, U+FFFF) replaced by
    /// U+FFFD. For text that is already markup (a section built from escaped parts, a Mustache context).
    public static func documentCharacters(_ text: String) -> String {
        guard mayHoldNonCharacter(text) else { return text }
        var out = ""
        out.unicodeScalars.append(contentsOf: text.unicodeScalars.map { isNonCharacter($0) ? "\u{FFFD}" : $0 })
        return out
    }

    /// A byte test over the UTF-8 (page-sized texts pass through here): false when no C0 control other than
    /// tab, LF and CR, no DEL, no C1 control (C2 80…C2 9F) and no U+FFFE/U+FFFF (EF BF BE/BF) is in `text`.
    /// True sends the text to the code-point pass, which decides.
    static func mayHoldNonCharacter(_ text: String) -> Bool {
        let scan = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var i = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                if byte < 0x20 {
                    if byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
                } else if byte == 0x7F {
                    return true
                } else if byte == 0xC2 {
                    if i + 1 < count, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9F { return true }
                } else if byte == 0xEF {
                    if i + 2 < count, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE { return true }
                }
                i += 1
            }
            return false
        }
        return scan ?? text.unicodeScalars.contains(where: isNonCharacter)
    }

    private static func isNonCharacter(_ ch: Unicode.Scalar) -> Bool {
        switch ch.value {
        case 0x09, 0x0A, 0x0D: false
        case 0..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}

extension String {
    /// `Escape.htmlText(self)`: safe as HTML text, in a double-quoted attribute and in SVG.
    public var htmlEscaped: String { Escape.htmlText(self) }
}
