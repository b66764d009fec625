import ReadoutStats
import ReadoutTestSupport
import Testing

/// Grambsch–Therneau test against R's `cox.zph(fit, transform = "km", terms = TRUE)` (gold.json).
@Suite struct ProportionalHazardsTestTests {
    static let names = SubgroupsGold.cases("zph").map(SubgroupsGold.name)

    struct Case {
        var time: [Double], event: [Bool], covariates: [[Double]], terms: [[Int]], termNames: [String], strata: [Int]?
        var json: Any

        init(_ name: String) {
            json = SubgroupsGold.cases("zph").first { SubgroupsGold.name($0) == name }!
            time = SubgroupsGold.doubles(JSONPath.value(json, "time"))
            event = SubgroupsGold.bools(JSONPath.value(json, "event"))
            let rawCovariates = JSONPath.value(json, "covariates") as! [Any]
            covariates = rawCovariates.map { SubgroupsGold.doubles($0) }
            // jsonlite writes a one-column term as a scalar.
            terms = (JSONPath.value(json, "terms") as! [Any]).map { SubgroupsGold.ints($0) }
            termNames = SubgroupsGold.strings(JSONPath.value(json, "term_names"))
            let strata = JSONPath.value(json, "strata")
            self.strata = strata is [Any] ? SubgroupsGold.ints(strata) : nil
        }

        func run(_ ties: TieMethod) throws -> ProportionalHazardsTest.Result? {
            let fit = try CoxModel.fit(time: time, event: event, covariates: covariates, strata: strata, options: .init(ties: ties))
            return try ProportionalHazardsTest.test(time: time, event: event, covariates: covariates, strata: strata, fit: fit,
                                                    terms: terms, termNames: termNames)
        }
    }

    @Test(arguments: names, [TieMethod.efron, .breslow]) func matchesR(_ name: String, _ ties: TieMethod) throws {
        let c = Case(name)
        let gold = JSONPath.value(c.json, ties.rawValue)
        let result = try #require(try c.run(ties))
        let rows = result.terms + [result.global]
        #expect(rows.map(\.term) == SubgroupsGold.strings(JSONPath.value(gold, "rows")))
        expectClose(rows.map(\.test.statistic), JSONPath.numbers(JSONPath.value(gold, "chisq")),
                    relative: Tolerance.iterative, "\(name) \(ties) chisq")
        #expect(rows.map(\.test.df) == SubgroupsGold.ints(JSONPath.value(gold, "df")))
        expectClose(rows.map(\.test.p), JSONPath.numbers(JSONPath.value(gold, "p")), relative: Tolerance.iterative, "\(name) \(ties) p")
    }

    @Test func theOtherTieMethodGivesAnotherStatistic() throws {
        let c = Case("sample RFS")
        let breslow = try #require(try c.run(.breslow))
        let efronGold = JSONPath.numbers(JSONPath.value(c.json, "efron", "chisq"))
        #expect(!Tolerance.agrees(breslow.global.test.statistic, efronGold.last!, relative: Tolerance.iterative))
    }

    @Test func ignoringTheStrataGivesAnotherStatistic() throws {
        var c = Case("lung strata")
        c.strata = nil
        let result = try #require(try c.run(.efron))
        let gold = JSONPath.numbers(JSONPath.value(c.json, "efron", "chisq"))
        #expect(!Tolerance.agrees(result.global.test.statistic, gold.last!, relative: Tolerance.iterative))
    }

    @Test func noEventsGiveNoTest() throws {
        let time = [1.0, 2, 3, 4], event = [false, false, false, false], x = [[0.0, 1, 0, 1]]
        let fit = try CoxModel.fit(time: time, event: event, covariates: x)
        #expect(try ProportionalHazardsTest.test(time: time, event: event, covariates: x, fit: fit) == nil)
    }
}
