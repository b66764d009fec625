import Foundation
import ReadoutTestSupport

/// The Swift files under `Sources/`, by module (the folder right under `Sources/`), for tests that
/// check the code base itself.
enum SourceFiles {
    static let root = Fixtures.repositoryRoot.appendingPathComponent("Sources")

    /// (module, path relative to the repository, text) of every `.swift` file under `Sources/`.
    static func all() throws -> [(module: String, path: String, text: String)] {
        let manager = FileManager.default
        var files: [(module: String, path: String, text: String)] = []
        for module in try manager.contentsOfDirectory(atPath: root.path).sorted() {
            let folder = root.appendingPathComponent(module)
            guard let walker = manager.enumerator(atPath: folder.path) else { continue }
            for case let relative as String in walker where relative.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
                files.append((module, "Sources/\(module)/\(relative)", text))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Lines that are code, not comments (a line starting with `//` is left out).
    static func codeLines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter {
            !$0.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("//")
        }
    }
}
