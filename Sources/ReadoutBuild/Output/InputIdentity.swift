import Foundation
import ReadoutCore
import ReadoutPlan
import ReadoutRender

/// Everything a version is built from, each with its SHA-256, and one hash over all of them: the
/// version's identity. Two builds with the same identity give byte-identical bundles.
///
/// Roles: `dataset` (each data file, path relative to the project), `plan` (trial.yaml), `page`
/// (each narrative page), `theme` (each template and asset, path relative to the theme), `lock`
/// (`data.lock`: hash of `locked <id>` or `unlocked`), `tool` (`readout`: hash of the generator string,
/// e.g. `Readout 0.1.0`), and `previous` (the identity of the version the Changes page compares with).
struct InputIdentity: Codable, Sendable, Equatable {
    struct Entry: Codable, Sendable, Hashable, Comparable {
        var role: String
        var path: String
        var sha256: String

        static func < (a: Entry, b: Entry) -> Bool { (a.role, a.path, a.sha256) < (b.role, b.path, b.sha256) }
    }

    var inputs: [Entry]
    /// SHA-256 (hex) of the sorted lines `role<TAB>path<TAB>sha256<LF>`.
    var hash: String

    init(_ inputs: [Entry]) {
        self.inputs = inputs.sorted()
        self.hash = DatasetLoader.sha256(Array(self.inputs.map { "\($0.role)\t\($0.path)\t\($0.sha256)\n" }.joined().utf8))
    }

    /// Readable differences from an earlier identity: `changed dataset data/adae.csv`, `added page pages/04.md`, …
    func differences(from old: [Entry]) -> [String] {
        var result: [String] = []
        let before = Dictionary(old.map { ("\($0.role) \($0.path)", $0.sha256) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(inputs.map { ("\($0.role) \($0.path)", $0.sha256) }, uniquingKeysWith: { a, _ in a })
        for key in Set(before.keys).union(after.keys).sorted() {
            switch (before[key], after[key]) {
            case let (old?, new?) where old != new: result.append("changed \(key)")
            case (nil, _?): result.append("added \(key)")
            case (_?, nil): result.append("removed \(key)")
            default: break
            }
        }
        return result
    }

    /// The tool entry: hash of the generator string, so a new Readout version is a new input.
    static func tool(_ generator: String) -> Entry {
        Entry(role: "tool", path: "readout", sha256: DatasetLoader.sha256(Array(generator.utf8)))
    }

    static func lock(_ status: DataLockStatus) -> Entry {
        let text = status.id.map { "locked \($0)" } ?? "unlocked"
        return Entry(role: "lock", path: DataLock.fileName, sha256: DatasetLoader.sha256(Array(text.utf8)))
    }
}

extension InputIdentity {
    /// The identity of a loaded project built with `theme`: the bytes of every dataset, trial.yaml,
    /// narrative page and theme file as they are on disk now, the data lock and the tool version.
    static func of(_ project: TrialProject, theme: Theme, dataLock: DataLockStatus, generator: String,
                   previous: Manifest? = nil) throws(DiagnosticsError) -> InputIdentity {
        var entries = DataLock.dataFiles(project).map { Entry(role: "dataset", path: $0.file, sha256: $0.sha256) }
        let plan = try FileSystem.readBytes(project.directory + "/trial.yaml", display: project.planFile)
        entries.append(Entry(role: "plan", path: "trial.yaml", sha256: DatasetLoader.sha256(plan)))
        for file in FileSystem.list(project.directory + "/pages") where file.hasSuffix(".md") {
            let bytes = try FileSystem.readBytes(project.directory + "/pages/" + file, display: project.display + "/pages/" + file)
            entries.append(Entry(role: "page", path: "pages/" + file, sha256: DatasetLoader.sha256(bytes)))
        }
        for (name, text) in theme.templates {
            entries.append(Entry(role: "theme", path: "templates/\(name).mustache", sha256: DatasetLoader.sha256(Array(text.utf8))))
        }
        for (path, bytes) in theme.assets {
            entries.append(Entry(role: "theme", path: "assets/" + path, sha256: DatasetLoader.sha256(bytes)))
        }
        entries.append(lock(dataLock))
        // The Changes page compares with the previous version, so that version is an input too.
        if let previous, let hash = previous.identity { entries.append(Entry(role: "previous", path: previous.version, sha256: hash)) }
        entries.append(tool(generator))
        return InputIdentity(entries)
    }
}
