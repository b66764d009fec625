/// A group-sequential design for one primary endpoint, as rpact's `getDesignGroupSequential` takes it:
/// information rates of the looks, overall α (one- or two-sided), an α-spending function, and optional
/// non-binding futility by β-spending under the alternative that gives power 1 − β.
public struct GroupSequentialDesign: Sendable, Equatable {
    /// Cumulative information fractions t₁ < … < t_K = 1 (rpact's `informationRates`).
    public var informationRates: [Double]
    /// Overall type I error; for `sided == 2` the two tails together.
    public var alpha: Double
    /// 1 (one-sided, upper boundary) or 2 (two-sided, symmetric boundaries ±c_k).
    public var sided: Int
    /// α-spending function (rpact `asOF`, `asP`, `asHSD` with `gammaA`).
    public var efficacySpending: SpendingFunction
    /// β-spending function for a non-binding futility boundary (rpact `bsOF`, `bsP`, `bsHSD` with
    /// `gammaB`, `bindingFutility = FALSE`); `nil` for no futility boundary. One-sided designs only.
    public var futilitySpending: SpendingFunction?
    /// Type II error at the design alternative (rpact `beta`); 1 − power.
    public var beta: Double

    public init(
        informationRates: [Double], alpha: Double = 0.025, sided: Int = 1,
        efficacySpending: SpendingFunction, futilitySpending: SpendingFunction? = nil, beta: Double = 0.2
    ) {
        self.informationRates = informationRates
        self.alpha = alpha
        self.sided = sided
        self.efficacySpending = efficacySpending
        self.futilitySpending = futilitySpending
        self.beta = beta
    }

    /// Checks the design: 1–20 looks, rates strictly increasing in (0, 1] and ending at 1, α and β in
    /// (0, 0.5), `sided` 1 or 2, futility only one-sided, HSD γ in [−10, 5] (rpact's range).
    public func validate() throws(StatsError) {
        let rates = informationRates
        guard !rates.isEmpty else { throw .empty(argument: "informationRates") }
        guard rates.count <= 20 else {
            throw .invalidValue(argument: "informationRates", index: 20, value: rates[20], expected: "at most 20 looks")
        }
        var previous = 0.0
        for (i, t) in rates.enumerated() {
            guard t.isFinite, t > previous, t <= 1 else {
                throw .invalidValue(argument: "informationRates", index: i, value: t,
                                    expected: "strictly increasing information fractions in (0, 1]")
            }
            previous = t
        }
        guard rates[rates.count - 1] == 1 else {
            throw .invalidValue(argument: "informationRates", index: rates.count - 1, value: rates[rates.count - 1],
                                expected: "the last look at information fraction 1")
        }
        guard alpha.isFinite, alpha > 0, alpha < 0.5 else {
            throw .invalidValue(argument: "alpha", index: 0, value: alpha, expected: "a probability in (0, 0.5)")
        }
        guard sided == 1 || sided == 2 else {
            throw .invalidValue(argument: "sided", index: 0, value: Double(sided), expected: "1 or 2")
        }
        try Self.validate(efficacySpending, argument: "gammaA")
        if let futility = futilitySpending {
            guard sided == 1 else {
                throw .invalidValue(argument: "sided", index: 0, value: Double(sided),
                                    expected: "1 (a futility boundary needs a one-sided design)")
            }
            try Self.validate(futility, argument: "gammaB")
            guard beta.isFinite, beta > 0, beta < 0.5 else {
                throw .invalidValue(argument: "beta", index: 0, value: beta, expected: "a probability in (0, 0.5)")
            }
        }
    }

    private static func validate(_ spending: SpendingFunction, argument: String) throws(StatsError) {
        if case let .hwangShihDeCani(gamma) = spending {
            // rpact's range for gammaA and gammaB.
            guard gamma >= -10, gamma <= 5 else {
                throw .invalidValue(argument: argument, index: 0, value: gamma, expected: "γ in [−10, 5]")
            }
        }
    }
}
