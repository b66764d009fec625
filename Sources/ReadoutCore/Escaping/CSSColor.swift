/// A colour written into an SVG or HTML attribute: only `#RGB` or `#RRGGBB` (or `none`) gets
/// through, so a colour can never carry markup, a URL or CSS.
public enum CSSColor {
    /// True for `#RGB`, `#RRGGBB` (hex digits, either case) and `none`.
    public static func isValid(_ text: String) -> Bool {
        if text == "none" { return true }
        let scalars = Array(text.unicodeScalars)
        guard scalars.first == "#", scalars.count == 4 || scalars.count == 7 else { return false }
        return scalars.dropFirst().allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// `text` when it is a valid colour, else `fallback`.
    public static func validated(_ text: String, fallback: String = "#000") -> String {
        isValid(text) ? text : fallback
    }
}
