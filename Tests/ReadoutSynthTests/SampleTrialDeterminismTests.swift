import Testing
import ReadoutData
@testable import ReadoutSynth

/// A deterministic text rendering of a dataset (name, columns, every cell), for comparing outputs.
func rendering(_ d: Dataset) -> String {
    var lines = [d.name + ":" + d.columnNames.joined(separator: ",")]
    for i in 0..<d.rowCount {
        lines.append(d.columns.map { $0.text(at: i) ?? "" }.joined(separator: ","))
    }
    return lines.joined(separator: "\n")
}

/// 64-bit FNV-1a of the UTF-8 bytes (a platform-independent fingerprint).
func fingerprint(_ text: String) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h
}

@Suite struct SampleTrialDeterminismTests {
    @Test func sameSeedGivesIdenticalDatasets() {
        let a = SampleTrial.generate().map(rendering)
        let b = SampleTrial.generate().map(rendering)
        #expect(a == b)
    }

    @Test func differentSeedGivesDifferentDatasets() {
        var p = SampleTrialParameters()
        p.seed = 20_261_127
        let a = SampleTrial.generate().map(rendering)
        let b = SampleTrial.generate(p).map(rendering)
        for k in 0..<3 { #expect(a[k] != b[k]) }
    }

    /// Adding subjects leaves the draws of existing subjects untouched (per-subject streams): the
    /// baseline of the first 300 generated subjects is the same when 310 are screened.
    @Test func extraSubjectsDoNotShiftOthers() {
        var p = SampleTrialParameters()
        let base = SampleTrial.screen(p)
        p.screened = 310
        let more = SampleTrial.screen(p)
        for i in 0..<300 {
            #expect(base[i].age == more[i].age && base[i].screeningDate == more[i].screeningDate && base[i].site == more[i].site)
        }
    }

    /// Snapshot of the default output: any change to the model, the samplers or the platform's arithmetic
    /// shows here. Update deliberately (and re-check docs/sample-trial.md) when the model changes.
    @Test func defaultSeedSnapshot() {
        let datasets = SampleTrial.generate()
        #expect(datasets.map(\.rowCount) == Self.expectedRowCounts)
        #expect(datasets.map { fingerprint(rendering($0)) } == Self.expectedFingerprints)
    }

    static let expectedRowCounts = [300, 378, 1401]
    static let expectedFingerprints: [UInt64] = [876_808_293_550_240_492, 7_308_834_641_301_895_568, 10_200_701_411_086_335_105]
}
