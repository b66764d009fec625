// Default series colours: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"),
// distinguishable under the common colour-vision deficiencies and ordered so that the first two
// (blue, vermillion) also separate well in greyscale print. Yellow is omitted (too light on white).

/// Colour-blind-safe colours and neutral greys used by the figures.
public enum Palette {
    /// Okabe–Ito blue.
    public static let blue = "#0072B2"
    /// Okabe–Ito vermillion.
    public static let vermillion = "#D55E00"
    /// Okabe–Ito bluish green.
    public static let bluishGreen = "#009E73"
    /// Okabe–Ito reddish purple.
    public static let reddishPurple = "#CC79A7"
    /// Okabe–Ito orange.
    public static let orange = "#E69F00"
    /// Okabe–Ito sky blue.
    public static let skyBlue = "#56B4E9"
    /// Black, for a seventh series and for all text.
    public static let black = "#000000"

    /// Series colours in assignment order.
    public static let series: [String] = [blue, vermillion, bluishGreen, reddishPurple, orange, skyBlue, black]

    /// The colour for series `index`, cycling through ``series``.
    public static func color(_ index: Int) -> String {
        series[((index % series.count) + series.count) % series.count]
    }

    /// Axis lines and tick marks.
    static let axis = "#000"
    /// Reference lines (landmarks, null effect).
    static let reference = "#767676"
    /// Box borders and connectors in flow diagrams.
    static let stroke = "#333"
}
