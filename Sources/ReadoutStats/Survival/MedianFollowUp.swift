/// Median follow-up by the reverse Kaplan-Meier method (Schemper & Smith 1996): censoring is the
/// event and events are censorings, i.e. R's `survfit(Surv(time, 1 - status) ~ 1)` or SAS LIFETEST
/// with the censoring indicator reversed. At a tied time the reversed events (the censorings) are
/// counted with everyone tied still at risk, as in any Kaplan-Meier fit.
public enum MedianFollowUp {
    /// The median of the reverse Kaplan-Meier curve with its CI, under the options' transform and
    /// convention (the reference files use log-log and R's table rule).
    public static func estimate(
        time: [Double], event: [Bool], options: KaplanMeierOptions
    ) throws(StatsError) -> Estimate {
        try reverseCurve(time: time, event: event, options: options).median
    }

    /// The reverse Kaplan-Meier curve itself (its `events` are the censored subjects).
    public static func reverseCurve(
        time: [Double], event: [Bool], options: KaplanMeierOptions
    ) throws(StatsError) -> KaplanMeierCurve {
        try KaplanMeier.fit(time: time, event: event.map { !$0 }, options: options)
    }
}
