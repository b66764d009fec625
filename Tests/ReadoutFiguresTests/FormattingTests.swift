// Number formatting, tick generation and text measurement: the building blocks behind byte-stable output.

import Foundation
@testable import ReadoutFigures
import ReadoutTestSupport
import Testing

@Suite("SVG number formatting")
struct SVGNumberTests {
    @Test func coordinatesHaveAtMostTwoDecimalsAndNoTrailingZeros() {
        #expect(SVGNumber.coordinate(12.5) == "12.5")
        #expect(SVGNumber.coordinate(3.0) == "3")
        #expect(SVGNumber.coordinate(100.0 / 3.0) == "33.33")
        #expect(SVGNumber.coordinate(2.0 / 3.0) == "0.67")
        #expect(SVGNumber.coordinate(0.125) == "0.13")   // 12.5 hundredths, half away from zero
        #expect(SVGNumber.coordinate(-0.125) == "-0.13")
        #expect(SVGNumber.coordinate(1.10) == "1.1")
        #expect(SVGNumber.coordinate(-7) == "-7")
    }

    @Test func negativeZeroAndNonFiniteValuesPrintSafely() {
        #expect(SVGNumber.coordinate(-0.0) == "0")
        #expect(SVGNumber.coordinate(-0.001) == "0")
        #expect(SVGNumber.coordinate(.nan) == "0")
        #expect(SVGNumber.coordinate(.infinity) == "1000000000000")
        #expect(SVGNumber.coordinate(-.infinity) == "-1000000000000")
    }

    @Test func fixedDecimalsPadWithZeros() {
        #expect(SVGNumber.fixed(0.5, digits: 2) == "0.50")
        #expect(SVGNumber.fixed(2.5, digits: 0) == "3")
        #expect(SVGNumber.fixed(1234.5678, digits: 1) == "1234.6")
        #expect(SVGNumber.fixed(-0.04, digits: 1) == "0.0")
        #expect(SVGNumber.fixed(0.001, digits: 3) == "0.001")
    }

