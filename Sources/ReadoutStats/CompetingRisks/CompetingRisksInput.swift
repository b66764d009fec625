// Input checks and the one sort shared by the competing-risks estimators.
//
// Times must be finite and ≥ 0; cause codes are 0 (censored) or 1...causeCount, the coding of
// cmprsk's `fstatus` with `cencode = 0`. Equal times are ties exactly as in cmprsk (no tolerance).

enum CompetingRisksInput {
    /// Checks parallel `time`/`cause` arrays; `causeCount` bounds the cause codes when given.
    static func validate(time: [Double], cause: [Int], causeCount: Int?) throws(StatsError) {
        guard !time.isEmpty else { throw .empty(argument: "time") }
        guard cause.count == time.count else {
            throw .lengthMismatch(expected: time.count, found: cause.count, argument: "cause")
        }
        if let causeCount, causeCount < 1 {
            throw .invalidValue(argument: "causeCount", index: 0, value: Double(causeCount), expected: "≥ 1")
        }
        for i in time.indices {
            let t = time[i]
            guard t.isFinite, t >= 0 else { throw .invalidTime(index: i, value: t) }
            let c = cause[i]
            if let causeCount {
                guard c >= 0, c <= causeCount else {
                    throw .invalidValue(argument: "cause", index: i, value: Double(c), expected: "0...\(causeCount)")
                }
            } else {
                guard c >= 0 else {
                    throw .invalidValue(argument: "cause", index: i, value: Double(c), expected: "≥ 0 (0 = censored)")
                }
            }
        }
    }

    /// Row indices ordered by ascending time, ties in input order (R's `order(time)`).
    static func timeOrder(_ time: [Double]) -> [Int] {
        Array(time.indices).sorted { a, b in
            time[a] < time[b] || (time[a] == time[b] && a < b)
        }
    }

    /// Start index of each run of equal values in an ascending array, followed by `values.count`.
    static func runStarts(_ values: [Double]) -> [Int] {
        var starts: [Int] = []
        starts.reserveCapacity(values.count + 1)
        var i = 0
        while i < values.count {
            starts.append(i)
            let v = values[i]
            repeat { i += 1 } while i < values.count && values[i] == v
        }
        starts.append(values.count)
        return starts
    }
}
