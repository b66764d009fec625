import ArgumentParser
import ReadoutBuild
import ReadoutCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check trial projects without writing anything: plan, data, analyses, narrative and theme.",
        discussion: "Runs every step of `readout build` except writing the bundle; reports every problem it finds, compiler style, and exits with 1 if there are errors. Data that differ from data.lock (or no lock) are warnings here (errors with --warnings-as-errors, exit 2)."
    )

    @Argument(help: "Trial project folders (default: every project in content/).")
    var projects: [String] = []

    @Option(name: .long, help: "Folder of trial projects searched when none is named.")
    var content: String = "content"

    @Option(name: .long, help: "Theme: a name — the project's themes/<name>, then ./themes/<name>, then the built-in default — or a folder path (with a /).")
    var theme: String = "default"

    @Flag(name: .long, help: "Treat warnings as errors.")
    var warningsAsErrors = false

    func run() throws {
        let action = BuildAction(projects: projects, contentRoot: content, themeRoot: theme,
                                 warningsAsErrors: warningsAsErrors, dryRun: true)
        do {
            let outcome = try action.run()
            DiagnosticPrinter.print(outcome.warnings)
            print("ok: \(outcome.bundles.count) project\(outcome.bundles.count == 1 ? "" : "s") checked")
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitStatus.code(for: error.diagnostics)
        }
    }
}
