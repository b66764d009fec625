import ArgumentParser
import ReadoutBuild

struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Generate the synthetic sample trial's datasets (ADSL, ADTTE, ADAE) as CSV.",
        discussion: """
        The same seed (and --subjects) always gives byte-identical files. The sample project's locked data were made with \
        the default seed and size (300 screened subjects).
        With --subjects N the generator is scaled to N screened subjects with the same distributions, and --output becomes \
        a trial project that `readout build` builds: trial.yaml and pages/ copied from --template, data/ generated \
        (per screened subject about 1.26 ADTTE rows, RFS and OS, and 4.7 ADAE rows).
        """
    )

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 20261126

    @Option(name: .long, help: "Screened subjects (1 to 10000000); writes a whole project folder.")
    var subjects: Int?

    @Option(name: .long, help: ArgumentHelp("Where to write: the data folder, or with --subjects the project folder.",
                                            discussion: "Default: content/blinatumomab-mrd/data, or blinatumomab-mrd-N with --subjects N."))
    var output: String?

    @Option(name: .long, help: "With --subjects: the project whose trial.yaml and pages/ are copied.")
    var template: String = "content/blinatumomab-mrd"

    func run() throws {
        let folder = output ?? subjects.map { "blinatumomab-mrd-\($0)" } ?? "content/blinatumomab-mrd/data"
        do {
            let action = SynthAction(seed: seed, output: folder, subjects: subjects, template: template)
            for file in try action.run() { print("wrote \(file)") }
            if subjects != nil { print("build it with: readout build \(folder)") }
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode(1)
        }
    }
}
