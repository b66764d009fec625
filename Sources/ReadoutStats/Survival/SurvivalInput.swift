/// Shared checks for right-censored survival input (parallel `time` / `event` arrays).
enum SurvivalInput {
    /// Throws unless `time` is non-empty, matches `event` in length and holds finite times ≥ 0.
    static func validate(time: [Double], event: [Bool]) throws(StatsError) {
        guard time.count == event.count else {
            throw .lengthMismatch(expected: time.count, found: event.count, argument: "event")
        }
        guard !time.isEmpty else { throw .empty(argument: "time") }
        for (i, t) in time.enumerated() where !(t.isFinite && t >= 0) {
            throw .invalidTime(index: i, value: t)
        }
    }

    /// Throws unless `level` is a usable two-sided confidence level.
    static func validate(level: Double) throws(StatsError) {
        guard level > 0, level < 1 else {
            throw .invalidValue(argument: "level", index: 0, value: level, expected: "0 < level < 1")
        }
    }
}
