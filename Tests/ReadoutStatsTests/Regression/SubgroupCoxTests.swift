import ReadoutStats
import ReadoutTestSupport
import Testing

/// Subgroup hazard ratios and interaction tests against R's `coxph` and `anova(fit0, fit1)` (gold.json).
@Suite struct SubgroupCoxTests {
    static let names = SubgroupsGold.cases("subgroups").map(SubgroupsGold.name)

    static func input(_ name: String) -> (json: Any, time: [Double], event: [Bool], arm: [Int], level: [Int?], levels: [String], arms: [String]) {
        let json = SubgroupsGold.cases("subgroups").first { SubgroupsGold.name($0) == name }!
        let level = JSONPath.numbers(JSONPath.value(json, "level")).map { $0.map(Int.init) }
        return (json, SubgroupsGold.doubles(JSONPath.value(json, "time")), SubgroupsGold.bools(JSONPath.value(json, "event")),
                SubgroupsGold.ints(JSONPath.value(json, "arm")), level, SubgroupsGold.strings(JSONPath.value(json, "levels")),
                SubgroupsGold.strings(JSONPath.value(json, "arms")))
    }

    @Test(arguments: names, [TieMethod.efron, .breslow]) func matchesR(_ name: String, _ ties: TieMethod) throws {
        let c = Self.input(name)
        let result = try SubgroupCox.analyse(time: TiedTimes.collapse(c.time), event: c.event, arm: c.arm, armNames: c.arms,
                                             reference: 0, level: c.level, levelCount: c.levels.count, options: .init(ties: ties))
        let gold = JSONPath.value(c.json, ties.rawValue)
        #expect(result.missing == c.level.filter { $0 == nil }.count)
        let goldLevels = JSONPath.value(gold, "levels") as! [Any]
        #expect(result.levels.count == goldLevels.count)
        for (level, g) in zip(result.levels, goldLevels) {
            let label = "\(name) \(ties) \(c.levels[level.level])"
            #expect(level.n == SubgroupsGold.ints(JSONPath.value(g, "n")), "\(label) n")
            #expect(level.events == SubgroupsGold.ints(JSONPath.value(g, "events")), "\(label) events")
            let warned = !SubgroupsGold.strings(JSONPath.value(g, "warnings")).isEmpty
            if JSONPath.value(g, "coef") == nil || warned {
                // R fits nothing (an arm is absent) or warns of an infinite coefficient: not estimable here.
                #expect(level.hazardRatios[0].estimate == nil, "\(label) not estimable")
                #expect(level.reasons[0] != nil, "\(label) reason")
                continue
            }
            // One value per non-reference arm (R's arm coefficients in arm order).
            func gold(_ key: String) -> [Double?] { JSONPath.numbers(JSONPath.value(g, key)) }
            expectClose(level.coefficients, gold("coef"), relative: Tolerance.iterative, "\(label) coef")
            expectClose(level.standardErrors, gold("se"), relative: Tolerance.iterative, "\(label) se")
            expectClose(level.hazardRatios.map(\.estimate), gold("hr"), relative: Tolerance.iterative, "\(label) hr")
            expectClose(level.hazardRatios.map(\.lower), gold("lower"), relative: Tolerance.iterative, "\(label) lower")
            expectClose(level.hazardRatios.map(\.upper), gold("upper"), relative: Tolerance.iterative, "\(label) upper")
        }
        let lrt = try #require(result.likelihoodRatio)
        expectClose(lrt.statistic, JSONPath.number(JSONPath.value(gold, "lrt")), relative: Tolerance.iterative, "\(name) \(ties) LRT")
        #expect(lrt.df == Int(JSONPath.number(JSONPath.value(gold, "lrt_df"))!))
        expectClose(lrt.p, JSONPath.number(JSONPath.value(gold, "lrt_p")), relative: Tolerance.iterative, "\(name) \(ties) LRT p")
        if result.interactionEstimable {
            let wald = try #require(result.wald)
            expectClose(wald.statistic, JSONPath.number(JSONPath.value(gold, "wald")), relative: Tolerance.iterative, "\(name) \(ties) Wald")
            #expect(wald.df == Int(JSONPath.number(JSONPath.value(gold, "wald_df"))!))
            expectClose(wald.p, JSONPath.number(JSONPath.value(gold, "wald_p")), relative: Tolerance.iterative, "\(name) \(ties) Wald p")
        } else {
            #expect(result.wald == nil)
        }
    }

    @Test func aDegenerateLevelIsNotEstimableWithItsReason() throws {
        let c = Self.input("aml degenerate")
        let result = try SubgroupCox.analyse(time: c.time, event: c.event, arm: c.arm, armNames: c.arms, reference: 0,
                                             level: c.level, levelCount: c.levels.count)
        #expect(result.levels[0].hazardRatios[0].estimate == nil)
        #expect(result.levels[0].reasons[0]?.contains("Maintained") == true)
        // The interaction coefficient is infinite, so its Wald test means nothing and is withheld.
        #expect(!result.interactionEstimable)
        #expect(result.wald == nil)
    }

    @Test func shuffledLevelsGiveAnotherInteraction() throws {
        let c = Self.input("sample RFS DONORTYP")
        let shuffled = c.level.enumerated().map { i, l in l.map { ($0 + i) % c.levels.count } }
        let result = try SubgroupCox.analyse(time: TiedTimes.collapse(c.time), event: c.event, arm: c.arm, armNames: c.arms,
                                             reference: 0, level: shuffled, levelCount: c.levels.count)
        let gold = JSONPath.number(JSONPath.value(c.json, "efron", "lrt"))
        #expect(!Tolerance.agrees(result.likelihoodRatio?.statistic, gold, relative: Tolerance.iterative))
    }

    @Test func anAbsentArmIsNamed() throws {
        let c = Self.input("lung STRAT1")
        let result = try SubgroupCox.analyse(time: c.time, event: c.event, arm: c.arm, armNames: c.arms, reference: 0,
                                             level: c.level, levelCount: c.levels.count)
        #expect(result.levels[3].reasons[0] == "no subjects of arm Female in this subgroup")
    }
}
