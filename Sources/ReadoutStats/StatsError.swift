/// Invalid input to an estimator. Numerical trouble in a valid input is not an error: results carry
/// it as a flag (`estimable`, `converged`, `warnings`).
public enum StatsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Parallel input arrays have different lengths.
    case lengthMismatch(expected: Int, found: Int, argument: String)
    /// A time is negative, NaN or infinite.
    case invalidTime(index: Int, value: Double)
    /// A value is out of its allowed range (group index, cause code, probability …).
    case invalidValue(argument: String, index: Int, value: Double, expected: String)
    /// No observations where at least one is needed.
    case empty(argument: String)

    public var description: String {
        switch self {
        case let .lengthMismatch(expected, found, argument):
            "\(argument) has \(found) values, expected \(expected)"
        case let .invalidTime(index, value):
            "time at index \(index) is \(value), expected a finite number ≥ 0"
        case let .invalidValue(argument, index, value, expected):
            "\(argument) at index \(index) is \(value), expected \(expected)"
        case let .empty(argument):
            "\(argument) is empty"
        }
    }
}
