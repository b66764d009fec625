import ArgumentParser
import Foundation
import ReadoutBuild
import ReadoutCore
import ReadoutServe

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview a trial project on 127.0.0.1, rebuilding and reloading the page on every change.",
        discussion: """
        Builds the project as a draft (like --unlocked: stamped "DRAFT — DATA NOT LOCKED") into a private \
        temporary folder — never into output/ — and serves it on the loopback interface only. When a file of \
        the project (trial.yaml, pages, data) or of ./themes/THEME changes, it rebuilds and open pages reload \
        (server-sent events); while the project does not build, every page shows the diagnostics. Ctrl-C stops \
        the server and removes the preview.
        """
    )

    @Argument(help: "The trial project folder.")
    var project: String = "."

    @Option(name: .long, help: "Port on 127.0.0.1 (0: any free port).")
    var port: UInt16 = 8000

    @Option(name: .long, help: "Theme: a name (project themes/<name>, ./themes/<name>, built-in default) or a folder path.")
    var theme: String = "default"

    func run() throws {
        guard FileManager.default.fileExists(atPath: project + "/trial.yaml") else {
            DiagnosticPrinter.print([Diagnostic(.error, "build.not-a-project", at: SourceLocation(file: project),
                                                "not a trial project", expected: "a folder with a trial.yaml")])
            throw ExitCode(1)
        }
        let builder: PreviewBuilder
        do { builder = try PreviewBuilder(project: project, theme: theme) } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode(1)
        }
        let server = PreviewServer(builder: builder, port: port)
        // Ctrl-C and SIGTERM are blocked here, before the server starts its threads (they inherit the mask), and
        // taken synchronously by sigwait below: no handler runs, so stopping is ordinary code on this thread.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        do {
            let listening = try server.start(log: { line in Self.say(line) })
            Self.say("previewing \(project) at http://127.0.0.1:\(listening)/ (a draft; output/ is not touched; Ctrl-C stops)")
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode(1)
        }
        var received: Int32 = 0
        sigwait(&signals, &received)
        server.stop()
        Self.say("stopped")
    }

    /// A line on stdout, written at once (the preview runs until Ctrl-C; buffered lines would wait).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
