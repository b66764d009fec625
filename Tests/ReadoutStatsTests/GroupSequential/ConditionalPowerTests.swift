import Foundation
import ReadoutStats
import ReadoutTestSupport
import Testing

/// Conditional power against the multivariate normal form of the remaining looks (mvtnorm 1.1.3,
/// Miwa's algorithm, on rpact's boundaries; `make-gold.R`), and the closed form with one look left.
@Suite struct ConditionalPowerTests {
    struct Case: @unchecked Sendable, CustomTestStringConvertible {
        let name: String
        let look: Int
        let z: Double
        let theta: Double
        let expected: Double
        var testDescription: String { "\(name) look \(look) z \(z) θ \(theta)" }
    }

    static let cases: [Case] = (JSONPath.value(GroupSequentialGold.file, "conditionalPower") as! [Any]).map { c in
        Case(name: JSONPath.value(c, "name") as! String,
             look: Int(JSONPath.number(JSONPath.value(c, "look"))!),
             z: JSONPath.number(JSONPath.value(c, "z"))!,
             theta: JSONPath.number(JSONPath.value(c, "theta"))!,
             expected: JSONPath.number(JSONPath.value(c, "conditionalPower"))!)
    }

    @Test(arguments: cases)
    func matchesMultivariateNormal(_ c: Case) throws {
        let b = GroupSequentialGold.named(c.name).boundaries
        // R's looks are 1-based.
        let power = try b.conditionalPower(afterLook: c.look - 1, z: c.z, theta: c.theta)
        expectClose(power, c.expected, relative: 1e-6, c.testDescription)
    }

    @Test func trendAndDesignDrifts() throws {
        let b = GroupSequentialGold.named("OF-bsP-4-unequal").boundaries
        expectClose(try b.conditionalPowerUnderTrend(afterLook: 0, z: 1.2),
                    try b.conditionalPower(afterLook: 0, z: 1.2, theta: 1.2 / 0.3.squareRoot()), relative: 1e-14, "trend")
        expectClose(try b.conditionalPowerUnderDesign(afterLook: 0, z: 1.2),
                    try b.conditionalPower(afterLook: 0, z: 1.2, theta: b.drift), relative: 1e-14, "design")
        // A better interim result never lowers conditional power.
        var previous = 0.0
        for z in stride(from: -2.0, through: 3.0, by: 0.5) {
            let power = try b.conditionalPowerUnderDesign(afterLook: 1, z: z)
            #expect(power > previous)
            previous = power
        }
    }

    /// With one look left: Φ̄((c_K − z√t_k − θ(1 − t_k))/√(1 − t_k)) (Jennison & Turnbull 2000, §10.2).
    @Test func oneLookLeftIsClosedForm() throws {
        let b = try GroupSequentialDesign(informationRates: [0.4, 1], alpha: 0.025, efficacySpending: .pocock).boundaries()
        for (z, theta) in [(0.5, 2.8), (1.7, 0.0), (-1.0, 3.3)] {
            let expected = Normal.survival((b.criticalValues[1] - z * 0.4.squareRoot() - theta * 0.6) / 0.6.squareRoot())
            expectClose(try b.conditionalPower(afterLook: 0, z: z, theta: theta), expected, relative: 1e-12, "z \(z) θ \(theta)")
        }
    }

    @Test func invalidLooksAreErrors() throws {
        let b = try GroupSequentialDesign(informationRates: [0.5, 1], efficacySpending: .obrienFleming).boundaries()
        #expect(throws: StatsError.self) { try b.conditionalPower(afterLook: 1, z: 1, theta: 2) }
        #expect(throws: StatsError.self) { try b.conditionalPower(afterLook: -1, z: 1, theta: 2) }
        #expect(throws: StatsError.self) { try b.conditionalPower(afterLook: 0, z: .nan, theta: 2) }
        #expect(throws: StatsError.self) { try b.conditionalPower(afterLook: 0, z: 1e300, theta: 2) }
        #expect(throws: StatsError.self) { try b.conditionalPower(afterLook: 0, z: 1, theta: -.infinity) }
        #expect(throws: StatsError.self) { try b.conditionalPowerUnderTrend(afterLook: 0, z: .infinity) }
        #expect(throws: StatsError.self) { try b.conditionalPowerUnderTrend(afterLook: 7, z: 1) }
    }

    @Test func informationFractionIsEventsOverPlanned() throws {
        #expect(try informationFraction(observedEvents: 150, plannedEvents: 300) == 0.5)
        #expect(try informationFraction(observedEvents: 310, plannedEvents: 300) > 1)
        #expect(throws: StatsError.self) { try informationFraction(observedEvents: 0, plannedEvents: 300) }
        #expect(throws: StatsError.self) { try informationFraction(observedEvents: 10, plannedEvents: 0) }
    }
}
