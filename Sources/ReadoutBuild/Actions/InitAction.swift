import Foundation
public import ReadoutCore
import ReadoutSynth

/// `readout init <trial>`: scaffolds a trial project (`ProjectScaffold`): trial.yaml, pages/01-introduction.md and
/// data/README.md; with `sample`, data/ receives the synthetic sample datasets (`readout synth`'s generator at its
/// default seed and size) and `data.lock` records them, so `readout build <trial>` works at once.
public struct InitAction: Sendable {
    public var directory: String
    public var sample: Bool

    public init(directory: String, sample: Bool = false) {
        self.directory = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        self.sample = sample
    }

    /// The files written, in order.
    public func run() throws(DiagnosticsError) -> [String] {
        let trial = (directory as NSString).lastPathComponent
        guard ProjectPaths.isSafeSlug(trial) else {
            throw DiagnosticsError([Diagnostic(.error, "init.invalid-name", at: SourceLocation(file: directory),
                                               "the project folder's name is the trial id in the output and in links",
                                               value: trial, expected: "a safe name: a letter or digit, then letters, digits, '.', '-' or '_'")])
        }
        if FileSystem.exists(directory) && !(FileSystem.isDirectory(directory) && FileSystem.list(directory).isEmpty) {
            throw DiagnosticsError([Diagnostic(.error, "init.target-exists", at: SourceLocation(file: directory),
                                               "a project is created only in a new or empty folder; nothing was written",
                                               expected: "a folder that does not exist yet or is empty")])
        }
        var written: [String] = []
        let files = [
            ("trial.yaml", ProjectScaffold.trialYAML(trial: trial, synthetic: sample)),
            ("pages/01-introduction.md", ProjectScaffold.introduction(trial: trial)),
            ("data/README.md", ProjectScaffold.dataReadme(trial: trial, sample: sample)),
        ]
        for (name, text) in files {
            try FileSystem.write(Array(text.utf8), to: directory + "/" + name)
            written.append(directory + "/" + name)
        }
        if sample {
            written += try SynthAction(seed: SampleTrialParameters().seed, output: directory + "/data")
                .writeData(SampleTrialParameters(), into: directory + "/data")
            written.append(try LockAction(project: directory).run().path)
        }
        return written
    }
}
