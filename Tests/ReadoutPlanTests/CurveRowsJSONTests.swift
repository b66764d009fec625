import Foundation
import ReadoutCore
@testable import ReadoutPlan
import ReadoutTestSupport
import Testing

/// Kaplan–Meier and cumulative-incidence curves go through `SortedJSON`'s row path (`@JSONRows`); the bytes must
/// be Foundation's `JSONEncoder` ones for the same rows, pretty and compact.
@Suite struct CurveRowsJSONTests {
    struct Curves: Encodable {
        @JSONRows var survival: [CurveRow]
        @JSONRows var incidence: [IncidencePoint]
        var after = "x"
    }

    static func foundation<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    static func randomCurves(_ random: inout SplitMix64, rows: Int) -> Curves {
        func number() -> Double { Double(random.next() % 1_000_000) / 997 }
        func nullable() -> Double? {
            switch random.next() % 5 { case 0: nil; case 1: .nan; case 2: .infinity; default: number() }
        }
        let survival = (0..<rows).map { _ in
            CurveRow(time: number(), atRisk: Int(random.next() % 5000), events: Int(random.next() % 9), censored: Int(random.next() % 9),
                     estimate: number(), lower: nullable(), upper: nullable())
        }
        let incidence = (0..<rows / 2).map { _ in IncidencePoint(time: number(), estimate: number(), lower: nullable(), upper: nullable()) }
        return Curves(survival: survival, incidence: incidence)
    }

    @Test func rowsEqualFoundation() throws {
        var random = SplitMix64(seed: 41)
        for rows in [0, 1, 2, 7, 300] {
            let curves = Self.randomCurves(&random, rows: rows)
            for pretty in [true, false] {
                let expected = try Self.foundation(curves, pretty: pretty)
                #expect(try SortedJSON.fastEncode(curves, pretty: pretty) == expected, "\(rows) rows, pretty \(pretty)")
                #expect(try SortedJSON.encode(curves, pretty: pretty) == expected)
            }
        }
    }

    /// A non-finite number in a field that is not nullable is refused, as JSONEncoder refuses it.
    @Test func aNonFiniteTimeIsRefusedAsByFoundation() throws {
        var random = SplitMix64(seed: 5)
        var curves = Self.randomCurves(&random, rows: 4)
        curves.survival[2].time = .nan
        #expect(throws: (any Error).self) { try Self.foundation(curves, pretty: true) }
        #expect(throws: (any Error).self) { try SortedJSON.encode(curves, pretty: true) }
    }
}
