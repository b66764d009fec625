// The Fine & Gray (1999) log partial likelihood for the subdistribution hazard, its score and
// information, as cmprsk::crr's Fortran `crrf` / `crrfsv` define them, computed with cumulative
// sums in time order instead of crr's O(n²) double loop.
//
// With weighted risk sums S0, S1 at each distinct failure time t (d_t failures of the cause of
// interest; see `FineGrayData.riskSums`) and x̄_t = S1/S0:
//   −log L = −Σ_failures x·β + Σ_t d_t·log S0(t)            (crr minimises this; loglik = −value)
//   score of −log L = −Σ_failures x + Σ_t d_t·x̄_t
//   information = Σ_t d_t·(S2/S0 − x̄x̄ᵀ), with Σ_t d_t·S2/S0 gathered per row as
//     r_i·x_i·x_iᵀ·(Σ_{t ≤ T_i} d_t/S0 + [competing] Σ_{t > T_i} d_t·G(t−)/S0 / G(T_i−)).
// O(n·p²) per evaluation after the one sort.

struct FineGrayEvaluation {
    /// −log L (crr's `lik`, which it minimises).
    var negativeLogLikelihood: Double
    /// Gradient of −log L.
    var score: [Double]
    /// Hessian of −log L (the information), p × p row-major.
    var information: [Double]
}

extension FineGrayData {
    /// −log L at β.
    func negativeLogLikelihood(_ beta: [Double]) -> Double {
        let (eta, risk) = relativeRisk(beta)
        let (s0, _) = riskSums(risk: risk)
        var value = 0.0
        for i in 0..<n where status[i] == 1 { value -= eta[i] }
        for f in s0.indices { value += failureCount[f] * log(s0[f]) }
        return value
    }

    /// −log L, its gradient and its Hessian at β.
    func evaluate(_ beta: [Double]) -> FineGrayEvaluation {
        let (eta, risk) = relativeRisk(beta)
        let (s0, s1) = riskSums(risk: risk)
        let d = s0.count
        var value = 0.0
        var score = [Double](repeating: 0, count: p)
        for i in 0..<n where status[i] == 1 {
            value -= eta[i]
            for j in 0..<p { score[j] -= x[i * p + j] }
        }
        var information = [Double](repeating: 0, count: p * p)
        var atRiskWeight = [Double](repeating: 0, count: d)      // d_t / S0, prefix-summed below
        var competingWeight = [Double](repeating: 0, count: d)   // d_t·G(t−) / S0, suffix-summed below
        for f in 0..<d {
            let dt = failureCount[f]
            value += dt * log(s0[f])
            for j in 0..<p {
                let mean = s1[f * p + j] / s0[f]
                score[j] += dt * mean
                for k in 0...j {
                    information[j * p + k] -= dt * mean * (s1[f * p + k] / s0[f])
                }
            }
            atRiskWeight[f] = dt / s0[f]
            competingWeight[f] = dt * weight[runStart[failureRun[f]]] / s0[f]
        }
        for f in stride(from: 1, to: d, by: 1) { atRiskWeight[f] += atRiskWeight[f - 1] }
        for f in stride(from: d - 2, through: 0, by: -1) { competingWeight[f] += competingWeight[f + 1] }
        for r in 0..<(runStart.count - 1) {
            let through = failureRunsThrough[r]
            let prefix = through > 0 ? atRiskWeight[through - 1] : 0
            let suffix = through < d ? competingWeight[through] : 0
            for i in runStart[r]..<runStart[r + 1] {
                let factor = risk[i] * (prefix + (status[i] == 2 ? suffix / weight[i] : 0))
                if factor == 0 { continue }
                for j in 0..<p {
                    let xj = factor * x[i * p + j]
                    for k in 0...j { information[j * p + k] += xj * x[i * p + k] }
                }
            }
        }
        for j in 0..<p { for k in 0..<j { information[k * p + j] = information[j * p + k] } }
        return FineGrayEvaluation(negativeLogLikelihood: value, score: score, information: information)
    }
}
