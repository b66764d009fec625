// "Nice" axis ticks: steps of 1, 2 or 5 times a power of ten (Heckbert, "Nice numbers for graph
// labels", Graphics Gems 1990; the same 1-2-5 family as R's pretty()). Tick values are computed as
// integer multiples of the step so they carry no accumulated floating-point error.

import Foundation

/// Tick generation with 1-2-5 steps for linear axes and 1-2-5 mantissas for log axes.
public enum NiceTicks {
    /// The 1-2-5 step giving about `count` intervals over `lower...upper` (smallest such step whose
    /// interval count does not exceed `count`). Returns 1 for an empty or non-finite range.
    public static func step(lower: Double, upper: Double, count: Int = 5) -> Double {
        let span = upper - lower
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(max(count, 1))
        var power = 1.0
        // Power of ten not above raw, found by repeated scaling (exact for decimal powers in range).
        var exponent = 0
        while raw >= power * 10 { power *= 10; exponent += 1 }
        while raw < power { power /= 10; exponent -= 1 }
        for mantissa in [1.0, 2.0, 5.0, 10.0] where mantissa * power >= raw * (1 - 1e-9) {
            return mantissa * power
        }
        return 10 * power
    }

    /// Ticks covering `lower...upper` inclusively at the nice step: multiples of the step from the
    /// first multiple ≥ lower to the last ≤ upper (with a relative tolerance of 1e-9 of the step).
    public static func ticks(lower: Double, upper: Double, count: Int = 5) -> [Double] {
        let s = step(lower: lower, upper: upper, count: count)
        return ticks(lower: lower, upper: upper, step: s)
    }

    /// Multiples of `step` within `lower...upper` (tolerance 1e-9 of the step).
    public static func ticks(lower: Double, upper: Double, step: Double) -> [Double] {
        // Bounded so that the tick indices convert to Int without trapping (and a runaway spec draws no ticks).
        guard step > 0, lower.isFinite, upper.isFinite, upper >= lower, abs(lower / step) < 1e6, abs(upper / step) < 1e6 else { return [] }
        let first = Int((lower / step - 1e-9).rounded(.up))
        let last = Int((upper / step + 1e-9).rounded(.down))
        guard last >= first else { return [] }
        // Multiply by the step, then tidy to the step's decimals so 0.1 * 3 prints as 0.3.
        let digits = decimals(forStep: step)
        return (first...last).map { tidy(Double($0) * step, digits: digits) }
    }

    /// Decimals needed to print multiples of `step` exactly (0 for steps ≥ 1, 1 for 0.5, 2 for 0.05, …; at most 6).
    public static func decimals(forStep step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        var d = 0
        var scaled = step
        while d < 6, abs(scaled - scaled.rounded()) > 1e-9 * max(1, scaled) {
            scaled *= 10
            d += 1
        }
        return d
    }

    /// Log-axis ticks within `lower...upper` (both > 0): 1, 2 and 5 times powers of ten when the range
    /// spans at most about two decades, otherwise powers of ten only; the range ends are not added.
    public static func logTicks(lower: Double, upper: Double) -> [Double] {
        guard lower > 0, upper > lower, lower.isFinite, upper.isFinite else { return [] }
        var lowPower = 1.0
        while lowPower > lower { lowPower /= 10 }
        while lowPower * 10 <= lower { lowPower *= 10 }
        let decades = log10(upper / lower)
        let mantissas: [Double] = decades <= 2.5 ? [1, 2, 5] : [1]
        var result: [Double] = []
        var power = lowPower
        while power <= upper * (1 + 1e-9) {
            for m in mantissas {
                let v = tidy(m * power, digits: decimals(forStep: power))
                if v >= lower * (1 - 1e-9) && v <= upper * (1 + 1e-9) { result.append(v) }
            }
            power *= 10
        }
        return result
    }

    /// Rounds `value` to `digits` decimals (removes representation noise such as 0.30000000000000004).
    static func tidy(_ value: Double, digits: Int) -> Double {
        var power = 1.0
        for _ in 0..<digits { power *= 10 }
        return (value * power).rounded() / power
    }
}
