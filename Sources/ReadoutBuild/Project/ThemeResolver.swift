public import ReadoutCore
public import ReadoutRender

/// Which theme a project is built with. `--theme` is a name or a folder:
/// - a folder (the argument contains `/`): exactly that folder;
/// - a name (a safe slug, default `default`): the project's `themes/<name>`, then `themes/<name>` in the working
///   directory (the repository), then — for `default` — the theme compiled into the binary (`BuiltInTheme`).
public enum ThemeResolver {
    /// Where a theme comes from.
    public enum Source: Hashable, Sendable {
        case folder(String)
        case builtIn
    }

    /// The theme `argument` names for the project at `project`; `themes` is the working directory's themes folder.
    public static func source(_ argument: String, project: String?, themes: String = "themes") throws(DiagnosticsError) -> Source {
        guard !argument.contains("/"), ProjectPaths.isSafeSlug(argument) else { return .folder(argument) }
        var searched: [String] = []
        if let project {
            let candidate = project + "/themes/" + argument
            if FileSystem.isDirectory(candidate) { return .folder(candidate) }
            searched.append(candidate)
        }
        let repository = themes + "/" + argument
        if FileSystem.isDirectory(repository) { return .folder(repository) }
        searched.append(repository)
        if argument == BuiltInTheme.name { return .builtIn }
        throw DiagnosticsError([Diagnostic(.error, "theme.missing", at: SourceLocation(file: argument), "theme not found",
                                           value: argument,
                                           expected: "a folder \(searched.joined(separator: " or ")) with templates/ and assets/, or the built-in theme '\(BuiltInTheme.name)'")])
    }

    public static func load(_ source: Source) throws(DiagnosticsError) -> Theme {
        switch source {
        case .folder(let path): try ThemeLoader.load(path)
        case .builtIn: BuiltInTheme.theme
        }
    }
}
