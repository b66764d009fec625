// Stage 2: central randomization 1:1 by stratified permuted blocks of 4 (Zelen 1974; ICH E9 §2.3.1).
// Strata are STRAT1 (CR1/CR2) × STRAT2 (age <40 / ≥40). Eligible subjects are randomized 7–28 days
// after screening, in date order (ties by generation order); each stratum takes the next slot of its
// own list, whose blocks are random permutations of (A, A, B, B) drawn from a trial-wide stream.
// Hence within every stratum the arms never differ by more than 2 at any time.

extension SampleTrial {
    /// Assigns an arm and randomization date to every subject who passed screening.
    static func randomize(_ subjects: inout [SimulatedSubject], seed: UInt64) {
        for i in subjects.indices where subjects[i].screenFailureReason == nil {
            subjects[i].randomizationDate = subjects[i].screeningDate + subjects[i].randomizationDelay
        }
        let order = subjects.indices.filter { subjects[$0].randomizationDate != nil }.sorted {
            (subjects[$0].randomizationDate!, $0) < (subjects[$1].randomizationDate!, $1)
        }
        var lists = (0..<4).map { PermutedBlockList(seed: seed, stratum: $0) }
        for i in order {
            subjects[i].arm = lists[subjects[i].stratum].next()
        }
    }
}

/// One stratum's randomization list: consecutive random permutations of a block of 2 + 2.
struct PermutedBlockList {
    private var stream: RandomStream
    private var block: [TrialArm] = []

    init(seed: UInt64, stratum: Int) {
        stream = RandomStream(seed: seed, trialWide: 16 + UInt64(stratum))
    }

    /// The next assignment in the list.
    mutating func next() -> TrialArm {
        if block.isEmpty {
            block = stream.shuffled([.blinatumomab, .blinatumomab, .direct, .direct]).reversed()
        }
        return block.removeLast()
    }
}
