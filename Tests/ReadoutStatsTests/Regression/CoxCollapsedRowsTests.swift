import Foundation
import ReadoutStats
import ReadoutTestSupport
import Testing

/// The fit on collapsed rows (tied subjects with the same stratum, status and covariates counted once)
/// is the per-subject fit: same coefficients, SEs, log-likelihoods and tests to rounding, and the same
/// iterations, flags, reasons and warnings. Seeded categorical data with heavy ties.
@Suite struct CoxCollapsedRowsTests {
    /// One invented data set.
    struct Scenario: CustomTestStringConvertible, Sendable {
        var seed: UInt64
        var arms: Int
        var stratified: Bool
        /// Subjects of level 1 never have an event (its coefficient is infinite).
        var levelWithoutEvents = false
        /// Subjects of the last arm never have an event (monotone likelihood in its coefficient).
        var armWithoutEvents = false
        /// Add a 0/1/2 score column (centered and scaled, unlike the dummies).
        var score = false
        var testDescription: String {
            "seed \(seed), \(arms) arm(s)\(stratified ? ", strata" : "")\(levelWithoutEvents ? ", level without events" : "")"
                + "\(armWithoutEvents ? ", arm without events" : "")\(score ? ", score" : "")"
        }

        /// Times from 1…12 (with a few copies nudged by 1e-10, merged again by timefix), arm and two
        /// level dummies with their products, optional strata.
        func data() -> (time: [Double], event: [Bool], covariates: [[Double]], strata: [Int]?, names: [String]) {
            var random = SplitMix64(seed: seed)
            func uniform() -> Double { Double(random.next() >> 11) / 9_007_199_254_740_992 }
            let n = 800 + Int(random.next() % 800)
            var time: [Double] = [], event: [Bool] = [], arm: [Int] = [], level: [Int] = [], stratum: [Int] = [], score: [Double] = []
            for _ in 0..<n {
                let a = Int(random.next() % UInt64(arms)), l = Int(random.next() % 3)
                let rate = 0.08 * (1 + 0.4 * Double(a)) * (l == 2 ? 1.6 : 1)
                var t = (1 + (-log(1 - uniform()) / rate).rounded(.down)).clamped(to: 1...12)
                if uniform() < 0.05 { t += 1e-10 }
                var e = uniform() < 0.7
                if levelWithoutEvents && l == 1 { e = false }
                if armWithoutEvents && a == arms - 1 { e = false }
                time.append(t); event.append(e); arm.append(a); level.append(l)
                stratum.append(Int(random.next() % 3) * 10)
                score.append(Double(random.next() % 3))
            }
            var covariates: [[Double]] = [], names: [String] = []
            for a in 1..<max(arms, 1) { covariates.append(arm.map { $0 == a ? 1 : 0 }); names.append("arm \(a)") }
            let armColumns = covariates
            for l in 1...2 { covariates.append(level.map { $0 == l ? 1 : 0 }); names.append("level \(l)") }
            if arms <= 3 {
                for l in 1...2 {
                    for (k, column) in armColumns.enumerated() {
                        covariates.append(column.indices.map { column[$0] * (level[$0] == l ? 1 : 0) })
                        names.append("arm \(k + 1):level \(l)")
                    }
                }
            }
            if self.score { covariates.append(score); names.append("score") }
            return (time, event, covariates, stratified ? stratum : nil, names)
        }
    }

    static let scenarios: [Scenario] = [
        Scenario(seed: 1, arms: 1, stratified: false),
        Scenario(seed: 2, arms: 2, stratified: false),
        Scenario(seed: 3, arms: 2, stratified: true),
        Scenario(seed: 4, arms: 3, stratified: false, score: true),
        Scenario(seed: 5, arms: 4, stratified: true),
        Scenario(seed: 6, arms: 2, stratified: false, levelWithoutEvents: true),
        Scenario(seed: 7, arms: 3, stratified: true, levelWithoutEvents: true),
        Scenario(seed: 8, arms: 2, stratified: false, armWithoutEvents: true),
        Scenario(seed: 9, arms: 4, stratified: true, armWithoutEvents: true, score: true),
    ]

