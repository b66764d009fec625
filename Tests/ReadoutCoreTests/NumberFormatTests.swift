import Testing
import ReadoutCore

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
