import ReadoutPlan

/// `manifest.json` of a built version: what was built from which inputs, and every file's hash.
/// No timestamps, so rebuilding the same inputs gives byte-identical bundles.
struct Manifest: Codable, Sendable {
    struct DataEntry: Codable, Sendable {
        var name: String
        var file: String
        var sha256: String
    }

    struct FileEntry: Codable, Sendable {
        var path: String
        var sha256: String
    }

    var trial: String
    var title: String
    var version: String
    var status: String
    var dataCutoff: String
    var synthetic: Bool
    var generator: String
    var theme: String
    var data: [DataEntry]
    var files: [FileEntry]
    /// `report.draft` of the plan it was built from. Absent in bundles made before Readout recorded it.
    var draft: Bool?
    /// The data lock the datasets matched, or `unlocked`. Absent in older bundles.
    var dataLock: DataLockStatus?
    /// The version's identity: SHA-256 over every input (see `InputIdentity`). Absent in older bundles.
    var identity: String?
    var inputs: [InputIdentity.Entry]?
    /// `trial.acronym`, for the site home. Absent in older bundles.
    var acronym: String?
    /// The printed report (`build --pdf`); absent without it.
    var pdf: PDFEntry?
}
