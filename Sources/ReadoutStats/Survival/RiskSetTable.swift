/// Counts of a right-censored sample at each distinct time: at risk (time ≥ t), events and
/// censorings at t. One row per distinct time, event or censoring, as R's `survfit` table.
///
/// Built by one stable sort on time, an optional `aeqSurv` collapse of near-ties (``TiedTimes``), one
/// pass over runs of equal times, and a suffix count for the risk set: O(n log n) time, O(n) memory.
struct RiskSetTable: Sendable {
    var time: [Double] = []
    var atRisk: [Int] = []
    var events: [Int] = []
    var censored: [Int] = []

    init(time: [Double], event: [Bool], collapseTies: Bool) {
        let n = time.count
        // Sort (time, event) pairs once; events and censorings at a time are counted together.
        var pairs = [(time: Double, event: Bool)]()
        pairs.reserveCapacity(n)
        for i in 0..<n { pairs.append((time[i], event[i])) }
        pairs.sort { $0.time < $1.time }
        var sortedTime = pairs.map(\.time)
        if collapseTies { TiedTimes.collapseSorted(&sortedTime) }

        var i = 0
        while i < n {
            let t = sortedTime[i]
            var d = 0, c = 0
            let start = i
            while i < n && sortedTime[i] == t {
                if pairs[i].event { d += 1 } else { c += 1 }
                i += 1
            }
            self.time.append(t)
            atRisk.append(n - start)
            events.append(d)
            censored.append(c)
        }
    }
}
