// Stream numbering: subject i's draws for purpose p come from stream (i << 4) | p; trial-wide draws
// (site sizes, randomization lists) from streams with the top bit set. Each purpose draws a fixed
// sequence whatever branch the subject takes, so one subject's outcome never shifts another's draws.

/// The purpose of a random stream.
enum StreamPurpose: UInt64 {
    case baseline = 1, course = 2, outcomes = 3, adverseEvents = 4, actualTreatment = 5
}

extension RandomStream {
    /// The stream of one subject for one purpose.
    init(seed: UInt64, subject: Int, purpose: StreamPurpose) {
        self.init(seed: seed, stream: UInt64(subject) << 4 | purpose.rawValue)
    }

    /// A trial-wide stream (site sizes = 1, randomization list of stratum s = 16 + s).
    init(seed: UInt64, trialWide tag: UInt64) {
        self.init(seed: seed, stream: 1 << 63 | tag)
    }
}
