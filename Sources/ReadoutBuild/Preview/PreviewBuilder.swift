import Foundation
public import ReadoutCore

/// The file side of `readout serve`: builds one project as a draft (`--unlocked`: stamped "DRAFT — DATA NOT LOCKED")
/// into a private temporary folder — a fresh output folder per build, never the project's `output/` — tells when
/// the project's files or the theme changed, and reads a built file for a URL path, confined to the build.
public final class PreviewBuilder: @unchecked Sendable {
    public let project: String
    public let theme: String
    /// The private folder holding the builds (removed by `removeAll`).
    public let root: String
    private let lock = NSLock()
    private var count = 0
    private var current: String?

    public init(project: String, theme: String = "default") throws(DiagnosticsError) {
        self.project = project.count > 1 && project.hasSuffix("/") ? String(project.dropLast()) : project
        self.theme = theme
        var template = Array((NSTemporaryDirectory() + "readout-preview-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw DiagnosticsError([Diagnostic(.error, "io.write-failed", at: SourceLocation(file: NSTemporaryDirectory()),
                                               "cannot create the preview folder")])
        }
        root = String(cString: made)
    }

    /// The output folder of the last successful build (served as the site root), if any.
    public var servedRoot: String? { lock.withLock { current } }

    /// Builds into a new folder; on success it becomes the served root and the previous build is removed.
    /// Returns the diagnostics (errors when the build failed, else warnings).
    public func build() -> [Diagnostic] {
        let number = lock.withLock { count += 1; return count }
        let output = "\(root)/build-\(number)"
        do {
            let outcome = try BuildAction(projects: [project], outputRoot: output, themeRoot: theme, lockPolicy: .unlocked).run()
            let previous = lock.withLock { () -> String? in
                let old = current
                current = output
                return old
            }
            if let previous { try? FileManager.default.removeItem(atPath: previous) }
            return outcome.warnings
        } catch {
            try? FileManager.default.removeItem(atPath: output)
            return error.diagnostics
        }
    }

    /// Size and modification time of every file of the project (its `output/` excepted) and of the working
    /// directory's `themes/<theme>`: a change of content, data or theme changes the fingerprint.
    public func fingerprint() -> String {
        var lines: [String] = []
        for base in [project, "themes/" + theme] {
            for file in FileSystem.walk(base) where !(base == project && (file.hasPrefix("output/") || file == "output")) {
                var info = stat()
                if stat(base + "/" + file, &info) == 0 {
                    lines.append("\(base)/\(file) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The bytes a URL path names in the served build (`/` and folders: their index.html); nil when there is no
    /// such regular file inside it (`..`, links out of the build and hidden files included).
    public func read(urlPath: String) -> [UInt8]? {
        guard let served = servedRoot, let base = ProjectPaths.realPath(served) else { return nil }
        var segments: [String] = []
        for piece in urlPath.split(separator: "/") {
            guard let segment = String(piece).removingPercentEncoding, !segment.hasPrefix("."), !segment.contains("/") else { return nil }
            segments.append(segment)
        }
        var path = ([base] + segments).joined(separator: "/")
        if FileSystem.isDirectory(path) { path += "/index.html" }
        guard let resolved = ProjectPaths.realPath(path), ProjectPaths.isInside(resolved, root: base),
              ProjectPaths.isRegularFile(resolved) else { return nil }
        return FileManager.default.contents(atPath: resolved).map { [UInt8]($0) }
    }

    public func removeAll() {
        try? FileManager.default.removeItem(atPath: root)
    }
}
