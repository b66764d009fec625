import Foundation
import ReadoutCore
import ReadoutPlan

/// `data.lock` in the project root (beside `trial.yaml`): the reviewed record of which data a report
/// may be built from — one entry per dataset of the plan (name, path relative to the project, SHA-256),
/// the data cut-off, and a lock id. Deterministic JSON (sorted keys), written by `readout lock`.
public struct DataLock: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
        public var name: String
        public var file: String
        public var sha256: String
    }

    public static let fileName = "data.lock"

    /// First 12 hex digits of the SHA-256 of the cut-off and the sorted entries (see `computeID`).
    public var id: String
    public var dataCutoff: String
    public var datasets: [Entry]

    init(dataCutoff: String, datasets: [Entry]) {
        self.dataCutoff = dataCutoff
        self.datasets = datasets.sorted { $0.file < $1.file }
        self.id = Self.computeID(dataCutoff: dataCutoff, datasets: self.datasets)
    }

    /// SHA-256 over `dataCutoff<LF>` and `name<TAB>file<TAB>sha256<LF>` per entry sorted by file; first 12 hex digits.
    static func computeID(dataCutoff: String, datasets: [Entry]) -> String {
        let text = dataCutoff + "\n" + datasets.sorted { $0.file < $1.file }.map { "\($0.name)\t\($0.file)\t\($0.sha256)\n" }.joined()
        return String(DatasetLoader.sha256(Array(text.utf8)).prefix(12))
    }

    /// The lock of a loaded project's datasets as they are now.
    init(project: TrialProject) {
        self.init(dataCutoff: project.plan.report.dataCutoff,
                  datasets: DataLock.dataFiles(project).map { Entry(name: $0.name, file: $0.file, sha256: $0.sha256) })
    }

    /// The project's datasets as `results.json` lists them: name, path relative to the project, SHA-256, rows.
    static func dataFiles(_ project: TrialProject) -> [DataFile] {
        project.datasets.values.sorted { $0.path < $1.path }.map {
            DataFile(name: $0.dataset.name, file: String($0.path.dropFirst(project.display.count + 1)), sha256: $0.sha256, rows: $0.dataset.rowCount)
        }
    }

    func encoded() throws(DiagnosticsError) -> [UInt8] { try ResultsEncoder.encode(self) }

    /// Reads `<project>/data.lock`; nil when there is none. A malformed or hand-edited lock is an error.
    static func read(directory: String, display: String) throws(DiagnosticsError) -> DataLock? {
        let path = directory + "/" + fileName
        guard let bytes = DurableFiles.read(path) else { return nil }
        let file = display + "/" + fileName
        let lock: DataLock
        do {
            lock = try JSONDecoder().decode(DataLock.self, from: Data(bytes))
        } catch {
            throw DiagnosticsError([Diagnostic(.error, "lock.invalid", at: SourceLocation(file: file),
                                               "the data lock is not valid JSON of the expected shape: \(error)",
                                               expected: "a file written by `readout lock`")])
        }
        let expected = computeID(dataCutoff: lock.dataCutoff, datasets: lock.datasets)
        guard lock.id == expected else {
            throw DiagnosticsError([Diagnostic(.error, "lock.invalid", at: SourceLocation(file: file, line: line(of: "\"id\"", in: bytes)),
                                               "the lock id does not match the lock's entries (edited by hand?)",
                                               variable: "id", value: lock.id, expected: expected)])
        }
        return lock
    }

    /// What differs between this lock and the data as they are now, one diagnostic per file.
    func mismatches(current: DataLock, lockFile: String, lockBytes: [UInt8], severity: Severity) -> [Diagnostic] {
        let hint = "lock the data as they are now with `readout lock \((lockFile as NSString).deletingLastPathComponent)`, or build a draft with `--unlocked`"
        var result: [Diagnostic] = []
        let locked = Dictionary(datasets.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        let now = Dictionary(current.datasets.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        for file in Set(locked.keys).union(now.keys).sorted() {
            let at = SourceLocation(file: lockFile, line: Self.line(of: "\"\(file)\"", in: lockBytes))
            switch (locked[file], now[file]) {
            case let (old?, new?) where old.sha256 != new.sha256:
                result.append(Diagnostic(severity, "lock.file-changed", at: at, "\(file) differs from the data lock",
                                         variable: file, value: "sha256 \(new.sha256)", expected: "sha256 \(old.sha256)", notes: [hint]))
            case (nil, let new?):
                result.append(Diagnostic(severity, "lock.file-added", at: SourceLocation(file: lockFile), "\(file) is not in the data lock",
                                         variable: new.name, value: file, expected: "only locked datasets", notes: [hint]))
            case (let old?, nil):
                result.append(Diagnostic(severity, "lock.file-missing", at: at, "\(file) is locked but not among the plan's datasets",
                                         variable: old.name, value: file, expected: "every locked dataset in trial.yaml's data:", notes: [hint]))
            default: break
            }
        }
        if dataCutoff != current.dataCutoff {
            result.append(Diagnostic(severity, "lock.cutoff-changed", at: SourceLocation(file: lockFile, line: Self.line(of: "\"dataCutoff\"", in: lockBytes)),
                                     "the plan's data cut-off differs from the locked one", variable: "report.dataCutoff",
                                     value: current.dataCutoff, expected: dataCutoff, notes: [hint]))
        }
        return result
    }

    /// 1-based line of the first occurrence of `needle` in `bytes`.
    static func line(of needle: String, in bytes: [UInt8]) -> Int? {
        let text = String(decoding: bytes, as: UTF8.self)
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains(needle) {
            return index + 1
        }
        return nil
    }
}
