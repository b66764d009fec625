import Testing
import ReadoutPlan
@testable import ReadoutRender

/// Narrative numbers read as text: units, "95% CI" wording, "p = …" (docs/narrative.md).
@Suite struct NarrativeFormatTests {
    let f = NarrativeFormat(level: 0.95, unit: .months)

    @Test func percentagesCarryTheUnitAndTheInterval() {
        #expect(f.percent(0.6071, 0.5049, 0.6944) == "60.7% (95% CI 50.5–69.4)")
        #expect(f.percent(nil, 0.1, 0.2) == "NE")
        #expect(f.percent(0.1, nil, 0.2) == "10.0% (95% CI NE–20.0)")
    }

    @Test func timesCarryTheDisplayUnitAndMediansMayNotBeReached() {
        #expect(f.time(22.94, 18.1, 27.44) == "22.9 months (95% CI 18.1–27.4)")
        #expect(f.time(nil, 27.2, nil) == "not reached (95% CI 27.2–NE)")
        #expect(NarrativeFormat(level: 0.9, unit: .weeks).time(3, 2, 4) == "3.0 weeks (90% CI 2.0–4.0)")
    }

    @Test func ratiosAndDifferences() {
        #expect(f.ratio(0.6213, 0.4512, 0.8549) == "0.62 (95% CI 0.45–0.85)")
        #expect(f.difference(-0.148, -0.291, -0.004) == "-14.8 percentage points (95% CI -29.1 to -0.4)")
        #expect(f.ratio(nil, nil, nil) == "NE" && f.difference(nil, 0, 0) == "NE")
    }

    @Test func pValuesReadAsRelations() {
        #expect(f.p(0.0123) == "p = 0.012")
        #expect(f.p(0.0004) == "p < 0.001")
        #expect(f.p(0.99999) == "p > 0.999")
        #expect(f.p(nil) == "p NE")
        #expect(f.p(.nan) == "p NE")
    }

    @Test func countsNameTheirDenominator() {
        #expect(f.count(31, of: 98) == "31 of 98 (31.6%)")
        #expect(f.count(0, of: 98) == "0 of 98 (0.0%)")
        #expect(f.count(3, of: 0) == "3")
    }

    @Test func theNearestKeyIsByEditDistanceWithDeterministicTies() {
        let keys: Set<ResultKey> = [ResultKey("rfs.arm1.landmark24"), ResultKey("rfs.arm2.landmark24"), ResultKey("rfs.hr"), ResultKey("cir.gray.p")]
        #expect(NearestKey.nearest(to: "rfs.arm1.landmark36", in: keys)?.rawValue == "rfs.arm1.landmark24")
        #expect(NearestKey.nearest(to: "rfs.arm3.landmark24", in: keys)?.rawValue == "rfs.arm1.landmark24")  // tie: first
        #expect(NearestKey.nearest(to: "rfs.HR", in: keys)?.rawValue == "rfs.hr")
        #expect(NearestKey.nearest(to: "cir.grey.p", in: keys)?.rawValue == "cir.gray.p")
        #expect(NearestKey.nearest(to: "x", in: []) == nil)
        #expect(NearestKey.distance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars)) == 3)
        #expect(NearestKey.distance(Array("".unicodeScalars), Array("abc".unicodeScalars)) == 3)
        #expect(NearestKey.distance(Array("abc".unicodeScalars), Array("xyz".unicodeScalars), bound: 2) == nil)
    }
}
