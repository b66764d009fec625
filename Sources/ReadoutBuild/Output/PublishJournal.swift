import Foundation
import ReadoutCore
import ReadoutPlan

/// `output/<trial>/.journal`: one JSON line per published version, appended and flushed under the
/// output lock. It outlives the version folders, so a version whose folder was deleted or lost can still
/// not be republished from different inputs. The last line for a version is its current record.
struct PublishJournal {
    static let fileName = ".journal"

    struct Record: Codable, Sendable, Equatable {
        var version: String
        var identity: String
        /// The data lock id, or nil for an unlocked draft.
        var lock: String?
        /// `locked` or `unlocked`.
        var status: String
        var draft: Bool
        var inputs: [InputIdentity.Entry]

        init(manifest: Manifest) {
            version = manifest.version
            identity = manifest.identity ?? ""
            lock = manifest.dataLock?.id
            status = manifest.dataLock?.status ?? DataLockStatus.unlocked.status
            draft = manifest.draft ?? false
            inputs = manifest.inputs ?? []
        }
    }

    let path: String

    init(trialFolder: String) { path = trialFolder + "/" + Self.fileName }

    /// Every complete record, oldest first; a torn last line (a crash while appending) is skipped.
    func records() -> [Record] {
        guard let bytes = DurableFiles.read(path) else { return [] }
        return bytes.split(separator: 0x0A).compactMap { try? JSONDecoder().decode(Record.self, from: Data($0)) }
    }

    /// The current record of a version, if it was ever published.
    func latest(_ version: String) -> Record? { records().last { $0.version == version } }

    func append(_ record: Record) throws(DiagnosticsError) {
        // The bytes of JSONEncoder with [.sortedKeys, .withoutEscapingSlashes].
        guard let line = try? SortedJSON.encode(record, pretty: false) else {
            throw DiagnosticsError([Diagnostic(.error, "build.encode-json", at: SourceLocation(file: path), "cannot encode the journal record")])
        }
        try repairTail()
        try DurableFiles.append(Array(line) + [0x0A], to: path)
    }

    /// Cuts a torn last line (no newline: the process died while appending) so the next record starts on its own line.
    func repairTail() throws(DiagnosticsError) {
        guard let bytes = DurableFiles.read(path), let last = bytes.last, last != 0x0A else { return }
        let keep = bytes.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let temporary = path + ".tmp-repair"
        try DurableFiles.write(Array(bytes[..<keep]), to: temporary)
        try DurableFiles.rename(temporary, to: path)
    }
}
