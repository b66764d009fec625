import ArgumentParser
import ReadoutBuild
import ReadoutCore

struct LockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lock",
        abstract: "Lock a trial project's data: write <project>/data.lock (SHA-256 per dataset, cut-off, lock id).",
        discussion: """
        `readout build` refuses data that differ from the lock, naming each changed, added or missing file. \
        Locking reads and parses every dataset first. A lock that records other data is replaced only with \
        --force. Exit codes: 0 locked (or already locked), 1 input error, 2 a different lock exists.
        """
    )

    @Argument(help: "Trial project folder, e.g. content/blinatumomab-mrd.")
    var project: String

    @Flag(name: .long, help: "Replace an existing lock that records different data.")
    var force = false

    func run() throws {
        do {
            let outcome = try LockAction(project: project, force: force).run()
            print("\(outcome.written ? "locked" : "already locked") \(outcome.path): id \(outcome.lock.id), cut-off \(outcome.lock.dataCutoff), \(outcome.lock.datasets.count) dataset\(outcome.lock.datasets.count == 1 ? "" : "s")")
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitStatus.code(for: error.diagnostics)
        }
    }
}
