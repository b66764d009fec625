import ArgumentParser
import ReadoutBuild

struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Generate the synthetic sample trial's datasets (ADSL, ADTTE, ADAE) as CSV.",
        discussion: "The same seed always gives byte-identical files. The sample project's locked data were made with the default seed."
    )

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 20261126

    @Option(name: .long, help: "Folder to write the CSV files into.")
    var output: String = "content/blinatumomab-mrd/data"

    func run() throws {
        do {
            for file in try SynthAction(seed: seed, output: output).run() { print("wrote \(file)") }
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode(1)
        }
    }
}
