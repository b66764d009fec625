/// The default theme compiled into the binary (generated from themes/default by `.ci/embed-theme` into
/// `BuiltInTheme+Files.swift`), so `readout` builds a project anywhere without a `themes/` folder.
/// A `themes/<name>` folder in the project or the working directory overrides it (`ThemeResolver`, ReadoutBuild).
public enum BuiltInTheme {
    /// The name it answers to.
    public static let name = "default"
    /// Where diagnostics say its templates come from.
    public static let source = "(built-in theme)/templates"

    /// The theme, as `ThemeLoader` would load the same files from a folder.
    public static var theme: Theme {
        var templates: [String: String] = [:]
        var assets: [String: [UInt8]] = [:]
        for file in files {
            if file.path.hasPrefix("templates/"), file.path.hasSuffix(".mustache") {
                templates[String(file.path.dropFirst("templates/".count).dropLast(".mustache".count))] = file.text
            } else if file.path.hasPrefix("assets/") {
                assets[String(file.path.dropFirst("assets/".count))] = Array(file.text.utf8)
            }
        }
        return Theme(name: name, templates: templates, assets: assets, source: source)
    }

    /// Every file, path relative to the theme folder (`templates/page.mustache`, `assets/readout.css`) → bytes:
    /// what `readout theme export` writes.
    public static var fileBytes: [(path: String, bytes: [UInt8])] {
        files.map { ($0.path, Array($0.text.utf8)) }
    }
}
