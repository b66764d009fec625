#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ReadoutCore

/// An exclusive `flock` on `<output>/.readout.lock`, held across recovery, publish and the site index,
/// so concurrent builds into one output folder take turns instead of racing. The kernel releases the
/// lock when the process ends, however it ends (kill -9 included), so a stale lock cannot block a build.
final class OutputLock {
    static let fileName = ".readout.lock"
    private let fd: Int32

    /// Blocks until the lock is free.
    init(outputRoot: String) throws(DiagnosticsError) {
        try DurableFiles.makeDirectory(outputRoot)
        let path = outputRoot + "/" + Self.fileName
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw DurableFiles.failure("open the output lock", path) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            close(fd)
            throw DurableFiles.failure("lock the output folder", path)
        }
        self.fd = fd
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