    /// The String-based formatting SVGNumber used until session 7, kept as the reference for the byte version.
    static func reference(_ value: Double, digits: Int, trim: Bool) -> String {
        let digits = min(max(digits, 0), 6)
        var v = value.isNaN ? 0 : value
        v = min(max(v, -SVGNumber.limit), SVGNumber.limit)
        var power = 1
        for _ in 0..<digits { power *= 10 }
        let n = Int((abs(v) * Double(power)).rounded(.toNearestOrAwayFromZero))
        let negative = v < 0 && n != 0
        var text = String(n / power)
        if digits > 0 {
            var frac = String(n % power)
            while frac.count < digits { frac = "0" + frac }
            text += "." + frac
        }
        text = negative ? "-" + text : text
        guard trim, text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.last == "0" { trimmed = trimmed.dropLast() }
        if trimmed.last == "." { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    @Test func bytesMatchTheStringReferenceOnRandomValues() {
        var random = SplitMix64(seed: 20261204)
        var values: [Double] = [0, -0.0, 0.005, -0.005, 0.995, 9.995, 1e12, -1e12, 1e13, .infinity, -.infinity, .nan,
                                999_999.9999995, 0.0000005, -0.0000005, 123.455, 1.0 / 3.0]
        for _ in 0..<20_000 {
            let magnitude = pow(10, Double(random.next() % 16) - 6)
            values.append((Double(random.next() % 2_000_001) / 1_000_000 - 1) * magnitude)
        }
        var mismatches: [String] = []
        for value in values {
            if SVGNumber.coordinate(value) != Self.reference(value, digits: 2, trim: true) { mismatches.append("coordinate \(value)") }
            for digits in 0...6 where SVGNumber.fixed(value, digits: digits) != Self.reference(value, digits: digits, trim: false) {
                mismatches.append("fixed \(value) \(digits)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }
}

@Suite("Nice ticks")
struct NiceTicksTests {
    @Test func stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(NiceTicks.step(lower: 0, upper: 1, count: 5) == 0.2)
        #expect(NiceTicks.step(lower: 0, upper: 48, count: 6) == 10)
        #expect(NiceTicks.step(lower: 0, upper: 60, count: 5) == 20)
        #expect(NiceTicks.step(lower: 0, upper: 0.35, count: 5) == 0.1)
        #expect(NiceTicks.step(lower: 0, upper: 1000, count: 4) == 500)
        #expect(NiceTicks.step(lower: 3, upper: 3) == 1)
    }

    @Test func ticksAreExactMultiplesCoveringTheRange() {
        #expect(NiceTicks.ticks(lower: 0, upper: 1, count: 5) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(NiceTicks.ticks(lower: 0, upper: 0.35, count: 5) == [0, 0.1, 0.2, 0.3])
        #expect(NiceTicks.ticks(lower: -1, upper: 1, count: 4) == [-1, -0.5, 0, 0.5, 1])
        #expect(NiceTicks.ticks(lower: 0, upper: 48, count: 6) == [0, 10, 20, 30, 40])
        #expect(NiceTicks.ticks(lower: 0.05, upper: 0.95, step: 0.1) == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
        #expect(NiceTicks.ticks(lower: 1, upper: 0, count: 5).isEmpty)
    }

    @Test func decimalsFollowTheStep() {
        #expect(NiceTicks.decimals(forStep: 10) == 0)
        #expect(NiceTicks.decimals(forStep: 0.5) == 1)
        #expect(NiceTicks.decimals(forStep: 0.05) == 2)
        #expect(NiceTicks.decimals(forStep: 0.3) == 1)
    }

    @Test func logTicksUseOneTwoFiveWithinTwoDecadesAndPowersBeyond() {
        #expect(NiceTicks.logTicks(lower: 0.1, upper: 10) == [0.1, 0.2, 0.5, 1, 2, 5, 10])
        #expect(NiceTicks.logTicks(lower: 0.2, upper: 5) == [0.2, 0.5, 1, 2, 5])
        #expect(NiceTicks.logTicks(lower: 0.01, upper: 100) == [0.01, 0.1, 1, 10, 100])
        #expect(NiceTicks.logTicks(lower: 0, upper: 10).isEmpty)
    }

    @Test func niceLogDomainRoundsOutwardToOneTwoFive() {
        #expect(AxisScale.niceDomain([0.31, 1, 14.2], log: true) == 0.2...20)
        #expect(AxisScale.niceDomain([0.41, 0.93, 1], log: true) == 0.2...1)
        #expect(AxisScale.niceDomain([0.41, 0.93, 1], log: true, interior: 1) == 0.2...2)
        #expect(AxisScale.niceDomain([1, 1.3], log: true, interior: 1) == 0.5...2)
        #expect(AxisScale.niceDomain([-0.3, 0.12, 0], log: false) == -0.3...0.2)
        #expect(AxisScale.niceDomain([0, 0.25], log: false, interior: 0) == -0.05...0.25)
    }
}

@Suite("Text metrics")
struct TextMetricsTests {
    @Test func widthsScaleWithFontSizeAndBoldIsWider() {
        let regular = TextMetrics.width("Randomized", fontSize: 13)
        #expect(regular > 0)
        #expect(TextMetrics.width("Randomized", fontSize: 26) == 2 * regular)
        #expect(TextMetrics.width("Randomized", fontSize: 13, bold: true) > regular)
        #expect(TextMetrics.width("iiii", fontSize: 13) < TextMetrics.width("MMMM", fontSize: 13))
        #expect(TextMetrics.width("", fontSize: 13) == 0)
        // "0" is 636/1000 em (DejaVu Sans) times the 3% margin.
        #expect(abs(TextMetrics.width("0", fontSize: 10) - 6.5508) < 1e-9)
    }

    @Test func wrapBreaksAtSpacesButKeepsRelationsTogether() {
        let lines = TextMetrics.wrap("Did not meet inclusion criteria (n = 51)", maxWidth: 200, fontSize: 13)
        #expect(lines == ["Did not meet inclusion", "criteria (n = 51)"])
        #expect(TextMetrics.wrap("p < 0.001", maxWidth: 1, fontSize: 13) == ["p < 0.001"])
        #expect(TextMetrics.wrap("a\nb", maxWidth: 500, fontSize: 13) == ["a", "b"])
        #expect(TextMetrics.wrap("", maxWidth: 500, fontSize: 13) == [""])
        #expect(TextMetrics.wrap("Supercalifragilistic word", maxWidth: 10, fontSize: 13) == ["Supercalifragilistic", "word"])
    }
}
