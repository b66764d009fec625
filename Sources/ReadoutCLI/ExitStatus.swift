import ArgumentParser
import ReadoutCore

/// The exit codes CI branches on (documented in README.md and docs/ci.md):
/// 0 success; 1 an input or build error (plan, data, narrative, theme, I/O); 2 an integrity refusal —
/// data that differ from `data.lock` (or no lock), a tampered bundle, a published version that would be
/// rewritten; 64 a usage error (ArgumentParser's `EX_USAGE`). With both kinds of error, 1 wins: fix the
/// inputs first.
enum ExitStatus {
    static let inputError: Int32 = 1
    static let integrityFailure: Int32 = 2

    static func isIntegrity(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.identifier.hasPrefix("lock.") || diagnostic.identifier.hasPrefix("verify.")
            || diagnostic.identifier == "build.version-immutable"
    }

    /// The exit code for a failed command's diagnostics.
    static func code(for diagnostics: [Diagnostic]) -> ExitCode {
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty && errors.allSatisfy(isIntegrity) { return ExitCode(integrityFailure) }
        return ExitCode(inputError)
    }
}
