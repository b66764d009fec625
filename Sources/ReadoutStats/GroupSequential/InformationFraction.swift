/// Information fraction of a time-to-event look: observed events over the planned total (the
/// log-rank statistic's information is proportional to the number of events; Jennison & Turnbull
/// 2000, §3.7). Above 1 when the trial over-runs its plan; the caller decides what that means.
public func informationFraction(observedEvents: Int, plannedEvents: Int) throws(StatsError) -> Double {
    guard plannedEvents > 0 else {
        throw .invalidValue(argument: "plannedEvents", index: 0, value: Double(plannedEvents), expected: "a positive number of events")
    }
    guard observedEvents > 0 else {
        throw .invalidValue(argument: "observedEvents", index: 0, value: Double(observedEvents), expected: "at least one event")
    }
    return Double(observedEvents) / Double(plannedEvents)
}
