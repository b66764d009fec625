import Testing
import ReadoutPlan
import ReadoutStats
import ReadoutTestSupport

@Suite struct TimeToEventAnalysisTests {
    static let methods = MethodSettings(profile: .r).resolved

    static func input() -> SurvivalInput {
        SurvivalInput(arms: ["A", "B"], referenceArm: 0, time: [1, 2, 3, 4, 5, 6, 7, 8], event: [true, false, true, true, false, true, true, false],
                      arm: [0, 0, 0, 0, 1, 1, 1, 1], landmarks: [3])
    }

    @Test func assemblesEveryBlock() throws {
        let labels = TimeToEventAnalysis.Labels(endpoint: "x", title: "X", type: .timeToEvent, population: "itt", timeUnit: "DAYS")
        let result = try TimeToEventAnalysis.run(Self.input(), labels: labels, methods: Self.methods)
        #expect(result.arms.count == 2)
        #expect(result.referenceArm == "A")
        #expect(result.cox?.hazardRatios.first?.arm == "B")
        #expect(result.landmarkDifferences.count == 1)
        #expect(result.competingRisks == nil)
    }
}
