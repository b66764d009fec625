// A linear or logarithmic axis behind one interface, for charts (forest plots) that offer both.

/// Either a ``LinearScale`` or a ``LogScale``.
enum AxisScale: Sendable {
    case linear(LinearScale)
    case log(LogScale)

    var domain: ClosedRange<Double> {
        switch self {
        case .linear(let s): s.domain
        case .log(let s): s.domain
        }
    }

    func callAsFunction(_ value: Double) -> Double {
        switch self {
        case .linear(let s): s(value)
        case .log(let s): s(value)
        }
    }

    func clamped(_ value: Double) -> Double {
        switch self {
        case .linear(let s): s.clamped(value)
        case .log(let s): s.clamped(value)
        }
    }

    /// Whether `value` can be placed on this axis (positive for log scales).
    func accepts(_ value: Double) -> Bool {
        switch self {
        case .linear: value.isFinite
        case .log: value.isFinite && value > 0
        }
    }

    /// A 1-2-5 domain covering `values` (and never empty): for log scales the nearest 1, 2 or 5 × 10^k
    /// at or beyond the extremes, for linear scales the nearest multiples of the nice step. When
    /// `interior` (the reference line) would fall on an end, that end moves out one more step.
    static func niceDomain(_ values: [Double], log: Bool, interior: Double? = nil) -> ClosedRange<Double> {
        let usable = values.filter { $0.isFinite && (!log || $0 > 0) }
        guard var lo = usable.min(), var hi = usable.max() else { return log ? 0.1...10 : 0...1 }
        if log {
            if hi / lo < 1.5 { lo /= 1.5; hi *= 1.5 }
            var a = niceLogFloor(lo)
            var b = niceLogCeil(hi)
            if let r = interior, r > 0 {
                if a >= r * (1 - 1e-9) { a = niceLogFloor(r * (1 - 1e-6)) }
                if b <= r * (1 + 1e-9) { b = niceLogCeil(r * (1 + 1e-6)) }
            }
            return a...b
        }
        if hi - lo <= 0 { lo -= 1; hi += 1 }
        let step = NiceTicks.step(lower: lo, upper: hi, count: 5)
        let digits = NiceTicks.decimals(forStep: step)
        var a = NiceTicks.tidy((lo / step + 1e-9).rounded(.down) * step, digits: digits)
        var b = NiceTicks.tidy((hi / step - 1e-9).rounded(.up) * step, digits: digits)
        if let r = interior {
            if a >= r - 1e-9 * step { a = NiceTicks.tidy(a - step, digits: digits) }
            if b <= r + 1e-9 * step { b = NiceTicks.tidy(b + step, digits: digits) }
        }
        return a...b
    }

    /// The largest 1, 2 or 5 × 10^k not above `value` (> 0).
    static func niceLogFloor(_ value: Double) -> Double {
        var power = 1.0
        while power > value { power /= 10 }
        while power * 10 <= value { power *= 10 }
        let digits = NiceTicks.decimals(forStep: power)
        for m in [5.0, 2.0, 1.0] where m * power <= value * (1 + 1e-9) { return NiceTicks.tidy(m * power, digits: digits) }
        return NiceTicks.tidy(power, digits: digits)
    }

    /// The smallest 1, 2 or 5 × 10^k not below `value` (> 0).
    static func niceLogCeil(_ value: Double) -> Double {
        var power = 1.0
        while power > value { power /= 10 }
        while power * 10 <= value { power *= 10 }
        let digits = NiceTicks.decimals(forStep: power)
        for m in [1.0, 2.0, 5.0] where m * power >= value * (1 - 1e-9) { return NiceTicks.tidy(m * power, digits: digits) }
        return NiceTicks.tidy(10 * power, digits: digits)
    }
}
