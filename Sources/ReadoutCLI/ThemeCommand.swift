import ArgumentParser
import ReadoutBuild

/// `readout theme`: the built-in default theme.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with the built-in default theme.",
        discussion: """
        The default theme is compiled into readout. A build looks for --theme NAME (default: default) in the \
        project's themes/NAME, then in ./themes/NAME, then uses the built-in one. `readout theme export DIR` \
        writes the built-in theme out to customise it: copy it to PROJECT/themes/default to override the \
        default for one project, or to PROJECT/themes/NAME and build with --theme NAME.
        """,
        subcommands: [ThemeExportCommand.self]
    )
}

struct ThemeExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the built-in theme (templates/ and assets/) into a new or empty folder."
    )

    @Argument(help: "Folder to write the theme into (created; must not hold anything).")
    var directory: String

    func run() throws {
        do {
            let files = try ThemeExportAction(directory: directory).run()
            print("wrote \(files.count) files to \(directory)/")
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitStatus.code(for: error.diagnostics)
        }
    }
}
