import Testing
import ReadoutTestSupport

/// The shared tolerance must be able to fail: a helper that accepts everything is a defect.
@Suite struct ToleranceTests {
    @Test func acceptsValuesWithinTolerance() {
        #expect(Tolerance.agrees(1.0 + 5e-10, 1.0, relative: Tolerance.closedForm))
        #expect(Tolerance.agrees(nil, nil, relative: Tolerance.closedForm))
        #expect(Tolerance.agrees(.infinity, .infinity, relative: Tolerance.closedForm))
        #expect(Tolerance.agrees(.nan, .nan, relative: Tolerance.closedForm))
    }

    @Test func rejectsValuesOutsideTolerance() {
        #expect(!Tolerance.agrees(1.0 + 2e-9, 1.0, relative: Tolerance.closedForm))
        #expect(!Tolerance.agrees(1.0 + 2e-6, 1.0, relative: Tolerance.iterative))
        #expect(!Tolerance.agrees(nil, 1.0, relative: Tolerance.closedForm))
        #expect(!Tolerance.agrees(1.0, nil, relative: Tolerance.closedForm))
        #expect(!Tolerance.agrees(1.0, .nan, relative: Tolerance.closedForm))
        #expect(!Tolerance.agrees(.nan, 1.0, relative: Tolerance.closedForm))
        #expect(!Tolerance.agrees(1e300, .infinity, relative: Tolerance.closedForm))
    }
}
