import ReadoutStats
import ReadoutTestSupport
import Testing

/// PROC LIFETEST on the NCCTG lung data by sex, as printed by SAS 9.4 (ODS HTML committed to
/// github.com/zidankorkmaz/lung-cancer-survival-analysis-sas @ 44bcc7a, `Project_results.html`):
///
///     proc lifetest data=lung plots=survival(atrisk); time time*status(0); strata sex; run;
///
/// Defaults: product-limit estimates, CONFTYPE=LOGLOG, 95%. Input: Readout's lung reference data
/// (OS; Male = sex 1, Female = sex 2). Gold: `Tests/Fixtures/sas/lung_lifetest_phreg.json`, compared
/// at half a unit in the last printed digit (`expectPrinted`).
@Suite struct LifetestLungTests {
    static func fixture() throws -> [String: Any] { try SASFixture.json("lung_lifetest_phreg.json") }

    /// Kaplan-Meier of one arm with Readout's SAS defaults (log-log, 95%, `.sas`).
    static func curve(_ arm: String) throws -> KaplanMeierCurve {
        let lung = try ReferenceCase.load("lung", param: "OS")
        let rows = lung.rows(ofArm: lung.arms.firstIndex(of: arm)!)
        return try KaplanMeier.fit(time: rows.map { lung.time[$0] }, event: rows.map { lung.event[$0] },
                                   options: KaplanMeierOptions())
    }

    @Test(arguments: ["Male", "Female"])
    func productLimitTableRowByRow(arm: String) throws {
        let sas = SASFixture.object(try Self.fixture(), "lifetest", "strata", arm)
        let curve = try Self.curve(arm)
        expectPrintedCount(curve.n, sas["total"] as! String, "\(arm) total")
        expectPrintedCount(curve.events, sas["failed"] as! String, "\(arm) failed")
        expectPrintedCount(curve.n - curve.events, sas["censored"] as! String, "\(arm) censored")
        let last = SASFixture.object(sas, "last_observation")
        expectPrinted(curve.time.last, last["time"] as! String, "\(arm) last observed time")
        #expect(curve.eventCount.last == 0, "\(arm): the last observation is censored, as SAS marks it")

        // One SAS row per distinct event time (the row that carries the estimate); Readout's curve
        // has a row per distinct time, so keep those with events and accumulate the failures.
        var eventRows: [Int] = []
        var failed = 0, cumulative: [Int] = []
        for i in curve.time.indices {
            failed += curve.eventCount[i]
            if curve.eventCount[i] > 0 { eventRows.append(i); cumulative.append(failed) }
        }
        let printed = SASFixture.rows(sas, "event_rows")
        try #require(eventRows.count == printed.count, "\(arm): \(eventRows.count) event times, SAS printed \(printed.count)")
        for (k, row) in printed.enumerated() {
            let i = eventRows[k]
            let label = "\(arm) t=\(row[0])"
            expectPrinted(curve.time[i], row[0], "\(label) time")
            expectPrinted(curve.survival[i], row[1], "\(label) Survival")
            // SAS's "Survival Standard Error" is Greenwood's SE of S itself: S·std.err.
            expectPrinted(curve.survival[i] * curve.standardError[i], row[2], "\(label) Survival Standard Error")
            expectPrintedCount(cumulative[k], row[3], "\(label) Number Failed")
            // The landmark at the event time reports the same S and SE (TIMELIST semantics).
            let landmark = curve.landmark(curve.time[i])
            expectPrinted(landmark.survival, row[1], "\(label) landmark Survival")
            expectPrinted(landmark.standardError, row[2], "\(label) landmark SE")
        }
    }

    @Test(arguments: ["Male", "Female"])
    func quartileEstimates(arm: String) throws {
        let sas = SASFixture.object(try Self.fixture(), "lifetest", "strata", arm, "quartiles")
        let curve = try Self.curve(arm)
        for (percent, p) in [("25", 0.25), ("50", 0.5), ("75", 0.75)] {
            let printed = sas[percent] as! [String]
            let q = curve.quantile(p)
            expectPrinted(q.estimate, printed[0], "\(arm) \(percent)% point estimate")
            expectPrinted(q.lower, printed[1], "\(arm) \(percent)% [Lower")
            expectPrinted(q.upper, printed[2], "\(arm) \(percent)% Upper)")
        }
        #expect(curve.median == curve.quantile(0.5), "\(arm): the SAS median is the 50th percentile")
    }

    @Test func logRankTest() throws {
        let sas = SASFixture.object(try Self.fixture(), "lifetest")
        let lung = try ReferenceCase.load("lung", param: "OS")
        let result = try LogRankTest.test(time: lung.time, event: lung.event, group: lung.arm, groupCount: 2)
        let printed = SASFixture.row(sas, "homogeneity", "log_rank")
        expectPrinted(result.test.statistic, printed[0], "log-rank chi-square")
        expectPrintedCount(result.test.df, printed[1], "log-rank DF")
        expectPrinted(result.test.p, printed[2], "log-rank Pr > Chi-Square")
        // Rank statistics (O − E per stratum) and their covariance.
        for (arm, key) in [("Male", "Male"), ("Female", "Female")] {
            let g = lung.arms.firstIndex(of: arm)!
            let rank = SASFixture.object(sas, "rank_statistics", key)["log_rank"] as! String
            expectPrinted(result.observed[g] - result.expected[g], rank, "\(arm) log-rank rank statistic")
        }
        expectPrinted(result.variance[0][0], sas["log_rank_covariance"] as! String, "log-rank variance")
        expectPrinted(-result.variance[0][1], sas["log_rank_covariance"] as! String, "log-rank covariance")
    }
}
