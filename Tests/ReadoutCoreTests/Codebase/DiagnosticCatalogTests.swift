import Foundation
import Testing
import ReadoutCore

/// Every diagnostic identifier written in `Sources/` is in `DiagnosticCatalog`, and every catalog entry
/// is used somewhere. An identifier is a string literal `"namespace.word…"` whose namespace is one the
/// catalog uses; a literal passed as `variable:` is a key path of the plan (`data.adsl`), and one ending
/// in a file extension is a file name (`build.json`), not an identifier.
@Suite struct DiagnosticCatalogTests {
    static let namespaces = Set(DiagnosticCatalog.entries.map { String($0.key.prefix { $0 != "." }) })
    static let fileExtensions: Set<Substring> = ["json", "html", "md", "yaml", "csv", "xpt", "css", "js", "svg", "txt", "h", "lock"]

    /// (identifier, file:line) of every identifier literal in the sources.
    static func usedIdentifiers() throws -> [(identifier: String, place: String)] {
        let literal = try NSRegularExpression(pattern: #"(variable:\s*)?"([a-z]+(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+)""#)
        var found: [(identifier: String, place: String)] = []
        for file in try SourceFiles.all() where !file.path.hasSuffix("DiagnosticCatalog.swift") {
            for (number, line) in SourceFiles.codeLines(file.text).enumerated() {
                let text = String(line)
                let range = NSRange(text.startIndex..., in: text)
                for match in literal.matches(in: text, range: range) where match.range(at: 1).location == NSNotFound {
                    guard let r = Range(match.range(at: 2), in: text) else { continue }
                    let candidate = String(text[r])
                    let last = candidate.split(separator: ".").last ?? ""
                    if namespaces.contains(String(candidate.prefix { $0 != "." })), !fileExtensions.contains(last) {
                        found.append((candidate, "\(file.path):\(number + 1)"))
                    }
                }
            }
        }
        return found
    }

    @Test func everyIdentifierUsedIsInTheCatalog() throws {
        let used = try Self.usedIdentifiers()
        #expect(!used.isEmpty, "the scan finds identifiers")
        for (identifier, place) in used {
            #expect(DiagnosticCatalog.meaning(of: identifier) != nil, "\(place): '\(identifier)' is not in DiagnosticCatalog")
        }
    }

    /// The scan above knows identifiers by the catalog's namespaces; this one finds every identifier written
    /// where a diagnostic is made, so one with a new namespace (`path.`, `lock.` …) cannot slip past it.
    @Test func everyIdentifierAtADiagnosticIsInTheCatalog() throws {
        let construction = try NSRegularExpression(pattern: #"Diagnostic\(\s*\.(?:error|warning|note),\s*"([^"]+)""#)
        var checked = 0
        for file in try SourceFiles.all() where !file.path.hasSuffix("DiagnosticCatalog.swift") {
            for (number, line) in SourceFiles.codeLines(file.text).enumerated() {
                let text = String(line)
                for match in construction.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    guard let r = Range(match.range(at: 1), in: text) else { continue }
                    checked += 1
                    #expect(DiagnosticCatalog.meaning(of: String(text[r])) != nil,
                            "\(file.path):\(number + 1): '\(text[r])' is not in DiagnosticCatalog")
                }
            }
        }
        #expect(checked > 50, "the scan finds the places where diagnostics are made")
    }

    @Test func everyCatalogEntryIsUsed() throws {
        let used = Set(try Self.usedIdentifiers().map(\.identifier))
        for entry in DiagnosticCatalog.entries {
            #expect(used.contains(entry.key), "'\(entry.key)' is in DiagnosticCatalog but no source file uses it")
        }
    }

    @Test func entriesAreUniqueDottedLowercaseWithAMeaning() {
        var seen = Set<String>()
        for entry in DiagnosticCatalog.entries {
            #expect(seen.insert(entry.key).inserted, "'\(entry.key)' is listed twice")
            #expect(entry.key.range(of: #"^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$"#, options: .regularExpression) != nil, "'\(entry.key)' is not dotted lower case")
            #expect(!entry.value.isEmpty && !entry.value.contains("\n"), "'\(entry.key)' needs a one-line meaning")
        }
    }

    @Test func theScanSeesAnUnlistedIdentifier() throws {
        // The check can fail: a made-up identifier in a source line is found and is not in the catalog.
        #expect(DiagnosticCatalog.meaning(of: "plan.not-a-real-problem") == nil)
        let line = #"log.append(Diagnostic(.error, "plan.not-a-real-problem", "x"))"#
        let matches = try NSRegularExpression(pattern: #"(variable:\s*)?"([a-z]+(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+)""#)
            .matches(in: line, range: NSRange(line.startIndex..., in: line))
        #expect(matches.count == 1)
    }

    @Test func docsListEveryIdentifier() throws {
        let docs = try String(contentsOf: SourceFiles.root.deletingLastPathComponent().appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        for entry in DiagnosticCatalog.entries {
            #expect(docs.contains("`\(entry.key)`"), "docs/diagnostics.md does not list '\(entry.key)'")
        }
    }
}
