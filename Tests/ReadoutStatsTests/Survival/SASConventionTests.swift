import Testing
import ReadoutStats
import ReadoutTestSupport

/// The `.sas` convention on hand-derived cases (SAS/STAT LIFETEST "Computational Formulas" and the
/// TIMELIST rules; see docs/methods/survival.md). Derivations are in the comments; z = 1.959964.
@Suite struct SASConventionTests {
    static func sas(_ transform: ConfidenceTransform) -> KaplanMeierOptions {
        KaplanMeierOptions(transform: transform, level: 0.95, convention: .sas)
    }

    /// Four subjects, events at 1, 2, 3, 4: S = 0.75, 0.5, 0.25, 0 and Greenwood Σ d/(n(n−d)) =
    /// 1/12, 1/4, 3/4, ∞ (std.err = 0.288675, 0.5, 0.866025, ∞).
    static let drop = (time: [1.0, 2, 3, 4], event: [true, true, true, true])

    @Test func plateauAtExactlyOneMinusPTakesTheMidpoint() throws {
        let curve = try KaplanMeier.fit(time: Self.drop.time, event: Self.drop.event, options: Self.sas(.logLog))
        // S = 0.75 on [1, 2), 0.5 on [2, 3), 0.25 on [3, 4): each quartile is a midpoint.
        #expect(curve.quantile(0.25).estimate == 1.5)
        #expect(curve.median.estimate == 2.5)
        #expect(curve.quantile(0.75).estimate == 3.5)
    }

    @Test(arguments: [ConfidenceTransform.logLog, .log, .plain])
    func medianIntervalIsTheSpanOfEventTimesWhoseBandHoldsOneHalf(transform: ConfidenceTransform) throws {
        // log-log: |log(−log S) − log(−log ½)| ≤ z·se/|log S|:
        //   t=1: |−1.245899 + 0.366513| = 0.879 ≤ 1.959964·0.288675/0.287682 = 1.967  → in
        //   t=2: 0 → in;  t=3: |0.326634 + 0.366513| = 0.693 ≤ 1.959964·0.866025/1.386294 = 1.224 → in
        //   t=4: S = 0, excluded. Lower = 1; the last time in the set (3) is followed by t=4, where
        //   S = 0 and g(0) is undefined: that time does not end the set → [1, NE) (SAS's output for
        //   the CAMIS ten-subject example, see docs/methods/sas-validation.md).
        // log: |log S − log ½| ≤ z·se: 0.405 ≤ 0.566 and 0.693 ≤ 1.697 → [1, NE) likewise.
        // plain: |S − ½| ≤ z·S·se: 0.25 ≤ 0.424 at t=1 and t=3; g(0) = 0 is defined → [1, 4).
        // R (quantile.survfit) gives [1, NA] here: its upper band is NA where S = 0.
        let curve = try KaplanMeier.fit(time: Self.drop.time, event: Self.drop.event, options: Self.sas(transform))
        #expect(curve.median == Estimate(estimate: 2.5, lower: 1, upper: transform == .plain ? 4 : nil))
        let r = try KaplanMeier.fit(time: Self.drop.time, event: Self.drop.event,
                                    options: .init(transform: transform, convention: .r))
        #expect(r.median == Estimate(estimate: 2.5, lower: 1, upper: nil))
    }

    @Test func uncensoredTwentyGivesBinomialBandLimits() throws {
        // 20 events at 1…20: S(k) = 1 − k/20 and σ̂(S) = √(S(1 − S)/20). Plain band holds ½ when
        // |S − ½| ≤ 1.959964·σ̂: k = 6 (0.2 ≤ 0.2008) through k = 14; k = 5 and 15 fail (0.25 > 0.1898).
        // So the median (S = ½ exactly on [10, 11)) is 10.5 with CI [6, 15).
        let time = (1...20).map(Double.init)
        let curve = try KaplanMeier.fit(time: time, event: Array(repeating: true, count: 20), options: Self.sas(.plain))
        #expect(curve.median == Estimate(estimate: 10.5, lower: 6, upper: 15))
        #expect(curve.quantile(0.25).estimate == 5.5)   // S = 0.75 on [5, 6)
        #expect(curve.quantile(0.75).estimate == 15.5)  // S = 0.25 on [15, 16)
        #expect(curve.quantile(0.3).estimate == 6.5)    // S = 0.7 on [6, 7)
        #expect(curve.quantile(0.33).estimate == 7)     // first S < 0.67 is S(7) = 0.65, no plateau
    }

