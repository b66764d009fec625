import Foundation
import ReadoutBuild
import Synchronization

/// Draws ``ProgressLine`` on stderr from a background thread while a build runs, reading the running
/// phase from the build's ``BuildTimings``; the build's own stdout lines go through ``printLine(_:)``,
/// which lifts the status line first so the two never mix. Disabled, it only prints those lines.
final class TerminalProgress: Sendable {
    private let timings: BuildTimings
    private let enabled: Bool
    private let state = Mutex((drawn: false, stopped: false))

    init(timings: BuildTimings, enabled: Bool) {
        self.timings = timings
        self.enabled = enabled
    }

    /// Whether this process's stderr gets the status line.
    static var stderrWantsProgress: Bool {
        ProgressLine.isEnabled(stderrIsTerminal: isatty(STDERR_FILENO) == 1, term: ProcessInfo.processInfo.environment["TERM"])
    }

    /// Starts redrawing the line four times a second (when enabled).
    func start() {
        guard enabled else { return }
        Thread.detachNewThread { [self] in
            while !state.withLock({ $0.stopped }) {
                usleep(250_000)
                draw()
            }
        }
    }

    private func draw() {
        let elapsed = timings.elapsed
        guard ProgressLine.shouldDraw(enabled: enabled, elapsed: elapsed), let running = timings.running else { return }
        let width = Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 80
        let text = ProgressLine.text(project: running.project, phase: running.name, elapsed: elapsed, width: width)
        state.withLock { state in
            guard !state.stopped else { return }
            FileHandle.standardError.write(Data((ProgressLine.clear + text).utf8))
            state.drawn = true
        }
    }

    /// Prints a line on stdout, lifting the status line out of the way first.
    func printLine(_ line: String) {
        state.withLock { state in
            lift(&state)
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }

    /// Stops drawing and erases the line.
    func stop() {
        state.withLock { state in
            state.stopped = true
            lift(&state)
        }
    }

    private func lift(_ state: inout (drawn: Bool, stopped: Bool)) {
        if state.drawn {
            FileHandle.standardError.write(Data(ProgressLine.clear.utf8))
            state.drawn = false
        }
    }
}
