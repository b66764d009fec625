import Synchronization

/// Wall time of each phase of a build, per project, on a monotonic clock (`ContinuousClock`).
///
/// The build marks where each phase begins with ``begin(_:project:)``; a phase ends where the next
/// begins, or at ``end()``. The recorder is found through a task-local (``current``) so the loaders
/// deep in the pipeline mark their phases (read, and parse+hash, of each dataset) without being handed
/// it; with no recorder bound every mark is a no-op. Nothing of it goes into a bundle: `readout build
/// --timings` prints ``table()`` on stderr, and the terminal progress line shows ``running``.
public final class BuildTimings: Sendable {
    /// One finished phase.
    public struct Phase: Sendable, Equatable {
        public var project: String
        public var name: String
        public var seconds: Double

        public init(project: String, name: String, seconds: Double) {
            self.project = project
            self.name = name
            self.seconds = seconds
        }
    }

    /// The phase now running: project, name and when it began.
    public struct Running: Sendable {
        public var project: String
        public var name: String
        public var started: ContinuousClock.Instant
    }

    private struct State {
        var phases: [Phase] = []
        var running: Running?
        var project = ""
    }

    private let state = Mutex(State())
    /// When the recorder was made (the start of the build).
    public let started: ContinuousClock.Instant

    public init() { started = ContinuousClock.now }

    /// The recorder of the build running in this task, if any.
    @TaskLocal public static var current: BuildTimings?

    /// Ends the running phase and begins `name`, for `project` (nil: the project of the previous mark).
    public func begin(_ name: String, project: String? = nil) {
        let now = ContinuousClock.now
        state.withLock { state in
            Self.close(&state, at: now)
            if let project { state.project = project }
            state.running = Running(project: state.project, name: name, started: now)
        }
    }

    /// Ends the running phase.
    public func end() {
        let now = ContinuousClock.now
        state.withLock { Self.close(&$0, at: now) }
    }

    private static func close(_ state: inout State, at now: ContinuousClock.Instant) {
        guard let running = state.running else { return }
        state.phases.append(Phase(project: running.project, name: running.name, seconds: seconds(now - running.started)))
        state.running = nil
    }

    /// Marks the beginning of a phase in the recorder bound to this task (see ``current``).
    public static func begin(_ name: String, project: String? = nil) {
        current?.begin(name, project: project)
    }

    /// Ends the running phase of the recorder bound to this task.
    public static func end() { current?.end() }

    /// Runs `body` with this recorder bound as ``current``, then ends the running phase.
    public func recording<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        let result: Result<T, E> = Self.$current.withValue(self) {
            do throws(E) { return .success(try body()) } catch { return .failure(error) }
        }
        end()
        return try result.get()
    }

    /// The finished phases, in the order they ran.
    public var phases: [Phase] { state.withLock { $0.phases } }

    /// The phase now running, if any.
    public var running: Running? { state.withLock { $0.running } }

    /// Seconds since the recorder was made.
    public var elapsed: Double { Self.seconds(ContinuousClock.now - started) }

    static func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) * 1e-18
    }

    /// The phases as a table: per project its phases and their sum, then the whole build (which also
    /// counts theme loading and the site index).
    public func table(total: Double? = nil) -> String {
        Self.table(phases, total: total ?? elapsed)
    }

    /// The table of `phases` (pure; see ``table(total:)``).
    public static func table(_ phases: [Phase], total: Double) -> String {
        let width = max(24, (phases.map(\.name.count).max() ?? 0) + 2)
        func row(_ label: String, _ seconds: Double) -> String {
            let padded = label.count < width ? label + String(repeating: " ", count: width - label.count) : label + " "
            return "  " + padded + fixed(seconds)
        }
        var lines = ["phase timings (wall seconds)"]
        var projects: [String] = []
        for phase in phases where !projects.contains(phase.project) { projects.append(phase.project) }
        for project in projects {
            let own = phases.filter { $0.project == project }
            lines.append(project.isEmpty ? "(build)" : project)
            for phase in own { lines.append(row(phase.name, phase.seconds)) }
            lines.append(row("project total", own.reduce(0) { $0 + $1.seconds }))
        }
        lines.append("whole build" + String(repeating: " ", count: width + 2 - 11) + fixed(total))
        return lines.joined(separator: "\n")
    }

    /// Seconds with three decimals (no Foundation formatting).
    static func fixed(_ seconds: Double) -> String {
        let millis = Int((min(max(0, seconds.isFinite ? seconds : 0), 1e9) * 1000).rounded())
        let fraction = String(millis % 1000)
        return String(millis / 1000) + "." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