    @Test func plateauThatNeverEndsIsNotEstimable() throws {
        // Events at 2, 4, 6, 8 among 8, then censorings at 10…16: S = 0.875, 0.75, 0.625, 0.5 and
        // flat at 0.5 to the end. SAS: no t with S < 0.5 → NE. R's table says 8, quantile() 12.
        let time = [2.0, 4, 6, 8, 10, 12, 14, 16]
        let event = [true, true, true, true, false, false, false, false]
        let sas = try KaplanMeier.fit(time: time, event: event, options: Self.sas(.logLog))
        // Band at t=8 holds ½ (S = ½), t_D = 8 → upper NE; at t=2, |−2.013345 + 0.366513| = 1.647 ≤
        // 1.959964·0.133631/0.133531 = 1.961 → lower 2.
        #expect(sas.median == Estimate(estimate: nil, lower: 2, upper: nil))
        #expect(sas.quantile(0.25).estimate == 5)  // S = 0.75 on [4, 6)
        let r = try KaplanMeier.fit(time: time, event: event, options: .init(transform: .logLog, convention: .r))
        #expect(r.median.estimate == 8)
        #expect(r.quantile(0.5).estimate == 12)
    }

    @Test func neverBelowOneMinusPIsNotEstimable() throws {
        let curve = try KaplanMeier.fit(time: [1, 3, 5, 7, 9], event: [true, false, false, false, false],
                                        options: Self.sas(.logLog))
        #expect(curve.median.estimate == nil)
        #expect(curve.median.upper == nil)
        let censored = try KaplanMeier.fit(time: [1, 2, 3], event: [false, false, false], options: Self.sas(.logLog))
        #expect(censored.median == Estimate(estimate: nil, lower: nil, upper: nil))
    }

