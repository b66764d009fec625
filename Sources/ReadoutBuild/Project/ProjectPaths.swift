import Foundation
public import ReadoutCore

/// The one place where paths that come from the user are resolved and confined.
///
/// A trial project is a folder; every file the build reads for it (`trial.yaml`, the datasets named
/// under `data:`, `pages/*.md`) must resolve — with `realpath`, symbolic links included — to a regular
/// file inside that folder, and every theme file to one inside the theme folder. Paths in `trial.yaml`
/// must be relative and may not climb out with `..`. A path that fails is refused before the file is
/// opened, so nothing outside the project is read and no message can echo its content.
///
/// Output paths are built from safe slugs only (`[A-Za-z0-9][A-Za-z0-9._-]*`) and checked, after
/// resolving the existing part of the path, to lie inside the resolved output root.
public enum ProjectPaths {
    /// `[A-Za-z0-9][A-Za-z0-9._-]*`: usable as a folder name and a URL path segment as it is.
    public static func isSafeSlug(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isAlphanumeric(first) else { return false }
        return text.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    private static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
    }

    /// `realpath(3)`: the absolute path with every symbolic link, `.` and `..` resolved; nil if it does not exist.
    static func realPath(_ path: String) -> String? {
        guard !path.isEmpty, !path.utf8.contains(0), let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// True when `path` (resolved) is `root` (resolved) or lies below it.
    static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// True when the path names a regular file (after resolving links).
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Lexical normalization of a relative path: drops `.` and empty components and applies `..`.
    /// Returns nil when a `..` would climb above the start.
    static func normalizedRelative(_ path: String) -> [String]? {
        var parts: [String] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true).map(String.init) {
            switch component {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(component)
            }
        }
        return parts
    }
}

/// A trial project folder, resolved: where it really is, what the user called it, and its id.
public struct ProjectRoot: Sendable {
    /// The folder as the user named it, without a trailing slash (for messages).
    public var display: String
    /// `realpath` of the folder.
    public var real: String
    /// The trial's id: the resolved folder's name, a safe slug.
    public var slug: String

    /// Resolves a project folder named on the command line (or found under `content/`).
    /// `trial/sub/..` resolves to `trial`; a folder whose name is not a safe slug is refused.
    public static func resolve(_ path: String) throws(DiagnosticsError) -> ProjectRoot {
        var display = path
        while display.count > 1 && display.hasSuffix("/") { display.removeLast() }
        guard let real = ProjectPaths.realPath(path), FileSystem.isDirectory(real) else {
            throw DiagnosticsError([Diagnostic(.error, "build.not-a-project", at: SourceLocation(file: display),
                                               "not a trial project", expected: "a folder with a trial.yaml")])
        }
        let slug = (real as NSString).lastPathComponent
        guard ProjectPaths.isSafeSlug(slug) else {
            throw DiagnosticsError([Diagnostic(.error, "project.invalid-id", at: SourceLocation(file: display),
                                               "the project folder's name is the trial's id in output paths and links, and it is not a safe name",
                                               variable: "trial id", value: slug,
                                               expected: "letters, digits, '.', '-' or '_', starting with a letter or digit (e.g. blinatumomab-mrd)")])
        }
        return ProjectRoot(display: display, real: real, slug: slug)
    }

    /// `trial.yaml`, which must be a regular file inside the project (not a link out of it).
    public func planFile() throws(DiagnosticsError) -> String {
        let display = self.display + "/trial.yaml"
        guard let real = ProjectPaths.realPath(self.real + "/trial.yaml") else {
            throw DiagnosticsError([Diagnostic(.error, "build.not-a-project", at: SourceLocation(file: self.display),
                                               "not a trial project", expected: "a folder with a trial.yaml")])
        }
        try confine(real, display: display, variable: nil, location: SourceLocation(file: display))
        return real
    }

