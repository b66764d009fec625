/// Conditional power at an interim look (Jennison & Turnbull 2000, §10.2; Lachin 2005, Stat Med
/// 24:2747): the probability of crossing an efficacy boundary at a later look given Z_k = z at
/// information fraction t_k, for an assumed drift θ (mean of Z at full information).
///
/// The remaining looks are integrated with the same recursion as the boundaries, started from the
/// point Z_k = z; the futility boundary is non-binding and so ignored. Crossing means the upper
/// boundary: Z > 0 favours the experimental arm.
extension GroupSequentialBoundaries {
    /// Conditional power after look `look` (0-based) with observed `z`, under drift `theta`.
    public func conditionalPower(afterLook look: Int, z: Double, theta: Double,
                                 gridSize: Int = GroupSequentialDesign.defaultGridSize) throws(StatsError) -> Double {
        let rates = design.informationRates
        guard look >= 0, look < rates.count - 1 else {
            throw .invalidValue(argument: "look", index: 0, value: Double(look),
                                expected: "an interim look in 0..<\(rates.count - 1)")
        }
        // Bounded so every intermediate stays finite (beyond ±40 the answer is 0 or 1 anyway).
        guard z >= -40, z <= 40 else {
            throw .invalidValue(argument: "z", index: 0, value: z, expected: "a z statistic in [−40, 40]")
        }
        guard theta >= -100, theta <= 100 else {
            throw .invalidValue(argument: "theta", index: 0, value: theta, expected: "a drift in [−100, 100]")
        }
        var recursion = StageRecursion(drift: theta, gridSize: gridSize, start: z, fraction: rates[look])
        var power = 0.0
        for j in (look + 1)..<rates.count {
            let c = criticalValues[j]
            power += recursion.exitAbove(c, at: rates[j]).probability
            if j + 1 < rates.count {
                recursion.advance(to: rates[j], lower: design.sided == 2 ? -c : -.infinity, upper: c)
            }
        }
        return min(max(power, 0), 1)
    }

    /// Conditional power under the current trend: θ̂ = z/√t_k, the drift the interim estimate implies.
    public func conditionalPowerUnderTrend(afterLook look: Int, z: Double) throws(StatsError) -> Double {
        guard look >= 0, look < design.informationRates.count else {
            throw .invalidValue(argument: "look", index: 0, value: Double(look),
                                expected: "an interim look in 0..<\(design.informationRates.count - 1)")
        }
        return try conditionalPower(afterLook: look, z: z, theta: z / design.informationRates[look].squareRoot())
    }

    /// Conditional power under the design's alternative (the drift with power 1 − β).
    public func conditionalPowerUnderDesign(afterLook look: Int, z: Double) throws(StatsError) -> Double {
        try conditionalPower(afterLook: look, z: z, theta: drift)
    }
}
