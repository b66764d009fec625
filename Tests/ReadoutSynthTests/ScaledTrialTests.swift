import Testing
import ReadoutData
@testable import ReadoutSynth

/// `readout synth --subjects N`: the generator scaled up, streamed as CSV slice by slice.
@Suite struct ScaledTrialTests {
    /// The CSV pieces joined per dataset.
    static func streamed(_ parameters: SampleTrialParameters, slice: Int) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        var order: [String] = []
        SampleTrial.writeCSV(parameters, subjectsPerSlice: slice) { (name: String, bytes: [UInt8]) in
            order.append(name)
            files[name, default: []] += bytes
        }
        #expect(Array(order.prefix(3)) == SampleTrial.datasetNames)
        return files
    }

    /// Slicing changes nothing: the joined slices are exactly `CSVWriter` on the whole datasets.
    @Test(arguments: [1, 7, 64, 300, 10_000])
    func slicesJoinToTheWholeCSV(slice: Int) {
        let whole = SampleTrial.generate()
        let files = Self.streamed(SampleTrialParameters(), slice: slice)
        for dataset in whole {
            #expect(files[dataset.name] == Array(CSVWriter.write(dataset).utf8), "\(dataset.name), slices of \(slice)")
        }
    }

    @Test func sameSizeAndSeedGiveIdenticalBytes() {
        var p = SampleTrialParameters()
        p.screened = 2_000
        let a = Self.streamed(p, slice: 500)
        let b = Self.streamed(p, slice: 2_000)
        #expect(a == b)
        p.seed += 1
        let c = Self.streamed(p, slice: 500)
        for name in SampleTrial.datasetNames { #expect(a[name] != c[name], "\(name) should change with the seed") }
    }

    /// Scaling keeps the distributions: ADSL has one row per screened subject, and the per-subject
    /// rates of ADTTE and ADAE rows stay near the sample's (378/300 and 1407/300).
    @Test func rowsScaleWithSubjects() throws {
        var p = SampleTrialParameters()
        p.screened = 6_000
        let datasets = SampleTrial.generate(p)
        #expect(datasets[0].rowCount == 6_000)
        let tteRate = Double(datasets[1].rowCount) / 6_000
        let aeRate = Double(datasets[2].rowCount) / 6_000
        #expect(abs(tteRate - 1.26) < 0.06, "ADTTE rows per subject \(tteRate)")
        #expect(abs(aeRate - 4.69) < 0.25, "ADAE rows per subject \(aeRate)")
        let parameters = Set(datasets[1].texts("PARAMCD").compactMap { $0 })
        #expect(parameters == ["RFS", "OS"])
    }

    /// A site with 10 000 subjects or more gets wider subject numbers, so USUBJID text order is still
    /// the row order and every USUBJID is unique.
    @Test func subjectNumbersWidenPastFourDigits() {
        var p = SampleTrialParameters()
        p.screened = 10_050
        p.siteCount = 1
        let adsl = SampleTrial.generate(p)[0]
        let ids = adsl.texts("USUBJID").compactMap { $0 }
        #expect(ids.count == 10_050 && Set(ids).count == 10_050)
        #expect(ids == ids.sorted())
        #expect(ids.first == "BLINA-MRD-01-101-00001" && ids.last == "BLINA-MRD-01-101-10050")
    }

    @Test func sampleSizeKeepsFourDigits() {
        let ids = SampleTrial.generate()[0].texts("SUBJID").compactMap { $0 }
        #expect(ids.allSatisfy { $0.count == 8 })
        #expect(ids == ids.sorted())
    }
}