    /// A path given in `trial.yaml` under `key` (e.g. `data.adsl`): relative, not climbing out, and resolving
    /// to a regular file inside the project. Errors point at the key's line in the plan.
    /// Returns the resolved path to read and the path to show (`<project>/<relative>`).
    public func planPath(_ relative: String, key variable: String, at location: SourceLocation) throws(DiagnosticsError) -> (real: String, display: String) {
        let shown = String(relative.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
        func refuse(_ id: String, _ summary: String, expected: String) -> DiagnosticsError {
            DiagnosticsError([Diagnostic(.error, id, at: location, summary, variable: variable, value: shown, expected: expected)])
        }
        let expected = "a path relative to the project folder, inside it (e.g. data/adsl.csv)"
        if relative.isEmpty || relative.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw refuse("path.invalid", "not a usable file path", expected: expected)
        }
        if relative.hasPrefix("/") || relative.hasPrefix("~") || relative.hasPrefix("\\") {
            throw refuse("path.absolute", "absolute paths are not allowed in trial.yaml", expected: expected)
        }
        guard let parts = ProjectPaths.normalizedRelative(relative), !parts.isEmpty else {
            throw refuse("path.outside-project", "the path leaves the project folder", expected: expected)
        }
        let joined = parts.joined(separator: "/")
        let display = self.display + "/" + joined
        guard let real = ProjectPaths.realPath(self.real + "/" + joined) else {
            throw DiagnosticsError([Diagnostic(.error, "io.missing-file", at: SourceLocation(file: display), "file not found",
                                               notes: ["named in \(location) (\(variable))"])])
        }
        guard ProjectPaths.isInside(real, root: self.real) else {
            throw refuse("path.outside-project", "the path resolves, through a symbolic link, to a file outside the project folder",
                         expected: expected)
        }
        guard ProjectPaths.isRegularFile(real) else {
            throw refuse("path.not-a-file", "the path does not name a regular file", expected: "a dataset file (.csv or .xpt)")
        }
        return (real, display)
    }

    /// The narrative pages: `pages/*.md`, each a regular file inside the project. A `pages` folder or page
    /// that links outside is an error (and is not read). Returns (resolved path, display path) pairs, sorted.
    public func pages() throws(DiagnosticsError) -> [(real: String, display: String)] {
        let directory = real + "/pages"
        guard FileSystem.exists(directory) else { return [] }
        var log = DiagnosticLog()
        guard let resolvedDirectory = ProjectPaths.realPath(directory) else { return [] }
        try confine(resolvedDirectory, display: display + "/pages", variable: "pages", location: SourceLocation(file: display + "/pages"))
        var result: [(real: String, display: String)] = []
        for file in FileSystem.list(resolvedDirectory) where file.hasSuffix(".md") && !file.hasPrefix(".") {
            let shown = display + "/pages/" + file
            guard let resolved = ProjectPaths.realPath(resolvedDirectory + "/" + file) else {
                log.append(Diagnostic(.error, "io.missing-file", at: SourceLocation(file: shown), "file not found (a broken symbolic link?)"))
                continue
            }
            do throws(DiagnosticsError) {
                try confine(resolved, display: shown, variable: nil, location: SourceLocation(file: shown))
                result.append((resolved, shown))
            } catch {
                log.append(contentsOf: error.diagnostics)
            }
        }
        if log.hasErrors { throw DiagnosticsError(log.diagnostics) }
        return result
    }

    /// Refuses a resolved path outside the project, or one that is not a regular file (or, for `pages`, a folder).
    private func confine(_ resolved: String, display: String, variable: String?, location: SourceLocation) throws(DiagnosticsError) {
        guard ProjectPaths.isInside(resolved, root: real) else {
            throw DiagnosticsError([Diagnostic(.error, "path.outside-project", at: location,
                                               "resolves, through a symbolic link, to a place outside the project folder; it is not read",
                                               variable: variable, expected: "a file inside \(self.display)")])
        }
        let isFolder = variable == "pages"
        guard isFolder ? FileSystem.isDirectory(resolved) : ProjectPaths.isRegularFile(resolved) else {
            throw DiagnosticsError([Diagnostic(.error, "path.not-a-file", at: location, isFolder ? "not a folder" : "not a regular file",
                                               variable: variable, expected: isFolder ? "a folder of Markdown pages" : "a regular file")])
        }
    }
}

