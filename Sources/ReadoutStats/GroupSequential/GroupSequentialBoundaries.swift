/// Boundaries of a ``GroupSequentialDesign``, as rpact's `getDesignGroupSequential` and
/// `getDesignCharacteristics` report them.
public struct GroupSequentialBoundaries: Sendable, Equatable {
    public let design: GroupSequentialDesign
    /// Efficacy boundaries c_k on the z scale (two-sided designs reject when |Z_k| ≥ c_k).
    public let criticalValues: [Double]
    /// Cumulative α spent at each look: the spending function at t_k.
    public let alphaSpent: [Double]
    /// Nominal one-sided p of each boundary, 1 − Φ(c_k) (rpact's `stageLevels`; for a two-sided
    /// design the two-sided nominal level is twice this).
    public let stageLevels: [Double]
    /// Non-binding futility boundaries on the z scale at looks 1…K−1 (at look K the futility and
    /// efficacy boundaries meet); `nil` without β-spending.
    public let futilityBounds: [Double]?
    /// Cumulative β spent at looks 1…K−1 (the β-spending function at t_k), then β; `nil` without β-spending.
    public let betaSpent: [Double]?
    /// Drift δ: the mean of Z at full information under which the design has power 1 − β
    /// (rpact's `shift` is δ²). With futility it is the drift the β-spending solved for.
    public let drift: Double
    /// Cumulative probability of crossing the efficacy boundary by each look under the drift
    /// (rpact's `getDesignCharacteristics(...)$power`), with futility stops obeyed when present.
    public let power: [Double]

    /// rpact's `shift`: δ², the maximum information in units of 1/θ² needed for power 1 − β.
    public var shift: Double { drift * drift }

    /// Maximum information relative to the fixed-sample design of the same α and β (rpact's
    /// `inflationFactor`): δ² / (z_{1−α/s} + z_{1−β})².
    public var inflationFactor: Double {
        let fixed = Normal.quantile(1 - design.alpha / Double(design.sided)) + Normal.quantile(1 - design.beta)
        return shift / (fixed * fixed)
    }
}

extension GroupSequentialDesign {
    /// J&T's grid parameter r: at most 12r − 3 points per look. Simpson's error falls as r⁻⁴; with
    /// r = 32 (381 points) boundaries and drift agree with r = 160 to about 2e-8 relative on designs
    /// with looks as close as t = 0.9 → 1 (J&T's r = 16 gives 3e-7 there: the transition kernel
    /// from t_{k−1} to t_k is only √(Δ/t_{k−1}) wide, narrower than the grid was built for).
    public static let defaultGridSize = 32

    /// Computes the boundaries: efficacy by α-spending under δ = 0 (ignoring futility, which is
    /// non-binding), then, when the design spends β, the drift δ and futility boundaries together
    /// (β-spending under δ with the efficacy boundaries fixed, δ chosen so the last futility
    /// boundary meets the last efficacy boundary), else δ for power 1 − β.
    public func boundaries(gridSize: Int = defaultGridSize) throws(StatsError) -> GroupSequentialBoundaries {
        try validate()
        guard gridSize >= 4, gridSize <= 400 else {
            throw .invalidValue(argument: "gridSize", index: 0, value: Double(gridSize), expected: "an integer in [4, 400]")
        }
        let (critical, spent) = efficacyBoundaries(gridSize: gridSize)
        let stageLevels = critical.map { Normal.survival($0) }
        if let futility = futilitySpending {
            let drift = futilityDrift(critical: critical, spending: futility, gridSize: gridSize)
            let run = futilityRun(drift: drift, critical: critical, spending: futility, gridSize: gridSize)
            return GroupSequentialBoundaries(
                design: self, criticalValues: critical, alphaSpent: spent, stageLevels: stageLevels,
                futilityBounds: run.bounds, betaSpent: run.betaSpent, drift: drift, power: run.power)
        }
        let drift = powerDrift(critical: critical, gridSize: gridSize)
        return GroupSequentialBoundaries(
            design: self, criticalValues: critical, alphaSpent: spent, stageLevels: stageLevels,
            futilityBounds: nil, betaSpent: nil, drift: drift,
            power: cumulativePower(drift: drift, critical: critical, futility: nil, gridSize: gridSize))
    }

    /// c_k such that P₀(first crossing at look k) equals the α spent between looks k−1 and k; for
    /// two-sided designs crossing means |Z_k| ≥ c_k.
    func efficacyBoundaries(gridSize: Int) -> (critical: [Double], spent: [Double]) {
        var recursion = StageRecursion(drift: 0, gridSize: gridSize)
        var critical: [Double] = [], spent: [Double] = []
        var previous = 0.0
        for t in informationRates {
            let cumulative = efficacySpending.cumulative(alpha, at: t, sided: sided)
            let increment = cumulative - previous
            let twoSided = sided == 2
            let start = Normal.quantile(1 - max(increment, 1e-300) / Double(sided))
            let c = MonotoneRoot.solve(start: start, lowerLimit: 0, upperLimit: 40, relative: 1e-14, absolute: 1e-14) { b in
                let up = recursion.exitAbove(b, at: t)
                var p = up.probability, d = up.slope
                if twoSided {
                    let down = recursion.exitBelow(-b, at: t)
                    p += down.probability
                    d -= down.slope
                }
                return (increment - p, -d)
            }
            critical.append(c)
            spent.append(cumulative)
            recursion.advance(to: t, lower: twoSided ? -c : -.infinity, upper: c)
            previous = cumulative
        }
        return (critical, spent)
    }

