public import ReadoutCore
public import ReadoutStats

/// An `interim:` design that has passed `InterimDesignValidation`: the monitored endpoint resolved, the
/// spending functions as ReadoutStats takes them, every number in range. The looks of a build are the
/// earlier looks, this build's information fraction and the final analysis (`design(currentFraction:)`).
public struct ValidatedInterimDesign: Sendable {
    public let settings: InterimDesign
    public let endpoint: EndpointID
    /// Where `interim.earlierLooks` is in trial.yaml, for build-time diagnostics about the looks.
    public let looksLocation: SourceLocation
    public let efficacyFamily: SpendingFamily
    public let futilityFamily: SpendingFamily?
    public let efficacy: SpendingFunction
    public let futility: SpendingFunction?

    public var plannedEvents: Int { settings.plannedEvents }
    public var hazardRatio: Double { settings.hazardRatio }
    public var alpha: Double { settings.alpha }
    public var sided: Int { settings.resolvedSided }
    public var beta: Double { 1 - settings.resolvedPower }
    public var earlierLooks: [Double] { settings.earlierLooks ?? [] }
    public var plannedLooks: [Double] { settings.plannedLooks ?? [] }

    /// The design at a look with information fraction `t` (capped at 1: a look at or beyond the planned
    /// events is the final analysis): earlier looks, then `t`, then the planned looks beyond `t`, then 1.
    public func design(currentFraction t: Double) -> GroupSequentialDesign {
        let current = min(t, 1)
        let rates = earlierLooks + (current < 1 ? [current] + plannedLooks.filter { $0 > current } + [1] : [1])
        return GroupSequentialDesign(informationRates: rates, alpha: alpha, sided: sided, efficacySpending: efficacy,
                                     futilitySpending: futility, beta: beta)
    }
}

/// The checks of `interim:` (part of `PlanValidation`); every problem at its line.
enum InterimDesignValidation {
    /// At most this many looks before the current one (rpact allows 20 looks in all).
    static let maximumEarlierLooks = 18
    /// A bound far beyond any trial, so information fractions stay well-conditioned.
    static let maximumPlannedEvents = 10_000_000

