import ReadoutStats
import ReadoutTestSupport
import Testing

/// PROC LIFETEST cumulative incidence of relapse (EVENTCODE=1, death the competing event) in the
/// AML-Low Risk group of the bone marrow transplant data, as printed in PSI AIMS CAMIS
/// `SAS/survival_cif.qmd` (`images/survival_competing_risks/cifSAS.jpg`):
///
///     proc lifetest data=bmt plots=cif(test) error=aalen conftype=loglog outcif=cif1
///                   timelist=0.5 1 1.5 2 3;
///         time Tyears * Status(0) / eventcode=1; strata Group / order=internal; run;
///
/// Readout: `AalenJohansen.estimate` (variance as cmprsk's `cuminc`, Aalen 1978) and
/// `CumulativeIncidence.interval(at:transform: .logLog)`. Gold: `camis_bmt.json`.
@Suite struct LifetestCIFTests {
    @Test func relapseIncidenceAtTimelist() throws {
        let sas = SASFixture.object(try SASFixture.json("camis_bmt.json"), "cif")
        let c = try SASFixture.csvColumns("bmt.csv")
        let rows = c["Group"]!.indices.filter { c["Group"]![$0] == 2 }
        let years = rows.map { c["T"]![$0] / 365.25 }
        let status = rows.map { Int(c["Status"]![$0]) }
        let relapse = try AalenJohansen.estimate(time: years, cause: status, causeCount: 2)
            .first { $0.cause == 1 }!
        for row in SASFixture.rows(sas, "rows") {
            let t = Double(row[0])!
            let label = "AML-Low Risk relapse, TIMELIST \(row[0])"
            // The TYears column: the last relapse time ≤ t (0 before the first), a check of the input.
            let relapses = zip(years, status).filter { $0.1 == 1 && $0.0 <= t }.map(\.0)
            expectPrinted(relapses.max() ?? 0, row[1], "\(label) TYears")
            let value = try #require(relapse.at(t))
            expectPrinted(value.estimate, row[2], "\(label) cumulative incidence")
            expectPrinted(value.variance.squareRoot(), row[3], "\(label) standard error")
            let interval = try #require(relapse.interval(at: t, transform: .logLog, level: 0.95))
            expectPrinted(interval.lower, row[4], "\(label) 95% lower")
            expectPrinted(interval.upper, row[5], "\(label) 95% upper")
        }
    }
}
