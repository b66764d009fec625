public import ReadoutCore
import ReadoutRender

/// `readout theme export <dir>`: writes the built-in default theme (templates/, assets/) into a new or empty folder,
/// to be customised and used as `themes/<name>` or with `--theme <dir>`.
public struct ThemeExportAction: Sendable {
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// Writes every file; returns their paths. A folder that holds anything is refused: nothing is overwritten.
    public func run() throws(DiagnosticsError) -> [String] {
        if FileSystem.exists(directory) {
            guard FileSystem.isDirectory(directory), FileSystem.list(directory).isEmpty else {
                throw DiagnosticsError([Diagnostic(.error, "theme.export-target-exists", at: SourceLocation(file: directory),
                                                   "the theme is exported only into a new or empty folder; nothing was written",
                                                   expected: "a folder that does not exist yet or is empty")])
            }
        }
        var written: [String] = []
        for file in BuiltInTheme.fileBytes {
            let path = directory + "/" + file.path
            try FileSystem.write(file.bytes, to: path)
            written.append(path)
        }
        return written
    }
}
