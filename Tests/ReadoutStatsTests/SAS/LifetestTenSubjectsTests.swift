import ReadoutStats
import ReadoutTestSupport
import Testing

/// The two ten-subject examples of PSI AIMS CAMIS `Comp/r-sas_survival.qmd` ("Other Cases Where
/// Discrepancies Are Found"): events at 54, 75, 77, 84, 87, censorings at 92, 103, 105, 112 and at
/// 118 (`last_censored`) or an event at 118 (`last_event`), with
///
///     proc lifetest ... timelist= 80 100 120 reduceout stderr;   (CONFTYPE=LOGLOG)
///
/// Gold: the SAS columns of the authors' summary tables (`r_sas_special.png`,
/// `r_sas_special_lst.png`), in `camis_ten_subjects.json`; "NE" is Readout's `nil`.
///
/// `last_event` is the published output behind the SAS rule for an upper confidence limit next to
/// S = 0: S(87) = 0.5, flat to 118 where the last subject dies (S = 0). The log-log band holds the
/// quartile targets at 87 and the next event time has S = 0; SAS prints an upper limit of NE for all
/// three quartiles (not 118), so a time with S = 0 does not end the confidence set.
@Suite struct LifetestTenSubjectsTests {
    static func fixture() throws -> [String: Any] { try SASFixture.json("camis_ten_subjects.json") }

    @Test(arguments: ["last_censored", "last_event"])
    func quartilesAndLandmarks(name: String) throws {
        let root = try Self.fixture()
        let time = JSONPath.numbers(root["time"]).map { $0! }
        let sas = SASFixture.object(root, "cases", name)
        let event = JSONPath.numbers(sas["status"]).map { $0 == 1 }
        let curve = try KaplanMeier.fit(time: time, event: event, options: KaplanMeierOptions())
        expectPrintedCount(curve.events, sas["events"] as! String, "\(name) events")
        expectPrintedCount(curve.n - curve.events, sas["censored"] as! String, "\(name) censored")
        for row in SASFixture.rows(sas, "quartiles") {
            let q = curve.quantile(Double(row[0])! / 100)
            expectPrinted(q.estimate, row[1], "\(name) \(row[0])% estimate")
            expectPrinted(q.lower, row[2], "\(name) \(row[0])% lower")
            expectPrinted(q.upper, row[3], "\(name) \(row[0])% upper")
        }
        for row in SASFixture.rows(sas, "landmarks") {
            let landmark = curve.landmark(Double(row[0])!)
            let label = "\(name) day \(row[0])"
            if row[1] == "NE" {
                #expect(!landmark.available, "\(label): SAS NE after the last (censored) observation")
            } else {
                #expect(landmark.available, "\(label) estimable")
            }
            expectPrinted(landmark.survival, row[1], "\(label) S")
            expectPrinted(landmark.lower, row[2], "\(label) lower")
            expectPrinted(landmark.upper, row[3], "\(label) upper")
        }
    }
}
