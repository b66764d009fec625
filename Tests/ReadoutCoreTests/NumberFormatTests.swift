import Foundation
import Testing
@testable import ReadoutCore

@Suite struct NumberFormatTests {
    @Test func fixedDecimals() {
        #expect(NumberFormat.fixed(0.61234, digits: 2) == "0.61")
        #expect(NumberFormat.fixed(-0.0001, digits: 2) == "0.00")
        #expect(NumberFormat.fixed(nil, digits: 2) == "NE")
        #expect(NumberFormat.fixed(.nan, digits: 2) == "NE")
    }

    @Test func pValues() {
        #expect(NumberFormat.pValue(0.0004) == "<0.001")
        #expect(NumberFormat.pValue(0.0456) == "0.046")
        #expect(NumberFormat.pValue(0.9999) == ">0.999")
    }

    @Test func countsWithPercent() {
        #expect(NumberFormat.countPercent(45, of: 90) == "45 (50.0)")
        #expect(NumberFormat.countPercent(0, of: 90) == "0")
    }
}

/// `NumberFormat.fixed` formats with `vsnprintf`; it must equal `String(format: "%.*f")` everywhere.
@Suite struct NumberFormatPrintfTests {
    @Test func equalsStringFormat() {
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.045, 1.005, 2.675, 0.0005, 1e-7, -1e-7, 123456.789, 1e15, 1e21, 1e22,
                                -1e300, 1e300, 5e-324, .greatestFiniteMagnitude, 99.95, 99.995, 0.9995, 1.0 / 3.0, -2.0 / 3.0]
        var state: UInt64 = 0x1234_5678
        for _ in 0..<3_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            values.append(Double(Int64(bitPattern: state) >> 24) / 1_000_000)
            values.append(Double(bitPattern: state >> 2))
        }
        for value in values where value.isFinite {
            for digits in [0, 1, 2, 3, 4, 6] {
                #expect(NumberFormat.printf(digits: digits, value) == String(format: "%.*f", digits, value), "\(value) \(digits)")
            }
        }
    }
}
