// Cox partial log-likelihood ℓ(β), score U(β) and information I(β) in one backward pass, O(n p²).
//
// Going backwards through a stratum (descending time) the risk set only grows, so the running sums
// S0 = Σ r_j, S1 = Σ r_j x_j, S2 = Σ r_j x_j x_j′ (r_j = exp(x_j′β)) over subjects with time ≥ t are
// updated once per subject. At a time with d deaths (D = their set):
//   Breslow (1974): ℓ += Σ_D x′β − d log S0;  U += Σ_D x − d S1/S0;  I += d (S2/S0 − S1 S1′/S0²).
//   Efron (1977): for k = 0…d−1 the sums are S − (k/d) S_D (S_D over the deaths), each term with
//   weight 1: ℓ −= log S0ₖ, U −= S1ₖ/S0ₖ, I += S2ₖ/S0ₖ − S1ₖS1ₖ′/S0ₖ².
// This is R survival's coxfit6_iter (src/coxfit6.c), including its order of accumulation (the tied
// deaths are added in d equal slices), so results agree with `coxph` to rounding.

/// ℓ, U and I at one β.
struct CoxEvaluation {
    /// Log partial likelihood.
    var logLikelihood: Double
    /// Score vector U(β), length p.
    var score: [Double]
    /// Information matrix I(β), row-major p × p; only the upper triangle (row ≤ column) is filled.
    var information: [Double]

    /// Whether every entry is finite (R's `notfinite` check).
    var isFinite: Bool {
        logLikelihood.isFinite && score.allSatisfy(\.isFinite) && information.allSatisfy(\.isFinite)
    }
}

extension CoxLayout {
    /// Evaluates the partial likelihood at `beta` (in the layout's centered, scaled coordinates).
    func evaluate(beta: [Double], efron: Bool) -> CoxEvaluation {
        var u = [Double](repeating: 0, count: p)
        var imat = [Double](repeating: 0, count: p * p)
        var a = [Double](repeating: 0, count: p), a2 = [Double](repeating: 0, count: p)
        var cmat = [Double](repeating: 0, count: p * p), cmat2 = [Double](repeating: 0, count: p * p)
        var xi = [Double](repeating: 0, count: p)
        var loglik = 0.0
        let n = self.n, p = self.p
        x.withUnsafeBufferPointer { x in
        time.withUnsafeBufferPointer { time in
        status.withUnsafeBufferPointer { status in
        stratumEnd.withUnsafeBufferPointer { stratumEnd in
            var denom = 0.0
            var person = n - 1
            while person >= 0 {
                if stratumEnd[person] {
                    denom = 0
                    for i in 0..<p { a[i] = 0 }
                    for i in 0..<(p * p) { cmat[i] = 0 }
                }
                let dtime = time[person]
                var ndead = 0
                var denom2 = 0.0
                while person >= 0 && time[person] == dtime {
                    var zbeta = 0.0
                    for i in 0..<p { xi[i] = x[i * n + person]; zbeta += beta[i] * xi[i] }
                    let risk = exp(zbeta)
                    if status[person] == 0 {
                        denom += risk
                        for i in 0..<p {
                            let rx = risk * xi[i]
                            a[i] += rx
                            for j in 0...i { cmat[i * p + j] += rx * xi[j] }
                        }
                    } else {
                        ndead += 1
                        denom2 += risk
                        loglik += zbeta
                        for i in 0..<p {
                            let rx = risk * xi[i]
                            u[i] += xi[i]
                            a2[i] += rx
                            for j in 0...i { cmat2[i * p + j] += rx * xi[j] }
                        }
                    }
                    person -= 1
                    if person >= 0 && stratumEnd[person] { break }
                }
                guard ndead > 0 else { continue }
                if !efron || ndead == 1 {
                    let d = Double(ndead)
                    denom += denom2
                    loglik -= d * log(denom)
                    for i in 0..<p {
                        a[i] += a2[i]
                        let mean = a[i] / denom
                        u[i] -= d * mean
                        for j in 0...i {
                            cmat[i * p + j] += cmat2[i * p + j]
                            imat[j * p + i] += d * (cmat[i * p + j] - mean * a[j]) / denom
                        }
                    }
                } else {
                    let d = Double(ndead)
                    for _ in 0..<ndead {
                        denom += denom2 / d
                        loglik -= log(denom)
                        for i in 0..<p {
                            a[i] += a2[i] / d
                            let mean = a[i] / denom
                            u[i] -= mean
                            for j in 0...i {
                                cmat[i * p + j] += cmat2[i * p + j] / d
                                imat[j * p + i] += (cmat[i * p + j] - mean * a[j]) / denom
                            }
                        }
                    }
                }
                for i in 0..<p { a2[i] = 0 }
                for i in 0..<(p * p) { cmat2[i] = 0 }
            }
        }
        }
        }
        }
        return CoxEvaluation(logLikelihood: loglik, score: u, information: imat)
    }
}
