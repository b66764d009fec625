import Foundation
import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutBuild

/// Bad input gets a diagnostic, never a crash: the sample project with one cell of a dataset or one
/// line of trial.yaml changed at random (fixed seeds), checked with `readout check` semantics.
@Suite(.serialized) struct MutatedProjectTests {
    static let sample = Fixtures.repositoryRoot.path + "/content/blinatumomab-mrd"
    static let theme = Fixtures.repositoryRoot.path + "/themes/default"
    static let tokens = ["", "X", "-1", "1e309", "NaN", "Y", "N", "0", "5", "999999", "\"", "a,b", "RELAPSE", "  "]

    /// A small deterministic generator (64-bit LCG, Knuth's MMIX constants).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func copy() throws -> String {
        let directory = NSTemporaryDirectory() + "readout-mutant-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: sample, toPath: directory + "/trial")
        return directory + "/trial"
    }

    static func check(_ project: String) -> [Diagnostic]? {
        do {
            _ = try BuildAction(projects: [project], outputRoot: project + "/../output", themeRoot: theme, dryRun: true).run()
            return nil
        } catch {
            return error.diagnostics
        }
    }

    @Test(arguments: 0..<24)
    func aChangedCellNeverCrashes(seed: Int) throws {
        var random = Generator(state: UInt64(seed) &* 7919 &+ 17)
        let project = try Self.copy()
        defer { try? FileManager.default.removeItem(atPath: (project as NSString).deletingLastPathComponent) }
        let file = ["adsl.csv", "adtte.csv", "adae.csv"][random.next(3)]
        let path = project + "/data/" + file
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let row = 1 + random.next(lines.count - 2)
        var fields = lines[row].components(separatedBy: ",")
        fields[random.next(fields.count)] = Self.tokens[random.next(Self.tokens.count)]
        lines[row] = fields.joined(separator: ",")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        if let diagnostics = Self.check(project) {
            #expect(!diagnostics.isEmpty)
            #expect(diagnostics.allSatisfy { $0.location?.file.isEmpty == false || !$0.summary.isEmpty })
        }
        #expect(!FileManager.default.fileExists(atPath: project + "/../output"), "check writes nothing")
    }

    @Test(arguments: 0..<16)
    func aRemovedPlanLineNeverCrashes(seed: Int) throws {
        var random = Generator(state: UInt64(seed) &* 104729 &+ 3)
        let project = try Self.copy()
        defer { try? FileManager.default.removeItem(atPath: (project as NSString).deletingLastPathComponent) }
        let path = project + "/trial.yaml"
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        lines.remove(at: random.next(lines.count))
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        if let diagnostics = Self.check(project) {
            #expect(diagnostics.contains { $0.severity == .error })
        }
    }
}
