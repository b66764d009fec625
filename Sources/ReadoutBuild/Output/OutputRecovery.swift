import Foundation
import ReadoutCore

/// Cleans up after a build that died while publishing (run under the output lock, before publishing):
/// removes `.staging-*` folders (an unfinished bundle, or the old copy after a swap), `.retired-*`
/// folders of earlier Readout versions and `*.tmp-*` files, repairs a torn journal line, and records in
/// the journal a version that was swapped into place just before the crash.
enum OutputRecovery {
    static func isLeftover(_ name: String) -> Bool {
        name.hasPrefix(".staging-") || name.hasPrefix(".retired-") || name.contains(".tmp-")
    }

    static func recover(outputRoot: String) throws(DiagnosticsError) {
        for name in DurableFiles.entries(outputRoot) where isLeftover(name) {
            DurableFiles.remove(outputRoot + "/" + name)
        }
        for trial in DurableFiles.entries(outputRoot) where !trial.hasPrefix(".") && DurableFiles.isDirectory(outputRoot + "/" + trial) {
            let folder = outputRoot + "/" + trial
            for name in DurableFiles.entries(folder) where isLeftover(name) { DurableFiles.remove(folder + "/" + name) }
            let journal = PublishJournal(trialFolder: folder)
            try journal.repairTail()
            for version in DurableFiles.entries(folder) where !version.hasPrefix(".") {
                guard let manifest = VersionPublisher.manifest(at: folder + "/" + version),
                      let identity = manifest.identity, manifest.version == version else { continue }
                if journal.latest(version)?.identity != identity {
                    try journal.append(PublishJournal.Record(manifest: manifest))
                }
            }
        }
        try DurableFiles.syncDirectory(outputRoot)
    }
}
