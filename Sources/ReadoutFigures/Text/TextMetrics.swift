// Text width estimates for layout without a font engine. The figures name a system font stack, so
// the face actually used varies (SF Pro, Segoe UI, Roboto, Helvetica/Arial, DejaVu Sans on Linux).
// Per-character advance widths are the larger of DejaVu Sans and Liberation Sans (metric-compatible
// with Arial/Helvetica), read from their hmtx tables, per mille of the font size, with separate bold
// tables; the others are narrower. A 3% margin covers kerning and hinting. Over-estimating only adds
// white space; under-estimating would make text overlap.

/// Approximate text measurement and greedy word wrapping.
public enum TextMetrics {
    /// max(DejaVu Sans, Liberation Sans) advance widths for U+0020…U+007E, per mille of the font size.
    static let regular: [UInt16] = [
        318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, // space … /
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 556, // 0 … ?
        1015, 684, 686, 722, 770, 667, 611, 778, 752, 295, 500, 667, 557, 863, 748, 787, // @ … O
        667, 787, 722, 667, 611, 732, 684, 989, 685, 667, 685, 390, 337, 390, 838, 556, // P … _
        500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, // ` … o
        635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,      // p … ~
    ]

    /// The same for the bold faces.
    static let bold: [UInt16] = [
        348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, // space … /
        696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 611, // 0 … ?
        1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 556, 775, 637, 995, 837, 850, // @ … O
        733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 556, // P … _
        500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, // ` … o
        716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,      // p … ~
    ]

    /// Multiplier applied to every estimate (kerning, hinting, rounding).
    static let safety = 1.03

    /// Estimated advance width of one Unicode scalar, per mille of the font size.
    static func advance(_ scalar: Unicode.Scalar, bold: Bool) -> Double {
        let v = scalar.value
        if v >= 0x20 && v <= 0x7E { return Double((bold ? Self.bold : regular)[Int(v - 0x20)]) }
        switch v {
        case 0xA0: return bold ? 348 : 318                       // no-break space
        case 0x2009, 0x202F: return 365                          // thin spaces
        case 0x2013: return 556                                  // en dash
        case 0x2014, 0x2026: return 1000                         // em dash, ellipsis
        case 0x2212, 0x2264, 0x2265, 0xB1, 0xD7, 0x2248: return 838 // minus, ≤, ≥, ±, ×, ≈
        case 0x2022: return bold ? 639 : 590                     // bullet
        case 0xB7: return bold ? 380 : 318                       // middle dot
        case 0x2018, 0x2019: return bold ? 380 : 318             // single quotes
        case 0x201C, 0x201D: return bold ? 657 : 518             // double quotes
        case 0xB2, 0xB3, 0xB9, 0x2070...0x209F: return 528       // superscripts and subscripts
        case 0x2190...0x21FF: return 1000                        // arrows
        case 0x0300...0x036F: return 0                           // combining marks
        case 0x1100...0x11FF, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60:
            return 1000                                          // CJK and full-width forms
        default: return bold ? 740 : 700                         // accented Latin, Greek, everything else
        }
    }

    /// Estimated width in viewBox units of `text` at `fontSize`, optionally bold.
    public static func width(_ text: String, fontSize: Double, bold: Bool = false) -> Double {
        var total = 0.0
        for scalar in text.unicodeScalars { total += advance(scalar, bold: bold) }
        return total / 1000 * fontSize * safety
    }

    /// Greedy word wrap of `text` into lines no wider than `maxWidth`; a single word wider than the
    /// limit is kept whole on its own line. Spaces next to a relation sign ("n = 51", "p < 0.001")
    /// do not break. Existing newlines start new lines; empty input gives [""].
    public static func wrap(_ text: String, maxWidth: Double, fontSize: Double, bold: Bool = false) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in unbreakableWords(paragraph) {
                let candidate = current.isEmpty ? String(word) : current + " " + word
                if current.isEmpty || width(candidate, fontSize: fontSize, bold: bold) <= maxWidth {
                    current = candidate
                } else {
                    lines.append(current)
                    current = String(word)
                }
            }
            lines.append(current)
        }
        return lines
    }

    /// Relation signs that stay on the line of both neighbours.
    static let gluing: Set<Substring> = ["=", "<", ">", "≤", "≥", "≈", "±", "×"]

    /// Space-separated words, with relation signs joined to the words on either side.
    static func unbreakableWords(_ paragraph: Substring) -> [String] {
        var words: [String] = []
        var glueNext = false
        for word in paragraph.split(separator: " ") {
            let sign = gluing.contains(word)
            if let last = words.last, glueNext || sign {
                words[words.count - 1] = last + " " + word
            } else {
                words.append(String(word))
            }
            glueNext = sign
        }
        return words
    }
}
