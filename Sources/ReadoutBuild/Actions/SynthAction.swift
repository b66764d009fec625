import Foundation
public import ReadoutCore
import ReadoutData
import ReadoutSynth

/// `readout synth`: writes the sample trial's datasets as CSV (the committed locked data come from here).
public struct SynthAction: Sendable {
    public var seed: UInt64
    public var output: String

    public init(seed: UInt64, output: String) {
        self.seed = seed
        self.output = output
    }

    /// Returns the files written.
    public func run() throws(DiagnosticsError) -> [String] {
        var parameters = SampleTrialParameters()
        parameters.seed = seed
        var written: [String] = []
        for dataset in SampleTrial.generate(parameters) {
            let path = "\(output)/\(dataset.name.lowercased()).csv"
            try FileSystem.write(Array(CSVWriter.write(dataset).utf8), to: path)
            written.append(path)
        }
        return written
    }
}
