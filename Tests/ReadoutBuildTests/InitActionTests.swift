import Foundation
import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutBuild

/// `readout init`: the scaffold names every key of docs/trial-yaml.md, and with `--sample` the new project is
/// locked and builds at once (with the built-in theme when no themes/ folder is found).
@Suite struct InitActionTests {
    static let root = Fixtures.repositoryRoot.path

    static func scratch() -> String {
        let path = NSTemporaryDirectory() + "readout-init-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Every key the tables of docs/trial-yaml.md document appears in the scaffold's trial.yaml, with a comment on its line.
    @Test func trialYAMLHasEveryDocumentedKey() throws {
        let doc = try String(contentsOfFile: Self.root + "/docs/trial-yaml.md", encoding: .utf8)
        let keys = doc.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `") else { return nil }
            return line.dropFirst(3).split(separator: "`").first.map(String.init)
        }
        #expect(keys.count > 20)
        let yaml = ProjectScaffold.trialYAML(trial: "t1", synthetic: false)
        let lines = yaml.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        for key in keys {
            // The first line with the key (or, for an endpoint type, the value) carries a comment.
            let line = lines.first { $0.contains(key + ":") || $0.contains(": " + key) }
            #expect(line?.contains(" # ") == true, "scaffold lacks a commented line for \(key)")
        }
    }

    @Test func sampleProjectIsLockedAndBuilds() throws {
        let scratch = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let project = scratch + "/my-trial"
        let written = try InitAction(directory: project, sample: true).run()
        for file in ["trial.yaml", "pages/01-introduction.md", "data/README.md", "data/adsl.csv", "data/adtte.csv", "data/adae.csv", "data.lock"] {
            #expect(written.contains(project + "/" + file), "\(file) not written")
        }
        for name in ["adsl", "adtte", "adae"] {  // the generator at its defaults: the committed sample's data
            let made = try Data(contentsOf: URL(fileURLWithPath: project + "/data/\(name).csv"))
            let sample = try Data(contentsOf: URL(fileURLWithPath: Self.root + "/content/blinatumomab-mrd/data/\(name).csv"))
            #expect(made == sample, "\(name).csv differs from the sample's")
        }
        let outcome = try BuildAction(projects: [project], outputRoot: scratch + "/output").run()
        #expect(outcome.bundles == [scratch + "/output/my-trial/ia1"])
        let page = try String(contentsOfFile: scratch + "/output/my-trial/ia1/page-01-introduction.html", encoding: .utf8)
        #expect(page.contains("subjects were"))
        #expect(!page.contains("{{result:"))
    }

    @Test func withoutSampleDataFolderHasOnlyTheReadme() throws {
        let scratch = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let project = scratch + "/t2"
        _ = try InitAction(directory: project).run()
        #expect(FileSystem.list(project + "/data") == ["README.md"])
        #expect(try String(contentsOfFile: project + "/trial.yaml", encoding: .utf8).contains("synthetic: false"))
        let error = #expect(throws: DiagnosticsError.self) { try BuildAction(projects: [project], outputRoot: scratch + "/out").run() }
        #expect(error?.diagnostics.contains { $0.identifier == "io.missing-file" } == true)
    }

    @Test func refusesANonEmptyFolderAndAnUnsafeName() throws {
        let scratch = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: scratch + "/keep.txt"))
        let exists = #expect(throws: DiagnosticsError.self) { try InitAction(directory: scratch).run() }
        #expect(exists?.diagnostics.first?.identifier == "init.target-exists")
        #expect(try String(contentsOfFile: scratch + "/keep.txt", encoding: .utf8) == "x")
        let unsafe = #expect(throws: DiagnosticsError.self) { try InitAction(directory: scratch + "/bad name").run() }
        #expect(unsafe?.diagnostics.first?.identifier == "init.invalid-name")
        #expect(!FileManager.default.fileExists(atPath: scratch + "/bad name"))
    }
}
