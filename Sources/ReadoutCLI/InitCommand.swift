import ArgumentParser
import ReadoutBuild

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a trial project: trial.yaml, a narrative page and data/README.md.",
        discussion: """
        trial.yaml carries every key with a comment; data/README.md names the ADaM variables each analysis \
        reads. The folder's name is the trial id (a letter or digit, then letters, digits, '.', '-' or '_'); \
        it must not exist or be empty. With --sample, data/ receives the synthetic sample datasets (as \
        `readout synth` makes them) and data.lock records them, so `readout build TRIAL` works at once.
        """
    )

    @Argument(help: "The project folder to create.")
    var trial: String

    @Flag(name: .long, help: "Fill data/ with the synthetic sample datasets and lock them.")
    var sample = false

    func run() throws {
        do {
            for file in try InitAction(directory: trial, sample: sample).run() { print("wrote \(file)") }
            print(sample ? "build it with: readout build \(trial)"
                         : "add your datasets to \(trial)/data, adapt trial.yaml, then: readout lock \(trial) && readout build \(trial)")
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitStatus.code(for: error.diagnostics)
        }
    }
}
