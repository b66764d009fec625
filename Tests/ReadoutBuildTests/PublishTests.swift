import Foundation
import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutBuild

/// Data lock, immutable versions, the journal, recovery and `verify`, in process on copies of the sample.
@Suite(.serialized) struct PublishTests {
    static let sample = Fixtures.repositoryRoot.path + "/content/blinatumomab-mrd"
    static let theme = Fixtures.repositoryRoot.path + "/themes/default"

    /// A copy of the sample project (with its data.lock) at `<tmp>/content/trial`, and `<tmp>/output`.
    struct Sandbox {
        let root = NSTemporaryDirectory() + "readout-publish-\(UUID().uuidString)"
        var project: String { root + "/content/trial" }
        var output: String { root + "/output" }
        var bundle: String { output + "/trial/ia1" }

        init() throws {
            try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: PublishTests.sample, toPath: project)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }

        func edit(_ file: String, _ change: (String) -> String) throws {
            let path = project + "/" + file
            try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        }

        @discardableResult
        func build(_ policy: DataLockPolicy = .required) throws(DiagnosticsError) -> BuildAction.Outcome {
            try BuildAction(projects: [project], outputRoot: output, themeRoot: PublishTests.theme, lockPolicy: policy).run()
        }

        func errors(_ policy: DataLockPolicy = .required) -> [Diagnostic] {
            do { try build(policy); return [] } catch { return error.diagnostics.filter { $0.severity == .error } }
        }

        func read(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

        /// New data that still parse: ADAE without its last record.
        func dropLastAdverseEvent() throws {
            try edit("data/adae.csv") { $0.trimmingCharacters(in: .newlines).components(separatedBy: "\n").dropLast().joined(separator: "\n") + "\n" }
        }
    }

    @Test func theSampleBuildIsLockedAndSaysSo() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.build()
        let results = try JSONSerialization.jsonObject(with: box.read(box.bundle + "/results.json")) as! [String: Any]
        let lock = try #require(results["dataLock"] as? [String: Any])
        #expect(lock["status"] as? String == "locked")
        let id = try DataLock.read(directory: box.project, display: box.project)?.id
        #expect(lock["id"] as? String == id)
        let page = try String(contentsOfFile: box.bundle + "/index.html", encoding: .utf8)
        #expect(!page.contains("DRAFT — DATA NOT LOCKED"))
        #expect(page.contains("data lock \(id ?? "?")"))
        let manifest = try #require(VersionPublisher.manifest(at: box.bundle))
        #expect(manifest.identity?.count == 64 && manifest.inputs?.contains { $0.role == "plan" && $0.path == "trial.yaml" } == true)
    }

    @Test func noLockIsRefusedAndUnlockedBuildsAStampedDraft() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try FileManager.default.removeItem(atPath: box.project + "/data.lock")
        let errors = box.errors()
        #expect(errors.map(\.identifier) == ["lock.missing"])
        #expect(errors.first?.location?.file == box.project + "/data.lock")
        #expect(!FileManager.default.fileExists(atPath: box.bundle))
        try box.build(.unlocked)
        let results = try JSONSerialization.jsonObject(with: box.read(box.bundle + "/results.json")) as! [String: Any]
        #expect((results["dataLock"] as? [String: Any])?["status"] as? String == "unlocked")
        for page in ["index.html", "efficacy.html", "report.html"] {
            let html = try String(contentsOfFile: box.bundle + "/" + page, encoding: .utf8)
            #expect(html.contains("class=\"banner-draft\"") && html.contains("<span class=\"draft\">DRAFT — DATA NOT LOCKED</span>"), "\(page)")
        }
    }

    @Test func changedDataAreNamedFileByFile() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.dropLastAdverseEvent()
        try box.edit("trial.yaml") { $0.replacingOccurrences(of: "dataCutoff: \"2026-06-30\"", with: "dataCutoff: \"2026-07-31\"") }
        let errors = box.errors()
        #expect(Set(errors.map(\.identifier)) == ["lock.file-changed", "lock.cutoff-changed"])
        let changed = try #require(errors.first { $0.identifier == "lock.file-changed" })
        #expect(changed.summary.contains("data/adae.csv"))
        #expect(changed.location?.file == box.project + "/data.lock" && changed.location?.line != nil)
        // `check` reports the same as warnings.
        let outcome = try BuildAction(projects: [box.project], outputRoot: box.output, themeRoot: Self.theme, dryRun: true).run()
        #expect(outcome.warnings.contains { $0.identifier == "lock.file-changed" && $0.severity == .warning })
    }

    @Test func lockWritesOnceAndRefusesOtherDataWithoutForce() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let before = try box.read(box.project + "/data.lock")
        let same = try LockAction(project: box.project).run()
        #expect(!same.written)
        #expect(try box.read(box.project + "/data.lock") == before)
        try box.dropLastAdverseEvent()
        #expect(throws: DiagnosticsError.self) { try LockAction(project: box.project).run() }
        do { _ = try LockAction(project: box.project).run() } catch {
            #expect(error.diagnostics.first?.identifier == "lock.exists")
            #expect(error.diagnostics.first?.notes.contains { $0.contains("data/adae.csv") } == true)
        }
        let forced = try LockAction(project: box.project, force: true).run()
        #expect(forced.written && forced.lock.id != same.lock.id)
        // A hand-edited lock is an error for build and lock alike, until replaced with --force.
        try box.edit("data.lock") { $0.replacingOccurrences(of: forced.lock.id, with: "000000000000") }
        #expect(box.errors().map(\.identifier) == ["lock.invalid"])
        do { _ = try LockAction(project: box.project).run(); Issue.record("an invalid lock was overwritten") } catch {
            #expect(error.diagnostics.map(\.identifier) == ["lock.invalid", "lock.exists"])
        }
        #expect(try LockAction(project: box.project, force: true).run().written)
        try box.build()
    }

    @Test(arguments: ["plan", "page", "data"])
    func aPublishedVersionIsNeverRewritten(change: String) throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.build()
        let before = try box.read(box.bundle + "/results.json")
        let expected: String
        switch change {
        case "plan":
            try box.edit("trial.yaml") { $0.replacingOccurrences(of: "profile: sas", with: "profile: r") }
            expected = "input changed plan trial.yaml"
        case "page":
            try box.edit("pages/01-background.md") { $0 + "\nOne more sentence.\n" }
            expected = "input changed page pages/01-background.md"
        default:
            try box.dropLastAdverseEvent()
            _ = try LockAction(project: box.project, force: true).run()
            expected = "input changed dataset data/adae.csv"
        }
        let errors = box.errors()
        let refusal = try #require(errors.first)
        #expect(errors.count == 1 && refusal.identifier == "build.version-immutable")
        #expect(refusal.location?.file == box.project + "/trial.yaml" && refusal.location?.line == 12)
        #expect(refusal.notes.contains(expected), "\(refusal.notes)")
        #expect(try box.read(box.bundle + "/results.json") == before)
        // The journal remembers the version after its folder is gone.
        try FileManager.default.removeItem(atPath: box.bundle)
        #expect(box.errors().map(\.identifier) == ["build.version-immutable"])
        #expect(!FileManager.default.fileExists(atPath: box.bundle))
    }

    @Test func draftsMayReplaceDraftsButUnlockedNeverReplacesLocked() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.build()
        #expect(box.errors(.unlocked).map(\.identifier) == ["build.version-immutable"], "unlocked over locked")
        // A locked draft may be rebuilt from other inputs while both builds are drafts.
        try box.edit("trial.yaml") { $0.replacingOccurrences(of: "report:\n", with: "report:\n  draft: true\n") }
        #expect(box.errors().map(\.identifier) == ["build.version-immutable"], "the published one was not a draft")
        let other = try Sandbox()
        defer { other.remove() }
        try other.edit("trial.yaml") { $0.replacingOccurrences(of: "report:\n", with: "report:\n  draft: true\n") }
        try other.build()
        try other.edit("trial.yaml") { $0.replacingOccurrences(of: "profile: sas", with: "profile: r") }
        try other.build()
        let lockID = try #require(try DataLock.read(directory: other.project, display: other.project)).id
        let identity = try InputIdentity.of(ProjectLoader.load(directory: other.project, display: other.project),
                                            theme: ThemeLoader.load(Self.theme), dataLock: .locked(lockID), generator: BuildAction.generator)
        #expect(VersionPublisher.manifest(at: other.bundle)?.identity == identity.hash, "the draft was replaced by the new build")
        // An unlocked draft is replaced by the locked build.
        let third = try Sandbox()
        defer { third.remove() }
        try third.build(.unlocked)
        try third.build()
        #expect(VersionPublisher.manifest(at: third.bundle)?.dataLock?.status == "locked")
    }

    @Test func rebuildingTheSameInputsIsByteIdenticalAndCleansLeftovers() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.build()
        let before = try box.read(box.bundle + "/report.html")
        for folder in [box.output + "/.staging-trial-ia1-1-2", box.output + "/.retired-trial-ia1-3-4"] {
            try FileManager.default.createDirectory(atPath: folder + "/assets", withIntermediateDirectories: true)
        }
        try "x".write(toFile: box.output + "/index.html.tmp-99", atomically: false, encoding: .utf8)
        try "x".write(toFile: box.output + "/assets/readout.css.tmp-99", atomically: false, encoding: .utf8)
        try box.build()
        #expect(try box.read(box.bundle + "/report.html") == before)
        let left = (try FileManager.default.contentsOfDirectory(atPath: box.output)) + (try FileManager.default.contentsOfDirectory(atPath: box.output + "/assets"))
        #expect(!left.contains { OutputRecovery.isLeftover($0) }, "\(left)")
        #expect(PublishJournal(trialFolder: box.output + "/trial").records().count == 1, "a no-op rebuild adds no journal record")
    }

    @Test func verifyNamesEveryChangedAddedAndMissingFile() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.build()
        #expect(try VerifyAction(bundle: box.bundle).run() > 10)
        try "tampered".write(toFile: box.bundle + "/efficacy.html", atomically: false, encoding: .utf8)
        try "extra".write(toFile: box.bundle + "/extra.html", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: box.bundle + "/assets/readout.css")
        do {
            _ = try VerifyAction(bundle: box.bundle).run()
            Issue.record("a tampered bundle verified")
        } catch {
            let found = error.diagnostics.map { "\($0.identifier) \($0.subject.variable ?? "")" }.sorted()
            #expect(found == ["verify.file-added extra.html", "verify.file-changed efficacy.html", "verify.file-missing assets/readout.css"])
        }
    }

    @Test func aNewVersionListsTheChangesSinceThePreviousOne() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.build()
        let first = try box.read(box.bundle + "/results.json")
        #expect((try JSONSerialization.jsonObject(with: first) as! [String: Any])["changes"] == nil, "no previous version, no changes")
        try box.edit("trial.yaml") {
            $0.replacingOccurrences(of: "version: ia1", with: "version: ia2").replacingOccurrences(of: "\"2026-06-30\"", with: "\"2026-09-30\"")
        }
        try box.dropLastAdverseEvent()
        _ = try LockAction(project: box.project, force: true).run()
        try box.build()
        let second = box.output + "/trial/ia2"
        let results = try JSONSerialization.jsonObject(with: box.read(second + "/results.json")) as! [String: Any]
        let changes = try #require(results["changes"] as? [String: Any])
        #expect(changes["previousVersion"] as? String == "ia1" && changes["previousDataCutoff"] as? String == "2026-06-30")
        let inputs = try #require(changes["inputs"] as? [String])
        #expect(inputs.contains("changed dataset data/adae.csv") && inputs.contains("changed plan trial.yaml") && inputs.contains("changed lock data.lock"))
        #expect(!inputs.contains { $0.contains("previous") })
        let endpoints = results["endpoints"] as! [[String: Any]]
        let events = try #require(changes["events"] as? [[String: Any]])
        let rfs = try #require(events.first { $0["id"] as? String == "rfs" })
        let rfsArms = endpoints.first { $0["endpoint"] as? String == "rfs" }!["arms"] as! [[String: Any]]
        #expect(rfs["current"] as? Int == rfsArms.map { $0["events"] as! Int }.reduce(0, +) && rfs["added"] as? Int == 0)
        let estimates = try #require(changes["estimates"] as? [[String: Any]])
        #expect(estimates.contains { $0["endpoint"] as? String == "rfs" && ($0["measure"] as? String)?.hasPrefix("hazard ratio") == true })
        #expect((changes["subjects"] as? [[String: Any]])?.isEmpty == false)
        let page = try String(contentsOfFile: second + "/changes.html", encoding: .utf8)
        #expect(page.contains("Changes since version ia1") && page.contains("data/adae.csv"))
        #expect(try String(contentsOfFile: second + "/report.html", encoding: .utf8).contains("Changes since version ia1"))
        #expect(try box.read(box.bundle + "/results.json") == first, "ia1 is untouched")
        let home = try String(contentsOfFile: box.output + "/index.html", encoding: .utf8)
        #expect(home.contains("trial/ia1/index.html") && home.contains("trial/ia2/index.html") && home.contains("data lock "))
        // Rebuilding ia2 from the same inputs is a byte-identical no-op.
        let before = try box.read(second + "/changes.html")
        try box.build()
        #expect(try box.read(second + "/changes.html") == before)
    }

    @Test func aProjectNamedDotIsPublishedUnderItsRealName() throws {
        // `trial/.` resolves to the folder `trial` (ProjectPaths): the bundle lands in output/trial/ia1,
        // never in output/ia1 beside the trials' journals.
        let box = try Sandbox()
        defer { box.remove() }
        _ = try BuildAction(projects: [box.project + "/."], outputRoot: box.output, themeRoot: Self.theme).run()
        #expect(FileManager.default.fileExists(atPath: box.bundle + "/manifest.json"))
        #expect(!FileManager.default.fileExists(atPath: box.output + "/ia1"))
    }

    @Test func aTornJournalLineIsRepaired() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.build()
        let journal = PublishJournal(trialFolder: box.output + "/trial")
        let handle = try #require(FileHandle(forWritingAtPath: journal.path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"version\":\"ia2\",\"ident".utf8))
        try handle.close()
        #expect(journal.records().count == 1)
        try box.build()
        let text = try String(contentsOfFile: journal.path, encoding: .utf8)
        #expect(text.hasSuffix("\n") && !text.contains("ident\n") && journal.records().count == 1)
    }
}
