public import Testing

/// The one place tests compare numbers with a tolerance.
///
/// Relative tolerance with an absolute floor for values near zero: |a − e| ≤ rel · max(|e|, floor).
/// `nil` must match `nil` (R's NA), and non-finite values must match exactly ("Inf", "NaN").
public enum Tolerance {
    /// Closed forms (KM, Greenwood, log-rank, cuminc, binomial): R agrees to about 1e-12; 1e-9 leaves room only for summation order.
    public static let closedForm = 1e-9
    /// Iterative fits (coxph, crr): R stops at a relative change of 1e-9 in the log-likelihood.
    public static let iterative = 1e-6
    /// R's `uniroot`-solved values (Fisher's conditional MLE odds ratio and its CI).
    public static let uniroot = 1e-4

    /// Whether `actual` agrees with `expected` at relative tolerance `relative`.
    public static func agrees(_ actual: Double?, _ expected: Double?, relative: Double, floor: Double = 1e-12) -> Bool {
        switch (actual, expected) {
        case (nil, nil): return true
        case (nil, _), (_, nil): return false
        case let (a?, e?):
            if e.isNaN { return a.isNaN }
            if e.isInfinite { return a == e }
            guard a.isFinite else { return false }
            return abs(a - e) <= relative * max(abs(e), floor)
        }
    }
}

/// Records a test issue unless `actual` agrees with `expected` (see ``Tolerance/agrees(_:_:relative:floor:)``).
public func expectClose(
    _ actual: Double?, _ expected: Double?, relative: Double, floor: Double = 1e-12,
    _ what: @autoclosure () -> String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    if !Tolerance.agrees(actual, expected, relative: relative, floor: floor) {
        let a = actual.map { "\($0)" } ?? "nil"
        let e = expected.map { "\($0)" } ?? "nil"
        Issue.record("\(what()): got \(a), expected \(e) (relative tolerance \(relative))", sourceLocation: sourceLocation)
    }
}

/// Element-wise ``expectClose(_:_:relative:floor:_:sourceLocation:)`` with a length check.
public func expectClose(
    _ actual: [Double?], _ expected: [Double?], relative: Double, floor: Double = 1e-12,
    _ what: @autoclosure () -> String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard actual.count == expected.count else {
        Issue.record("\(what()): got \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
        return
    }
    for (i, (a, e)) in zip(actual, expected).enumerated() {
        expectClose(a, e, relative: relative, floor: floor, "\(what())[\(i)]", sourceLocation: sourceLocation)
    }
}
