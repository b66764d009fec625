import ReadoutStats
import ReadoutTestSupport
import Testing

/// PROC LIFETEST on WHAS500 by atrial fibrillation, as printed by SAS in PSI AIMS CAMIS
/// (`SAS/survival.qmd`, images `sas_km_afib0.png`, `sas_km_afib1.png`, `sas_logrank.png`; the days
/// log-rank from `images/weighted_log_rank/log rank.png`):
///
///     data dat; set mylib.whas500; lenfoly = round(lenfol/365.25, 0.01); run;
///     proc lifetest data=dat outsurv=_SurvEst timelist= 1 3 5 reduceout stderr;
///         time lenfoly*fstat(0); strata afb; run;
///
/// Input: `Tests/Fixtures/sas/whas500.csv` (equal to CAMIS's SAS data set, see make-data.R).
/// Gold: `camis_whas500.json`, compared at half a unit in the last printed digit.
@Suite struct LifetestWHAS500Tests {
    static func fixture() throws -> [String: Any] { try SASFixture.json("camis_whas500.json") }

    struct Data {
        var lenfol: [Double], lenfoly: [Double], event: [Bool], afb: [Int]
    }

    static func data() throws -> Data {
        let c = try SASFixture.csvColumns("whas500.csv")
        // SAS ROUND(x, 0.01): the multiple of 0.01 nearest to x (no x here is within 3e-4 of a
        // half-way point: lenfol/365.25·100 = 400·lenfol/1461 has fractional part k/1461).
        let years = c["LENFOL"]!.map { ($0 / 365.25 * 100).rounded() / 100 }
        return Data(lenfol: c["LENFOL"]!, lenfoly: years, event: c["FSTAT"]!.map { $0 == 1 },
                    afb: c["AFB"]!.map { Int($0) })
    }

    static func curve(afb: Int) throws -> KaplanMeierCurve {
        let d = try data()
        let rows = d.afb.indices.filter { d.afb[$0] == afb }
        return try KaplanMeier.fit(time: rows.map { d.lenfoly[$0] }, event: rows.map { d.event[$0] },
                                   options: KaplanMeierOptions())
    }

    @Test(arguments: [0, 1])
    func timelistRows(afb: Int) throws {
        let root = try Self.fixture()
        let curve = try Self.curve(afb: afb)
        let printed = SASFixture.rows(root, "lifetest_years", "strata", "\(afb)", "timelist")
        let intervals = SASFixture.rows(root, "lifetest_years", "landmark_ci", "\(afb)")
        for (row, ci) in zip(printed, intervals) {
            let t = Double(row[0])!
            let label = "AFB=\(afb) TIMELIST \(row[0])"
            let landmark = curve.landmark(t)
            #expect(landmark.available, "\(label) estimable")
            // The lenfoly column: the last observed time ≤ t, whose row SAS reports.
            let upTo = curve.time.indices.filter { curve.time[$0] <= t }
            expectPrinted(curve.time[upTo.last!], row[1], "\(label) lenfoly")
            expectPrinted(landmark.survival, row[2], "\(label) Survival")
            expectPrinted(landmark.survival.map { 1 - $0 }, row[3], "\(label) Failure")
            expectPrinted(landmark.standardError, row[4], "\(label) Survival Standard Error")
            expectPrintedCount(upTo.reduce(0) { $0 + curve.eventCount[$1] }, row[5], "\(label) Number Failed")
            // "Number Left" counts time > t; Readout's atRisk counts time ≥ t (R's n.risk, SAS ATRISK).
            let leaving = upTo.reduce(0) { $0 + curve.eventCount[$1] + curve.censorCount[$1] }
            expectPrintedCount(curve.n - leaving, row[6], "\(label) Number Left")
            let atT = upTo.last.map { curve.time[$0] == t ? curve.eventCount[$0] + curve.censorCount[$0] : 0 } ?? 0
            expectPrintedCount(landmark.atRisk! - atT, row[6], "\(label) atRisk less those at t")
            // 95% log-log CI of S(t), three decimals (CAMIS summary table, SAS column).
            expectPrinted(landmark.survival, ci[1], "\(label) S (summary table)")
            expectPrinted(landmark.lower, ci[2], "\(label) lower")
            expectPrinted(landmark.upper, ci[3], "\(label) upper")
        }
    }

    @Test(arguments: [0, 1])
    func quartileEstimates(afb: Int) throws {
        let printed = SASFixture.rows(try Self.fixture(), "lifetest_years", "strata", "\(afb)", "quartiles")
        let curve = try Self.curve(afb: afb)
        for row in printed {
            let q = curve.quantile(Double(row[0])! / 100)
            expectPrinted(q.estimate, row[1], "AFB=\(afb) \(row[0])% point estimate")
            expectPrinted(q.lower, row[2], "AFB=\(afb) \(row[0])% [Lower")
            expectPrinted(q.upper, row[3], "AFB=\(afb) \(row[0])% Upper)")
        }
    }

    @Test func logRankInYearsAndDays() throws {
        let root = try Self.fixture()
        let d = try Self.data()
        for (time, key) in [(d.lenfoly, "lifetest_years"), (d.lenfol, "lifetest_days")] {
            let result = try LogRankTest.test(time: time, event: d.event, group: d.afb, groupCount: 2)
            let printed = SASFixture.row(root, key, "homogeneity", "log_rank")
            expectPrinted(result.test.statistic, printed[0], "\(key) log-rank chi-square")
            expectPrintedCount(result.test.df, printed[1], "\(key) log-rank DF")
            expectPrinted(result.test.p, printed[2], "\(key) log-rank p")
        }
    }
}
