// Gray's (1988) k-sample score for one cause within one stratum: cmprsk's Fortran `crst`
// (cmprsk 2.2-11, called by cuminc through `crstm`), transcribed with 0-based indices.
//
// For groups r = 1..g with at-risk counts Y_r, left-continuous all-cause KM S_r(t−) and cause-k
// CIF F_r(t−), the weights R_r = Y_r/S_r(t−) (`tr` = Σ R_r) and the pooled subdistribution hazard
// give the score  s_r = Σ_t W(t)·[d_{1r} − d_1·R_r(1 − F_r(t−))/Σ_q R_q(1 − F_q(t−))]  with
// W = (1 − F₀(t−))^ρ, F₀ the pooled CIF (ρ = 0 in cmprsk's default). Its covariance combines the
// running matrices a (information), c (cumulated a·d₁/(tr(1 − F₀))), v3 and v2 exactly as in
// `crst`; the last step adds c·diag(v3)·cᵀ + c·v2ᵀ + v2·cᵀ. Ties: all events and censorings at a
// time are counted together (censorings at t stay at risk at t). The score has the first g − 1
// groups; the covariance is packed lower-triangular, (i, j ≤ i) at i(i+1)/2 + j.
// Cost O(T·g³) for T distinct times; the rows must already be in ascending time order.

enum GrayScore {
    /// Adds the score and covariance of one stratum to `score` (g − 1) and `covariance` (packed).
    /// `time`, `cause` and `group` are indexed by `rows` (ascending time); `group` is 0..<groupCount.
    static func accumulate(
        time: [Double], cause: [Int], group: [Int], rows: ArraySlice<Int>, causeOfInterest: Int,
        groupCount ng: Int, rho: Double, score: inout [Double], covariance: inout [Double]
    ) {
        let ng1 = ng - 1
        var rs = [Double](repeating: 0, count: ng)
        for i in rows { rs[group[i]] += 1 }
        var s = [Double](repeating: 0, count: ng1)
        var v = [Double](repeating: 0, count: ng1 * (ng1 + 1) / 2)
        var f1m = [Double](repeating: 0, count: ng), f1 = f1m, v3 = f1m
        var skmm = [Double](repeating: 1, count: ng), skm = skmm
        var v2 = [Double](repeating: 0, count: ng1 * ng)  // v2[i * ng + k]
        var c = [Double](repeating: 0, count: ng * ng), a = c  // [i * ng + j]
        var d1 = [Double](repeating: 0, count: ng), d2 = d1
        var fm = 0.0, f = 0.0

        var lower = rows.startIndex
        while lower < rows.endIndex {
            let t = time[rows[lower]]
            var upper = lower
            while upper < rows.endIndex && time[rows[upper]] == t { upper += 1 }
            for i in 0..<ng { d1[i] = 0; d2[i] = 0 }
            var nd1 = 0.0, nd2 = 0.0
            for j in lower..<upper {
                let row = rows[j], code = cause[row]
                if code == causeOfInterest { d1[group[row]] += 1; nd1 += 1 }
                else if code != 0 { d2[group[row]] += 1; nd2 += 1 }
            }
            if nd1 > 0 || nd2 > 0 {
                var tr = 0.0, tq = 0.0
                for i in 0..<ng where rs[i] > 0 {
                    let td = d1[i] + d2[i]
                    skm[i] = skmm[i] * (rs[i] - td) / rs[i]
                    f1[i] = f1m[i] + (skmm[i] * d1[i]) / rs[i]
                    tr += rs[i] / skmm[i]
                    tq += rs[i] * (1 - f1m[i]) / skmm[i]
                }
                f = fm + nd1 / tr
                let fb = pow(1 - fm, rho)
                for i in 0..<ng {
                    for j in i..<ng { a[i * ng + j] = 0 }
                    guard rs[i] > 0 else { continue }
                    let t1 = rs[i] / skmm[i]
                    a[i * ng + i] = fb * t1 * (1 - t1 / tr)
                    // cmprsk 2.2-12 skips a zero a (avoids 0·∞ once the pooled CIF reaches 1).
                    if a[i * ng + i] != 0 { c[i * ng + i] += a[i * ng + i] * nd1 / (tr * (1 - fm)) }
                    for j in (i + 1)..<ng where rs[j] > 0 {
                        a[i * ng + j] = -fb * t1 * rs[j] / (skmm[j] * tr)
                        if a[i * ng + j] != 0 { c[i * ng + j] += a[i * ng + j] * nd1 / (tr * (1 - fm)) }
                    }
                }
                for i in 1..<ng {
                    for j in 0..<i {
                        a[i * ng + j] = a[j * ng + i]
                        c[i * ng + j] = c[j * ng + i]
                    }
                }
                for i in 0..<ng1 where rs[i] > 0 {
                    s[i] += fb * (d1[i] - nd1 * rs[i] * (1 - f1m[i]) / (skmm[i] * tq))
                }
                if nd1 > 0 {
                    for k in 0..<ng where rs[k] > 0 {
                        let t4 = skm[k] > 0 ? 1 - (1 - f) / skm[k] : 1
                        let t5 = nd1 > 1 ? 1 - (nd1 - 1) / (tr * skmm[k] - 1) : 1
                        let t3 = t5 * skmm[k] * nd1 / (tr * rs[k])
                        v3[k] += t4 * t4 * t3
                        for i in 0..<ng1 {
                            let t1 = a[i * ng + k] - t4 * c[i * ng + k]
                            v2[i * ng + k] += t1 * t4 * t3
                            for j in 0...i {
                                let t2 = a[j * ng + k] - t4 * c[j * ng + k]
                                v[i * (i + 1) / 2 + j] += t1 * t2 * t3
                            }
                        }
                    }
                }
                if nd2 > 0 {
                    for k in 0..<ng where skm[k] > 0 && d2[k] > 0 {
                        let t4 = (1 - f) / skm[k]
                        let t5 = d2[k] > 1 ? 1 - (d2[k] - 1) / (rs[k] - 1) : 1
                        let t3 = t5 * ((skmm[k] * skmm[k]) * d2[k]) / (rs[k] * rs[k])
                        v3[k] += t4 * t4 * t3
                        for i in 0..<ng1 {
                            let t1 = t4 * c[i * ng + k]
                            v2[i * ng + k] -= t1 * t4 * t3
                            for j in 0...i {
                                let t2 = t4 * c[j * ng + k]
                                v[i * (i + 1) / 2 + j] += t1 * t2 * t3
                            }
                        }
                    }
                }
            }
            for j in lower..<upper { rs[group[rows[j]]] -= 1 }
            fm = f
            for i in 0..<ng { f1m[i] = f1[i]; skmm[i] = skm[i] }
            lower = upper
        }
        for i in 0..<ng1 {
            for j in 0...i {
                var value = v[i * (i + 1) / 2 + j]
                for k in 0..<ng {
                    value += c[i * ng + k] * c[j * ng + k] * v3[k]
                    value += c[i * ng + k] * v2[j * ng + k]
                    value += c[j * ng + k] * v2[i * ng + k]
                }
                v[i * (i + 1) / 2 + j] = value
            }
        }
        for i in 0..<ng1 { score[i] += s[i] }
        for l in v.indices { covariance[l] += v[l] }
    }
}
