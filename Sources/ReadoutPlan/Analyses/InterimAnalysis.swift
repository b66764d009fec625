public import ReadoutCore
public import ReadoutStats

/// Interim monitoring at one build (docs/methods/group-sequential.md): the information fraction of the
/// monitored endpoint (observed events over planned), the design's boundaries at this and every earlier
/// look with the α spent, the observed stratified log-rank statistic as a signed z, whether it crosses
/// a boundary, and conditional power under the current trend and under the design hazard ratio.
public enum InterimAnalysis {
    public static func run(_ design: ValidatedInterimDesign, endpoints: [EndpointResult], arms: [String], referenceArm: Int,
                           planFile: String) throws(DiagnosticsError) -> InterimResult {
        let id = design.endpoint.rawValue
        func failure(_ identifier: String, _ message: String, at location: SourceLocation? = nil,
                     variable: String? = nil, value: String? = nil, expected: String? = nil) -> DiagnosticsError {
            DiagnosticsError([Diagnostic(.error, identifier, at: location ?? SourceLocation(file: planFile), message,
                                         variable: variable, value: value, expected: expected)])
        }
        guard let endpoint = endpoints.first(where: { $0.endpoint == id }), let logRank = endpoint.logRank, arms.count == 2 else {
            throw failure("stats.invalid-input", "cannot monitor endpoint '\(id)': it has no log-rank test of two arms")
        }
        let experimental = 1 - referenceArm
        let observedEvents = endpoint.arms.map(\.events).reduce(0, +)
        guard observedEvents > 0 else {
            throw failure("analysis.interim.no-events", "the monitored endpoint '\(id)' has no events yet, so no information",
                          variable: "interim.endpoint", value: "0 events", expected: "at least one event")
        }
        let fraction = Double(observedEvents) / Double(design.plannedEvents)
        if let last = design.earlierLooks.last, min(fraction, 1) <= last {
            throw failure("analysis.interim.look-order",
                          "this look's information fraction is not beyond the earlier looks declared in trial.yaml",
                          at: design.looksLocation, variable: "interim.earlierLooks",
                          value: "\(observedEvents)/\(design.plannedEvents) = \(NumberFormat.fixed(fraction, digits: 3))",
                          expected: "earlier looks below \(NumberFormat.fixed(fraction, digits: 3))")
        }
        let gsd = design.design(currentFraction: fraction)
        let look = design.earlierLooks.count
        let isFinal = fraction >= 1
        do throws(StatsError) {
            let boundaries = try gsd.boundaries()
            // Signed z: the log-rank χ² is (O − E)²/V for two arms, so |z| = √χ² and its sign is that of E − O
            // of the experimental arm (fewer events than expected favours it).
            let summary = logRank.stratified ?? logRank
            let chiSquare = summary.chiSquare ?? 0
            let oe = summary.arms[experimental]
            let sign: Double = oe.expected > oe.observed ? 1 : oe.expected < oe.observed ? -1 : 0
            let z = sign * max(chiSquare, 0).squareRoot()
            guard z.isFinite else {
                throw StatsError.invalidValue(argument: "z", index: 0, value: z, expected: "a finite z statistic")
            }
            let sided = design.sided
            let observedP = sided == 2 ? min(1, 2 * Normal.survival(abs(z))) : Normal.survival(z)
            let favours: String? = z > 0 ? arms[experimental] : z < 0 ? arms[referenceArm] : nil

            let rates = gsd.informationRates
            let looks = rates.indices.map { k in
                let futility = k < rates.count - 1 ? boundaries.futilityBounds?[k] : nil
                return InterimLook(look: k, informationFraction: rates[k],
                                   kind: k < look ? "earlier" : k == look ? "current" : k == rates.count - 1 ? "final" : "planned",
                                   efficacyZ: boundaries.criticalValues[k],
                                   efficacyP: boundaries.stageLevels[k] * Double(sided),
                                   alphaSpent: boundaries.alphaSpent[k],
                                   futilityZ: futility, futilityP: futility.map { Normal.survival($0) },
                                   betaSpent: k < rates.count - 1 ? boundaries.betaSpent?[k] : nil)
            }
            let c = boundaries.criticalValues[look]
            let efficacyCrossed = sided == 2 ? abs(z) >= c : z >= c
            let futilityCrossed: Bool? = boundaries.futilityBounds.map { bounds in look < bounds.count && z <= bounds[look] }

            // Drift at the design hazard ratio: E[Z] at full information is −ln(HR)·√(D·r(1−r)) (Schoenfeld
            // 1981), with r the experimental arm's share of the endpoint's population.
            let n = endpoint.arms.map(\.n)
            let share = Double(n[experimental]) / Double(max(n.reduce(0, +), 1))
            let driftAtHR = -log(design.hazardRatio) * (Double(design.plannedEvents) * share * (1 - share)).squareRoot()
            var conditional: ConditionalPowerSummary?
            // Conditional power is integrated for |z| ≤ 40 and drifts within ±100 (ConditionalPower); a
            // trial far beyond that (a huge synthetic one) gets none rather than a failed build.
            let trend = z / rates[look].squareRoot()
            if !isFinal, abs(z) <= 40, abs(trend) <= 100, abs(driftAtHR) <= 100 {
                conditional = ConditionalPowerSummary(
                    currentTrend: try boundaries.conditionalPowerUnderTrend(afterLook: look, z: z),
                    designHazardRatio: try boundaries.conditionalPower(afterLook: look, z: z, theta: driftAtHR))
            }
            let designSummary = InterimDesignSummary(
                hazardRatio: design.hazardRatio, alpha: design.alpha, sided: sided, power: 1 - design.beta,
                efficacy: SpendingSummary(family: design.efficacyFamily.rawValue, gamma: design.settings.efficacy.gamma),
                futility: design.futilityFamily.map { SpendingSummary(family: $0.rawValue, gamma: design.settings.futility?.gamma) },
                drift: boundaries.drift, driftAtHazardRatio: driftAtHR)
            return InterimResult(endpoint: id, population: endpoint.population, plannedEvents: design.plannedEvents,
                                 observedEvents: observedEvents, informationFraction: fraction, look: look, final: isFinal,
                                 design: designSummary, looks: looks,
                                 observed: InterimObserved(z: z, p: observedP, favours: favours, stratified: logRank.stratified != nil),
                                 efficacyCrossed: efficacyCrossed, futilityCrossed: futilityCrossed, conditionalPower: conditional)
        } catch {
            throw failure("stats.invalid-input", "cannot compute the interim boundaries of endpoint '\(id)': \(error)",
                          at: design.looksLocation, variable: "interim")
        }
    }
}
