// Small dense linear algebra for the competing-risks kernels (matrices are p×p or (g−1)×(g−1),
// row-major). Gaussian elimination with partial pivoting for Newton steps and inverses; a
// Householder QR with R's `qr()` rank rule (LINPACK dqrdc2, tol = 1e-7: a column whose norm
// outside the leading block falls below tol × its original norm is rank-deficient) for Gray's
// quadratic form, as cmprsk::cuminc decides full rank by `qr(v)$rank`.

enum CompetingRisksMatrix {
    /// x such that A·x = b, or nil when A is singular or the result is not finite.
    static func solve(_ a: [Double], size n: Int, _ b: [Double]) -> [Double]? {
        var m = a, x = b
        for col in 0..<n {
            var pivot = col
            for row in (col + 1)..<n where abs(m[row * n + col]) > abs(m[pivot * n + col]) {
                pivot = row
            }
            guard m[pivot * n + col] != 0, m[pivot * n + col].isFinite else { return nil }
            if pivot != col {
                for k in 0..<n { m.swapAt(col * n + k, pivot * n + k) }
                x.swapAt(col, pivot)
            }
            let diagonal = m[col * n + col]
            for row in (col + 1)..<n {
                let factor = m[row * n + col] / diagonal
                if factor == 0 { continue }
                for k in col..<n { m[row * n + k] -= factor * m[col * n + k] }
                x[row] -= factor * x[col]
            }
        }
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[row]
            for k in (row + 1)..<n { sum -= m[row * n + k] * x[k] }
            x[row] = sum / m[row * n + row]
        }
        return x.allSatisfy(\.isFinite) ? x : nil
    }

    /// A⁻¹ (row-major), or nil when A is singular.
    static func inverse(_ a: [Double], size n: Int) -> [Double]? {
        var result = [Double](repeating: 0, count: n * n)
        for col in 0..<n {
            var e = [Double](repeating: 0, count: n)
            e[col] = 1
            guard let x = solve(a, size: n, e) else { return nil }
            for row in 0..<n { result[row * n + col] = x[row] }
        }
        return result
    }

    /// sᵀ·A⁻¹·s, or nil when `qr(A)` in R would report A as rank-deficient (or A is exactly singular).
    static func quadraticFormInverse(_ a: [Double], size n: Int, _ s: [Double]) -> Double? {
        let tolerance = 1e-7
        var m = a  // row-major; columns are reduced in place
        var qs = s
        for col in 0..<n {
            var original = 0.0
            for row in 0..<n { original += a[row * n + col] * a[row * n + col] }
            var norm = 0.0
            for row in col..<n { norm += m[row * n + col] * m[row * n + col] }
            original = original.squareRoot()
            norm = norm.squareRoot()
            guard norm >= original * tolerance, norm > 0, norm.isFinite else { return nil }
            // Householder reflection mapping column `col` (rows col..<n) onto ±norm·e_col.
            let alpha = m[col * n + col] >= 0 ? -norm : norm
            var v = [Double](repeating: 0, count: n)
            for row in col..<n { v[row] = m[row * n + col] }
            v[col] -= alpha
            var vv = 0.0
            for row in col..<n { vv += v[row] * v[row] }
            if vv > 0 {
                for k in col..<n {
                    var dot = 0.0
                    for row in col..<n { dot += v[row] * m[row * n + k] }
                    let factor = 2 * dot / vv
                    for row in col..<n { m[row * n + k] -= factor * v[row] }
                }
                var dot = 0.0
                for row in col..<n { dot += v[row] * qs[row] }
                let factor = 2 * dot / vv
                for row in col..<n { qs[row] -= factor * v[row] }
            }
        }
        // Back-substitute R·x = Qᵀ·s.
        var x = qs
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[row]
            for k in (row + 1)..<n { sum -= m[row * n + k] * x[k] }
            x[row] = sum / m[row * n + row]
        }
        var result = 0.0
        for i in 0..<n { result += s[i] * x[i] }
        return result.isFinite ? result : nil
    }
}
