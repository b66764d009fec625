import Testing
import Foundation
import ReadoutTestSupport
@testable import ReadoutSynth

/// The portable log/exp against the platform's libm (which is correctly rounded or nearly so);
/// they must agree to well within the closed-form tolerance.
@Suite struct PortableMathTests {
    @Test func logMatchesLibm() {
        var r = RandomStream(seed: 21, stream: 1)
        for _ in 0..<20_000 {
            let x = PortableMath.exp(r.uniform(-700, 700))
            expectClose(PortableMath.log(x), Foundation.log(x), relative: Tolerance.closedForm, "log(\(x))")
        }
        for x in [1.0, 2.0, 0.5, 1e-300, 1e300, 0x1p-53, 1.4142135623730951, 0.7071067811865476, 1 - 0x1p-53] {
            expectClose(PortableMath.log(x), Foundation.log(x), relative: Tolerance.closedForm, "log(\(x))")
        }
        #expect(PortableMath.log(1) == 0)
        #expect(PortableMath.log(0) == -.infinity)
        #expect(PortableMath.log(-1).isNaN)
    }

    @Test func expMatchesLibm() {
        var r = RandomStream(seed: 22, stream: 1)
        for _ in 0..<20_000 {
            let x = r.uniform(-700, 709)
            expectClose(PortableMath.exp(x), Foundation.exp(x), relative: Tolerance.closedForm, "exp(\(x))")
        }
        #expect(PortableMath.exp(0) == 1)
        #expect(PortableMath.exp(800) == .infinity)
        #expect(PortableMath.exp(-800) == 0)
    }

    @Test func powMatchesLibm() {
        for (x, y) in [(0.35, 1 / 0.8), (2.5, 0.5), (1e-5, 1.25), (730.0, 0.8)] {
            expectClose(PortableMath.pow(x, y), Foundation.pow(x, y), relative: Tolerance.closedForm, "pow(\(x), \(y))")
        }
        #expect(PortableMath.pow(0, 2) == 0)
        #expect(PortableMath.pow(3, 0) == 1)
    }
}
