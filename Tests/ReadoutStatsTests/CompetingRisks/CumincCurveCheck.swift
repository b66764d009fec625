import Testing
import ReadoutStats
import ReadoutTestSupport

/// Checks a curve against cmprsk::cuminc's step representation `time = [0, t1, t1, …, tk, tk, tmax]`
/// (est/var before and after each jump of this cause, then the last observed time): every jump
/// must sit at one of our times with the same value before and after, our curve must be flat at
/// every other time, and `lastTime` must be cuminc's last point.
func expectMatchesCumincCurve(
    _ curve: CumulativeIncidence, time: [Double?], estimate: [Double?], variance: [Double?], _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard time.count >= 2, time.count % 2 == 0, estimate.count == time.count, variance.count == time.count else {
        Issue.record("\(label): malformed cuminc curve (\(time.count) points)", sourceLocation: sourceLocation)
        return
    }
    #expect(time[0] == 0 && estimate[0] == 0 && variance[0] == 0, "\(label): cuminc starts at (0, 0, 0)",
            sourceLocation: sourceLocation)
    #expect(curve.lastTime == time[time.count - 1], "\(label): last time", sourceLocation: sourceLocation)
    #expect(curve.time.count == curve.estimate.count && curve.time.count == curve.variance.count,
            sourceLocation: sourceLocation)
    let jumps = (time.count - 2) / 2
    var jumpIndices = Set<Int>()
    for m in 1...max(jumps, 1) where jumps > 0 {
        let t = time[2 * m]!
        #expect(time[2 * m - 1] == t, "\(label): paired jump time", sourceLocation: sourceLocation)
        guard let index = curve.time.firstIndex(of: t) else {
            Issue.record("\(label): no time \(t) in our curve", sourceLocation: sourceLocation)
            continue
        }
        jumpIndices.insert(index)
        let before = index > 0 ? (curve.estimate[index - 1], curve.variance[index - 1]) : (0, 0)
        expectClose(before.0, estimate[2 * m - 1], relative: Tolerance.closedForm, "\(label) est before \(t)",
                    sourceLocation: sourceLocation)
        expectClose(before.1, variance[2 * m - 1], relative: Tolerance.closedForm, "\(label) var before \(t)",
                    sourceLocation: sourceLocation)
        expectClose(curve.estimate[index], estimate[2 * m], relative: Tolerance.closedForm, "\(label) est at \(t)",
                    sourceLocation: sourceLocation)
        expectClose(curve.variance[index], variance[2 * m], relative: Tolerance.closedForm, "\(label) var at \(t)",
                    sourceLocation: sourceLocation)
    }
    for index in curve.time.indices where !jumpIndices.contains(index) {
        let before = index > 0 ? (curve.estimate[index - 1], curve.variance[index - 1]) : (0, 0)
        #expect(curve.estimate[index] == before.0 && curve.variance[index] == before.1,
                "\(label): flat at other-cause time \(curve.time[index])", sourceLocation: sourceLocation)
    }
    let final = curve.at(curve.lastTime)
    expectClose(final?.estimate, estimate[time.count - 1], relative: Tolerance.closedForm, "\(label) est at last time",
                sourceLocation: sourceLocation)
    expectClose(final?.variance, variance[time.count - 1], relative: Tolerance.closedForm, "\(label) var at last time",
                sourceLocation: sourceLocation)
}
