import Testing
import ReadoutCore

@Suite struct SourceMapTests {
    static let map = SourceMap(file: "trial.yaml", locations: [
        "": SourceLocation(file: "trial.yaml", line: 1, column: 1),
        "endpoints[0]": SourceLocation(file: "trial.yaml", line: 60, column: 5),
        "endpoints[0].landmarks": SourceLocation(file: "trial.yaml", line: 66, column: 16),
    ])

    @Test func findsAValueByItsPath() {
        #expect(Self.map.location("endpoints[0].landmarks").line == 66)
    }

    @Test func fallsBackToTheNearestEnclosingValue() {
        #expect(Self.map.location("endpoints[0].landmarks[2]").line == 66)
        #expect(Self.map.location("endpoints[0].strata").line == 60)
        #expect(Self.map.location("arms.reference").line == 1)
    }

    @Test func anEmptyMapGivesTheFile() {
        #expect(SourceMap(file: "t.yaml").location("a.b") == SourceLocation(file: "t.yaml"))
    }
}
