// cmprsk::crr's robust (sandwich) variance I⁻¹·(Σ_i u_iu_iᵀ)·I⁻¹ (Fine & Gray 1999, §4; Fortran
// `crrvv`), with cumulative sums in time order instead of crr's O(n²)–O(n³) loops.
//
// Each row's influence u_i = η_i + ψ_i, with w_i(t) = 1 while T_i ≥ t and G(t−)/G(T_i−) after a
// competing event, dΛ̂ = d_t/S0(t):
//   η_i = [cause of interest]·(x_i − x̄(T_i)) − Σ_t (x_i − x̄_t)·w_i(t)·r_i·d_t/S0(t)
//       = [failure](x_i − x̄(T_i)) − r_i(x_i·P0 − P1)(T_i) − [competing](r_i/G(T_i−))(x_i·Q0 − Q1)(T_i),
//     P_k(T) = Σ_{t ≤ T} d_t·x̄_t^k/S0(t),  Q_k(T) = Σ_{t > T} d_t·G(t−)·x̄_t^k/S0(t);
//   ψ_i = ∫ q(u)/Y(u) dM^c_i(u) = −Σ_{u ≤ T_i} c_u·q(u)/Y(u)² + [censored]·q(T_i)/Y(T_i),
//     over censoring times u (c_u censorings, Y(u) = #{T ≥ u}), with
//     q(u) = Σ_{t ≥ u} d_t·G(t−)/S0(t) · Σ_{competing j, T_j < u} r_j·(x_j − x̄_t)/G(T_j−).
// All four sums are running sums over the sorted rows, so the variance is O(n·p²).

extension FineGrayData {
    /// The information I and the middle term Σ u_iu_iᵀ of crr's sandwich at β (p × p row-major each).
    func sandwichTerms(_ beta: [Double]) -> (information: [Double], middle: [Double]) {
        let information = evaluate(beta).information
        let (_, risk) = relativeRisk(beta)
        let (s0, s1) = riskSums(risk: risk)
        let d = s0.count, runs = runStart.count - 1
        // Per failure run: x̄, and the increments of P and Q.
        var mean = [Double](repeating: 0, count: d * p)
        var p0 = [Double](repeating: 0, count: d), p1 = mean
        var q0 = p0, q1 = mean
        for f in 0..<d {
            let g = weight[runStart[failureRun[f]]]
            p0[f] = failureCount[f] / s0[f]
            q0[f] = failureCount[f] * g / s0[f]
            for j in 0..<p {
                mean[f * p + j] = s1[f * p + j] / s0[f]
                p1[f * p + j] = p0[f] * mean[f * p + j]
                q1[f * p + j] = q0[f] * mean[f * p + j]
            }
        }
        // Inclusive prefix of P; inclusive suffix of Q (Q(T) then is the suffix after T's run).
        for f in stride(from: 1, to: d, by: 1) {
            p0[f] += p0[f - 1]
            for j in 0..<p { p1[f * p + j] += p1[(f - 1) * p + j] }
        }
        for f in stride(from: d - 2, through: 0, by: -1) {
            q0[f] += q0[f + 1]
            for j in 0..<p { q1[f * p + j] += q1[(f + 1) * p + j] }
        }

        var middle = [Double](repeating: 0, count: p * p)
        var e0 = 0.0, e1 = [Double](repeating: 0, count: p)      // competing rows before u: Σ r/G, Σ r·x/G
        var censoringSum = [Double](repeating: 0, count: p)      // Σ_{u ≤ T} c_u·q(u)/Y(u)²
        var q = [Double](repeating: 0, count: p)
        var u = [Double](repeating: 0, count: p)
        for r in 0..<runs {
            let lower = runStart[r], upper = runStart[r + 1]
            let through = failureRunsThrough[r]
            let atOrBefore = through - 1                                   // last failure run ≤ r
            let firstAtOrAfter = (through > 0 && failureRun[through - 1] == r) ? through - 1 : through
            var censored = 0.0
            for i in lower..<upper where status[i] == 0 { censored += 1 }
            if censored > 0 {
                let y = Double(n - lower)
                for j in 0..<p {
                    let sq0 = firstAtOrAfter < d ? q0[firstAtOrAfter] : 0
                    let sq1 = firstAtOrAfter < d ? q1[firstAtOrAfter * p + j] : 0
                    q[j] = e1[j] * sq0 - e0 * sq1
                    censoringSum[j] += censored * q[j] / (y * y)
                }
            }
            let y = Double(n - lower)
            for i in lower..<upper {
                let ri = risk[i]
                for j in 0..<p {
                    let xij = x[i * p + j]
                    var value = 0.0
                    if status[i] == 1 { value += xij - mean[atOrBefore * p + j] }
                    if atOrBefore >= 0 { value -= ri * (xij * p0[atOrBefore] - p1[atOrBefore * p + j]) }
                    if status[i] == 2 && through < d {
                        value -= ri / weight[i] * (xij * q0[through] - q1[through * p + j])
                    }
                    value -= censoringSum[j]
                    if status[i] == 0 { value += q[j] / y }
                    u[j] = value
                }
                for j in 0..<p { for k in 0...j { middle[j * p + k] += u[j] * u[k] } }
            }
            for i in lower..<upper where status[i] == 2 {
                let w = risk[i] / weight[i]
                e0 += w
                for j in 0..<p { e1[j] += w * x[i * p + j] }
            }
        }
        for j in 0..<p { for k in 0..<j { middle[k * p + j] = middle[j * p + k] } }
        return (information, middle)
    }
}
