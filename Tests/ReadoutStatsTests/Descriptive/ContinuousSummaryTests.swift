import Testing
import ReadoutStats
import ReadoutTestSupport

/// ContinuousSummary against R 4.2.2 `mean`, `sd`, `quantile(type = 7)` at 0.5/0.25/0.75, `min`, `max` (all
/// `na.rm = TRUE`); made by Tests/Fixtures/proportions/descriptive_gold.R. Closed forms: Tolerance.closedForm.
@Suite struct ContinuousSummaryTests {
    static let inputs: [String: [Double?]] = [
        "one": [5],
        "two": [1, 4],
        "odd": [3.1, 1.2, 9.9, 4.4, 5.5],
        "evenTies": [2, 2, 2, 5, 7, 7, 1, 10],
        "allEqual": [0.1, 0.1, 0.1],
        "offset": [1e9 + 0.1, 1e9 + 0.2, 1e9 + 0.3, 1e9 + 0.4],
        "missing": [nil, 1, .nan, 3, 8],
        "infinite": [1, .infinity, 2],
        "negative": [-3.5, -1e-3, -7.25, 0, 2],
        "offset1001": (1...1001).map { 1e6 + Double(($0 * 7919) % 1009) / 7 },
    ]

    // name, n, missing, [mean, sd, median, q1, q3, min, max] from descriptive_gold.R
    static let expected: [(name: String, n: Int, missing: Int, values: [Double?])] = [
        ("one", 1, 0, [5, nil, 5, 5, 5, 5, 5]),
        ("two", 2, 0, [2.5, 2.1213203435596424, 2.5, 1.75, 3.25, 1, 4]),
        ("odd", 5, 0, [4.8200000000000003, 3.259907974161234, 4.4000000000000004, 3.1000000000000001, 5.5, 1.2, 9.9000000000000004]),
        ("evenTies", 8, 0, [4.5, 3.2513733362117261, 3.5, 2, 7, 1, 10]),
        ("allEqual", 3, 0, [0.10000000000000001, 0, 0.10000000000000001, 0.10000000000000001, 0.10000000000000001, 0.10000000000000001, 0.10000000000000001]),
        ("offset", 4, 0, [1000000000.25, 0.12909941409387804, 1000000000.25, 1000000000.1750001, 1000000000.3249999, 1000000000.1, 1000000000.4]),
        ("missing", 3, 2, [4, 3.6055512754639891, 3, 2, 5.5, 1, 8]),
        ("infinite", 3, 0, [.infinity, .nan, 2, 1.5, .infinity, 1, .infinity]),
        ("negative", 5, 0, [-1.7502, 3.6570651074324614, -0.001, -3.5, 0, -7.25, 2]),
        ("offset1001", 1001, 0, [1000072.1080348223, 41.585416528226254, 1000072.1428571428, 1000036.1428571428, 1000108, 1000000.1428571428, 1000144]),
    ]

    @Test func matchesR() throws {
        for c in Self.expected {
            let s = ContinuousSummary(try #require(Self.inputs[c.name]))
            #expect(s.n == c.n, "\(c.name) n")
            #expect(s.missing == c.missing, "\(c.name) missing")
            expectClose([s.mean, s.standardDeviation, s.median, s.q1, s.q3, s.min, s.max], c.values,
                        relative: Tolerance.closedForm, "\(c.name) [mean, sd, median, q1, q3, min, max]")
        }
    }

    @Test func allMissingOrEmpty() {
        for values: [Double?] in [[nil, .nan, nil], []] {
            let s = ContinuousSummary(values)
            #expect(s.n == 0)
            #expect(s.missing == values.count)
            #expect(s.mean == nil && s.standardDeviation == nil && s.median == nil)
            #expect(s.q1 == nil && s.q3 == nil && s.min == nil && s.max == nil)
        }
    }

    @Test func sumIsCompensated() {
        // mean(c(1e16, 1, -1e16, 1)) is 0.5 in R (long double accumulation); a naive double sum gives 0.25 or 0.
        let s = ContinuousSummary([1e16, 1, -1e16, 1])
        expectClose(s.mean, 0.5, relative: Tolerance.closedForm, "mean(c(1e16, 1, -1e16, 1))")
    }
}
