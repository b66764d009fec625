import ReadoutStats
import ReadoutTestSupport
import Testing

/// RMST per arm and its difference against R's `summary(survfit, rmean = τ)$table` (gold.json).
@Suite struct RestrictedMeanTests {
    static let names = SubgroupsGold.cases("rmst").map(SubgroupsGold.name)

    @Test(arguments: names) func matchesR(_ name: String) throws {
        let json = SubgroupsGold.cases("rmst").first { SubgroupsGold.name($0) == name }!
        let time = SubgroupsGold.doubles(JSONPath.value(json, "time"))
        let event = SubgroupsGold.bools(JSONPath.value(json, "event"))
        let arm = SubgroupsGold.ints(JSONPath.value(json, "arm"))
        // survfit's default (R convention, log band) — RMST does not depend on the band.
        let collapsed = TiedTimes.collapse(time)
        let curves = try (0..<2).map { a in
            let rows = arm.indices.filter { arm[$0] == a }
            return try KaplanMeier.fit(time: rows.map { collapsed[$0] }, event: rows.map { event[$0] },
                                       options: .init(transform: .log, convention: .r))
        }
        for result in JSONPath.value(json, "results") as! [Any] {
            let tau = JSONPath.number(JSONPath.value(result, "tau"))!
            let rmean = JSONPath.numbers(JSONPath.value(result, "rmean"))
            let se = JSONPath.numbers(JSONPath.value(result, "se"))
            let values = curves.map { $0.restrictedMean(to: tau)! }
            expectClose(values.map(\.estimate), rmean, relative: Tolerance.closedForm, "\(name) τ=\(tau) rmean")
            expectClose(values.map(\.standardError), se, relative: Tolerance.closedForm, "\(name) τ=\(tau) se")
            let difference = WaldDifference.estimate(values[1].estimate, standardError: values[1].standardError,
                                                     minus: values[0].estimate, standardError: values[0].standardError)
            expectClose(difference.estimate, JSONPath.number(JSONPath.value(result, "difference")),
                        relative: Tolerance.closedForm, "\(name) τ=\(tau) difference")
            expectClose(difference.standardError, JSONPath.number(JSONPath.value(result, "difference_se")),
                        relative: Tolerance.closedForm, "\(name) τ=\(tau) difference se")
        }
    }

    @Test func horizonBeyondTheLastTimeExtendsTheCurve() throws {
        let curve = try KaplanMeier.fit(time: [1, 2, 3], event: [true, false, true], options: .init(convention: .r))
        let inside = try #require(curve.restrictedMean(to: 2.5))
        #expect(!inside.extrapolated)
        // 1 + (2/3)·1.5 = 2; beyond: S(3) = 0, so the area stops growing.
        expectClose(inside.estimate, 2, relative: Tolerance.closedForm, "rmean(2.5)")
        let beyond = try #require(curve.restrictedMean(to: 10))
        #expect(beyond.extrapolated)
        expectClose(beyond.estimate, 1 + 2.0 / 3 * 2, relative: Tolerance.closedForm, "rmean(10)")
        #expect(curve.restrictedMean(to: 0) == nil)
        #expect(curve.restrictedMean(to: .nan) == nil)
        #expect(curve.restrictedMean(to: .infinity) == nil)
    }

    @Test func aWrongEventGivesAnotherValue() throws {
        let json = SubgroupsGold.cases("rmst").first { SubgroupsGold.name($0) == "aml" }!
        let time = SubgroupsGold.doubles(JSONPath.value(json, "time"))
        var event = SubgroupsGold.bools(JSONPath.value(json, "event"))
        let rows = SubgroupsGold.ints(JSONPath.value(json, "arm")).enumerated().filter { $0.element == 0 }.map(\.offset)
        event[rows[0]].toggle()
        let curve = try KaplanMeier.fit(time: rows.map { time[$0] }, event: rows.map { event[$0] }, options: .init(convention: .r))
        let expected = JSONPath.numbers(JSONPath.value(json, "results", "1", "rmean"))[0]
        #expect(!Tolerance.agrees(curve.restrictedMean(to: 24)!.estimate, expected, relative: Tolerance.iterative))
    }
}