    static func validate(_ design: InterimDesign, plan: TrialPlan, sources: SourceMap,
                         error: (String, String, String, String?, String?, [String]) -> Void) -> ValidatedInterimDesign? {
        var ok = true
        func fail(_ path: String, _ id: String, _ message: String, value: String? = nil, expected: String? = nil, notes: [String] = []) {
            ok = false
            error("interim." + path, id, message, value, expected, notes)
        }
        let timeToEvent = plan.endpoints.filter { if case .timeToEvent = $0 { true } else { false } }.map(\.id)
        if !timeToEvent.contains(design.endpoint) {
            fail("endpoint", "plan.interim.endpoint", "the interim design must monitor a time-to-event endpoint of the plan",
                 value: design.endpoint.rawValue,
                 expected: timeToEvent.isEmpty ? "a time-to-event endpoint" : "one of \(timeToEvent.map(\.rawValue).joined(separator: ", "))")
        }
        if plan.arms.levels.count != 2 {
            fail("endpoint", "plan.interim.arms", "an interim design compares two arms (the stratified log-rank z of one arm against the reference)",
                 value: "\(plan.arms.levels.count) arms", expected: "exactly 2 arms under arms.levels")
        }
        if !(design.plannedEvents > 0 && design.plannedEvents <= maximumPlannedEvents) {
            fail("plannedEvents", "plan.invalid-value", "the planned number of events must be positive", value: "\(design.plannedEvents)",
                 expected: "a whole number from 1 to \(maximumPlannedEvents)")
        }
        if !(design.hazardRatio > 0 && design.hazardRatio < 1) {
            fail("hazardRatio", "plan.invalid-value", "the design hazard ratio (experimental vs reference arm) must be below 1",
                 value: "\(design.hazardRatio)", expected: "a number in (0, 1), e.g. 0.65")
        }
        if !(design.alpha > 0 && design.alpha < 0.5) {
            fail("alpha", "plan.invalid-value", "alpha must be a probability below 0.5", value: "\(design.alpha)", expected: "a number in (0, 0.5), e.g. 0.025")
        }
        if let sided = design.sided, sided != 1 && sided != 2 {
            fail("sided", "plan.invalid-value", "a design is one- or two-sided", value: "\(sided)", expected: "1 or 2")
        }
        if let power = design.power, !(power > 0.5 && power < 1) {
            fail("power", "plan.invalid-value", "power must be a probability above 0.5", value: "\(power)", expected: "a number in (0.5, 1), e.g. 0.8")
        }
        let efficacy = spending(design.efficacy, path: "efficacy", fail: fail)
        var futility: (SpendingFamily, SpendingFunction)?
        if let settings = design.futility {
            futility = spending(settings, path: "futility", fail: fail)
            if design.sided == 2 {
                fail("futility", "plan.invalid-value", "a futility boundary needs a one-sided design", value: "sided: \(design.resolvedSided)",
                     expected: "sided: 1, or no futility")
            }
        }
        let looks = design.earlierLooks ?? []
        if looks.count > maximumEarlierLooks {
            fail("earlierLooks", "plan.invalid-value", "too many earlier looks", value: "\(looks.count)", expected: "at most \(maximumEarlierLooks)")
        }
        var previous = 0.0
        for (i, t) in looks.enumerated() {
            if !(t > previous && t < 1) {
                fail("earlierLooks[\(i)]", "plan.invalid-value", "earlier looks are information fractions, increasing, below 1",
                     value: "\(t)", expected: "a number in (\(NumberFormat.fixed(previous, digits: 3)), 1)")
            }
            if t.isFinite { previous = max(previous, t) }
        }
        let planned = design.plannedLooks ?? []
        if looks.count + planned.count > maximumEarlierLooks {
            fail("plannedLooks", "plan.invalid-value", "too many looks", value: "\(looks.count + planned.count)",
                 expected: "at most \(maximumEarlierLooks) earlier and planned looks together")
        }
        for (i, t) in planned.enumerated() {
            if !(t > previous && t < 1) {
                fail("plannedLooks[\(i)]", "plan.invalid-value", "planned looks are information fractions after the earlier looks, increasing, below 1",
                     value: "\(t)", expected: "a number in (\(NumberFormat.fixed(previous, digits: 3)), 1)")
            }
            if t.isFinite { previous = max(previous, t) }
        }
        guard ok, let efficacy else { return nil }
        return ValidatedInterimDesign(settings: design, endpoint: design.endpoint, looksLocation: sources.location("interim.earlierLooks"),
                                      efficacyFamily: efficacy.0, futilityFamily: futility?.0,
                                      efficacy: efficacy.1, futility: futility?.1)
    }

    /// The family (with a "did you mean" for a near miss) and its γ: required for Hwang–Shih–DeCani, in
    /// rpact's [−10, 5]; not allowed for the other families.
    static func spending(_ settings: SpendingSettings, path: String,
                         fail: (String, String, String, String?, String?, [String]) -> Void) -> (SpendingFamily, SpendingFunction)? {
        let names = SpendingFamily.allCases.map(\.rawValue)
        guard let family = SpendingFamily(rawValue: settings.family) else {
            let nearest = names.min { editDistance($0, settings.family) < editDistance($1, settings.family) }
            let notes = nearest.flatMap { editDistance($0, settings.family) <= 4 ? ["did you mean '\($0)'?"] : nil } ?? []
            fail(path + ".family", "plan.interim.unknown-spending", "unknown spending function", settings.family,
                 "one of \(names.joined(separator: ", "))", notes)
            return nil
        }
        switch family {
        case .hwangShihDeCani:
            guard let gamma = settings.gamma else {
                fail(path, "plan.missing-key", "a Hwang–Shih–DeCani spending function needs 'gamma'", nil, "gamma: a number in [-10, 5]", [])
                return nil
            }
            guard gamma >= -10, gamma <= 5 else {
                fail(path + ".gamma", "plan.invalid-value", "gamma is outside the range of the family", "\(gamma)", "a number in [-10, 5]", [])
                return nil
            }
            return (family, .hwangShihDeCani(gamma: gamma))
        case .obrienFleming, .pocock:
            if settings.gamma != nil {
                fail(path + ".gamma", "plan.invalid-value", "only the hwang-shih-decani family takes gamma", nil, "no gamma for \(family.rawValue)", [])
                return nil
            }
            return (family, family == .pocock ? .pocock : .obrienFleming)
        }
    }

    /// Levenshtein distance, for "did you mean".
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
