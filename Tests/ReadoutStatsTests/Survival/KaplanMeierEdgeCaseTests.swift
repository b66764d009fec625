import Foundation
import Testing
import ReadoutStats
import ReadoutTestSupport

/// Edge cases made with R (`Tests/Fixtures/survival/make_edge_cases.R` → `edge_cases.json`): exact
/// and floating-point near ties, plateaus at exactly 1 − p, all-censored and single-subject arms,
/// landmarks at 0 / between times / past the last follow-up, strata with one arm, no events, a
/// missing or an empty level, and relative near-ties of large times.
@Suite struct KaplanMeierEdgeCaseTests {
    static let names = ["ties", "plateau", "degenerate", "landmarks", "strata", "relative_ties"]

    static func load(_ name: String) throws -> [String: Any] {
        let root = try JSONSerialization.jsonObject(with: Fixtures.data("survival/edge_cases.json")) as! [String: Any]
        let cases = root["cases"] as! [[String: Any]]
        return try #require(cases.first { $0["name"] as? String == name }, "case \(name)")
    }

    struct Columns {
        var time: [Double], event: [Bool], arm: [Int], arms: [String], stratum: [Int?]
    }

    static func columns(_ gold: [String: Any]) -> Columns {
        let time = SurvivalGold.exactNumbers(gold["time"]).map { $0! }
        return Columns(
            time: time, event: JSONPath.numbers(gold["event"]).map { $0! == 1 },
            arm: JSONPath.numbers(gold["arm"]).map { Int($0!) }, arms: gold["arms"] as! [String],
            stratum: gold["stratum"].map { JSONPath.numbers($0).map { $0.map { Int($0) } } }
                ?? Array(repeating: nil, count: time.count))
    }

    @Test("survfit table, table median, quantile(), landmarks per arm", arguments: names)
    func kaplanMeierMatchesSurvfit(name: String) throws {
        let gold = try Self.load(name)
        let data = Self.columns(gold)
        let time = TiedTimes.collapse(data.time)  // as survfit: aeqSurv on all rows, then split
        for (index, arm) in data.arms.enumerated() {
            let rows = data.arm.indices.filter { data.arm[$0] == index }
            try SurvivalGold.expectArm(time: rows.map { time[$0] }, event: rows.map { data.event[$0] },
                                       gold: JSONPath.value(gold, "groups", arm), label: "\(name) \(arm)")
        }
    }

    @Test("survdiff unstratified and stratified", arguments: names)
    func logRankMatchesSurvdiff(name: String) throws {
        let gold = try Self.load(name)
        let data = Self.columns(gold)
        let result = try LogRankTest.test(time: data.time, event: data.event, group: data.arm,
                                          groupCount: data.arms.count)
        SurvivalGold.expectLogRank(result, JSONPath.value(gold, "logrank", "unstratified"), "\(name) unstratified")
        guard let stratifiedGold = JSONPath.value(gold, "logrank", "stratified"), !(stratifiedGold is NSNull) else {
            return
        }
        let kept = data.stratum.indices.filter { data.stratum[$0] != nil }
        #expect(Double(data.time.count - kept.count) == JSONPath.number(JSONPath.value(stratifiedGold, "excluded")))
        let stratified = try LogRankTest.test(
            time: kept.map { data.time[$0] }, event: kept.map { data.event[$0] }, group: kept.map { data.arm[$0] },
            groupCount: data.arms.count, stratum: kept.map { data.stratum[$0]! })
        SurvivalGold.expectLogRank(stratified, stratifiedGold, "\(name) stratified")
    }

    @Test("reverse Kaplan-Meier median follow-up by arm and overall", arguments: names)
    func followUpMatchesReverseKaplanMeier(name: String) throws {
        let gold = try Self.load(name)
        let data = Self.columns(gold)
        let time = TiedTimes.collapse(data.time)
        for (index, arm) in data.arms.enumerated() {
            let rows = data.arm.indices.filter { data.arm[$0] == index }
            try SurvivalGold.expectFollowUp(time: rows.map { time[$0] }, event: rows.map { data.event[$0] },
                                            gold: JSONPath.value(gold, "followup", "by_arm", arm),
                                            "\(name) follow-up \(arm)")
        }
        try SurvivalGold.expectFollowUp(time: time, event: data.event,
                                        gold: JSONPath.value(gold, "followup", "overall"), "\(name) follow-up overall")
    }

    @Test func nearTieInputsReallyDifferBeforeCollapsing() throws {
        let data = Self.columns(try Self.load("ties"))
        #expect(data.time.contains(0.1 + 0.2) && data.time.contains(0.3) && 0.1 + 0.2 != 0.3)
        #expect(data.time.contains(1 - 0.9) && data.time.contains(0.1) && 1 - 0.9 != 0.1)
        let collapsed = TiedTimes.collapse(data.time)
        #expect(collapsed.filter { $0 == 0.3 }.count == data.time.filter { abs($0 - 0.3) < 1e-12 }.count)
    }
}
