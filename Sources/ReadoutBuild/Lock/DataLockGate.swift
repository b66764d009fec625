import ReadoutCore
import ReadoutPlan

/// How a build treats the project's `data.lock`.
public enum DataLockPolicy: Sendable {
    /// `build`: no lock, or data that differ from it, is an error.
    case required
    /// `check`: the same findings, as warnings.
    case warn
    /// `build --unlocked`: the lock is not consulted; the bundle is a draft stamped "DRAFT — DATA NOT LOCKED".
    case unlocked
}

/// Compares a loaded project's datasets with its `data.lock`.
enum DataLockGate {
    /// The lock status and what differs (errors for `.required`, warnings for `.warn`).
    static func check(_ project: TrialProject, policy: DataLockPolicy) -> (status: DataLockStatus, findings: [Diagnostic]) {
        if policy == .unlocked { return (.unlocked, []) }
        let severity: Severity = policy == .required ? .error : .warning
        let lockFile = project.display + "/" + DataLock.fileName
        var findings: [Diagnostic] = []
        var status = DataLockStatus.unlocked
        do throws(DiagnosticsError) {
            if let lock = try DataLock.read(directory: project.directory, display: project.display) {
                findings = lock.mismatches(current: DataLock(project: project), lockFile: lockFile,
                                           lockBytes: DurableFiles.read(project.directory + "/" + DataLock.fileName) ?? [], severity: severity)
                if findings.isEmpty { status = .locked(lock.id) }
            } else {
                findings = [Diagnostic(severity, "lock.missing", at: SourceLocation(file: lockFile), "the project's data are not locked",
                                       expected: "a data.lock written by `readout lock \(project.display)`",
                                       notes: ["build a draft stamped \"DRAFT — DATA NOT LOCKED\" with `--unlocked`"])]
            }
        } catch {
            findings = error.diagnostics.map { var d = $0; d.severity = severity; return d }
        }
        return (status, findings)
    }
}