    static let combinations: [(Scenario, TieMethod, Convention)] = scenarios.flatMap { s in
        [(s, .efron, .r), (s, .breslow, .r), (s, .efron, .sas), (s, .breslow, .sas)]
    }

    @Test(arguments: combinations)
    func collapsedEqualsPerSubject(_ scenario: Scenario, ties: TieMethod, convention: Convention) throws {
        let d = scenario.data()
        func fit(_ collapse: CoxCollapse) throws -> CoxFit {
            try CoxModel.fit(time: d.time, event: d.event, covariates: d.covariates, strata: d.strata, names: d.names,
                             options: CoxOptions(ties: ties, convention: convention, collapse: collapse))
        }
        let perSubject = try fit(.never), collapsed = try fit(.always), automatic = try fit(.automatic)
        #expect(perSubject.rows == d.time.count)
        #expect(collapsed.rows < d.time.count, "collapsed to \(collapsed.rows) of \(d.time.count) rows")
        // Automatic collapses when that at least halves the rows.
        #expect(automatic.rows == (2 * collapsed.rows <= d.time.count ? collapsed.rows : d.time.count))
        expectSame(automatic, perSubject, "\(scenario) \(ties) \(convention) automatic")
        expectSame(collapsed, perSubject, "\(scenario) \(ties) \(convention)")
        if scenario.levelWithoutEvents || scenario.armWithoutEvents {
            #expect(collapsed.estimable.contains(false), "\(scenario): a coefficient should be infinite")
        }
    }

    /// The invented R cases whose covariates are categorical, forced onto collapsed rows.
    @Test(arguments: CoxCase.all.flatMap { c in [(c, TieMethod.efron), (c, .breslow)] })
    func inventedCasesCollapsed(_ c: CoxCase, ties: TieMethod) throws {
        func fit(_ collapse: CoxCollapse) throws -> CoxFit {
            try CoxModel.fit(time: c.time, event: c.event, covariates: c.covariates, strata: c.strata, names: c.names,
                             options: CoxOptions(ties: ties, maxIterations: c.maxIterations, collapse: collapse))
        }
        let perSubject = try fit(.never), collapsed = try fit(.always)
        expectSame(collapsed, perSubject, "\(c.name) \(ties)")
    }

