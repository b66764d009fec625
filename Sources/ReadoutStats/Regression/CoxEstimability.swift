// Which Cox coefficients are not estimable, and why.
//
// 1. Redundant (R coxph.fit `which.sing`): the final Cholesky found rank < p and the covariate's
//    variance is 0; R returns NA and warns "X matrix deemed to be singular".
// 2. Infinite, R's rule (coxph.fit; r convention only): with the final score U and covariance V, the next Newton step
//    |U′V|ₖ exceeds both eps = 1e-9 and toler.inf·|βₖ| (toler.inf = sqrt(eps)): "Loglik converged
//    before variable k; coefficient may be infinite". When iterations run out R only warns "one or
//    more coefficients may be infinite" if max(linear predictor) > 500 or the step is not finite.
// 3. Infinite, monotone likelihood (Bryson & Johnson 1981; Heinze & Schemper 2001): holding the other
//    coefficients fixed, each event's contribution to ∂ℓ/∂βₖ is xₖ(death) − (a weighted mean of xₖ
//    over its risk set), also for Efron's weighted sets. If at every event time whose risk set is
//    not constant in xₖ the deaths all have the risk set's largest xₖ (or all the smallest), ℓ is
//    strictly monotone in βₖ and the maximum is at ±∞. For an arm indicator this is "no events in
//    the arm" (or none outside it), or a single subject whose event comes while only others are at
//    risk. This exact check names the cause; rule 2 catches what it cannot (joint separation).

/// Flags and reasons per coefficient, plus R-style warnings.
struct CoxEstimability {
    var estimable: [Bool]
    var reasons: [String?]
    var warnings: [String]
}

/// Direction in which the partial likelihood increases without bound in one coefficient.
enum MonotoneDirection {
    case increasing, decreasing
}

extension CoxLayout {
    /// Monotone-likelihood check of column `k` (see rule 3 above); `nil` when ℓ is not monotone in βₖ.
    func monotoneDirection(column k: Int) -> MonotoneDirection? {
        var upOK = true, downOK = true, informative = false
        var riskMin = Double.infinity, riskMax = -Double.infinity
        var person = n - 1
        let base = k * n
        while person >= 0 {
            if stratumEnd[person] { riskMin = .infinity; riskMax = -.infinity }
            let t = time[person]
            var first = person
            while first >= 0 && time[first] == t {
                let v = x[base + first]
                riskMin = min(riskMin, v)
                riskMax = max(riskMax, v)
                first -= 1
                if first >= 0 && stratumEnd[first] { break }
            }
            if riskMax > riskMin {
                for i in stride(from: person, to: first, by: -1) where status[i] == 1 {
                    informative = true
                    if x[base + i] != riskMax { upOK = false }
                    if x[base + i] != riskMin { downOK = false }
                }
            }
            person = first
        }
        guard informative else { return nil }
        return upOK ? .increasing : (downOK ? .decreasing : nil)
    }

    // On collapsed rows the checks below see the same values, statuses and risk-set extremes as on
    // the subjects; only `deaths` needs the counts.

    /// Original values taken by column `k` when it has exactly two of them, smallest first.
    func twoValues(column k: Int) -> (Double, Double)? {
        let base = k * n
        var lo = Double.infinity, hi = -Double.infinity
        for i in 0..<n {
            let v = x[base + i]
            if v < lo { lo = v }
            if v > hi { hi = v }
        }
        guard lo < hi else { return nil }
        for i in 0..<n where x[base + i] != lo && x[base + i] != hi { return nil }
        return (lo / scales[k] + means[k], hi / scales[k] + means[k])
    }

    /// Events among subjects whose column `k` takes its largest (`high`) or smallest value.
    func deaths(column k: Int, high: Bool) -> Int {
        let base = k * n
        var extreme = high ? -Double.infinity : Double.infinity
        for i in 0..<n { extreme = high ? max(extreme, x[base + i]) : min(extreme, x[base + i]) }
        var deaths = 0
        for i in 0..<n where status[i] == 1 && x[base + i] == extreme { deaths += Int(count[i]) }
        return deaths
    }

