import ArgumentParser
import ReadoutBuild
import ReadoutCore

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build report bundles into output/<trial>/<version>/.",
        discussion: """
        Without arguments, builds every folder of content/ that has a trial.yaml, with the default theme, into \
        output/. The datasets must match the project's data.lock (see `readout lock`); --unlocked builds a \
        draft stamped "DRAFT — DATA NOT LOCKED" instead. A version is immutable: building it again from any \
        different input (datasets, trial.yaml, pages, theme, Readout version) is refused unless report.draft \
        is true in both builds. Publishing survives a crash at any instant, and concurrent builds into one \
        output folder take turns. Exit codes: 0 built, 1 input or build error, 2 data lock or \
        immutable-version refusal, 64 usage error. On a terminal, a build running longer than a second shows \
        its current phase on one updating stderr line.
        """
    )

    @Argument(help: "Trial project folders (default: every project in content/).")
    var projects: [String] = []

    @Option(name: .long, help: "Output folder.")
    var output: String = "output"

    @Option(name: .long, help: "Folder of trial projects searched when none is named.")
    var content: String = "content"

    @Option(name: .long, help: "Theme: a name — the project's themes/<name>, then ./themes/<name>, then the built-in default — or a folder path (with a /).")
    var theme: String = "default"

    @Flag(name: .long, help: "Treat warnings as errors.")
    var warningsAsErrors = false

    @Flag(name: .long, help: "Build without a matching data.lock: a draft stamped \"DRAFT — DATA NOT LOCKED\" on every page and in results.json.")
    var unlocked = false

    @Flag(name: .long, help: "Also print each version's report.html to report.pdf with headless Chromium (Debian package chromium), checked and recorded in the manifest.")
    var pdf = false

    @Flag(name: .shortAndLong, help: "Print no progress lines.")
    var quiet = false

    @Flag(name: .long, help: "After the build, print the wall time of each phase of each project on stderr.")
    var timings = false

    func run() throws {
        var action = BuildAction(projects: projects, contentRoot: content, outputRoot: output, themeRoot: theme,
                                 warningsAsErrors: warningsAsErrors, lockPolicy: unlocked ? .unlocked : .required)
        action.pdf = pdf
        let recorder = BuildTimings()
        let display = TerminalProgress(timings: recorder, enabled: TerminalProgress.stderrWantsProgress)
        display.start()
        let outcome: BuildAction.Outcome
        do {
            outcome = try action.run(progress: { line in if !quiet { display.printLine(line) } }, timings: recorder)
            display.stop()
        } catch {
            display.stop()
            DiagnosticPrinter.print(error.diagnostics)
            if timings { DiagnosticPrinter.printError(recorder.table()) }
            throw ExitStatus.code(for: error.diagnostics)
        }
        DiagnosticPrinter.print(outcome.warnings)
        for bundle in outcome.bundles { print("built \(bundle)/index.html") }
        if timings { DiagnosticPrinter.printError(recorder.table()) }
    }
}
