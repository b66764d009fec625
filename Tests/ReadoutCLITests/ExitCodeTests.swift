import Foundation
import Testing
import ReadoutTestSupport

/// The documented exit codes (README.md, docs/ci.md), with the real binary: 0 success, 1 input error,
/// 2 data lock / verify / immutable-version failure, 64 usage error.
@Suite(.serialized) struct ExitCodeTests {
    @Test func lockBuildVerifyRoundTrip() throws {
        let box = try TrialSandbox()
        defer { box.remove() }
        try FileManager.default.removeItem(atPath: box.root + "/content/trial/data.lock")
        let unlockedBuild = try box.build()
        #expect(unlockedBuild.status == 2, "no lock: \(unlockedBuild.stderr)")
        #expect(unlockedBuild.stderr.contains("content/trial/data.lock: error: the project's data are not locked"))
        let check = try ReadoutProcess.run(["check", "content/trial", "--theme", TrialSandbox.theme], in: box.root)
        #expect(check.status == 0 && check.stderr.contains("warning:") && check.stderr.contains("[lock.missing]"), "\(check.stderr)")
        let draft = try box.build(["--unlocked"])
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(try String(contentsOfFile: box.bundle + "/report.html", encoding: .utf8).contains("DRAFT — DATA NOT LOCKED"))
        let lock = try ReadoutProcess.run(["lock", "content/trial"], in: box.root)
        #expect(lock.status == 0 && lock.stdout.hasPrefix("locked content/trial/data.lock: id "), "\(lock.stdout)\(lock.stderr)")
        #expect(try box.build().status == 0, "a locked build replaces the unlocked draft")
        #expect(try box.verify().status == 0)
        // Changed data: the lock names the file; exit 2.
        try box.edit("data/adae.csv") { $0.trimmingCharacters(in: .newlines).components(separatedBy: "\n").dropLast().joined(separator: "\n") + "\n" }
        let changed = try box.build()
        #expect(changed.status == 2)
        #expect(changed.stderr.contains("content/trial/data.lock:") && changed.stderr.contains("data/adae.csv differs from the data lock"))
        #expect(try ReadoutProcess.run(["lock", "content/trial"], in: box.root).status == 2, "a different lock needs --force")
        // A tampered bundle: exit 2, naming the file.
        try "x".write(toFile: box.bundle + "/safety.html", atomically: false, encoding: .utf8)
        let tampered = try box.verify()
        #expect(tampered.status == 2 && tampered.stderr.contains("safety.html differs from the manifest"))
    }

    @Test func inputErrorsExitWithOneAndUsageWith64() throws {
        let box = try TrialSandbox()
        defer { box.remove() }
        try box.edit("trial.yaml") { $0.replacingOccurrences(of: "  acronym: BLINA-MRD", with: "  acronymm: BLINA-MRD") }
        let bad = try box.build()
        #expect(bad.status == 1 && bad.stderr.contains("content/trial/trial.yaml:"), "\(bad.stderr)")
        #expect(try ReadoutProcess.run(["verify"], in: box.root).status == 64)
        #expect(try ReadoutProcess.run(["lock"], in: box.root).status == 64)
        #expect(try ReadoutProcess.run(["build", "--no-such-flag"], in: box.root).status == 64)
        let missing = try box.verify("output/nothing/here")
        #expect(missing.status == 2 && missing.stderr.contains("[verify.not-a-bundle]"))
    }
}
