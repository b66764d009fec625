public import ReadoutCore

/// `readout lock <project>`: writes `<project>/data.lock` from the datasets as they are now.
public struct LockAction: Sendable {
    public var project: String
    /// Replace a lock that records different data.
    public var force: Bool

    public init(project: String, force: Bool = false) {
        self.project = project.hasSuffix("/") ? String(project.dropLast()) : project
        self.force = force
    }

    public struct Outcome: Sendable {
        public var path: String
        public var lock: DataLock
        /// False when the lock on disk already recorded exactly these data.
        public var written: Bool
    }

    public func run() throws(DiagnosticsError) -> Outcome {
        guard FileSystem.exists(project + "/trial.yaml") else {
            throw DiagnosticsError([Diagnostic(.error, "build.not-a-project", at: SourceLocation(file: project),
                                               "not a trial project", expected: "a folder with a trial.yaml")])
        }
        // Loading parses every dataset: data that cannot be read are not locked.
        let loaded = try ProjectLoader.load(directory: project, display: project)
        let lock = DataLock(project: loaded)
        let path = project + "/" + DataLock.fileName
        let existing: DataLock?
        do throws(DiagnosticsError) {
            existing = try DataLock.read(directory: project, display: project)
        } catch {
            // A malformed or hand-edited lock is replaced only on purpose.
            if !force { throw DiagnosticsError(error.diagnostics + [Diagnostic(.error, "lock.exists", at: SourceLocation(file: path),
                                                                                 "refusing to overwrite an invalid data lock", expected: "--force to replace it")]) }
            existing = nil
        }
        if let existing {
            if existing == lock { return Outcome(path: path, lock: lock, written: false) }
            if !force {
                let changes = existing.mismatches(current: lock, lockFile: path, lockBytes: DurableFiles.read(path) ?? [], severity: .error)
                throw DiagnosticsError([Diagnostic(.error, "lock.exists", at: SourceLocation(file: path),
                                                   "a data lock for other data exists; refusing to overwrite it",
                                                   variable: "id", value: lock.id, expected: "the locked id \(existing.id), or --force to lock the new data",
                                                   notes: changes.map(\.summary))])
            }
        }
        let temporary = path + ".tmp-lock"
        try DurableFiles.write(try lock.encoded(), to: temporary)
        try DurableFiles.rename(temporary, to: path)
        return Outcome(path: path, lock: lock, written: true)
    }
}
