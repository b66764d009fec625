import Foundation
public import ReadoutCore

/// The few file operations the build needs, each turning failures into diagnostics.
enum FileSystem {
    /// The whole file, read straight into one array (one allocation and one copy from the page cache;
    /// `FileManager.contents` + `[UInt8](data)` held the file twice, which set the peak memory of a
    /// million-subject build).
    static func readBytes(_ path: String, display: String) throws(DiagnosticsError) -> [UInt8] {
        func failure() -> DiagnosticsError {
            let exists = FileManager.default.fileExists(atPath: path)
            return DiagnosticsError([Diagnostic(.error, exists ? "io.unreadable" : "io.missing-file", at: SourceLocation(file: display),
                                                exists ? "cannot read the file" : "file not found")])
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failure() }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { throw failure() }
        // Read the size found by fstat, then whatever the file grew by meanwhile.
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: max(Int(info.st_size), 0)) { buffer, count in
            count = 0
            while count < buffer.count {
                let n = read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n > 0 { count += n } else if n == 0 { break } else if errno != EINTR { failed = true; break }
            }
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while !failed {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) } else if n == 0 { break } else if errno != EINTR { failed = true }
        }
        if failed { throw failure() }
        return bytes
    }

    /// A regular file's bytes mapped read-only into memory (`mmap`), for the large data files: no
    /// copy from the page cache and no zeroed pages to fill, and the pages are shared with the cache.
    /// Falls back to ``readBytes(_:display:)`` where the file cannot be mapped. The mapping is of the
    /// size `fstat` found; a file truncated by another program while it is read ends the process
    /// (SIGBUS), as with any mapped input.
    static func mapBytes(_ path: String, display: String) throws(DiagnosticsError) -> MappedBytes {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return MappedBytes(try readBytes(path, display: display)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0,
              let address = mmap(nil, Int(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else {
            return MappedBytes(try readBytes(path, display: display))
        }
        return MappedBytes(mapping: UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: Int(info.st_size)))
    }

    static func readText(_ path: String, display: String) throws(DiagnosticsError) -> String {
        let bytes = try readBytes(path, display: display)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DiagnosticsError([Diagnostic(.error, "io.invalid-utf8", at: SourceLocation(file: display), "the file is not valid UTF-8 text")])
        }
        return text
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    /// Entries of a directory, sorted (deterministic builds).
    static func list(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    /// Files under a directory, relative paths, sorted, skipping hidden entries. Symbolic links are
    /// listed as entries, never followed (no loops, no walking out of the folder); callers resolve and
    /// confine each entry (`ThemeRoot.file`).
    static func walk(_ path: String) -> [String] {
        var result: [String] = []
        for entry in list(path) where !entry.hasPrefix(".") {
            let full = path + "/" + entry
            if isDirectory(full) && !isSymbolicLink(full) { result += walk(full).map { entry + "/" + $0 } } else { result.append(entry) }
        }
        return result
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    static func write(_ bytes: [UInt8], to path: String) throws(DiagnosticsError) {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            throw DiagnosticsError([Diagnostic(.error, "io.write-failed", at: SourceLocation(file: path), "cannot write the file: \(error.localizedDescription)")])
        }
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    static func move(_ from: String, to: String) throws(DiagnosticsError) {
        do {
            try FileManager.default.createDirectory(atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.moveItem(atPath: from, toPath: to)
        } catch {
            throw DiagnosticsError([Diagnostic(.error, "io.move-failed", at: SourceLocation(file: to), "cannot move \(from) into place: \(error.localizedDescription)")])
        }
    }
}

/// A file's bytes from ``FileSystem/mapBytes(_:display:)``: a read-only mapping, or an array when the
/// file could not be mapped. ``release()`` (or the end of the object) unmaps them; the buffer must not
/// be used after that.
final class MappedBytes: @unchecked Sendable {
    private(set) var buffer: UnsafeBufferPointer<UInt8>
    private var mapped: Bool

    init(mapping: UnsafeBufferPointer<UInt8>) {
        buffer = mapping
        mapped = true
    }

    init(_ bytes: [UInt8]) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = copy.initialize(from: bytes)
        buffer = UnsafeBufferPointer(copy)
        mapped = false
    }

    /// Unmaps (or frees) the bytes.
    func release() {
        guard let base = buffer.baseAddress else { return }
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: base), buffer.count)
        } else {
            UnsafeMutableBufferPointer(mutating: buffer).deallocate()
        }
        buffer = UnsafeBufferPointer(start: nil, count: 0)
    }

    deinit { release() }
}
