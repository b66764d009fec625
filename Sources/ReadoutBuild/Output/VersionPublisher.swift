import Foundation
import ReadoutCore
import ReadoutPlan

/// Publishes a bundle so that a crash at any instant (kill -9 included) never leaves the version
/// without a complete bundle, and a published version is never rewritten from other inputs.
///
/// Under the output lock: recover leftovers; refuse if the version exists (folder or journal) with a
/// different input identity, unless both are drafts (or the old one an unlocked draft); write and flush
/// `output/.staging-…`; `rename` it into place (new version) or swap it with the old folder in one
/// `renameat2(RENAME_EXCHANGE)`; record the version in the journal; delete the old copy; then let the
/// caller rewrite the site index, still under the lock.
enum VersionPublisher {
    static let manifestName = "manifest.json"

    static func manifest(at bundle: String) -> Manifest? {
        guard let bytes = DurableFiles.read(bundle + "/" + manifestName) else { return nil }
        return try? JSONDecoder().decode(Manifest.self, from: Data(bytes))
    }

    static func publish(files: [(String, [UInt8])], manifest: Manifest, identity: InputIdentity, outputRoot: String,
                        versionKey: SourceLocation, afterPublish: () throws(DiagnosticsError) -> Void) throws(DiagnosticsError) {
        // The trial's folder name becomes output/<trial>: a hidden or relative name (a project named ".")
        // would publish beside the journals and staging folders.
        if manifest.trial.isEmpty || manifest.trial.hasPrefix(".") || manifest.trial.contains("/") {
            throw DiagnosticsError([Diagnostic(.error, "build.invalid-trial-name", at: versionKey.file.isEmpty ? nil : SourceLocation(file: versionKey.file),
                                               "the project folder's name is used as the trial's output folder", variable: "trial", value: manifest.trial,
                                               expected: "a folder name not starting with \".\" (name the project as content/<trial>, not .)")])
        }
        let lock = try OutputLock(outputRoot: outputRoot)
        defer { withExtendedLifetime(lock) {} }
        FaultInjection.reached(.locked)
        try OutputRecovery.recover(outputRoot: outputRoot)

        let trialFolder = "\(outputRoot)/\(manifest.trial)"
        let target = "\(trialFolder)/\(manifest.version)"
        let journal = PublishJournal(trialFolder: trialFolder)
        let new = PublishJournal.Record(manifest: manifest)
        let replacing = DurableFiles.exists(target)
        if replacing {
            guard let existing = Self.manifest(at: target) else {
                throw DiagnosticsError([Diagnostic(.error, "build.version-exists", at: SourceLocation(file: target),
                                                   "the output folder exists but is not a Readout bundle; refusing to overwrite it",
                                                   expected: "an empty place or a bundle with manifest.json")])
            }
            try checkReplaceable(old: PublishJournal.Record(manifest: existing), new: new, identity: identity,
                                 published: target + "/" + manifestName, versionKey: versionKey)
        } else if let record = journal.latest(manifest.version) {
            try checkReplaceable(old: record, new: new, identity: identity, published: journal.path, versionKey: versionKey)
        }

        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt64(Date().timeIntervalSince1970 * 1000))"
        let staging = "\(outputRoot)/.staging-\(manifest.trial)-\(manifest.version)-\(token)"
        do throws(DiagnosticsError) {
            for (path, bytes) in files { try DurableFiles.write(bytes, to: staging + "/" + path) }
            try DurableFiles.syncTree(staging)
            try DurableFiles.makeDirectory(trialFolder)
            try DurableFiles.syncDirectory(outputRoot)
        } catch {
            DurableFiles.remove(staging)
            throw error
        }
        FaultInjection.reached(.staged)
        if replacing {
            try DurableFiles.exchange(staging, target)  // the staging path now holds the old bundle
        } else {
            try DurableFiles.rename(staging, to: target)
        }
        try DurableFiles.syncDirectory(trialFolder)
        try DurableFiles.syncDirectory(outputRoot)
        FaultInjection.reached(.swapped)
        if journal.latest(manifest.version) != new { try journal.append(new) }
        FaultInjection.reached(.journaled)
        DurableFiles.remove(staging)
        try DurableFiles.syncDirectory(outputRoot)
        try afterPublish()
    }

    /// Same identity: a byte-identical rebuild. Otherwise only a draft may replace a draft (and an
    /// unlocked draft may be replaced by anything); an unlocked draft never replaces locked data.
    static func checkReplaceable(old: PublishJournal.Record, new: PublishJournal.Record, identity: InputIdentity,
                                 published: String, versionKey: SourceLocation) throws(DiagnosticsError) {
        if old.identity == new.identity { return }
        let oldUnlocked = old.status != DataLockStatus.locked("").status
        let newUnlocked = new.status != DataLockStatus.locked("").status
        if oldUnlocked && !old.inputs.isEmpty { return }
        if old.draft && new.draft && !newUnlocked { return }
        let differences = old.inputs.isEmpty
            ? ["the published version was made by an earlier Readout that did not record its inputs"]
            : identity.differences(from: old.inputs)
        let summary = newUnlocked && !oldUnlocked
            ? "version '\(new.version)' was published from locked data; an unlocked draft never replaces it"
            : "version '\(new.version)' was already published from other inputs; a published version is never rewritten"
        throw DiagnosticsError([Diagnostic(.error, "build.version-immutable", at: versionKey, summary,
                                           variable: "report.version", value: new.version,
                                           expected: "a new report.version for new inputs (or report.draft: true in both builds while drafting)",
                                           notes: ["published: \(published) (identity \(old.identity.prefix(12)))"]
                                               + differences.map { "input \($0)" })])
    }
}
