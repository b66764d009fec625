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
