/// Solves a small dense system A·x = b by Gaussian elimination with partial pivoting (the LU method
/// of LAPACK `dgesv`, which R's `solve` calls). Returns nil when A is singular to working precision.
enum LinearSystem {
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        var m = a
        var x = b
        for col in 0..<n {
            var pivot = col
            for r in (col + 1)..<n where abs(m[r][col]) > abs(m[pivot][col]) { pivot = r }
            guard m[pivot][col] != 0, m[pivot][col].isFinite else { return nil }
            if pivot != col {
                m.swapAt(pivot, col)
                x.swapAt(pivot, col)
            }
            for r in (col + 1)..<n {
                let factor = m[r][col] / m[col][col]
                if factor == 0 { continue }
                for c in col..<n { m[r][c] -= factor * m[col][c] }
                x[r] -= factor * x[col]
            }
        }
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[row]
            for c in (row + 1)..<n { sum -= m[row][c] * x[c] }
            x[row] = sum / m[row][row]
        }
        return x
    }
}
