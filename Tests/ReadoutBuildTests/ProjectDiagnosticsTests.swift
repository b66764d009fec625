import Foundation
import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutBuild

/// A copy of the sample project with one file changed must fail with an exact diagnostic and leave
/// no half-written bundle and no lost earlier version.
@Suite(.serialized) struct ProjectDiagnosticsTests {
    static let sample = Fixtures.repositoryRoot.path + "/content/blinatumomab-mrd"
    static let theme = Fixtures.repositoryRoot.path + "/themes/default"

    /// Copies the sample into a temporary project, applies `edit` to one file, returns the project path.
    static func project(editing file: String, _ edit: (String) -> String) throws -> String {
        let directory = NSTemporaryDirectory() + "readout-project-\(UUID().uuidString)"
        let project = directory + "/content/trial"
        try FileManager.default.createDirectory(atPath: directory + "/content", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sample, toPath: project)
        let path = project + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try edit(text).write(toFile: path, atomically: true, encoding: .utf8)
        return project
    }

    static func diagnostics(building project: String, output: String) -> [Diagnostic] {
        do {
            _ = try BuildAction(projects: [project], outputRoot: output, themeRoot: theme).run()
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func unknownKeyInTrialYAMLNamesKeyAndFile() throws {
        let project = try Self.project(editing: "trial.yaml") { $0.replacingOccurrences(of: "  acronym: BLINA-MRD", with: "  acronym: BLINA-MRD\n  acronymm: typo") }
        let output = project + "/../../output"
        let errors = Self.diagnostics(building: project, output: output)
        let d = try #require(errors.first)
        #expect(d.identifier == "plan.unknown-key")
        #expect(d.location?.file == project + "/trial.yaml")
        #expect(d.location?.line == 5)
        #expect(d.description.contains("acronymm"))
        #expect(!FileManager.default.fileExists(atPath: output + "/trial"), "no bundle on error")
    }

    @Test func badCNSRNamesFileLineVariableAndValue() throws {
        var line = 0
        let project = try Self.project(editing: "data/adtte.csv") { text in
            var lines = text.components(separatedBy: "\n")
            let header = lines[0].components(separatedBy: ",")
            let cnsr = header.firstIndex(of: "CNSR")!
            var fields = lines[3].components(separatedBy: ",")
            fields[cnsr] = "X"
            lines[3] = fields.joined(separator: ",")
            line = 4
            return lines.joined(separator: "\n")
        }
        let errors = Self.diagnostics(building: project, output: project + "/../../output")
        let d = try #require(errors.first { $0.subject.variable == "CNSR" })
        #expect(d.location?.file == project + "/data/adtte.csv")
        #expect(d.location?.line == line)
        #expect(d.subject.value == "X")
    }

    @Test func aFailedBuildKeepsTheEarlierVersion() throws {
        let project = try Self.project(editing: "trial.yaml") { $0 }
        let output = project + "/../../output"
        _ = try BuildAction(projects: [project], outputRoot: output, themeRoot: Self.theme).run()
        let index = output + "/trial/ia1/index.html"
        let before = try Data(contentsOf: URL(fileURLWithPath: index))
        // Break a narrative page, then rebuild: the build fails and the earlier bundle stays whole.
        let page = try FileManager.default.contentsOfDirectory(atPath: project + "/pages").sorted().first!
        try "no front matter".write(toFile: project + "/pages/" + page, atomically: true, encoding: .utf8)
        let errors = Self.diagnostics(building: project, output: output)
        #expect(errors.contains { $0.identifier == "narrative.missing-front-matter" })
        #expect(try Data(contentsOf: URL(fileURLWithPath: index)) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasPrefix(".staging") }
        #expect(leftovers.isEmpty)
    }

    /// New data fail the data lock before they could reach a published version (see PublishTests for
    /// re-locked data under an existing version).
    @Test func newDataUnderAnExistingVersionIsRefused() throws {
        let project = try Self.project(editing: "trial.yaml") { $0 }
        let output = project + "/../../output"
        _ = try BuildAction(projects: [project], outputRoot: output, themeRoot: Self.theme).run()
        let adae = project + "/data/adae.csv"
        var text = try String(contentsOfFile: adae, encoding: .utf8)
        text = text.trimmingCharacters(in: .newlines).components(separatedBy: "\n").dropLast().joined(separator: "\n") + "\n"
        try text.write(toFile: adae, atomically: true, encoding: .utf8)
        let errors = Self.diagnostics(building: project, output: output)
        #expect(errors.contains { $0.identifier == "lock.file-changed" && $0.summary.contains("data/adae.csv") })
    }

    @Test func checkWritesNothing() throws {
        let project = try Self.project(editing: "trial.yaml") { $0 }
        let output = project + "/../../output"
        let outcome = try BuildAction(projects: [project], outputRoot: output, themeRoot: Self.theme, dryRun: true).run()
        #expect(outcome.bundles.count == 1)
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