    /// SubgroupCox counts tied subjects per (time, status, arm, level) once; `.never` fits per subject.
    /// Seeded ties, missing levels, a level without events, an arm absent from a level.
    @Test(arguments: [(UInt64(11), 2, TieMethod.efron), (12, 3, .breslow), (13, 3, .efron), (14, 2, .breslow)])
    func subgroupsCollapsedEqualPerSubject(seed: UInt64, arms: Int, ties: TieMethod) throws {
        var random = SplitMix64(seed: seed)
        let n = 1500
        var time: [Double] = [], event: [Bool] = [], arm: [Int] = [], level: [Int?] = []
        for _ in 0..<n {
            let a = Int(random.next() % UInt64(arms))
            var l: Int? = Int(random.next() % 4)
            if l == 3 { l = random.next() % 4 == 0 ? nil : 0 }
            // Level 2 holds no subject of the last arm; level 1 has no events.
            if l == 2 && a == arms - 1 { l = 0 }
            time.append(Double(1 + random.next() % 15))
            event.append(l != 1 && random.next() % 10 < 6 + UInt64(a))
            arm.append(a); level.append(l)
        }
        func analyse(_ collapse: CoxCollapse) throws -> SubgroupCox.Result {
            try SubgroupCox.analyse(time: time, event: event, arm: arm, armNames: (0..<arms).map { "A\($0)" }, reference: 0,
                                    level: level, levelCount: 3, options: CoxOptions(ties: ties, collapse: collapse))
        }
        let perSubject = try analyse(.never)
        for collapsed in [try analyse(.automatic), try analyse(.always)] {
            #expect(collapsed.missing == perSubject.missing && collapsed.interactionEstimable == perSubject.interactionEstimable)
            for (x, y) in zip(collapsed.levels, perSubject.levels) {
                #expect(x.n == y.n && x.events == y.events && x.reasons == y.reasons, "level \(x.level)")
                for k in x.coefficients.indices {
                    #expect((x.coefficients[k] == nil) == (y.coefficients[k] == nil))
                    if let b = x.coefficients[k], let c = y.coefficients[k], let se = y.standardErrors[k] {
                        #expect(abs(b - c) <= 1e-10 * max(abs(c), se), "level \(x.level) coef \(b) vs \(c)")
                        #expect(abs(x.standardErrors[k]! - se) <= 1e-10 * se)
                    }
                }
            }
            #expect(collapsed.levels.contains { $0.reasons.contains { $0 != nil } }, "a not-estimable level hazard ratio")
            let (l1, l2) = (try #require(collapsed.likelihoodRatio), try #require(perSubject.likelihoodRatio))
            // 2(ℓ₁ − ℓ₀) cancels most digits of ℓ (|ℓ| ~ 10⁴ here): compare absolutely, far below ℓ's rounding × 10⁴.
            #expect(abs(l1.statistic - l2.statistic) <= 1e-8 && l1.df == l2.df, "LRT \(l1.statistic) vs \(l2.statistic)")
            if let w1 = collapsed.wald, let w2 = perSubject.wald {
                #expect(abs(w1.statistic - w2.statistic) <= 1e-10 * w2.statistic && w1.df == w2.df)
            } else {
                #expect(collapsed.wald == nil && perSubject.wald == nil)
            }
        }
    }

    func expectSame(_ a: CoxFit, _ b: CoxFit, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        // 1e-10 relative; a coefficient near 0 relative to its standard error (the sums are taken in
        // another order, so β carries rounding of the size of the others).
        func close(_ x: Double, _ y: Double, scale: Double = 0) -> Bool {
            if x.isNaN || y.isNaN { return x.isNaN && y.isNaN }
            if x == y { return true }
            return abs(x - y) <= 1e-10 * max(abs(x), abs(y), scale)
        }
        func same(_ x: Double, _ y: Double, _ what: String, scale: Double = 0) {
            #expect(close(x, y, scale: scale), "\(label) \(what): \(x) vs \(y)", sourceLocation: sourceLocation)
        }
        func same(_ x: TestStatistic, _ y: TestStatistic, _ what: String) {
            same(x.statistic, y.statistic, what)
            same(x.p, y.p, "\(what) p")
            #expect(x.df == y.df, "\(label) \(what) df", sourceLocation: sourceLocation)
        }
        #expect(a.n == b.n && a.events == b.events && a.strataCount == b.strataCount, "\(label) counts", sourceLocation: sourceLocation)
        for k in a.coefficients.indices {
            same(a.coefficients[k], b.coefficients[k], "coef[\(k)]", scale: b.standardErrors[k])
            same(a.standardErrors[k], b.standardErrors[k], "se[\(k)]")
            for j in a.coefficients.indices {
                same(a.covariance[k][j], b.covariance[k][j], "cov[\(k)][\(j)]",
                     scale: (b.covariance[k][k] * b.covariance[j][j]).squareRoot())
            }
        }
        same(a.logLikelihoodNull, b.logLikelihoodNull, "loglik0")
        same(a.logLikelihood, b.logLikelihood, "loglik")
        same(a.wald, b.wald, "wald")
        same(a.likelihoodRatio, b.likelihoodRatio, "lrt")
        same(a.score, b.score, "score")
        #expect(a.iterations == b.iterations && a.converged == b.converged, "\(label) iterations \(a.iterations) vs \(b.iterations)",
                sourceLocation: sourceLocation)
        #expect(a.estimable == b.estimable, "\(label) estimable", sourceLocation: sourceLocation)
        #expect(a.notEstimableReasons == b.notEstimableReasons, "\(label) reasons", sourceLocation: sourceLocation)
        #expect(a.warnings == b.warnings, "\(label) warnings", sourceLocation: sourceLocation)
    }
}

private extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
