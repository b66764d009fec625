import Foundation
public import ReadoutCore

/// The few file operations the build needs, each turning failures into diagnostics.
enum FileSystem {
    static func readBytes(_ path: String, display: String) throws(DiagnosticsError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw DiagnosticsError([Diagnostic(.error, exists ? "io.unreadable" : "io.missing-file", at: SourceLocation(file: display),
                                               exists ? "cannot read the file" : "file not found")])
        }
        return [UInt8](data)
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
