public import ReadoutCore
internal import Mustache

/// A theme: Mustache templates by name and static assets by relative path. Loaded by the build from
/// `themes/<name>/templates/*.mustache` and `themes/<name>/assets/`; rendering never touches files.
public struct Theme: Sendable {
    public var name: String
    /// Template text by name (file name without `.mustache`).
    public var templates: [String: String]
    /// Asset bytes by path relative to `assets/`.
    public var assets: [String: [UInt8]]
    /// Where the templates came from, for diagnostics (`themes/default/templates`).
    public var source: String

    /// Templates every theme must have.
    public static let requiredTemplates = ["page", "report", "home", "chrome", "footer"]

    public init(name: String, templates: [String: String], assets: [String: [UInt8]], source: String) {
        self.name = name
        self.templates = templates
        self.assets = assets
        self.source = source
    }

    /// Parses every template; a missing or malformed template is a diagnostic naming the file.
    func library() throws(DiagnosticsError) -> MustacheLibrary {
        var library = MustacheLibrary()
        var log = DiagnosticLog()
        for name in Self.requiredTemplates where templates[name] == nil {
            log.append(Diagnostic(.error, "theme.missing-template", at: SourceLocation(file: "\(source)/\(name).mustache"),
                                  "the theme has no '\(name)' template", expected: "a file \(name).mustache"))
        }
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(text, named: name)
            } catch let error as MustacheTemplate.ParserError {
                log.append(Diagnostic(.error, "theme.template-syntax",
                                      at: SourceLocation(file: "\(source)/\(name).mustache", line: error.context.lineNumber,
                                                         column: error.context.columnNumber),
                                      "template syntax error: \(error.error)"))
            } catch {
                log.append(Diagnostic(.error, "theme.template-syntax", at: SourceLocation(file: "\(source)/\(name).mustache"),
                                      "template syntax error: \(error)"))
            }
        }
        if log.hasErrors { throw DiagnosticsError(log.diagnostics) }
        return library
    }
}
