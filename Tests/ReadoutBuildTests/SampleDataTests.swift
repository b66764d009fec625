import Foundation
import Testing
import ReadoutTestSupport
@testable import ReadoutBuild

/// The committed locked data of the sample trial are exactly what `readout synth` writes with the default seed.
@Suite struct SampleDataTests {
    @Test func committedCSVsComeFromTheGenerator() throws {
        let directory = NSTemporaryDirectory() + "readout-synth-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let written = try SynthAction(seed: 20261126, output: directory).run()
        #expect(written.count == 3)
        for name in ["adsl.csv", "adtte.csv", "adae.csv"] {
            let generated = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
            let committed = try Data(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("content/blinatumomab-mrd/data/" + name))
            #expect(generated == committed, "\(name) differs from `readout synth --seed 20261126`")
        }
    }
}
