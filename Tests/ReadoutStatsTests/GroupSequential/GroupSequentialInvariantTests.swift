import ReadoutStats
import ReadoutTestSupport
import Testing

/// Properties every design must have, independent of rpact.
@Suite struct GroupSequentialInvariantTests {
    @Test(arguments: GroupSequentialGold.all)
    func alphaSpentIncreasesToAlpha(_ gold: GroupSequentialGold) throws {
        let b = gold.boundaries
        for k in 1..<b.alphaSpent.count { #expect(b.alphaSpent[k] > b.alphaSpent[k - 1], "\(gold.name) look \(k)") }
        #expect(b.alphaSpent.last == gold.design.alpha)
        // Power 1 − β at the solved drift, up to the integration error (mass lost or gained on the grid).
        expectClose(b.power.last, 1 - gold.design.beta, relative: 1e-8, "\(gold.name) power")
        if let bounds = b.futilityBounds {
            #expect(bounds.count == b.criticalValues.count - 1)
            for (a, c) in zip(bounds, b.criticalValues) { #expect(a <= c, "\(gold.name) futility below efficacy") }
            #expect(b.betaSpent?.last == gold.design.beta)
        }
    }

    /// O'Brien–Fleming-type boundaries fall from look to look; the final one is above the fixed-sample
    /// critical value (α is spent earlier) but close to it.
    @Test func obrienFlemingBoundariesDecrease() throws {
        for rates in [[0.5, 1], [0.25, 0.5, 0.75, 1], [0.1, 0.2, 0.5, 0.9, 1]] {
            for sided in [1, 2] {
                let design = GroupSequentialDesign(informationRates: rates, alpha: 0.05, sided: sided, efficacySpending: .obrienFleming)
                let c = try design.boundaries().criticalValues
                for k in 1..<c.count { #expect(c[k] < c[k - 1], "rates \(rates) sided \(sided) look \(k)") }
                let fixed = Normal.quantile(1 - 0.05 / Double(sided))
                #expect(c[c.count - 1] > fixed && c[c.count - 1] < fixed + 0.15)
            }
        }
    }

    /// One look is the fixed-sample test: c = z_{1−α/s}, δ = z_{1−α/s} + z_{1−β}, inflation factor 1.
    @Test func singleLookIsTheFixedSampleTest() throws {
        for sided in [1, 2] {
            let design = GroupSequentialDesign(informationRates: [1], alpha: 0.05, sided: sided, efficacySpending: .pocock, beta: 0.1)
            let b = try design.boundaries()
            let z = Normal.quantile(1 - 0.05 / Double(sided))
            expectClose(b.criticalValues[0], z, relative: 1e-12, "critical value, sided \(sided)")
            if sided == 1 {
                expectClose(b.drift, z + Normal.quantile(0.9), relative: 1e-10, "drift")
                expectClose(b.inflationFactor, 1, relative: 1e-10, "inflation factor")
            }
        }
    }

    /// The default grid (r = 32) agrees with a 2.5 times finer one to better than 1e-7, well inside
    /// the 1e-6 bar (this checks the integration error, independent of rpact's tolerance).
    @Test func gridIsConverged() throws {
        let design = GroupSequentialDesign(informationRates: [0.15, 0.4, 0.6, 0.85, 1], alpha: 0.025,
                                           efficacySpending: .hwangShihDeCani(gamma: -4),
                                           futilitySpending: .hwangShihDeCani(gamma: -2), beta: 0.2)
        let coarse = try design.boundaries()
        let fine = try design.boundaries(gridSize: 80)
        expectClose(coarse.criticalValues.map { $0 }, fine.criticalValues.map { $0 }, relative: 1e-7, "critical values")
        expectClose(coarse.futilityBounds!.map { $0 }, fine.futilityBounds!.map { $0 }, relative: 1e-7, floor: 1, "futility")
        expectClose(coarse.drift, fine.drift, relative: 1e-7, "drift")
    }

    @Test func invalidDesignsAreErrors() {
        let bad: [GroupSequentialDesign] = [
            .init(informationRates: [], efficacySpending: .obrienFleming),
            .init(informationRates: [0.5, 0.5, 1], efficacySpending: .obrienFleming),
            .init(informationRates: [0.5, 0.9], efficacySpending: .obrienFleming),
            .init(informationRates: [.nan, 1], efficacySpending: .obrienFleming),
            .init(informationRates: [0.5, 1], alpha: 0, efficacySpending: .obrienFleming),
            .init(informationRates: [0.5, 1], alpha: 0.025, sided: 3, efficacySpending: .obrienFleming),
            .init(informationRates: [0.5, 1], alpha: 0.05, sided: 2, efficacySpending: .obrienFleming, futilitySpending: .pocock),
            .init(informationRates: [0.5, 1], efficacySpending: .hwangShihDeCani(gamma: .nan)),
            .init(informationRates: [0.5, 1], efficacySpending: .hwangShihDeCani(gamma: 5.5)),
            .init(informationRates: [0.5, 1], efficacySpending: .pocock, futilitySpending: .hwangShihDeCani(gamma: -11)),
            .init(informationRates: [0.5, 1], efficacySpending: .pocock, futilitySpending: .pocock, beta: 0.7),
        ]
        for design in bad {
            #expect(throws: StatsError.self, "\(design)") { try design.boundaries() }
        }
    }
}