    /// Applies the three rules to a finished fit (`beta`, `score`, `covariance` in original units).
    func estimability(
        names: [String], beta: [Double], score: [Double], covariance: [[Double]], singular: [Bool],
        iteration: CoxIterationResult, maxIterations: Int, stepRule: Bool = true
    ) -> CoxEstimability {
        var estimable = [Bool](repeating: true, count: p)
        var reasons = [String?](repeating: nil, count: p)
        var warnings: [String] = []

        let redundant = (0..<p).filter { singular[$0] }
        if !redundant.isEmpty {
            warnings.append("X matrix deemed to be singular; variable \(redundant.map { String($0 + 1) }.joined(separator: " "))")
        }
        for k in redundant {
            estimable[k] = false
            reasons[k] = events == 0
                ? "no events: \(names[k]) cannot be estimated"
                : "\(names[k]) is redundant (a linear combination of other covariates, or constant within every risk set with an event)"
        }

        // R's step test: |U′V|ₖ > eps and > toler.inf·|βₖ|. It presumes R's tight stopping rule; PHREG's
        // GCONV < 1e-8 leaves a remaining step of ~1e-4·|β|, so under the sas convention only the exact
        // monotone-likelihood and singularity rules apply.
        var step = [Double](repeating: 0, count: p)
        for k in 0..<p { for j in 0..<p { step[k] += score[j] * covariance[j][k] } }
        var rFlag = [Bool](repeating: false, count: p)
        if maxIterations > 1 {
            if iteration.converged {
                for k in 0..<p where !singular[k] && stepRule {
                    let s = abs(step[k])
                    rFlag[k] = !score[k].isFinite || (s > CoxTolerance.rEps && s > CoxTolerance.rTolerInf * abs(beta[k]))
                }
                let flagged = (0..<p).filter { rFlag[$0] }
                if !flagged.isEmpty {
                    warnings.append("Loglik converged before variable \(flagged.map { String($0 + 1) }.joined(separator: ",")); coefficient may be infinite.")
                }
            } else {
                warnings.append("Ran out of iterations and did not converge")
                if maxLinearPredictor(beta: iteration.beta) > 500 || step.contains(where: { !$0.isFinite }) {
                    warnings.append("one or more coefficients may be infinite")
                    for k in 0..<p where !singular[k] {
                        let s = abs(step[k])
                        rFlag[k] = !s.isFinite || s > CoxTolerance.rTolerInf * abs(beta[k])
                    }
                    if !rFlag.contains(true) { for k in 0..<p where !singular[k] { rFlag[k] = true } }
                }
            }
        }

        for k in 0..<p where !singular[k] {
            let direction = events > 0 ? monotoneDirection(column: k) : nil
            guard direction != nil || rFlag[k] else { continue }
            estimable[k] = false
            reasons[k] = infiniteReason(column: k, name: names[k], direction: direction, converged: iteration.converged)
        }
        return CoxEstimability(estimable: estimable, reasons: reasons, warnings: warnings)
    }

    private func infiniteReason(column k: Int, name: String, direction: MonotoneDirection?, converged: Bool) -> String {
        guard let direction else {
            return converged
                ? "coefficient may be infinite (monotone likelihood): the log-likelihood converged before \(name) did"
                : "coefficient may be infinite: the fit did not converge"
        }
        let indicator = twoValues(column: k).map { $0.0 == 0 && $0.1 == 1 } ?? false
        switch direction {
        case .decreasing:
            if indicator && deaths(column: k, high: true) == 0 {
                return "no events in \(name) (hazard ratio tends to 0; coefficient infinite)"
            }
            return "coefficient infinite (monotone likelihood): every informative event has the smallest \(name) in its risk set"
        case .increasing:
            if indicator && deaths(column: k, high: false) == 0 {
                return "no events outside \(name) (hazard ratio tends to infinity; coefficient infinite)"
            }
            return "coefficient infinite (monotone likelihood): every informative event has the largest \(name) in its risk set"
        }
    }

    /// max over subjects of the centered linear predictor Σ βₖ(xₖ − meanₖ) (R coxph.fit `lp`).
    private func maxLinearPredictor(beta scaledBeta: [Double]) -> Double {
        var best = -Double.infinity
        for i in 0..<n {
            var lp = 0.0
            for k in 0..<p { lp += scaledBeta[k] * x[k * n + i] }
            best = max(best, lp)
        }
        return best
    }
}
