import Foundation
public import ReadoutCore
public import ReadoutRender

/// Reads `themes/<name>/templates/*.mustache` and `themes/<name>/assets/**`.
public enum ThemeLoader {
    public static func load(_ root: String) throws(DiagnosticsError) -> Theme {
        let templatesDirectory = root + "/templates"
        guard let theme = ThemeRoot.resolve(root), FileSystem.isDirectory(templatesDirectory) else {
            throw DiagnosticsError([Diagnostic(.error, "theme.missing", at: SourceLocation(file: root), "theme not found",
                                               expected: "a folder with templates/ and assets/")])
        }
        var log = DiagnosticLog()
        var templates: [String: String] = [:]
        for file in FileSystem.list(templatesDirectory) where file.hasSuffix(".mustache") {
            do throws(DiagnosticsError) {
                let path = try theme.file("templates/" + file)
                templates[String(file.dropLast(".mustache".count))] = try FileSystem.readText(path, display: templatesDirectory + "/" + file)
            } catch {
                log.append(contentsOf: error.diagnostics)
            }
        }
        var assets: [String: [UInt8]] = [:]
        for file in FileSystem.walk(root + "/assets") {
            do throws(DiagnosticsError) {
                let path = try theme.file("assets/" + file)
                assets[file] = try FileSystem.readBytes(path, display: root + "/assets/" + file)
            } catch {
                log.append(contentsOf: error.diagnostics)
            }
        }
        if log.hasErrors { throw DiagnosticsError(log.diagnostics) }
        return Theme(name: (theme.real as NSString).lastPathComponent, templates: templates, assets: assets, source: templatesDirectory)
    }
}
