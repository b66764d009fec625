public import ReadoutCore
internal import Mustache
import Synchronization

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

    /// The templates parsed once: a build renders the version's pages and then the home page from one theme.
    /// Shared by copies of the theme, and used only while `templates` and `source` are those it was parsed from.
    private let parsed = ParsedLibrary()

    public init(name: String, templates: [String: String], assets: [String: [UInt8]], source: String) {
        self.name = name
        self.templates = templates
        self.assets = assets
        self.source = source
    }

    /// Every template parsed; a missing or malformed template is a diagnostic naming the file.
    func library() throws(DiagnosticsError) -> MustacheLibrary {
        try parsed.library(templates: templates, source: source) { () throws(DiagnosticsError) in try parse() }.get()
    }

    private func parse() throws(DiagnosticsError) -> MustacheLibrary {
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

/// The last parse of a theme's templates, with the templates and source it was made from.
private final class ParsedLibrary: Sendable {
    private let last = Mutex<(templates: [String: String], source: String, library: Result<MustacheLibrary, DiagnosticsError>)?>(nil)

    func library(templates: [String: String], source: String,
                 parse: () throws(DiagnosticsError) -> MustacheLibrary) -> Result<MustacheLibrary, DiagnosticsError> {
        if let cached = last.withLock({ $0 }), cached.source == source, cached.templates == templates { return cached.library }
        let result: Result<MustacheLibrary, DiagnosticsError>
        do throws(DiagnosticsError) { result = .success(try parse()) } catch { result = .failure(error) }
        last.withLock { $0 = (templates, source, result) }
        return result
    }
}
