import Foundation
import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutBuild

/// Inputs stay inside the project and outputs inside `--output`: absolute paths, `..` escapes and
/// symbolic links out of the project (data, pages, trial.yaml, theme) are errors naming the key, file
/// and line, the outside file is never read (its content never appears in a message), and nothing
/// is written outside the output folder.
@Suite(.serialized) struct PathConfinementTests {
    static let sample = Fixtures.repositoryRoot.path + "/content/blinatumomab-mrd"
    static let theme = Fixtures.repositoryRoot.path + "/themes/default"
    static let secret = "TOP-SECRET-LINE-\(UUID().uuidString)"

    /// A scratch folder with a copy of the sample at `<root>/trial` and an outside folder `<root>/outside`
    /// holding a dataset-like file whose first line is a secret.
    struct Scratch {
        var root: String
        var project: String { root + "/trial" }
        var outside: String { root + "/outside" }
        var output: String { root + "/output" }

        init(projectName: String = "trial") throws {
            root = NSTemporaryDirectory() + "readout-paths-\(UUID().uuidString)"
            let fm = FileManager.default
            try fm.createDirectory(atPath: root + "/outside", withIntermediateDirectories: true)
            try fm.copyItem(atPath: PathConfinementTests.sample, toPath: root + "/" + projectName)
            let csv = PathConfinementTests.secret + ",B\n1,2\n"
            try csv.write(toFile: root + "/outside/x.csv", atomically: true, encoding: .utf8)
            try ("---\ntitle: " + PathConfinementTests.secret + "\norder: 9\n---\n" + PathConfinementTests.secret + "\n")
                .write(toFile: root + "/outside/page.md", atomically: true, encoding: .utf8)
            try ("trial:\n  title: " + PathConfinementTests.secret + "\n").write(toFile: root + "/outside/trial.yaml", atomically: true, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }

        func setData(_ key: String, to path: String) throws {
            let file = project + "/trial.yaml"
            let yaml = try String(contentsOfFile: file, encoding: .utf8)
            let old = "  \(key): data/\(key).csv"
            #expect(yaml.contains(old))
            try yaml.replacingOccurrences(of: old, with: "  \(key): \"\(path)\"").write(toFile: file, atomically: true, encoding: .utf8)
        }

        func link(_ path: String, to target: String) throws {
            try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        }

        /// Builds (writing) and returns the diagnostics, or nil when the build succeeded.
        func build(projects: [String]? = nil, theme: String = PathConfinementTests.theme) -> [Diagnostic]? {
            do {
                _ = try BuildAction(projects: projects ?? [project], outputRoot: output, themeRoot: theme).run()
                return nil
            } catch {
                return error.diagnostics
            }
        }
    }

    /// The line of `key:` under `data:` in the scratch plan.
    static func dataLine(_ scratch: Scratch, _ key: String) throws -> Int {
        let lines = try String(contentsOfFile: scratch.project + "/trial.yaml", encoding: .utf8).components(separatedBy: "\n")
        return 1 + lines.firstIndex { $0.hasPrefix("  \(key):") }!
    }

    static func expectRefused(_ diagnostics: [Diagnostic]?, _ identifier: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let diagnostics else {
            Issue.record("the build should fail", sourceLocation: sourceLocation)
            return
        }
        #expect(diagnostics.contains { $0.identifier == identifier }, "\(diagnostics.map(\.description))", sourceLocation: sourceLocation)
        #expect(!diagnostics.contains { $0.description.contains(secret) }, "a message echoes the outside file", sourceLocation: sourceLocation)
    }

    static func expectNothingWritten(_ scratch: Scratch, outside known: Set<String> = ["x.csv", "page.md", "trial.yaml"],
                                     sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!FileManager.default.fileExists(atPath: scratch.output + "/trial"), sourceLocation: sourceLocation)
        let outside = (try? FileManager.default.contentsOfDirectory(atPath: scratch.outside)) ?? []
        #expect(Set(outside) == known, "nothing written next to the outside files", sourceLocation: sourceLocation)
    }

