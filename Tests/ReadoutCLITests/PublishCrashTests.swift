import Foundation
import Testing
import ReadoutTestSupport

/// kill -9 at every step of publishing (the test-only READOUT_TEST_KILL_AT switch), then the invariants:
/// the version folder is a complete bundle that `readout verify` accepts (old or new), output/index.html
/// exists, the next build cleans every leftover and succeeds, and a build from other inputs under the
/// same version is refused even after the version folder was deleted (the journal).
@Suite(.serialized) struct PublishCrashTests {
    /// Every step of `FaultInjection.Step`, in order.
    static let steps = ["locked", "staged", "swapped", "journaled", "index-staged"]

    static func checkAfterCrash(_ box: TrialSandbox, step: String, published: Bool) throws {
        if published {
            let verify = try box.verify()
            #expect(verify.status == 0, "after kill at \(step): \(verify.stderr)")
            #expect(FileManager.default.fileExists(atPath: box.output + "/index.html"), "after kill at \(step): index.html")
        }
        let next = try box.build()
        #expect(next.status == 0 && !next.signaled, "rebuild after kill at \(step): \(next.stderr)")
        #expect(box.leftovers().isEmpty, "after kill at \(step): \(box.leftovers())")
        #expect(try box.verify().status == 0)
        #expect(FileManager.default.fileExists(atPath: box.output + "/index.html"))
        // A plan change under the published version is refused, with file and line, even once its folder is lost.
        try box.edit("trial.yaml") { $0.replacingOccurrences(of: "profile: sas", with: "profile: r") }
        try FileManager.default.removeItem(atPath: box.bundle)
        let refused = try box.build()
        #expect(refused.status == 2, "after kill at \(step): \(refused.stderr)")
        #expect(refused.stderr.contains("content/trial/trial.yaml:12:") && refused.stderr.contains("[build.version-immutable]"))
        #expect(refused.stderr.contains("input changed plan trial.yaml"))
        #expect(!FileManager.default.fileExists(atPath: box.bundle))
    }

    @Test(arguments: steps)
    func killWhileReplacingAVersion(step: String) throws {
        let box = try TrialSandbox()
        defer { box.remove() }
        #expect(try box.build().status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: box.bundle + "/results.json"))
        let killed = try box.build(environment: ["READOUT_TEST_KILL_AT": step])
        #expect(killed.signaled && killed.status == SIGKILL, "kill at \(step): status \(killed.status)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: box.bundle + "/results.json")) == before)
        try Self.checkAfterCrash(box, step: step, published: true)
    }

    @Test(arguments: steps)
    func killWhilePublishingANewVersion(step: String) throws {
        let box = try TrialSandbox()
        defer { box.remove() }
        let killed = try box.build(environment: ["READOUT_TEST_KILL_AT": step])
        #expect(killed.signaled && killed.status == SIGKILL, "kill at \(step): status \(killed.status)")
        // Before the rename there is no version yet (nothing was published); from the rename on it is complete.
        let published = FileManager.default.fileExists(atPath: box.bundle)
        #expect(published == !["locked", "staged"].contains(step))
        if published {
            let verify = try box.verify()
            #expect(verify.status == 0, "after kill at \(step): \(verify.stderr)")
        }
        try Self.checkAfterCrash(box, step: step, published: false)
    }

    @Test func concurrentBuildsOfOneOutputBothSucceed() throws {
        let box = try TrialSandbox()
        defer { box.remove() }
        let builds = try (0..<3).map { _ in try box.start() }
        let results = builds.map { $0.wait() }
        for result in results { #expect(result.status == 0 && !result.signaled, "\(result.stderr)") }
        #expect(try box.verify().status == 0)
        #expect(box.leftovers().isEmpty)
    }

    @Test func concurrentBuildsFromDifferentInputsPublishOneAndRefuseTheOther() throws {
        let box = try TrialSandbox()
        defer { box.remove() }
        // A second copy of the project with the same folder name (same output/trial) and another plan.
        try FileManager.default.createDirectory(atPath: box.root + "/other", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: box.root + "/content/trial", toPath: box.root + "/other/trial")
        let plan = box.root + "/other/trial/trial.yaml"
        try (try String(contentsOfFile: plan, encoding: .utf8)).replacingOccurrences(of: "profile: sas", with: "profile: r")
            .write(toFile: plan, atomically: true, encoding: .utf8)
        let first = try box.start(), second = try box.start(project: "other/trial")
        let results = [first.wait(), second.wait()]
        #expect(results.map(\.status).sorted() == [0, 2], "\(results.map(\.stderr))")
        #expect(results.contains { $0.stderr.contains("[build.version-immutable]") })
        #expect(!results.contains { $0.stderr.contains("io.") })
        #expect(try box.verify().status == 0)
        #expect(box.leftovers().isEmpty)
    }
}
