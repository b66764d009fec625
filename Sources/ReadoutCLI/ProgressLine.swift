/// The one-line build status drawn on a terminal's stderr: what it shows and when (pure, tested).
///
/// The line appears only when stderr is a terminal that can return the cursor (TERM is not `dumb`),
/// and only once the build has run for ``delay`` seconds, so short builds and CI logs stay clean.
enum ProgressLine {
    /// Seconds a build runs before the line appears.
    static let delay = 1.0
    /// Carriage return and "erase to end of line" (ECMA-48 EL): the line is redrawn in place.
    static let clear = "\r\u{1B}[K"

    /// Whether a build may draw the line at all.
    static func isEnabled(stderrIsTerminal: Bool, term: String?) -> Bool {
        stderrIsTerminal && term != "dumb"
    }

    /// Whether the line is drawn after `elapsed` seconds of the build.
    static func shouldDraw(enabled: Bool, elapsed: Double) -> Bool {
        enabled && elapsed >= delay
    }

    /// The status text, at most `width - 1` characters (so the terminal never wraps it): the elapsed
    /// time, then the project and phase; a long project path loses its beginning ("…" marks the cut).
    static func text(project: String, phase: String, elapsed: Double, width: Int) -> String {
        let time = tenths(elapsed) + " s"
        let fixedPart = "readout: " + time + "  " + phase
        let room = max(width, 20) - 1 - fixedPart.count - 2
        var name = project
        if name.count > room {
            name = room > 1 ? "…" + String(name.suffix(room - 1)) : ""
        }
        let line = name.isEmpty ? fixedPart : "readout: " + time + "  " + name + ": " + phase
        return line.count < width ? line : String(line.prefix(max(width - 1, 0)))
    }

    /// Seconds with one decimal.
    static func tenths(_ seconds: Double) -> String {
        let value = Int((min(max(0, seconds.isFinite ? seconds : 0), 1e9) * 10).rounded())
        return String(value / 10) + "." + String(value % 10)
    }
}
