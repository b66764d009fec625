import Foundation
import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutBuild

/// A three-arm project on the real CDISC pilot datasets, read from SAS XPT: the plan binds ADSL and
/// ADTTE variables as they are in a real submission.
@Suite struct XPTProjectTests {
    static let plan = """
    trial:
      title: "CDISC pilot: xanomeline transdermal in Alzheimer's disease"
      acronym: CDISCPILOT01
    report:
      version: v1
      status: Final
      dataCutoff: "2014-07-01"
    data:
      adsl: data/adsl.xpt
      adtte: data/adtte.xpt
    arms:
      variable: TRT01A
      reference: Placebo
      levels:
        - value: Placebo
        - value: Xanomeline Low Dose
        - value: Xanomeline High Dose
    populations:
      - {id: itt, label: Intention-to-treat, flags: [ITTFL]}
      - {id: safety, label: Safety, flags: [SAFFL]}
    time:
      dataUnit: days
      displayUnit: weeks
    endpoints:
      - id: ttde
        title: Time to first dermatologic event
        type: time-to-event
        population: safety
        dataset: adtte
        parameter: TTDE
        landmarks: [12, 24]
    baseline:
      population: itt
      variables:
        - {variable: AGE, label: "Age, years", type: continuous}
        - {variable: SEX, label: Sex, type: categorical}
        - {variable: AGEGR1, label: Age group, type: categorical}
    consort:
      screened: itt
      screenFailureReason: DCSREAS
      randomized: itt
      stages:
        - {label: Completed week 24, flags: [COMP24FL], reason: DCSREAS}
    """

    @Test func buildsFromXPT() throws {
        let root = NSTemporaryDirectory() + "readout-xpt-\(UUID().uuidString)"
        let project = root + "/content/cdiscpilot01"
        try FileManager.default.createDirectory(atPath: project + "/data", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        for name in ["adsl", "adtte"] {
            try FileManager.default.copyItem(atPath: Fixtures.url("cdiscpilot01/\(name).xpt").path, toPath: project + "/data/\(name).xpt")
        }
        try Self.plan.write(toFile: project + "/trial.yaml", atomically: true, encoding: .utf8)
        #expect(try LockAction(project: project).run().written)
        let outcome = try BuildAction(projects: [project], outputRoot: root + "/output",
                                      themeRoot: Fixtures.repositoryRoot.path + "/themes/default").run()
        #expect(outcome.bundles.count == 1)
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/output/cdiscpilot01/v1/results.json"))
        let results = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let endpoint = (results["endpoints"] as! [[String: Any]])[0]
        let arms = endpoint["arms"] as! [[String: Any]]
        // SOURCE.md: events per arm 29 / 61 / 62 (placebo, high, low), 86 / 84 / 84 subjects.
        #expect(arms.map { $0["n"] as! Int } == [86, 84, 84])
        #expect(arms.map { $0["events"] as! Int } == [29, 62, 61])
        let hazardRatios = (endpoint["cox"] as! [String: Any])["hazardRatios"] as! [[String: Any]]
        #expect(hazardRatios.map { $0["arm"] as! String } == ["Xanomeline Low Dose", "Xanomeline High Dose"])
        #expect(hazardRatios.allSatisfy { $0["versus"] as? String == "Placebo" })
        let logRank = endpoint["logRank"] as! [String: Any]
        #expect(logRank["df"] as? Int == 2)
        // R: survdiff(Surv(AVAL/7, 1 - CNSR) ~ TRT01A) on SAFFL = "Y", read with foreign::read.xport.
        expectClose(logRank["chiSquare"] as? Double, 60.269556739028069, relative: Tolerance.closedForm, "log-rank")
        // R: summary(survfit(...), times = c(12, 24))$surv, arms in plan order.
        let expected: [[Double]] = [[0.68546079590828879, 0.64349380840369974], [0.2384373377875377, 0.12576914520661328],
                                    [0.16086112076954501, 0.09192064043974002]]
        for (arm, gold) in zip(arms, expected) {
            let marks = (arm["landmarks"] as! [[String: Any]]).map { $0["estimate"] as? Double }
            expectClose(marks, gold, relative: Tolerance.closedForm, "S(12), S(24) weeks")
        }
    }
}