    @Test(arguments: ["../outside/x.csv", "../../../outside/x.csv", "data/../../outside/x.csv", "data/../../trial/../outside/x.csv"])
    func dataPathsThatClimbOutAreRefusedAtTheirLine(path: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.setData("adae", to: path)
        let diagnostics = scratch.build()
        Self.expectRefused(diagnostics, "path.outside-project")
        let refusal = diagnostics?.first { $0.identifier == "path.outside-project" }
        #expect(refusal?.location?.file == scratch.project + "/trial.yaml")
        #expect(refusal?.location?.line == (try Self.dataLine(scratch, "adae")))
        #expect(refusal?.subject.variable == "data.adae")
        Self.expectNothingWritten(scratch)
    }

    @Test func absoluteDataPathsAreRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.setData("adae", to: scratch.outside + "/x.csv")
        let diagnostics = scratch.build()
        Self.expectRefused(diagnostics, "path.absolute")
        #expect(diagnostics?.first { $0.identifier == "path.absolute" }?.location?.line == (try Self.dataLine(scratch, "adae")))
        Self.expectNothingWritten(scratch)
    }

    @Test func anInnocentDataPathThatStaysInsideIsFine() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.setData("adae", to: "./data/../data/adae.csv")
        #expect(scratch.build() == nil)
        #expect(FileManager.default.fileExists(atPath: scratch.output + "/trial/ia1/index.html"))
    }

    @Test func symbolicLinksOutOfTheProjectAreRefused() throws {
        // A dataset that is a link out of the project.
        var scratch = try Scratch()
        try scratch.link(scratch.project + "/data/adae.csv", to: scratch.outside + "/x.csv")
        Self.expectRefused(scratch.build(), "path.outside-project")
        Self.expectNothingWritten(scratch)
        scratch.remove()

        // The data folder itself a link out of the project.
        scratch = try Scratch()
        try FileManager.default.copyItem(atPath: scratch.project + "/data", toPath: scratch.outside + "/data")
        try FileManager.default.removeItem(atPath: scratch.project + "/data")
        try scratch.link(scratch.project + "/data", to: scratch.outside + "/data")
        Self.expectRefused(scratch.build(), "path.outside-project")
        Self.expectNothingWritten(scratch, outside: ["x.csv", "page.md", "trial.yaml", "data"])
        scratch.remove()

        // A narrative page that is a link out of the project.
        scratch = try Scratch()
        try scratch.link(scratch.project + "/pages/04-secret.md", to: scratch.outside + "/page.md")
        Self.expectRefused(scratch.build(), "path.outside-project")
        scratch.remove()

        // The pages folder a link out of the project.
        scratch = try Scratch()
        try FileManager.default.removeItem(atPath: scratch.project + "/pages")
        try FileManager.default.createDirectory(atPath: scratch.outside + "/pages", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: scratch.outside + "/page.md", toPath: scratch.outside + "/pages/01-secret.md")
        try scratch.link(scratch.project + "/pages", to: scratch.outside + "/pages")
        Self.expectRefused(scratch.build(), "path.outside-project")
        scratch.remove()

        // trial.yaml itself a link out of the project.
        scratch = try Scratch()
        try scratch.link(scratch.project + "/trial.yaml", to: scratch.outside + "/trial.yaml")
        Self.expectRefused(scratch.build(), "path.outside-project")
        Self.expectNothingWritten(scratch)
        scratch.remove()
    }

    @Test func aLinkThatStaysInsideTheProjectIsFollowed() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.moveItem(atPath: scratch.project + "/data/adae.csv", toPath: scratch.project + "/data/adae-locked.csv")
        try scratch.link(scratch.project + "/data/adae.csv", to: "adae-locked.csv")
        #expect(scratch.build() == nil)
    }

    @Test func themeFilesThatLinkOutOfTheThemeAreRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let theme = scratch.root + "/theme"
        try FileManager.default.copyItem(atPath: Self.theme, toPath: theme)
        try scratch.link(theme + "/assets/secret.css", to: scratch.outside + "/x.csv")
        Self.expectRefused(scratch.build(theme: theme), "path.outside-theme")
        try FileManager.default.removeItem(atPath: theme + "/assets/secret.css")
        try scratch.link(theme + "/templates/footer.mustache", to: scratch.outside + "/page.md")
        Self.expectRefused(scratch.build(theme: theme), "path.outside-theme")
        try FileManager.default.removeItem(atPath: theme + "/templates/footer.mustache")
        try scratch.link(theme + "/assets/loop", to: theme + "/assets")
        #expect(scratch.build(theme: theme) != nil, "a folder link in assets is refused (and not walked forever)")
        #expect(!FileManager.default.fileExists(atPath: scratch.output + "/trial"))
    }

    @Test func aProjectFolderNameMustBeASafeSlug() throws {
        let scratch = try Scratch(projectName: "javascript:alert(1)")
        defer { scratch.remove() }
        let diagnostics = scratch.build(projects: [scratch.root + "/javascript:alert(1)"])
        Self.expectRefused(diagnostics, "project.invalid-id")
        #expect(!FileManager.default.fileExists(atPath: scratch.output))

        // Found under content/ rather than named: refused the same way.
        try FileManager.default.createDirectory(atPath: scratch.root + "/content", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: scratch.root + "/javascript:alert(1)", toPath: scratch.root + "/content/<img src=x>")
        do {
            _ = try BuildAction(contentRoot: scratch.root + "/content", outputRoot: scratch.output, themeRoot: Self.theme).run()
            Issue.record("the build should fail")
        } catch {
            #expect(error.diagnostics.contains { $0.identifier == "project.invalid-id" })
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.output))
    }

    @Test(arguments: ["-ia1", "_ia1", "..", "ia 1", "ia1/..", "../x"])
    func aVersionMustBeASafeSlug(version: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.project + "/trial.yaml"
        let yaml = try String(contentsOfFile: file, encoding: .utf8)
        try yaml.replacingOccurrences(of: "version: ia1", with: "version: \"\(version)\"").write(toFile: file, atomically: true, encoding: .utf8)
        let diagnostics = try #require(scratch.build())
        let refusal = try #require(diagnostics.first { $0.identifier == "plan.invalid-version" })
        #expect(refusal.location?.file == file)
        let lines = yaml.components(separatedBy: "\n")
        #expect(refusal.location?.line == 1 + lines.firstIndex { $0.contains("version: ia1") }!)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.root).sorted() == ["outside", "trial"])
    }

    @Test func dotDotProjectArgumentsWriteUnderTheOutputFolder() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(atPath: scratch.project + "/sub", withIntermediateDirectories: true)
        #expect(scratch.build(projects: [scratch.project + "/sub/.."]) == nil)
        #expect(FileManager.default.fileExists(atPath: scratch.output + "/trial/ia1/index.html"))
        let top = try FileManager.default.contentsOfDirectory(atPath: scratch.root).sorted()
        #expect(top == ["output", "outside", "trial"], "nothing written beside the output folder")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.output).filter { !$0.hasPrefix(".") }.sorted() == ["assets", "index.html", "trial"])
    }

    @Test func anOutputTrialFolderThatLinksOutIsNotWrittenThrough() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(atPath: scratch.output, withIntermediateDirectories: true)
        try scratch.link(scratch.output + "/trial", to: scratch.outside)
        let diagnostics = scratch.build()
        #expect(diagnostics?.contains { $0.identifier == "build.outside-output" } == true, "\(diagnostics ?? [])")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: scratch.outside)) == ["x.csv", "page.md", "trial.yaml"])
    }

    @Test func outputNamesAreCheckedAsSlugs() throws {
        let output = try OutputRoot.resolve(NSTemporaryDirectory() + "readout-out-\(UUID().uuidString)")
        #expect(throws: DiagnosticsError.self) { try output.bundle(trial: "..", version: "ia1") }
        #expect(throws: DiagnosticsError.self) { try output.bundle(trial: "trial", version: "../../x") }
        #expect(throws: DiagnosticsError.self) { try output.bundle(trial: "javascript:alert(1)", version: "ia1") }
        #expect(try output.bundle(trial: "trial", version: "v1.0") == output.display + "/trial/v1.0")
        #expect(ProjectPaths.isSafeSlug("blinatumomab-mrd") && ProjectPaths.isSafeSlug("ia1") && !ProjectPaths.isSafeSlug(".hidden")
                && !ProjectPaths.isSafeSlug("-x") && !ProjectPaths.isSafeSlug("a b") && !ProjectPaths.isSafeSlug("é"))
    }
}
