#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Test-only crash switch: with `READOUT_TEST_KILL_AT=<step>` in the environment, the publisher sends
/// SIGKILL to its own process when it reaches that step, so tests can check what a crash at each instant
/// leaves behind. Unset (always, outside the crash tests), it does nothing.
enum FaultInjection {
    static let variable = "READOUT_TEST_KILL_AT"

    /// The named instants of a publish, in order.
    enum Step: String, CaseIterable, Sendable {
        /// The output lock is held; nothing recovered yet.
        case locked
        /// The staging folder is written and flushed; the version folder is untouched.
        case staged
        /// The staging folder has been renamed or swapped into place; the journal does not record it yet.
        case swapped
        /// The journal records the new version; the old copy (after a swap) is not deleted yet.
        case journaled
        /// The site index's temporary file is written; `index.html` is not replaced yet.
        case indexStaged = "index-staged"
    }

    static func reached(_ step: Step) {
        guard let raw = getenv(variable), String(cString: raw) == step.rawValue else { return }
        kill(getpid(), SIGKILL)
    }
}
