// Cox partial log-likelihood ℓ(β), score U(β) and information I(β) in one backward pass, O(n p²)
// (n the stored rows).
//
// Going backwards through a stratum (descending time) the risk set only grows, so the running sums
// S0 = Σ r_j, S1 = Σ r_j x_j, S2 = Σ r_j x_j x_j′ (r_j = exp(x_j′β)) over subjects with time ≥ t are
// updated once per subject. At a time with d deaths (D = their set):
//   Breslow (1974): ℓ += Σ_D x′β − d log S0;  U += Σ_D x − d S1/S0;  I += d (S2/S0 − S1 S1′/S0²).
//   Efron (1977): for k = 0…d−1 the sums are S − (k/d) S_D (S_D over the deaths), each term with
//   weight 1: ℓ −= log S0ₖ, U −= S1ₖ/S0ₖ, I += S2ₖ/S0ₖ − S1ₖS1ₖ′/S0ₖ².
// This is R survival's coxfit6_iter (src/coxfit6.c), including its order of accumulation (the tied
// deaths are added in d equal slices), so results agree with `coxph` to rounding.
// On collapsed rows (CoxLayout) each row's terms are multiplied by its count c (risk c·r, deaths c,
// Σ_D x′β and U's death terms c·x), and d is the expanded number of tied deaths; with all counts 1
// the arithmetic is bit for bit the per-subject one.

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
        if p == 1 { return evaluateOne(beta: beta[0], efron: efron) }
        let n = self.n, p = self.p
        var u = [Double](repeating: 0, count: p)
        var imat = [Double](repeating: 0, count: p * p)
        // Scratch: a, a2 (weighted sums of x over the risk set and over the deaths), xi (one row),
        // cmat, cmat2 (the same for x x′, lower triangles).
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: 3 * p + 2 * p * p)
        scratch.initialize(repeating: 0, count: 3 * p + 2 * p * p)
        defer { scratch.deallocate() }
        let a = scratch, a2 = scratch + p, xi = scratch + 2 * p
        let cmat = scratch + 3 * p, cmat2 = scratch + 3 * p + p * p
        var loglik = 0.0
        u.withUnsafeMutableBufferPointer { u in
        imat.withUnsafeMutableBufferPointer { imat in
        beta.withUnsafeBufferPointer { beta in
        x.withUnsafeBufferPointer { x in
        time.withUnsafeBufferPointer { time in
        status.withUnsafeBufferPointer { status in
        count.withUnsafeBufferPointer { count in
        stratumEnd.withUnsafeBufferPointer { stratumEnd in
            var denom = 0.0
            var person = n - 1
            while person >= 0 {
                if stratumEnd[person] {
                    denom = 0
                    a.update(repeating: 0, count: p)
                    cmat.update(repeating: 0, count: p * p)
                }
                let dtime = time[person]
                var ndead = 0.0
                var denom2 = 0.0
                while person >= 0 && time[person] == dtime {
                    var zbeta = 0.0
                    for i in 0..<p { xi[i] = x[i &* n &+ person]; zbeta += beta[i] * xi[i] }
                    let c = count[person]
                    let risk = c * exp(zbeta)
                    if status[person] == 0 {
                        denom += risk
                        for i in 0..<p {
                            let rx = risk * xi[i]
                            a[i] += rx
                            for j in 0...i { cmat[i &* p &+ j] += rx * xi[j] }
                        }
                    } else {
                        ndead += c
                        denom2 += risk
                        loglik += c * zbeta
                        for i in 0..<p {
                            let rx = risk * xi[i]
                            u[i] += c * xi[i]
                            a2[i] += rx
                            for j in 0...i { cmat2[i &* p &+ j] += rx * xi[j] }
                        }
                    }
                    person -= 1
                    if person >= 0 && stratumEnd[person] { break }
                }
                guard ndead > 0 else { continue }
                let d = ndead
                if !efron || ndead == 1 {
                    denom += denom2
                    loglik -= d * log(denom)
                    for i in 0..<p {
                        a[i] += a2[i]
                        let mean = a[i] / denom
                        u[i] -= d * mean
                        for j in 0...i {
                            cmat[i &* p &+ j] += cmat2[i &* p &+ j]
                            imat[j &* p &+ i] += d * (cmat[i &* p &+ j] - mean * a[j]) / denom
                        }
                    }
                } else {
                    for _ in 0..<Int(ndead) {
                        denom += denom2 / d
                        loglik -= log(denom)
                        for i in 0..<p {
                            a[i] += a2[i] / d
                            let mean = a[i] / denom
                            u[i] -= mean
                            for j in 0...i {
                                cmat[i &* p &+ j] += cmat2[i &* p &+ j] / d
                                imat[j &* p &+ i] += (cmat[i &* p &+ j] - mean * a[j]) / denom
                            }
                        }
                    }
                }
                a2.update(repeating: 0, count: p)
                cmat2.update(repeating: 0, count: p * p)
            }
        }
        }
        }
        }
        }
        }
        }
        }
        return CoxEvaluation(logLikelihood: loglik, score: u, information: imat)
    }
}

extension CoxLayout {
    /// `evaluate` for a single covariate (the treatment-arm model) with scalar sums: the same
    /// arithmetic in the same order, without the p-loops.
    private func evaluateOne(beta: Double, efron: Bool) -> CoxEvaluation {
        var loglik = 0.0, u = 0.0, imat = 0.0
        x.withUnsafeBufferPointer { x in
        time.withUnsafeBufferPointer { time in
        status.withUnsafeBufferPointer { status in
        count.withUnsafeBufferPointer { count in
        stratumEnd.withUnsafeBufferPointer { stratumEnd in
            var denom = 0.0, a = 0.0, cmat = 0.0
            var person = n - 1
            while person >= 0 {
                if stratumEnd[person] { denom = 0; a = 0; cmat = 0 }
                let dtime = time[person]
                var ndead = 0.0
                var denom2 = 0.0, a2 = 0.0, cmat2 = 0.0
                while person >= 0 && time[person] == dtime {
                    let xi = x[person]
                    let zbeta = beta * xi
                    let c = count[person]
                    let risk = c * exp(zbeta)
                    let rx = risk * xi
                    if status[person] == 0 {
                        denom += risk
                        a += rx
                        cmat += rx * xi
                    } else {
                        ndead += c
                        denom2 += risk
                        loglik += c * zbeta
                        u += c * xi
                        a2 += rx
                        cmat2 += rx * xi
                    }
                    person -= 1
                    if person >= 0 && stratumEnd[person] { break }
                }
                guard ndead > 0 else { continue }
                let d = ndead
                if !efron || ndead == 1 {
                    denom += denom2
                    loglik -= d * log(denom)
                    a += a2
                    let mean = a / denom
                    u -= d * mean
                    cmat += cmat2
                    imat += d * (cmat - mean * a) / denom
                } else {
                    for _ in 0..<Int(ndead) {
                        denom += denom2 / d
                        loglik -= log(denom)
                        a += a2 / d
                        let mean = a / denom
                        u -= mean
                        cmat += cmat2 / d
                        imat += (cmat - mean * a) / denom
                    }
                }
            }
        }
        }
        }
        }
        }
        return CoxEvaluation(logLikelihood: loglik, score: [u], information: [imat])
    }
}
