/// The recursive numerical integration of the canonical joint distribution of group-sequential
/// z statistics (Jennison & Turnbull 2000, ch. 19; Armitage, McPherson & Rowe 1969).
///
/// With information fractions t₁ < … < t_K and drift δ (the mean of Z at full information), the score
/// S_k = Z_k·√t_k has independent increments S_k − S_{k−1} ~ N(δ·Δ_k, Δ_k), Δ_k = t_k − t_{k−1}. The
/// sub-density of Z_k on the paths that continued at every earlier look is carried from look to look
/// on an ``IntegrationGrid``: h_k(z) = Σ_i w_i h_{k−1}(y_i) · √t_k/√Δ_k · φ((z√t_k − y_i√t_{k−1} − δΔ_k)/√Δ_k),
/// and the probability of leaving above b (below a) at look k is the same sum with Φ̄ (Φ) of that
/// argument in place of the density — exact in b, so boundaries are found by Newton's method on it.
struct StageRecursion {
    /// Grid points of the last look's continuation interval (or the starting point).
    private(set) var points: [Double]
    /// Weight × sub-density at each point: the probability mass each point carries forward.
    private(set) var mass: [Double]
    /// Information fraction of the last look.
    private(set) var fraction: Double
    let drift: Double
    let gridSize: Int

    /// Before the first look: all mass at Z = 0, information 0 (conditional power starts instead
    /// from the observed z at its information fraction).
    init(drift: Double, gridSize: Int, start z: Double = 0, fraction: Double = 0) {
        self.points = [z]
        self.mass = [1]
        self.fraction = fraction
        self.drift = drift
        self.gridSize = gridSize
    }

    /// The standardized increment argument for reaching `z` at information `t` from point `y`.
    @inline(__always)
    private func argument(_ z: Double, _ y: Double, at t: Double) -> Double {
        let delta = t - fraction
        return (z * t.squareRoot() - y * fraction.squareRoot() - drift * delta) / delta.squareRoot()
    }

    /// Φ̄(u) and Φ(u) by the C library's erfc: relative error about u²·1e-16 in the far tail (the
    /// rounded u/√2), immaterial here and several times faster than ``Normal/survival(_:)``'s continued
    /// fraction, which the root finders call n times per step.
    @inline(__always)
    private static func upperTail(_ u: Double) -> Double { 0.5 * erfc(u * 0.707106781186547524400844362105) }

    /// P(continue up to now, Z > b at the next look at information `t`) and its derivative in b.
    func exitAbove(_ b: Double, at t: Double) -> (probability: Double, slope: Double) {
        if b == .infinity { return (0, 0) }
        let scale = (t / (t - fraction)).squareRoot()
        var p = 0.0, d = 0.0
        for (y, m) in zip(points, mass) {
            let u = argument(b, y, at: t)
            p += m * Self.upperTail(u)
            d -= m * Normal.pdf(u) * scale
        }
        return (p, d)
    }

    /// P(continue up to now, Z < a at the next look at information `t`) and its derivative in a.
    func exitBelow(_ a: Double, at t: Double) -> (probability: Double, slope: Double) {
        if a == -.infinity { return (0, 0) }
        let scale = (t / (t - fraction)).squareRoot()
        var p = 0.0, d = 0.0
        for (y, m) in zip(points, mass) {
            let u = argument(a, y, at: t)
            p += m * Self.upperTail(-u)
            d += m * Normal.pdf(u) * scale
        }
        return (p, d)
    }

    /// Moves to the next look at information `t`, keeping the paths that continue in (lower, upper).
    /// The inner sum is the n² kernel of the method: one exponential per pair of points, terms whose
    /// argument is beyond ±38 (density below 1e-314) skipped.
    mutating func advance(to t: Double, lower: Double, upper: Double) {
        let grid = IntegrationGrid(mean: drift * t.squareRoot(), lower: lower, upper: upper, r: gridSize)
        let delta = t - fraction
        let inverseRootDelta = 1 / delta.squareRoot()
        let zScale = t.squareRoot() * inverseRootDelta
        let yScale = fraction.squareRoot() * inverseRootDelta
        let shift = drift * delta * inverseRootDelta
        let factor = zScale * 0.398942280401432677939946059934  // √t/√Δ · 1/√(2π)
        let source = points.map { $0 * yScale }
        var next = [Double](repeating: 0, count: grid.points.count)
        source.withUnsafeBufferPointer { y in
            mass.withUnsafeBufferPointer { m in
                for (j, z) in grid.points.enumerated() {
                    let a = z * zScale - shift
                    var h = 0.0
                    for i in 0..<y.count {
                        let u = a - y[i]
                        if abs(u) < 38 { h += m[i] * exp(-0.5 * u * u) }
                    }
                    next[j] = grid.weights[j] * h * factor
                }
            }
        }
        points = grid.points
        mass = next
        fraction = t
    }
}