    @Test func landmarkAfterLastObservation() throws {
        // Last observation an event with S = 0: SAS reports 0 (SE 0) after it; R drops the time.
        let drop = try KaplanMeier.fit(time: Self.drop.time, event: Self.drop.event, options: Self.sas(.logLog))
        #expect(drop.landmark(10) == LandmarkEstimate(time: 10, available: true, atRisk: 0, survival: 0,
                                                      standardError: 0, lower: nil, upper: nil))
        #expect(drop.landmark(4) == LandmarkEstimate(time: 4, available: true, atRisk: 1, survival: 0,
                                                     standardError: 0, lower: nil, upper: nil))
        let plain = try KaplanMeier.fit(time: Self.drop.time, event: Self.drop.event, options: Self.sas(.plain))
        #expect(plain.landmark(10).lower == 0 && plain.landmark(10).upper == 0)
        let r = try KaplanMeier.fit(time: Self.drop.time, event: Self.drop.event,
                                    options: .init(transform: .logLog, convention: .r))
        #expect(r.landmark(10) == LandmarkEstimate(time: 10, available: false, atRisk: nil, survival: nil,
                                                   standardError: nil, lower: nil, upper: nil))
        #expect(r.landmark(4).standardError?.isNaN == true)  // R: Inf · 0

        // Last observation censored: NE after it, the estimate up to and at it.
        let censoredLast = try KaplanMeier.fit(time: [1, 2, 3, 5], event: [true, false, true, false],
                                               options: Self.sas(.logLog))
        #expect(!censoredLast.landmark(5.5).available)
        #expect(censoredLast.landmark(5.5).survival == nil)
        let atLast = censoredLast.landmark(5)
        #expect(atLast.available && atLast.atRisk == 1)
        expectClose(atLast.survival, 0.75 * (1 - 1.0 / 2), relative: Tolerance.closedForm, "S(5)")
    }

    @Test func landmarkBeforeFirstTimeIsOne() throws {
        let curve = try KaplanMeier.fit(time: [2, 3], event: [true, false], options: Self.sas(.logLog))
        #expect(curve.landmark(1) == LandmarkEstimate(time: 1, available: true, atRisk: 2, survival: 1,
                                                      standardError: 0, lower: 1, upper: 1))
        // S(2) = ½ with Greenwood SE of S = ½·√(1/(2·1)) = 0.353553.
        expectClose(curve.landmark(2.5).standardError, 0.5 * (0.5).squareRoot(), relative: Tolerance.closedForm,
                    "SE of S(2.5)")
        #expect(curve.landmark(2.5).atRisk == 1)
    }

    @Test func defaultsAreSASLifetest() {
        let options = KaplanMeierOptions()
        #expect(options.transform == .logLog && options.level == 0.95 && options.convention == .sas)
        #expect(options.tieTolerance)
    }

    @Test func medianFollowUpUsesTheSameRules() throws {
        // Reverse KM of the drop data has no events (everyone had the event): NE.
        let none = try MedianFollowUp.estimate(time: Self.drop.time, event: Self.drop.event, options: Self.sas(.logLog))
        #expect(none.estimate == nil)
        // Censored at 1, 2, 3, 4 (events reversed): the reverse curve is the drop curve ([1, NE), above).
        let reversed = try MedianFollowUp.estimate(time: Self.drop.time, event: [false, false, false, false],
                                                   options: Self.sas(.logLog))
        #expect(reversed == Estimate(estimate: 2.5, lower: 1, upper: nil))
    }

    @Test func camisExampleFlatAtOneHalfUntilTheLastCensoring() throws {
        // PSI AIMS CAMIS, Comp/r-sas_survival.qmd: 5 events then 5 censorings; S = 0.5 from 87 to 118.
        let time = [54.0, 75, 77, 84, 87, 92, 103, 105, 112, 118]
        let event = [true, true, true, true, true, false, false, false, false, false]
        let sas = try KaplanMeier.fit(time: time, event: event, options: Self.sas(.logLog))
        // SAS: no S < 0.5 → NE. CI: t=54 has |−2.250367 + 0.366513| = 1.884 ≤ 1.959964·0.105409/0.105361
        // = 1.961 → lower 54; t_D = 87 (S = 0.5) is in the set → upper NE.
        #expect(sas.median == Estimate(estimate: nil, lower: 54, upper: nil))
        #expect(sas.quantile(0.25).estimate == 77)
        #expect(!sas.landmark(120).available)  // after the last (censored) observation: NE
        #expect(sas.landmark(118).survival == 0.5)
        // R 4.2.2, survival 3.5-3: survfit(Surv(t, s) ~ 1, conf.type = "log-log"):
        // summary(fit)$table median 87 (LCL 54, UCL NA); quantile(fit)$quantile[["50"]] = 102.5.
        let r = try KaplanMeier.fit(time: time, event: event, options: .init(transform: .logLog, convention: .r))
        #expect(r.median == Estimate(estimate: 87, lower: 54, upper: nil))
        #expect(r.quantile(0.5) == Estimate(estimate: 102.5, lower: 54, upper: nil))
        #expect(!r.landmark(120).available)

        // Last observation an event instead: both conventions know S = 0 after it.
        var lastEvent = event
        lastEvent[9] = true
        let sasEvent = try KaplanMeier.fit(time: time, event: lastEvent, options: Self.sas(.logLog))
        #expect(sasEvent.landmark(120).survival == 0 && sasEvent.landmark(120).atRisk == 0)
    }
}