    /// Cumulative P_δ(crossing the efficacy boundary by look k), stopping for futility where given.
    /// Two-sided designs count the upper boundary only (rpact's default `twoSidedPower = FALSE`).
    func cumulativePower(drift: Double, critical: [Double], futility: [Double]?, gridSize: Int) -> [Double] {
        var recursion = StageRecursion(drift: drift, gridSize: gridSize)
        var power: [Double] = []
        var total = 0.0
        for (k, t) in informationRates.enumerated() {
            total += recursion.exitAbove(critical[k], at: t).probability
            power.append(total)
            if k + 1 < informationRates.count {
                let lower = futility?[k] ?? (sided == 2 ? -critical[k] : -.infinity)
                recursion.advance(to: t, lower: lower, upper: critical[k])
            }
        }
        return power
    }

    /// δ with overall power 1 − β for a design without futility boundaries.
    func powerDrift(critical: [Double], gridSize: Int) -> Double {
        let target = 1 - beta
        return solveDrift { drift in
            let power = cumulativePower(drift: drift, critical: critical, futility: nil, gridSize: gridSize)
            return power[power.count - 1] - target
        }
    }

    /// Root of `f`, increasing in the drift, by Brent's method (absolute tolerance 1e-11) in a bracket
    /// around the fixed-sample drift z_{1−α/s} + z_{1−β}, widened until it holds the root: a
    /// group-sequential design needs a little more information than the fixed-sample test (rpact's
    /// inflation factors are 1.0–1.5), so the bracket rarely needs widening and Brent converges in
    /// about eight evaluations, each a pass of the recursion over all looks.
    func solveDrift(_ f: (Double) -> Double) -> Double {
        let fixed = Normal.quantile(1 - alpha / Double(sided)) + Normal.quantile(1 - beta)
        var lower = 0.9 * fixed, upper = 1.6 * fixed
        for _ in 0..<40 {
            let atLower = f(lower), atUpper = f(upper)
            if atLower <= 0 && atUpper >= 0 { break }
            if atUpper < 0 { lower = upper; upper *= 1.5 } else { upper = lower; lower /= 1.5 }
        }
        return RUniroot.root(lower: lower, upper: upper, tolerance: 1e-11, f)
    }

    /// Futility boundaries under drift δ by β-spending: a_k with P_δ(continue to k, Z_k < a_k) equal to
    /// the β spent between looks, capped at c_k (rpact's rule); the paths continue in (a_k, c_k).
    /// `lastShortfall` is P_δ(continue to K, Z_K < c_K) minus the β left for look K: it falls with δ
    /// and is 0 at the design's drift.
    func futilityRun(drift: Double, critical: [Double], spending: SpendingFunction, gridSize: Int)
        -> (bounds: [Double], betaSpent: [Double], power: [Double], lastShortfall: Double) {
        var recursion = StageRecursion(drift: drift, gridSize: gridSize)
        var bounds: [Double] = [], betaSpent: [Double] = [], power: [Double] = []
        var previous = 0.0, crossed = 0.0
        let looks = informationRates.count
        for k in 0..<(looks - 1) {
            let t = informationRates[k]
            let cumulative = spending.cumulative(beta, at: t)
            let increment = cumulative - previous
            let start = drift * t.squareRoot() + Normal.quantile(max(increment, 1e-300))
            var a = MonotoneRoot.solve(start: start, lowerLimit: -40, upperLimit: 40, relative: 1e-14, absolute: 1e-14) { a in
                let below = recursion.exitBelow(a, at: t)
                return (below.probability - increment, below.slope)
            }
            a = min(a, critical[k])
            crossed += recursion.exitAbove(critical[k], at: t).probability
            power.append(crossed)
            bounds.append(a)
            betaSpent.append(cumulative)
            recursion.advance(to: t, lower: a, upper: critical[k])
            previous = cumulative
        }
        let t = informationRates[looks - 1]
        let cK = critical[looks - 1]
        crossed += recursion.exitAbove(cK, at: t).probability
        power.append(crossed)
        betaSpent.append(beta)
        return (bounds, betaSpent, power, recursion.exitBelow(cK, at: t).probability - (beta - previous))
    }

    /// The drift at which the β-spending futility boundary meets the efficacy boundary at look K.
    func futilityDrift(critical: [Double], spending: SpendingFunction, gridSize: Int) -> Double {
        solveDrift { drift in
            -futilityRun(drift: drift, critical: critical, spending: spending, gridSize: gridSize).lastShortfall
        }
    }
}
