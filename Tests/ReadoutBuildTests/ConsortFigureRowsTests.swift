import Foundation
import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutBuild

/// The CONSORT figure as built: every level (allocation, stages, follow-up, analysis) is one horizontal
/// row across arms, also when a stage belongs to some arms only — in the sample (two arms) and in the
/// CDISC pilot (three arms), each with a narrowing stage of some arms added in a copy of the project —
/// and the open report draws the same levels pooled, in one column.
@Suite(.serialized) struct ConsortFigureRowsTests {
    static let root = Fixtures.repositoryRoot.path

    /// A drawn box of the figure: its frame and first (bold) line.
    struct Box { var x, y, width, height: Double; var heading: String }

    /// The boxes of the first SVG of a page, from its `<g class="box">` groups, and its vertical connectors.
    static func boxes(_ html: String) throws -> (boxes: [Box], verticals: [(x: Double, from: Double, to: Double)]) {
        let svg = String(try #require(html.firstMatch(of: /<svg[\s\S]*?<\/svg>/)).output)
        let boxes = svg.matches(of: /<g class="box">\s*<rect x="([-0-9.]+)" y="([-0-9.]+)" width="([0-9.]+)" height="([0-9.]+)"[^>]*\/>\s*<text[^>]*>([^<]*)<\/text>/).map {
            Box(x: Double($0.output.1)!, y: Double($0.output.2)!, width: Double($0.output.3)!, height: Double($0.output.4)!, heading: String($0.output.5))
        }
        let path = String(try #require(svg.firstMatch(of: /<path d="([^"]*)" class="connectors"/)).output.1)
        let verticals = path.matches(of: /M([-0-9.]+) ([-0-9.]+)V([-0-9.]+)/).map {
            (x: Double($0.output.1)!, from: Double($0.output.2)!, to: Double($0.output.3)!)
        }
        return (boxes, verticals)
    }

    /// Whether one vertical connector runs from the bottom of `upper` to just above `lower` (its arrowhead,
    /// 7 units, ends on `lower`), down the middle of both: nothing drawn between them in that column.
    static func straight(_ verticals: [(x: Double, from: Double, to: Double)], from upper: Box, to lower: Box) -> Bool {
        let x = upper.x + upper.width / 2
        return abs(x - (lower.x + lower.width / 2)) < 0.01
            && verticals.contains { abs($0.x - x) < 0.01 && abs($0.from - (upper.y + upper.height)) < 0.01 && abs($0.to - (lower.y - 7)) < 0.01 }
    }

    /// Copies a committed project, applies one edit to its trial.yaml, builds it and returns the page.
    static func build(_ name: String, _ old: String, _ new: String, page: String = "consort.html", output: String) throws -> String {
        let projects = output + "/projects"
        try FileManager.default.createDirectory(atPath: projects, withIntermediateDirectories: true)
        let project = projects + "/" + name
        try FileManager.default.copyItem(atPath: root + "/content/" + name, toPath: project)
        try InterimBuildTests.edit(project, old, new)
        let outcome = try BuildAction(projects: [project], outputRoot: output + "/out", themeRoot: root + "/themes/default").run()
        return try String(contentsOfFile: try #require(outcome.bundles.first) + "/" + page, encoding: .utf8)
    }

    /// Boxes whose heading starts with `prefix`, left to right.
    static func row(_ boxes: [Box], _ prefix: String) -> [Box] { boxes.filter { $0.heading.hasPrefix(prefix) }.sorted { $0.x < $1.x } }

    @Test func sampleWithAStageOfOneArmKeepsEveryRowAligned() throws {
        let output = SampleBuildTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        // "Received protocol therapy" for the direct-transplant arm only (it narrows the flow).
        let page = try Self.build("blinatumomab-mrd", "      flags: [SAFFL]\n      reason: NOHSCTRS\n",
                                  "      flags: [SAFFL]\n      arms: [\"Direct allo-HSCT\"]\n      reason: NOHSCTRS\n", output: output)
        let (boxes, verticals) = try Self.boxes(page)
        for prefix in ["Allocated to", "Underwent allo-HSCT", "Follow-up", "Analysis"] {
            let row = Self.row(boxes, prefix)
            #expect(row.count == 2 && Set(row.map(\.y)).count == 1 && Set(row.map(\.height)).count == 1,
                    "row '\(prefix)': \(row.map { ($0.x, $0.y, $0.height) })")
        }
        let received = Self.row(boxes, "Received protocol therapy")
        let allocated = Self.row(boxes, "Allocated to"), transplanted = Self.row(boxes, "Underwent allo-HSCT")
        try #require(received.count == 1)
        #expect(received[0].x == allocated[1].x, "the stage is drawn in the direct arm's column only")
        // The blinatumomab arm's arrow runs from its allocation box straight to its transplant box.
        #expect(Self.straight(verticals, from: allocated[0], to: transplanted[0]))
        // The stage's side box belongs to the direct arm: right of its column, between allocation and the stage.
        let lost = try #require(Self.row(boxes, "Did not receive protocol").first)
        #expect(lost.x > allocated[1].x + allocated[1].width && lost.y > allocated[1].y + allocated[1].height && lost.y + lost.height < received[0].y)
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                let a = boxes[i], b = boxes[j]
                #expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y,
                        "'\(a.heading)' and '\(b.heading)' overlap")
            }
        }
        // The table says the same: "—" for the arm without the stage.
        #expect(page.contains(#"<th scope="row">Received protocol therapy</th><td class="num">—</td><td class="num">97</td>"#))
    }

    @Test func pilotWithAStageOfTwoOfThreeArmsKeepsEveryRowAligned() throws {
        let output = SampleBuildTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        // A week-8 stage for the two xanomeline arms (a test project only: the pilot reports no such box).
        let page = try Self.build("cdiscpilot01", "    - label: \"Completed week 24\"\n", """
                                      - label: "Completed week 8"
                                        arms: ["Xanomeline Low Dose", "Xanomeline High Dose"]
                                        flags: [COMP8FL]
                                        reason: DCSREAS
                                        lostLabel: "Discontinued before week 8"
                                      - label: "Completed week 24"

                                  """, output: output)
        let (boxes, verticals) = try Self.boxes(page)
        for prefix in ["Allocated to", "Received study drug", "Completed week 24", "Follow-up", "Analysis"] {
            let row = Self.row(boxes, prefix)
            #expect(row.count == 3 && Set(row.map(\.y)).count == 1 && Set(row.map(\.height)).count == 1,
                    "row '\(prefix)': \(row.map { ($0.x, $0.y, $0.height) })")
        }
        let week8 = Self.row(boxes, "Completed week 8"), allocated = Self.row(boxes, "Allocated to")
        #expect(week8.count == 2 && week8[0].y == week8[1].y && week8.map(\.x) == [allocated[1].x, allocated[2].x])
        let received = Self.row(boxes, "Received study drug"), week24 = Self.row(boxes, "Completed week 24")
        #expect(Self.straight(verticals, from: received[0], to: week24[0]),
                "placebo passes straight from 'Received study drug' to 'Completed week 24'")
        // Side boxes: "Discontinued before week 8" for the two xanomeline arms, "… week 24" for all three.
        #expect(Self.row(boxes, "Discontinued before").count == 5)
    }

    @Test func theOpenSampleDrawsFollowUpAndAnalysisPooledInOneColumn() throws {
        let output = SampleBuildTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let page = try Self.build("blinatumomab-mrd", "  dataCutoff: \"2026-06-30\"\n", "  dataCutoff: \"2026-06-30\"\n  audience: open\n", output: output)
        let (boxes, _) = try Self.boxes(page)
        let headings = ["Assessed for eligibility", "Excluded (n = 97)", "Randomized (all arms)", "Did not receive protocol",
                        "Received protocol therapy", "Not transplanted (n = 9)", "Underwent allo-HSCT", "Follow-up", "Analysis"]
        #expect(boxes.count == headings.count && zip(boxes, headings).allSatisfy { $0.heading.hasPrefix($1) }, "\(boxes.map(\.heading))")
        #expect(Set(boxes.filter { !$0.heading.hasPrefix("Excluded") && !$0.heading.hasPrefix("Did not") && !$0.heading.hasPrefix("Not ") }.map(\.x)).count == 1,
                "one column")
        // docs/sample-trial.md: 203 randomized, 189 transplanted; follow-up 5 lost, 80 discontinued (3 + 2, 37 + 43).
        for text in ["Lost to follow-up (n = 5)", "Discontinued (n = 80)", "Excluded from analysis (n = 14)", "Analysed for safety (n = 198)"] {
            #expect(page.contains(">" + text + "</text>"), "figure: \(text)")
        }
        #expect(page.contains(#"<th scope="row">Lost to follow-up</th><td class="num">5</td>"#))
        #expect(page.contains(#"<th scope="row">Discontinued</th><td class="num">80</td>"#))
        #expect(!page.contains("Blinatumomab") && !page.contains("Direct allo-HSCT"))
    }
}
