#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import ReadoutCore

/// POSIX file operations for publishing: every write is flushed to disk (`fsync`) before a rename
/// makes it visible, renames are atomic, and a version folder is replaced by an atomic exchange.
enum DurableFiles {
    static func failure(_ what: String, _ path: String) -> DiagnosticsError {
        let reason = String(cString: strerror(errno))
        return DiagnosticsError([Diagnostic(.error, "io.publish-failed", at: SourceLocation(file: path), "cannot \(what): \(reason)")])
    }

    /// Creates `path` and its parents (mode 0755); an existing folder is fine.
    static func makeDirectory(_ path: String) throws(DiagnosticsError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticsError([Diagnostic(.error, "io.publish-failed", at: SourceLocation(file: path), "cannot create the folder: \(error.localizedDescription)")])
        }
    }

    /// Writes `bytes` to a new file at `path` and flushes it to disk.
    static func write(_ bytes: [UInt8], to path: String) throws(DiagnosticsError) {
        try makeDirectory((path as NSString).deletingLastPathComponent)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("write the file", path) }
        defer { close(fd) }
        try writeAll(fd, bytes, path: path)
        guard fsync(fd) == 0 else { throw failure("flush the file to disk", path) }
    }

    /// Appends `bytes` to `path` (created if absent) with one `write` and flushes it to disk.
    static func append(_ bytes: [UInt8], to path: String) throws(DiagnosticsError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure("open the file for appending", path) }
        defer { close(fd) }
        try writeAll(fd, bytes, path: path)
        guard fsync(fd) == 0 else { throw failure("flush the file to disk", path) }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(DiagnosticsError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("write the file", path)
            }
            offset += written
        }
    }

    /// Flushes a folder's entries (names created, renamed or removed in it) to disk.
    static func syncDirectory(_ path: String) throws(DiagnosticsError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("open the folder", path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw failure("flush the folder to disk", path) }
    }

    /// Flushes every file and folder under `root` (and `root` itself) to disk.
    static func syncTree(_ root: String) throws(DiagnosticsError) {
        for entry in entries(root) {
            let path = root + "/" + entry
            if isDirectory(path) { try syncTree(path) }
        }
        try syncDirectory(root)
    }

    /// `rename(2)`: atomically gives `from` the name `to` (replacing a file, or an empty folder).
    static func rename(_ from: String, to: String) throws(DiagnosticsError) {
        guard systemRename(from, to) == 0 else { throw failure("rename \(from)", to) }
    }

    /// `renameat2(RENAME_EXCHANGE)`: atomically swaps two existing paths, so `b` always names a complete folder.
    static func exchange(_ a: String, _ b: String) throws(DiagnosticsError) {
        guard let function = renameat2 else {
            throw DiagnosticsError([Diagnostic(.error, "io.publish-failed", at: SourceLocation(file: b),
                                               "this system has no atomic exchange of folders (renameat2 RENAME_EXCHANGE, Linux 3.15+)")])
        }
        guard function(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 else { throw failure("swap \(a) with", b) }
    }

    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// Linux `RENAME_EXCHANGE` (linux/fs.h).
    static let renameExchange: UInt32 = 1 << 1
    /// glibc (2.28+) exports `renameat2`, but Swift's Glibc module does not declare it: look it up by name
    /// (`RTLD_DEFAULT` is the null handle on glibc). Other systems get a clear error instead of a swap.
    static let renameat2: RenameAt2? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & 0o170000) == 0o040000  // S_IFMT, S_IFDIR
    }

    /// Every entry of a folder, hidden ones included, sorted.
    static func entries(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// Every regular file under `root`, hidden ones included, as sorted relative paths.
    static func files(under root: String) -> [String] {
        var result: [String] = []
        for entry in entries(root) {
            let path = root + "/" + entry
            if isDirectory(path) { result += files(under: path).map { entry + "/" + $0 } } else { result.append(entry) }
        }
        return result
    }

    static func read(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { write(fd, buffer, count) }
private func systemRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }
