// Treatment effect within subgroups and the treatment-by-subgroup interaction, by Cox regression
// (R survival `coxph`, `anova.coxph`). For one subgrouping variable with levels 1…L:
//   • within each level, the unstratified model Surv ~ arm on the level's subjects (the hazard ratio
//     of each arm against the reference arm), with the ties and convergence rule of the options;
//   • the likelihood-ratio test of interaction: Surv ~ arm + level (fit0) against
//     Surv ~ arm + level + arm:level (fit1), as `anova(fit0, fit1)`: χ² = |2(ℓ₁ − ℓ₀)| on the
//     difference in the numbers of estimated (non-NA) coefficients;
//   • the Wald test of interaction: b′V⁻¹b over fit1's estimated interaction coefficients.
// Treatment contrasts (reference arm, first level) as R's default `contr.treatment`. Subjects whose
// level is missing are left out of every model (R's `na.omit`); levels with no subjects are dropped.
// All models have only arm and level dummies, so they are fitted to the subjects sorted by time once and
// counted per (time, status, arm, level) (`Cells`); CoxModel's collapsed passes give the per-subject fit.

/// Subgroup hazard ratios and interaction tests of one subgrouping variable.
public enum SubgroupCox {
    /// One level of the subgrouping variable.
    public struct Level: Sendable {
        /// Index of the level in the caller's list.
        public var level: Int
        /// Subjects per arm.
        public var n: [Int]
        /// Events per arm.
        public var events: [Int]
        /// One per non-reference arm, in arm order: the hazard ratio against the reference arm,
        /// `nil` parts when not estimable.
        public var hazardRatios: [Estimate]
        /// Log hazard ratio and its standard error per non-reference arm (`nil` when not estimable).
        public var coefficients: [Double?]
        public var standardErrors: [Double?]
        /// Why each hazard ratio is not estimable (`nil` when it is).
        public var reasons: [String?]
    }

    public struct Result: Sendable {
        public var levels: [Level]
        /// Likelihood-ratio test of interaction (`nil` when fewer than two levels have subjects or no
        /// interaction coefficient can be estimated).
        public var likelihoodRatio: TestStatistic?
        /// Wald test of interaction (same conditions, and withheld when an interaction coefficient is
        /// infinite: its standard error is then meaningless).
        public var wald: TestStatistic?
        /// False when an interaction coefficient of the full model is infinite (monotone likelihood);
        /// the likelihood-ratio test is still reported, as `anova` does.
        public var interactionEstimable: Bool
        /// Subjects left out because their level is missing.
        public var missing: Int
    }

    /// - Parameters:
    ///   - arm: arm index per subject, `0..<armCount`.
    ///   - level: level index per subject, `0..<levelCount`, `nil` when missing.
    ///   - armNames: names used in reasons ("no events in arm …").
    public static func analyse(
        time: [Double], event: [Bool], arm: [Int], armNames: [String], reference: Int, level: [Int?], levelCount: Int,
        options: CoxOptions = .init()
    ) throws(StatsError) -> Result {
        let n = time.count
        let armCount = armNames.count
        guard event.count == n else { throw .lengthMismatch(expected: n, found: event.count, argument: "event") }
        guard arm.count == n else { throw .lengthMismatch(expected: n, found: arm.count, argument: "arm") }
        guard level.count == n else { throw .lengthMismatch(expected: n, found: level.count, argument: "level") }
        guard armCount >= 2, (0..<armCount).contains(reference) else {
            throw .invalidValue(argument: "reference", index: 0, value: Double(reference), expected: "an arm index of at least two arms")
        }
        if let i = arm.firstIndex(where: { !(0..<armCount).contains($0) }) {
            throw .invalidValue(argument: "arm", index: i, value: Double(arm[i]), expected: "an arm index")
        }
        if let i = level.firstIndex(where: { $0 != nil && !(0..<levelCount).contains($0!) }) {
            throw .invalidValue(argument: "level", index: i, value: Double(level[i]!), expected: "a level index")
        }
        if let i = time.firstIndex(where: { !$0.isFinite || $0 < 0 }) { throw .invalidTime(index: i, value: time[i]) }
        let others = (0..<armCount).filter { $0 != reference }
        let cells = Cells(time: time, event: event, arm: arm, level: level, armCount: armCount, levelCount: levelCount,
                          collapse: options.collapse != .never)

        var levels: [Level] = []
        var present: [Int] = []
        var cellsOfLevel = [[Int]](repeating: [], count: levelCount)
        for c in cells.time.indices { cellsOfLevel[cells.level[c]].append(c) }
        for l in 0..<levelCount {
            let rows = cellsOfLevel[l]
            if !rows.isEmpty { present.append(l) }
            var counts = [Int](repeating: 0, count: armCount), events = counts
            for c in rows {
                counts[cells.arm[c]] += Int(cells.count[c])
                if cells.event[c] { events[cells.arm[c]] += Int(cells.count[c]) }
            }
            levels.append(try fitLevel(l, rows: rows, counts: counts, events: events, cells: cells,
                                       armNames: armNames, reference: reference, others: others, options: options))
        }

        var lrt: TestStatistic?, wald: TestStatistic?
        var interactionEstimable = true
        if present.count >= 2 {
            let armColumns = others.map { a in cells.arm.map { $0 == a ? 1.0 : 0.0 } }
            let levelColumns = present.dropFirst().map { l in cells.level.map { $0 == l ? 1.0 : 0.0 } }
            var interaction: [[Double]] = []
            for levelColumn in levelColumns { for armColumn in armColumns { interaction.append(zip(armColumn, levelColumn).map(*)) } }
            let fit0 = try CoxModel.fit(time: cells.time, event: cells.event, count: cells.count,
                                        covariates: armColumns + levelColumns, options: options)
            let fit1 = try CoxModel.fit(time: cells.time, event: cells.event, count: cells.count,
                                        covariates: armColumns + levelColumns + interaction, options: options)
            let df0 = fit0.coefficients.filter { !$0.isNaN }.count
            let df1 = fit1.coefficients.filter { !$0.isNaN }.count
            let first = armColumns.count + levelColumns.count
            let estimated = (first..<(first + interaction.count)).filter { !fit1.coefficients[$0].isNaN }
            if df1 > df0, !estimated.isEmpty {
                lrt = .chiSquare(abs(2 * (fit1.logLikelihood - fit0.logLikelihood)), df: df1 - df0)
                interactionEstimable = estimated.allSatisfy { fit1.estimable[$0] }
            }
            if df1 > df0, !estimated.isEmpty, interactionEstimable {
                let m = estimated.count
                let v = estimated.flatMap { i in estimated.map { j in fit1.covariance[i][j] } }
                let chol = SymmetricCholesky(v, size: m, tolerance: CoxTolerance.cholesky)
                wald = .chiSquare(chol.quadraticForm(estimated.map { fit1.coefficients[$0] }), df: m)
            }
        }
        return Result(levels: levels, likelihoodRatio: lrt, wald: wald, interactionEstimable: interactionEstimable,
                      missing: n - cells.subjects)
    }

    /// The subjects with a level in time order, tied subjects with the same (time, status, arm, level)
    /// counted once (in order of first appearance within a time); every model of `analyse` is fitted
    /// to these counted rows (CoxModel's collapsed passes; the fit is the per-subject one). Sorting
    /// once here replaces a sort per model. Without `collapse` every subject is its own row.
    struct Cells {
        var time: [Double] = [], event: [Bool] = [], arm: [Int] = [], level: [Int] = [], count: [Double] = []
        var subjects = 0

        init(time t: [Double], event e: [Bool], arm a: [Int], level l: [Int?], armCount: Int, levelCount: Int, collapse: Bool) {
            let byTime = SortOrder.ascending(t)
            let n = byTime.count
            var slot = [Int](repeating: -1, count: 2 * armCount * levelCount)
            var touched: [Int] = []
            var s = 0
            while s < n {
                let runTime = t[byTime[s]]
                var end = s
                while end < n && t[byTime[end]] == runTime {
                    let i = byTime[end]
                    end += 1
                    guard let li = l[i] else { continue }
                    subjects += 1
                    let key = 2 &* (li &* armCount &+ a[i]) &+ (e[i] ? 1 : 0)
                    if collapse && slot[key] >= 0 { count[slot[key]] += 1; continue }
                    slot[key] = count.count
                    touched.append(key)
                    time.append(runTime); event.append(e[i]); arm.append(a[i]); level.append(li); count.append(1)
                }
                for key in touched { slot[key] = -1 }
                touched.removeAll(keepingCapacity: true)
                s = end
            }
        }
    }

    private static func fitLevel(
        _ l: Int, rows: [Int], counts: [Int], events: [Int], cells: Cells, armNames: [String],
        reference: Int, others: [Int], options: CoxOptions
    ) throws(StatsError) -> Level {
        var level = Level(level: l, n: counts, events: events, hazardRatios: [], coefficients: [], standardErrors: [], reasons: [])
        func notEstimable(_ reason: String) {
            level.hazardRatios.append(Estimate(estimate: nil, lower: nil, upper: nil))
            level.coefficients.append(nil)
            level.standardErrors.append(nil)
            level.reasons.append(reason)
        }
        if rows.isEmpty {
            for _ in others { notEstimable("no subjects in this subgroup") }
            return level
        }
        if counts[reference] == 0 {
            for _ in others { notEstimable("no subjects of arm \(armNames[reference]) in this subgroup") }
            return level
        }
        if events.allSatisfy({ $0 == 0 }) {
            for _ in others { notEstimable("no events in this subgroup") }
            return level
        }
        // The model holds the arms present in the level; an absent arm has no hazard ratio.
        let fitted = others.filter { counts[$0] > 0 }
        var fit: CoxFit?
        if !fitted.isEmpty {
            let t = rows.map { cells.time[$0] }, e = rows.map { cells.event[$0] }, c = rows.map { cells.count[$0] }
            let columns = fitted.map { a in rows.map { cells.arm[$0] == a ? 1.0 : 0.0 } }
            fit = try CoxModel.fit(time: t, event: e, count: c, covariates: columns, names: fitted.map { "arm \(armNames[$0])" },
                                   options: options)
        }
        for a in others {
            guard let fit, let k = fitted.firstIndex(of: a) else {
                notEstimable("no subjects of arm \(armNames[a]) in this subgroup")
                continue
            }
            if fit.estimable[k] {
                level.hazardRatios.append(fit.hazardRatio(k))
                level.coefficients.append(fit.coefficients[k])
                level.standardErrors.append(fit.standardErrors[k])
                level.reasons.append(nil)
            } else if events[a] == 0 {
                notEstimable("no events in arm \(armNames[a]) in this subgroup (hazard ratio tends to 0)")
            } else if events[reference] == 0 {
                notEstimable("no events in arm \(armNames[reference]) in this subgroup (hazard ratio tends to infinity)")
            } else {
                notEstimable(fit.notEstimableReasons[k] ?? "the hazard ratio cannot be estimated")
            }
        }
        return level
    }
}
