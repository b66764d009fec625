// Generalized Cholesky factorization A = F D F′ (F unit lower triangular, D diagonal) of a symmetric
// non-negative definite matrix, with solve and inverse, tolerating singular matrices.
//
// Algorithm and singularity rule as in Therneau's survival package (src/cholesky2.c, chsolve2.c,
// chinv2.c), used by R's coxph: a pivot below `toler × max(diagonal)` (or non-finite) is declared zero,
// its column is dropped, solves give 0 in that direction and the inverse has a zero row and column.
// R's coxph uses toler = .Machine$double.eps^0.75 (`coxph.control(toler.chol)`).

/// The F D F′ Cholesky factorization of a symmetric non-negative definite matrix with R survival's
/// handling of (near-)singular matrices: redundant directions get a zero pivot instead of failing.
public struct SymmetricCholesky: Sendable {
    /// Matrix dimension.
    public let size: Int
    /// Number of non-zero pivots (the numerical rank).
    public let rank: Int
    /// False when a pivot was clearly negative (the matrix is not non-negative definite).
    public let isNonNegativeDefinite: Bool
    /// Factor storage, row-major `size × size`: D on the diagonal, F strictly below it.
    private var factor: [Double]

    /// R's default tolerance for declaring a pivot zero: `.Machine$double.eps^0.75`.
    public static let defaultTolerance: Double = pow(Double.ulpOfOne, 0.75)

    /// Factors the symmetric matrix `matrix` (row-major, `size × size`; only the upper triangle and the
    /// diagonal are read), declaring a pivot zero when it is below `tolerance × max(diagonal)`.
    public init(_ matrix: [Double], size n: Int, tolerance: Double = SymmetricCholesky.defaultTolerance) {
        precondition(matrix.count == n * n, "matrix must be size × size")
        var m = matrix
        var largest = 0.0
        for i in 0..<n {
            if m[i * n + i] > largest { largest = m[i * n + i] }
            for j in (i + 1)..<n { m[j * n + i] = m[i * n + j] }
        }
        let eps = largest == 0 ? tolerance : largest * tolerance
        var rank = 0
        var nonNegative = true
        for i in 0..<n {
            let pivot = m[i * n + i]
            if !pivot.isFinite || pivot < eps {
                m[i * n + i] = 0
                if pivot < -8 * eps { nonNegative = false }
                continue
            }
            rank += 1
            for j in (i + 1)..<n {
                let t = m[j * n + i] / pivot
                m[j * n + i] = t
                m[j * n + j] -= t * t * pivot
                for k in (j + 1)..<n { m[k * n + j] -= t * m[k * n + i] }
            }
        }
        self.size = n
        self.rank = rank
        self.isNonNegativeDefinite = nonNegative
        self.factor = m
    }

    /// Whether pivot `i` was declared zero (a redundant direction).
    public func isZeroPivot(_ i: Int) -> Bool { factor[i * size + i] == 0 }

    /// The solution b of A b = y, with b = 0 in the directions of zero pivots (R `chsolve2`).
    public func solve(_ y: [Double]) -> [Double] {
        let n = size
        precondition(y.count == n, "right-hand side must have size elements")
        var b = y
        for i in 0..<n {
            var t = b[i]
            for j in 0..<i { t -= b[j] * factor[i * n + j] }
            b[i] = t
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            let d = factor[i * n + i]
            if d == 0 { b[i] = 0; continue }
            var t = b[i] / d
            for j in (i + 1)..<n { t -= b[j] * factor[j * n + i] }
            b[i] = t
        }
        return b
    }

    /// y′ A⁻ y, the quadratic form of the generalized inverse (a score or Wald statistic).
    public func quadraticForm(_ y: [Double]) -> Double {
        let b = solve(y)
        var s = 0.0
        for i in 0..<size { s += y[i] * b[i] }
        return s
    }

    /// The generalized inverse A⁻ as a full symmetric row-major matrix; rows and columns of zero pivots
    /// are zero (R `chinv2`).
    public func inverse() -> [Double] {
        let n = size
        var m = factor
        // Invert F in the lower triangle and D on the diagonal.
        for i in 0..<n where m[i * n + i] > 0 {
            m[i * n + i] = 1 / m[i * n + i]
            for j in (i + 1)..<n {
                m[j * n + i] = -m[j * n + i]
                for k in 0..<i { m[j * n + k] += m[j * n + i] * m[i * n + k] }
            }
        }
        // F′⁻¹ D⁻¹ F⁻¹ into the upper triangle and diagonal.
        for i in 0..<n {
            if m[i * n + i] == 0 {
                for j in 0..<i { m[j * n + i] = 0 }
                for j in i..<n { m[i * n + j] = 0 }
                continue
            }
            for j in (i + 1)..<n {
                let t = m[j * n + i] * m[j * n + j]
                m[i * n + j] = t
                for k in i..<j { m[i * n + k] += t * m[j * n + k] }
            }
        }
        for i in 0..<n { for j in 0..<i { m[i * n + j] = m[j * n + i] } }
        return m
    }
}