/// The output folder, resolved, and the only way to name a place in it.
public struct OutputRoot: Sendable {
    /// As given (for messages).
    public var display: String
    /// Resolved absolute path (the existing part resolved with `realpath`, the rest appended).
    public var real: String

    public static func resolve(_ path: String) throws(DiagnosticsError) -> OutputRoot {
        guard !path.isEmpty, !path.utf8.contains(0) else {
            throw DiagnosticsError([Diagnostic(.error, "build.invalid-output", "the output folder is not a usable path", value: path)])
        }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return OutputRoot(display: path, real: resolvedPrefix(absolute))
    }

    /// `<output>/<trial>/<version>`, as given (for writing) — after checking both are safe slugs and
    /// that the place, with every link in its existing part resolved, lies inside the output root.
    public func bundle(trial: String, version: String) throws(DiagnosticsError) -> String {
        for (name, value) in [("trial id", trial), ("report.version", version)] where !ProjectPaths.isSafeSlug(value) {
            throw DiagnosticsError([Diagnostic(.error, "build.unsafe-output-name", at: SourceLocation(file: display),
                                               "\(name) is used as a folder name and is not a safe name", variable: name, value: value,
                                               expected: "letters, digits, '.', '-' or '_', starting with a letter or digit")])
        }
        let path = "\(display)/\(trial)/\(version)"
        try check(path)
        return path
    }

    /// Refuses to write at `path` unless it resolves inside the output root.
    public func check(_ path: String) throws(DiagnosticsError) {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let resolved = Self.resolvedPrefix(absolute)
        guard ProjectPaths.isInside(resolved, root: real) else {
            throw DiagnosticsError([Diagnostic(.error, "build.outside-output", at: SourceLocation(file: path),
                                               "refusing to write outside the output folder", expected: "a place inside \(display)")])
        }
    }

    /// Resolves the longest existing prefix of an absolute path with `realpath` and appends the rest,
    /// normalizing `.` and `..` lexically in the rest.
    static func resolvedPrefix(_ absolute: String) -> String {
        var parts = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var rest: [String] = []
        while !parts.isEmpty {
            if let real = ProjectPaths.realPath("/" + parts.joined(separator: "/")) {
                var base = real.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
                for component in rest.reversed() {
                    switch component {
                    case ".": continue
                    case "..": if !base.isEmpty { base.removeLast() }
                    default: base.append(component)
                    }
                }
                return "/" + base.joined(separator: "/")
            }
            rest.append(parts.removeLast())
        }
        return "/" + rest.reversed().joined(separator: "/")
    }
}

/// A theme folder, resolved: every template and asset must be a regular file inside it.
struct ThemeRoot {
    var display: String
    var real: String

    static func resolve(_ path: String) -> ThemeRoot? {
        guard let real = ProjectPaths.realPath(path), FileSystem.isDirectory(real) else { return nil }
        return ThemeRoot(display: path, real: real)
    }

    /// The resolved path of `relative` (a name found by listing the theme), refused when it leaves the theme.
    func file(_ relative: String) throws(DiagnosticsError) -> String {
        let shown = display + "/" + relative
        guard let resolved = ProjectPaths.realPath(real + "/" + relative) else {
            throw DiagnosticsError([Diagnostic(.error, "io.missing-file", at: SourceLocation(file: shown), "file not found (a broken symbolic link?)")])
        }
        guard ProjectPaths.isInside(resolved, root: real) else {
            throw DiagnosticsError([Diagnostic(.error, "path.outside-theme", at: SourceLocation(file: shown),
                                               "resolves, through a symbolic link, to a place outside the theme folder; it is not read",
                                               expected: "a file inside \(display)")])
        }
        guard ProjectPaths.isRegularFile(resolved) else {
            throw DiagnosticsError([Diagnostic(.error, "path.not-a-file", at: SourceLocation(file: shown), "not a regular file",
                                               expected: "a regular file")])
        }
        return resolved
    }
}
