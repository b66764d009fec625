import Foundation
import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutBuild

/// A real wide table on landscape pages: the CDISC pilot's AE table by severity (three arms × "Any
/// severity" / "Severe" = 7 columns) printed by `readout build --pdf`, checked with poppler: the pages
/// of that table (and its heading) are landscape, every other page portrait, and every page carries the
/// running header across its whole width and the running footer inside the page.
@Suite(.serialized) struct WideTablePDFTests {
    static let tools: (pdfinfo: String, pdftotext: String)? = {
        guard let printer = try? PDFPrinter.locate(), let info = printer.pdfinfo, let text = printer.pdftotext else { return nil }
        return (info, text)
    }()

    /// Width and height in points of each page.
    static func pageSizes(_ pdf: String, pdfinfo: String) -> [(Double, Double)] {
        let out = PDFPrinter.run(pdfinfo, ["-f", "1", "-l", "1000", pdf]).stdout
        return out.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains(" size:") }.map { line in
            let numbers = line.split(separator: " ").compactMap { Double($0) }
            return (numbers[1], numbers[2])
        }
    }

    @Test(.enabled(if: WideTablePDFTests.tools != nil, "needs Chromium and poppler-utils (apt-get install chromium poppler-utils)"))
    func theSeverityTablePrintsOnLandscapePagesWithTheRunningHeadOnEachPage() throws {
        let (pdfinfo, pdftotext) = try #require(Self.tools)
        let output = SampleBuildTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        var action = BuildAction(projects: [SampleBuildTests.root + "/content/cdiscpilot01"], outputRoot: output,
                                 themeRoot: SampleBuildTests.root + "/themes/default")
        action.pdf = true
        _ = try action.run()
        let pdf = output + "/cdiscpilot01/v1/report.pdf"
        let sizes = Self.pageSizes(pdf, pdfinfo: pdfinfo)
        #expect(sizes.count > 5)
        let landscape = sizes.indices.filter { sizes[$0].0 > sizes[$0].1 }
        // The pages whose text holds the table: its caption to its last footnote.
        func text(_ page: Int, layout: Bool = false) -> String {
            PDFPrinter.run(pdftotext, ["-f", "\(page + 1)", "-l", "\(page + 1)"] + (layout ? ["-layout"] : []) + [pdf, "-"]).stdout
        }
        let first = try #require(sizes.indices.first { text($0).contains("Adverse events by system organ class and preferred term") })
        let last = try #require(sizes.indices.first { text($0).contains("under Severe if any of their events in the row is") })
        #expect(landscape == Array(first...last), "landscape exactly where the wide table is")
        #expect(text(first).contains("By system organ class and preferred term"), "the heading moved with its table")
        #expect(landscape.count >= 2)
        for page in sizes.indices {
            let (width, height) = sizes[page]
            #expect(abs(min(width, height) - 595) < 1 && abs(max(width, height) - 842) < 1, "A4")
            let words = PDFPrinter.run(pdftotext, ["-f", "\(page + 1)", "-l", "\(page + 1)", "-bbox", pdf, "-"]).stdout
            // Header: the version at the right margin of this page, in its top margin; footer inside the page.
            let boxes = Self.boxes(words)
            let version = try #require(boxes.first { $0.word == "version" }, "page \(page + 1) has no running header")
            let cutoff = try #require(boxes.last { $0.word == "2015-03-05" && $0.yMin < 60 })
            #expect(cutoff.xMax > width - 16 / 25.4 * 72 - 5 && cutoff.xMax <= width, "header spans page \(page + 1)")
            #expect(version.yMin < 60)
            let generator = try #require(boxes.last { $0.word == "Readout" }, "page \(page + 1) has no running footer")
            #expect(generator.yMin > height - 60 && generator.yMax < height, "footer at the foot of page \(page + 1)")
        }
    }

    static func boxes(_ html: String) -> [(word: String, xMax: Double, yMin: Double, yMax: Double)] {
        let pattern = try! NSRegularExpression(pattern: #"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>"#)
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { m in
            func s(_ i: Int) -> String { String(html[Range(m.range(at: i), in: html)!]) }
            return (s(5), Double(s(3))!, Double(s(2))!, Double(s(4))!)
        }
    }
}
