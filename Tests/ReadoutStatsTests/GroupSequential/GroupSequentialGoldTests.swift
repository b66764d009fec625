import ReadoutStats
import ReadoutTestSupport
import Testing

/// Boundaries against rpact 3.3.4 (`getDesignGroupSequential`, `getDesignCharacteristics`) on the
/// designs of `Tests/Fixtures/group-sequential/make-gold.R`, every value to a relative 1e-6.
@Suite struct GroupSequentialGoldTests {
    /// The bar: a relative 1e-6.
    static let tolerance = 1e-6
    /// Floor for values on the z scale: a futility boundary near 0 (0.0064 in HSDm4-bsHSDm2-5) is
    /// compared to an absolute 1e-7. rpact solves boundaries to its `tolerance` 1e-8, and is itself
    /// 3.4e-8 from the converged value there (r = 160), a relative 5e-6.
    static let zFloor = 0.1
    /// Floor for probabilities: tiny ones are compared to an absolute 1e-12. rpact computes stage
    /// levels and α spent as 1 − pnorm(c) and loses digits below 1e-10 (OF-5-early-1s, look 1:
    /// 1.36124e-12 against the exact 1.36125e-12).
    static let pFloor = 1e-6
    /// rpact's default `tolerance`.
    static let rpactTolerance = 1e-8

    @Test(arguments: GroupSequentialGold.all)
    func boundariesMatchRpact(_ gold: GroupSequentialGold) throws {
        let b = gold.boundaries
        expectClose(b.criticalValues.map { $0 }, gold.criticalValues, relative: Self.tolerance, floor: Self.zFloor, "\(gold.name) criticalValues")
        let looks = gold.alphaSpent.count
        expectClose(b.alphaSpent.dropLast().map { $0 }, Array(gold.alphaSpent.dropLast()), relative: Self.tolerance, floor: Self.pFloor,
                    "\(gold.name) alphaSpent")
        // The last α spent is α itself; rpact reports α − 1e-8 (its `tolerance`), a relative 1e-6 at α = 0.01.
        #expect(b.alphaSpent[looks - 1] == gold.design.alpha, "\(gold.name) spends exactly α")
        #expect(abs(b.alphaSpent[looks - 1] - gold.alphaSpent[looks - 1]!) <= Self.rpactTolerance * 1.01, "\(gold.name) last alphaSpent")
        // A stage level is the closed form Φ̄(c_k) of the critical value, so it is checked as closely as c_k is:
        // relative 1e-6, or the change of Φ̄ a relative 1e-6 change of c_k makes (φ(c)·c·1e-6; Φ̄ changes about
        // c² times faster, relatively, than c). rpact's own boundaries are that far from exact on close looks:
        // HSD2-3-close-2s, look 3 — rpact 3.0925597027, Readout 3.0925605211, exact 3.0925605793 (mvtnorm,
        // total α 0.0100000013 with rpact's boundary, 0.0100000001 with Readout's).
        for (k, level) in b.stageLevels.enumerated() {
            let c = b.criticalValues[k]
            let allowed = max(Self.tolerance * max(abs(gold.stageLevels[k]!), Self.pFloor),
                              Self.tolerance * c * Normal.pdf(c))
            #expect(abs(level - gold.stageLevels[k]!) <= allowed, "\(gold.name) stageLevels[\(k)]: \(level) vs \(gold.stageLevels[k]!)")
        }
        #expect((b.futilityBounds == nil) == (gold.futilityBounds == nil), "\(gold.name) has futility bounds")
        if let bounds = b.futilityBounds, let expected = gold.futilityBounds {
            expectClose(bounds.map { $0 }, expected, relative: Self.tolerance, floor: Self.zFloor, "\(gold.name) futilityBounds")
        }
        if let spent = b.betaSpent, let expected = gold.betaSpent {
            expectClose(spent.map { $0 }, expected, relative: Self.tolerance, "\(gold.name) betaSpent")
        }
    }

    @Test(arguments: GroupSequentialGold.all)
    func characteristicsMatchRpact(_ gold: GroupSequentialGold) throws {
        let b = gold.boundaries
        expectClose(b.shift, gold.shift, relative: Self.tolerance, "\(gold.name) shift")
        expectClose(b.inflationFactor, gold.inflationFactor, relative: Self.tolerance, "\(gold.name) inflationFactor")
        expectClose(b.power.map { $0 }, gold.power, relative: Self.tolerance, floor: Self.pFloor, "\(gold.name) power")
    }

    /// The gold comparison can fail: the same design at a slightly different α or spending parameter
    /// gives boundaries outside the tolerance.
    @Test func goldDetectsAWrongDesign() throws {
        let gold = GroupSequentialGold.named("OF-bsP-4-unequal")
        var wrongAlpha = gold.design
        wrongAlpha.alpha = 0.0251
        let b = try wrongAlpha.boundaries()
        #expect(!Tolerance.agrees(b.criticalValues[3], gold.criticalValues[3], relative: Self.tolerance))
        #expect(!Tolerance.agrees(b.futilityBounds![0], gold.futilityBounds![0], relative: Self.tolerance))

        let hsd = GroupSequentialGold.named("HSDm4-5-equal-1s")
        var wrongGamma = hsd.design
        wrongGamma.efficacySpending = .hwangShihDeCani(gamma: -3.99)
        let c = try wrongGamma.boundaries().criticalValues
        #expect(!zip(c, hsd.criticalValues).allSatisfy { Tolerance.agrees($0, $1, relative: Self.tolerance) })
    }
}
