public import Foundation

/// Test fixtures live in `Tests/Fixtures`, found from this file's path so tests run from any directory.
public enum Fixtures {
    /// `Tests/Fixtures`.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The repository root (for the sample trial in `content/` and the theme in `themes/`).
    public static let repositoryRoot: URL = root.deletingLastPathComponent().deletingLastPathComponent()

    /// A file under `Tests/Fixtures`, e.g. `url("reference/aml/expected.json")`.
    public static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    public static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: url(relativePath))
    }

    public static func text(_ relativePath: String) throws -> String {
        try String(decoding: data(relativePath), as: UTF8.self)
    }

    /// The R gold file of a reference dataset, parsed as JSON (`nil` for JSON null).
    public static func referenceJSON(_ dataset: String) throws -> Any {
        try JSONSerialization.jsonObject(with: data("reference/\(dataset)/expected.json"), options: [.fragmentsAllowed])
    }
}
