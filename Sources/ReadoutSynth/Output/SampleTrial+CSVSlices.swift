// Streaming CSV output for trials of any size. Subjects are simulated once (randomization and
// numbering within site need all of them); ADSL, ADTTE and ADAE are then built, adverse events
// simulated and CSV text made one slice of subjects at a time, so only one slice's rows are ever held
// as values and text. Every row depends on its own subject only (AESEQ counts within the subject), so
// the slices joined, with the header written once, are byte-identical to `CSVWriter` on the whole
// datasets of ``SampleTrial/generate(_:)`` (a test checks this).

import ReadoutData

extension SampleTrial {
    /// The datasets in the order they are generated and written.
    public static let datasetNames = ["ADSL", "ADTTE", "ADAE"]

    /// Writes the trial as CSV through `sink`, slice by slice: for each slice of at most
    /// `subjectsPerSlice` subjects (in USUBJID order), `sink` receives ADSL's, ADTTE's and ADAE's next
    /// bytes, in that order; the first slice's bytes start with the header. Appending every piece to
    /// its dataset's file gives the complete CSV files. Requires `parameters.problems` to be empty.
    public static func writeCSV<E: Error>(
        _ parameters: SampleTrialParameters = .init(), subjectsPerSlice: Int = 20_000,
        to sink: (_ dataset: String, _ bytes: [UInt8]) throws(E) -> Void
    ) throws(E) {
        let subjects = simulate(parameters)
        let size = max(1, subjectsPerSlice)
        var start = 0
        repeat {
            let slice = Array(subjects[start..<min(start + size, subjects.count)])
            let events = slice.map { simulateAdverseEvents($0, seed: parameters.seed) }
            for dataset in [makeADSL(slice), makeADTTE(slice), makeADAE(slice, events)] {
                var bytes = Array(CSVWriter.write(dataset).utf8)
                if start > 0, let headerEnd = bytes.firstIndex(of: 0x0A) {
                    bytes.removeSubrange(...headerEnd)
                }
                try sink(dataset.name, bytes)
            }
            start += size
        } while start < subjects.count
    }
}
