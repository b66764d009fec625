import Foundation
import Testing

/// Every `import` under `Sources/` is allowed by the module table in docs/architecture.md
/// (section "Module dependencies"): the test reads the table from the document, so the two cannot drift.
@Suite struct ModuleDependencyTests {
    /// Module → modules it may import, parsed from the table rows `| ReadoutPlan | ReadoutCore, … | … |`.
    static func allowedTable() throws -> [String: Set<String>] {
        let docs = try String(contentsOf: SourceFiles.root.deletingLastPathComponent().appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        guard let start = docs.range(of: "## Module dependencies") else { return [:] }
        var table: [String: Set<String>] = [:]
        for line in docs[start.upperBound...].split(separator: "\n") {
            if line.hasPrefix("## ") { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4, cells[1].hasPrefix("`") else { continue }
            let module = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            let allowed = (cells[2] + "," + cells[3]).split(separator: ",")
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " `—")) }.filter { !$0.isEmpty }
            table[module] = Set(allowed)
        }
        return table
    }

    /// Module names in an import line (`import X`, `public import X`, `@preconcurrency import X.Y`), or nil.
    static func imported(_ line: Substring) -> String? {
        let words = line.split(separator: " ")
        guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
              words[..<index].allSatisfy({ $0.hasPrefix("@") || ["public", "internal", "package", "private", "fileprivate"].contains($0) })
        else { return nil }
        var name = words[index + 1]
        if ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"].contains(name), index + 2 < words.count { name = words[index + 2] }
        return String(name.prefix { $0 != "." })
    }

    @Test func everyImportIsAllowed() throws {
        let table = try Self.allowedTable()
        #expect(table["ReadoutStats"] != nil && table["ReadoutPlan"] != nil, "the table is found in docs/architecture.md")
        var checked = 0
        for file in try SourceFiles.all() {
            let allowed = table[file.module]
            #expect(allowed != nil, "module \(file.module) is not in the table of docs/architecture.md")
            for (number, line) in SourceFiles.codeLines(file.text).enumerated() {
                guard let module = Self.imported(line.drop { $0 == " " }) else { continue }
                checked += 1
                #expect(allowed?.contains(module) == true, "\(file.path):\(number + 1): \(file.module) may not import \(module)")
            }
        }
        #expect(checked > 100)
    }

    @Test func statisticsStayPure() throws {
        let table = try Self.allowedTable()
        let stats = try #require(table["ReadoutStats"])
        #expect(!stats.contains("Foundation"))
        #expect(stats.allSatisfy { !$0.hasPrefix("Readout") })
    }

    @Test func importLinesAreRecognised() {
        #expect(Self.imported("public import ReadoutCore") == "ReadoutCore")
        #expect(Self.imported("@preconcurrency internal import Foundation") == "Foundation")
        #expect(Self.imported("import struct Foundation.URL") == "Foundation")
        #expect(Self.imported("let important = 1") == nil)
    }
}
