// The root <svg> of every figure: responsive (width 100%, sized by its viewBox), accessible
// (role="img", <title> and <desc> referenced by aria-labelledby), self-contained (no scripts,
// no external fonts; a system font stack), and black text on a transparent background. No `style`
// attribute: pages carry a Content-Security-Policy without 'unsafe-inline', so sizing is the theme
// CSS's job (`figure svg { width: 100%; height: auto }`) and colours are presentation attributes.

/// Shared document settings and the root element builder.
public enum SVGDocument {
    /// The system font stack used for all text; no web fonts are loaded.
    public static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

    /// Wraps `content` in a root `<svg>` of the given viewBox size with title, description and ids
    /// derived from `id` (which must be unique within the page that embeds the figure).
    static func render(id: String, width: Double, height: Double, title: String, description: String,
                       content: [SVGElement]) -> String {
        let titleID = id + "-title"
        let descID = id + "-desc"
        let root = SVGElement("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("viewBox", "0 0 \(SVGNumber.coordinate(width)) \(SVGNumber.coordinate(height))"),
            ("width", "100%"),
            ("role", "img"),
            ("aria-labelledby", titleID + " " + descID),
            ("id", id),
            ("class", "readout-figure"),
            ("font-family", fontFamily),
            ("font-size", "13"),
            ("fill", "#000"),
        ], children: [
            .element(SVGElement("title", [("id", titleID)], children: [.text(title)])),
            .element(SVGElement("desc", [("id", descID)], children: [.text(description)])),
        ] + content.map { .element($0) })
        return root.render() + "\n"
    }

    /// A deterministic element id from a figure's title: "fig-" and the 32-bit FNV-1a hash of its UTF-8 bytes in hex.
    public static func defaultID(for title: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in title.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let hex = String(hash, radix: 16)
        return "fig-" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
