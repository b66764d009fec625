/// How serious a diagnostic is. Errors stop a build; warnings do not unless `--warnings-as-errors`.
public enum Severity: String, Sendable, Codable, Comparable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
