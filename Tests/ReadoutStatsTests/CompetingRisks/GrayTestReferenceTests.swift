import Testing
import ReadoutStats
import ReadoutTestSupport

/// Gray's test from cmprsk::cuminc on the reference datasets: `ci$Tests` of
/// `cuminc(ftime = d$AVAL, fstatus = d$CAUSE, group = d$TRT01P, cencode = 0)` and of the same call
/// with `strata = ds$STRAT1` (ball_synth), as `competing_risks.cuminc.gray_test{,_stratified}`.
@Suite struct GrayTestReferenceTests {
    @Test(arguments: [("mgus2", "PFS"), ("ball_synth", "RFS")])
    func unstratifiedMatchesCuminc(dataset: String, param: String) throws {
        let data = try CompetingRisksCase(dataset, param: param)
        let tests = try GrayTest.test(time: data.time, cause: data.cause, causeCount: data.causes.count,
                                      group: data.reference.arm, groupCount: data.arms.count)
        try check(tests, against: data.json("cuminc", "gray_test"), data: data, label: dataset)
    }

    @Test func stratifiedMatchesCuminc() throws {
        let data = try CompetingRisksCase("ball_synth", param: "RFS")
        let strata = try #require(data.stratumCode)
        let tests = try GrayTest.test(time: data.time, cause: data.cause, causeCount: data.causes.count,
                                      group: data.reference.arm, groupCount: data.arms.count, stratum: strata)
        try check(tests, against: data.json("cuminc", "gray_test_stratified"), data: data, label: "ball_synth stratified")
        // Stratification changes the answer (the unstratified statistic differs).
        let plain = try GrayTest.test(time: data.time, cause: data.cause, causeCount: data.causes.count,
                                      group: data.reference.arm, groupCount: data.arms.count)
        #expect(abs(plain[0].statistic - tests[0].statistic) > 0.1)
    }

    private func check(_ tests: [TestStatistic], against expected: Any?, data: CompetingRisksCase, label: String) throws {
        #expect(tests.count == data.causes.count)
        for (k, cause) in data.causes.enumerated() {
            let gold = try #require(JSONPath.value(expected, cause))
            expectClose(tests[k].statistic, JSONPath.number(JSONPath.value(gold, "stat")), relative: Tolerance.closedForm,
                        "\(label) \(cause) stat")
            expectClose(tests[k].p, JSONPath.number(JSONPath.value(gold, "p")), relative: Tolerance.closedForm,
                        "\(label) \(cause) p")
            #expect(Double(tests[k].df) == JSONPath.number(JSONPath.value(gold, "df")))
        }
    }
}
