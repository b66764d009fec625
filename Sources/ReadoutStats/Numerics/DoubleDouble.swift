/// An unevaluated sum hi + lo of two doubles (|lo| ≤ ½ ulp(hi)), carrying about 32 significant digits.
///
/// Knuth's two-sum and the fma-based two-product (Dekker 1971; Muller et al., Handbook of
/// Floating-Point Arithmetic §4). Used for log-densities whose exponent is large: exp(hi)·exp(lo)
/// then has a few ulps of error where exp(hi + lo) would carry |hi + lo|·ε.
struct DoubleDouble {
    var hi: Double
    var lo: Double

    init(_ hi: Double, _ lo: Double = 0) {
        self.hi = hi
        self.lo = lo
    }

    /// a + b exactly, as (rounded sum, rounding error).
    static func twoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        let bv = s - a
        let e = (a - (s - bv)) + (b - bv)
        return DoubleDouble(s, e)
    }

    /// a · b exactly, as (rounded product, rounding error).
    static func twoProduct(_ a: Double, _ b: Double) -> DoubleDouble {
        let p = a * b
        return DoubleDouble(p, (-p).addingProduct(a, b))
    }

    static func + (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble {
        let s = twoSum(x.hi, y.hi)
        let t = s.lo + x.lo + y.lo
        return twoSum(s.hi, t)
    }

    static func + (x: DoubleDouble, y: Double) -> DoubleDouble { x + DoubleDouble(y) }

    static prefix func - (x: DoubleDouble) -> DoubleDouble { DoubleDouble(-x.hi, -x.lo) }

    static func - (x: DoubleDouble, y: DoubleDouble) -> DoubleDouble { x + -y }

    /// The nearest double.
    var value: Double { hi + lo }

    /// e^(hi + lo), accurate to a few ulps whenever hi is the exact large part.
    var exponential: Double {
        if hi == -.infinity { return 0 }
        return exp(hi) * exp(lo)
    }
}
