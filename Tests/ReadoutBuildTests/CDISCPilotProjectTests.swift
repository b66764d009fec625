import Foundation
import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutBuild

/// The committed real-data project `content/cdiscpilot01` (the public CDISC pilot's ADaM XPT files):
/// built as a user would, its numbers compared with R on the same files (`foreign::read.xport`; the
/// R lines are quoted at each value). The demographics and TEAE counts are those the pilot reports in
/// its Table 14-2.01 and Table 14-5.01 layouts (ITT by randomized arm; safety by actual treatment).
@Suite(.serialized) struct CDISCPilotProjectTests {
    static let root = Fixtures.repositoryRoot.path

    static func build() throws -> (bundle: String, results: [String: Any], cleanup: () -> Void) {
        let output = NSTemporaryDirectory() + "readout-pilot-\(UUID().uuidString)"
        let outcome = try BuildAction(projects: [root + "/content/cdiscpilot01"], outputRoot: output, themeRoot: root + "/themes/default").run()
        let bundle = output + "/cdiscpilot01/v1"
        #expect(outcome.bundles == [bundle])
        let results = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: bundle + "/results.json"))) as! [String: Any]
        return (bundle, results, { try? FileManager.default.removeItem(atPath: output) })
    }

    @Test func demographicsMatchR() throws {
        let (bundle, results, cleanup) = try Self.build()
        defer { cleanup() }
        let baseline = results["baseline"] as! [String: Any]
        let variables = baseline["variables"] as! [[String: Any]]
        func variable(_ name: String) -> [String: Any] { variables.first { $0["variable"] as? String == name }! }
        // R: it <- adsl[adsl$ITTFL == "Y", ]; per TRT01P: mean, sd, median, quantile(type = 7), min, max of AGE.
        let age = variable("AGE")["continuous"] as! [[String: Any]]
        #expect(age.prefix(3).map { $0["n"] as? Int } == [86, 84, 84])
        let gold: [[Double]] = [
            [75.20930232558139, 8.59016712714193, 76, 69.25, 81.75, 52, 89],
            [75.666666666666671, 8.2860505995409302, 77.5, 71, 82, 51, 88],
            [74.38095238095238, 7.8860938486982377, 76, 70.75, 80, 56, 88],
        ]
        for (summary, expected) in zip(age, gold) {
            expectClose(["mean", "sd", "median", "q1", "q3", "min", "max"].map { summary[$0] as? Double }, expected,
                        relative: Tolerance.closedForm, "AGE")
        }
        #expect(variable("AGE")["precision"] as? Int == 0)
        // R: mean, sd and median of MMSETOT per TRT01P.
        let mmse = variable("MMSETOT")["continuous"] as! [[String: Any]]
        expectClose(mmse.prefix(3).map { $0["mean"] as? Double }, [18.046511627906977, 17.86904761904762, 18.511904761904763],
                    relative: Tolerance.closedForm, "MMSETOT mean")
        expectClose(mmse.prefix(3).map { $0["sd"] as? Double }, [4.2727783404855, 4.2220869672652279, 4.1580059157773812],
                    relative: Tolerance.closedForm, "MMSETOT sd")
        // R: table(it$SEX, it$TRT01P) and table(it$AGEGR1, it$TRT01P); then the totals.
        let sex = variable("SEX")["levels"] as! [[String: Any]]
        #expect(sex.map { $0["counts"] as! [Int] } == [[53, 50, 40, 143], [33, 34, 44, 111]])
        let ageGroups = variable("AGEGR1")["levels"] as! [[String: Any]]
        #expect(ageGroups.map { $0["counts"] as! [Int] } == [[14, 8, 11, 33], [42, 47, 55, 144], [30, 29, 18, 77]])
        // Undeclared levels by frequency: 230 WHITE, 23 BLACK OR AFRICAN AMERICAN, 1 AMERICAN INDIAN OR ALASKA NATIVE.
        let race = variable("RACE")["levels"] as! [[String: Any]]
        #expect(race.map { $0["value"] as! String } == ["WHITE", "BLACK OR AFRICAN AMERICAN", "AMERICAN INDIAN OR ALASKA NATIVE"])
        // As Table 14-2.01 prints them: mean 75.2 (SD 8.59), min and max as integers.
        let page = try String(contentsOfFile: bundle + "/baseline.html", encoding: .utf8)
        #expect(page.contains("75.2 (8.59)") && page.contains("75.7 (8.29)") && page.contains("74.4 (7.89)"))
        #expect(page.contains("52, 89") && page.contains("51, 88") && page.contains("56, 88"))
    }

    /// The pilot's published demographic table: `output/tlf-demographic.out` of the R Consortium R
    /// Submission Pilot 1 (github.com/RConsortium/submissions-pilot1, commit ba1d3e7, the package sent to
    /// the FDA with these same XPT files), ITT population by TRT01P, compared at its printed precision
    /// (two decimals for mean and SD, as printed for median, min and max; counts exactly).
    @Test func demographicsReproduceThePublishedPilotTable() throws {
        let (_, results, cleanup) = try Self.build()
        defer { cleanup() }
        let variables = (results["baseline"] as! [String: Any])["variables"] as! [[String: Any]]
        func summaries(_ name: String) -> [[String: Any]] {
            Array((variables.first { $0["variable"] as? String == name }!["continuous"] as! [[String: Any]]).prefix(3))
        }
        func rounded(_ value: Any?, _ digits: Int) -> Double {
            let scale = pow(10, Double(digits))
            return ((value as? Double ?? .nan) * scale).rounded() / scale
        }
        // Published rows per arm (Placebo, Xanomeline Low Dose, Xanomeline High Dose):
        // "Mean (sd)", "Median", "Min - Max".
        let published: [(String, [(mean: Double, sd: Double, median: Double, min: Double, max: Double)])] = [
            ("AGE", [(75.21, 8.59, 76, 52, 89), (75.67, 8.29, 77.5, 51, 88), (74.38, 7.89, 76, 56, 88)]),
            ("HEIGHTBL", [(162.57, 11.52, 162.6, 137.2, 185.4), (163.43, 10.42, 162.6, 135.9, 195.6), (165.82, 10.13, 165.1, 146.1, 190.5)]),
            ("WEIGHTBL", [(62.76, 12.77, 60.55, 34, 86.2), (67.28, 14.12, 64.9, 45.4, 106.1), (70, 14.65, 69.2, 41.7, 108)]),
            ("BMIBL", [(23.64, 3.67, 23.4, 15.1, 33.3), (25.06, 4.27, 24.3, 17.7, 40.1), (25.35, 4.16, 24.8, 13.7, 34.5)]),
            ("MMSETOT", [(18.05, 4.27, 19.5, 10, 23), (17.87, 4.22, 18, 10, 24), (18.51, 4.16, 20, 10, 24)]),
        ]
        for (name, arms) in published {
            for (summary, row) in zip(summaries(name), arms) {
                #expect(rounded(summary["mean"], 2) == row.mean, "\(name) mean")
                #expect(rounded(summary["sd"], 2) == row.sd, "\(name) sd")
                #expect(rounded(summary["median"], 2) == row.median, "\(name) median")
                #expect(summary["min"] as? Double == row.min && summary["max"] as? Double == row.max, "\(name) min - max")
            }
        }
        func counts(_ name: String) -> [String: [Int]] {
            let levels = variables.first { $0["variable"] as? String == name }!["levels"] as! [[String: Any]]
            return Dictionary(uniqueKeysWithValues: levels.map { ($0["value"] as! String, Array(($0["counts"] as! [Int]).prefix(3))) })
        }
        #expect(counts("AGEGR1") == ["<65": [14, 8, 11], "65-80": [42, 47, 55], ">80": [30, 29, 18]])
        #expect(counts("RACE") == ["WHITE": [78, 78, 74], "BLACK OR AFRICAN AMERICAN": [8, 6, 9], "AMERICAN INDIAN OR ALASKA NATIVE": [0, 0, 1]])
    }

    @Test func timeToFirstDermatologicEventMatchesR() throws {
        let (_, results, cleanup) = try Self.build()
        defer { cleanup() }
        let endpoint = (results["endpoints"] as! [[String: Any]]).first { $0["endpoint"] as? String == "ttde" }!
        let arms = endpoint["arms"] as! [[String: Any]]
        #expect(arms.map { $0["n"] as! Int } == [86, 84, 84])
        #expect(arms.map { $0["events"] as! Int } == [29, 62, 61])
        // R: survdiff(Surv(AVAL / 7, 1 - CNSR) ~ TRT01P) on SAFFL = "Y" (TRT01P = TRT01A for every subject).
        let logRank = endpoint["logRank"] as! [String: Any]
        expectClose(logRank["chiSquare"] as? Double, 60.269556739028069, relative: Tolerance.closedForm, "log-rank")
        // R: summary(survfit(...), times = c(12, 24))$surv, arms in plan order (placebo, low, high).
        let expected: [[Double]] = [[0.68546079590828879, 0.64349380840369974], [0.2384373377875377, 0.12576914520661328],
                                    [0.16086112076954501, 0.09192064043974002]]
        for (arm, gold) in zip(arms, expected) {
            let marks = (arm["landmarks"] as! [[String: Any]]).map { $0["estimate"] as? Double }
            expectClose(marks, gold, relative: Tolerance.closedForm, "S(12), S(24) weeks")
        }
    }

    @Test func treatmentEmergentAdverseEventsMatchR() throws {
        let (bundle, results, cleanup) = try Self.build()
        defer { cleanup() }
        let endpoint = (results["endpoints"] as! [[String: Any]]).first { $0["endpoint"] as? String == "ae" }!
        let ae = endpoint["adverseEvents"] as! [String: Any]
        #expect(ae["armVariable"] as? String == "TRT01A" && ae["byActualTreatment"] as? Bool == true)
        #expect((ae["arms"] as! [[String: Any]]).map { $0["n"] as! Int } == [86, 84, 84])
        // R: te <- adae[adae$TRTEMFL == "Y", ]; subjects with any TEAE per TRT01A: 65, 77, 76.
        let overall = ae["overall"] as! [String: Any]
        #expect(overall["anyGrade"] as? [Int] == [65, 77, 76])
        #expect(overall["serious"] as? [Int] == [0, 1, 2])
        // AEREL POSSIBLE or PROBABLE (NONE and REMOTE declared not related): 43, 72, 70.
        #expect(ae["related"] as? [Int] == [43, 72, 70])
        #expect(ae["leadingToDiscontinuation"] is NSNull, "AEACN is blank in these data")
        #expect(ae["records"] as? Int == 1191 && ae["counted"] as? Int == 1126)
        let notCounted = ae["notCounted"] as! [[String: Any]]
        #expect(notCounted.map { $0["reason"] as! String } == ["outside-window"] && notCounted.map { $0["count"] as! Int } == [65])
        let socs = ae["systemOrganClasses"] as! [[String: Any]]
        func subjects(_ soc: String) -> [Int]? { (socs.first { $0["systemOrganClass"] as? String == soc }?["counts"] as? [String: Any])?["anyGrade"] as? [Int] }
        #expect(subjects("GENERAL DISORDERS AND ADMINISTRATION SITE CONDITIONS") == [21, 47, 40])
        #expect(subjects("SKIN AND SUBCUTANEOUS TISSUE DISORDERS") == [20, 39, 40])
        let general = socs.first { $0["systemOrganClass"] as? String == "GENERAL DISORDERS AND ADMINISTRATION SITE CONDITIONS" }!
        let pruritus = (general["terms"] as! [[String: Any]]).first { $0["term"] as? String == "APPLICATION SITE PRURITUS" }!
        #expect((pruritus["counts"] as! [String: Any])["anyGrade"] as? [Int] == [6, 22, 22])
        // Ungraded data: no grade columns; the severity scale (AESEV, severe from SEVERE) gives "Any severity" / "Severe" per arm.
        let page = try String(contentsOfFile: bundle + "/safety.html", encoding: .utf8)
        #expect(!page.contains("Grade ≥ 3") && page.contains("the data have no CTCAE grade"))
        #expect(page.contains("<div class=\"table-wrap wide-table\"><table class=\"data\" id=\"table-ae-terms\">"), "7 columns: landscape in print")
        #expect(page.contains(">Any severity</th>") && page.contains(">Severe</th>"))
        // R: subjects with a TEAE of AESEV "SEVERE", once per row whatever their number of severe records
        // (length(unique(USUBJID)) per TRT01A; SYNCOPE has 3 severe records of 2 low-dose subjects).
        let scale = ae["severity"] as! [String: Any]
        #expect(scale["variable"] as? String == "AESEV" && scale["severeFrom"] as? String == "SEVERE" && scale["missing"] as? Int == 0)
        #expect(overall["severe"] as? [Int] == [5, 16, 8])
        func severe(_ soc: String) -> [Int]? { (socs.first { $0["systemOrganClass"] as? String == soc }?["counts"] as? [String: Any])?["severe"] as? [Int] }
        #expect(severe("GENERAL DISORDERS AND ADMINISTRATION SITE CONDITIONS") == [0, 7, 0])
        #expect(severe("SKIN AND SUBCUTANEOUS TISSUE DISORDERS") == [0, 4, 1])
        #expect(severe("NERVOUS SYSTEM DISORDERS") == [0, 3, 4])
        func term(_ soc: String, _ name: String) -> [String: Any] {
            let rows = socs.first { $0["systemOrganClass"] as? String == soc }!["terms"] as! [[String: Any]]
            return rows.first { $0["term"] as? String == name }!["counts"] as! [String: Any]
        }
        #expect(term("NERVOUS SYSTEM DISORDERS", "SYNCOPE")["anyGrade"] as? [Int] == [0, 4, 3])
        #expect(term("NERVOUS SYSTEM DISORDERS", "SYNCOPE")["severe"] as? [Int] == [0, 2, 1])
        #expect(term("GENERAL DISORDERS AND ADMINISTRATION SITE CONDITIONS", "APPLICATION SITE PRURITUS")["severe"] as? [Int] == [0, 1, 0])
        #expect(term("SKIN AND SUBCUTANEOUS TISSUE DISORDERS", "ERYTHEMA")["severe"] as? [Int] == [0, 0, 0])
        #expect(results["trial"].flatMap { ($0 as? [String: Any])?["synthetic"] as? Bool } == false)
    }
}
