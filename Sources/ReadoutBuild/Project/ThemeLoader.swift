import Foundation
public import ReadoutCore
public import ReadoutRender

/// Reads `themes/<name>/templates/*.mustache` and `themes/<name>/assets/**`.
public enum ThemeLoader {
    public static func load(_ root: String) throws(DiagnosticsError) -> Theme {
        let templatesDirectory = root + "/templates"
        guard FileSystem.isDirectory(templatesDirectory) else {
            throw DiagnosticsError([Diagnostic(.error, "theme.missing", at: SourceLocation(file: root), "theme not found",
                                               expected: "a folder with templates/ and assets/")])
        }
        var templates: [String: String] = [:]
        for file in FileSystem.list(templatesDirectory) where file.hasSuffix(".mustache") {
            templates[String(file.dropLast(".mustache".count))] = try FileSystem.readText(templatesDirectory + "/" + file, display: templatesDirectory + "/" + file)
        }
        var assets: [String: [UInt8]] = [:]
        for file in FileSystem.walk(root + "/assets") {
            assets[file] = try FileSystem.readBytes(root + "/assets/" + file, display: root + "/assets/" + file)
        }
        return Theme(name: (root as NSString).lastPathComponent, templates: templates, assets: assets, source: templatesDirectory)
    }
}
