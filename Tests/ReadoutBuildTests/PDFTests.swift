import Foundation
import Testing
import ReadoutCore
import ReadoutTestSupport
@testable import ReadoutBuild

/// `readout build --pdf`: Chromium prints report.html before publishing; the manifest records the
/// PDF; a missing browser is a diagnostic naming the Debian package. Tests that need Chromium are
/// skipped, with the reason shown, where it is not installed (CI installs it).
@Suite(.serialized) struct PDFTests {
    static let chromium = (try? PDFPrinter.locate()) != nil
    static let skipReason: Comment = "needs Chromium (apt-get install chromium)"

    @Test(.enabled(if: PDFTests.chromium, PDFTests.skipReason))
    func buildPrintsACheckedPDFIntoTheBundleAndManifest() throws {
        let output = SampleBuildTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: output) }
        var action = BuildAction(projects: [SampleBuildTests.root + "/content/blinatumomab-mrd"], outputRoot: output,
                                 themeRoot: SampleBuildTests.root + "/themes/default")
        action.pdf = true
        _ = try action.run()
        let bundle = output + "/blinatumomab-mrd/ia1"
        let pdf = try Data(contentsOf: URL(fileURLWithPath: bundle + "/report.pdf"))
        let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: bundle + "/manifest.json")))
        let entry = try #require(manifest.pdf)
        #expect(entry.file == "report.pdf" && entry.size == pdf.count && entry.sha256 == DatasetLoader.sha256(Array(pdf)))
        #expect(entry.pages >= 10)
        #expect(manifest.files.contains { $0.path == "report.pdf" && $0.sha256 == entry.sha256 })
        #expect(PDFPrinter.structure(Array(pdf)).valid)
        let raw = String(decoding: pdf, as: UTF8.self)
        #expect(raw.contains("/CreationDate (D:20260630000000"))
        #expect(!raw.contains("file://"), "a link of the PDF points into the scratch folder")
        #expect(try VerifyAction(bundle: bundle).run() == manifest.files.count)
        // Readout's running header is there; the browser's own (a date, the file:// URL) is not.
        if let printer = try? PDFPrinter.locate(), let pdftotext = printer.pdftotext {
            let text = PDFPrinter.run(pdftotext, ["-l", "2", bundle + "/report.pdf", "-"]).stdout
            #expect(text.contains("BLINA-MRD"))
            #expect(!text.contains("file://") && !text.contains("report.html"))
        }
    }

    @Test func withoutChromiumTheBuildNamesTheDebianPackageAndWritesNothing() throws {
        #expect {
            _ = try PDFPrinter.locate(environment: ["PATH": "/nonexistent"])
        } throws: { error in
            let d = (error as? DiagnosticsError)?.diagnostics.first
            return d?.identifier == "build.pdf-no-chromium" && d?.subject.expected?.contains("apt-get install chromium") == true
        }
        #expect(throws: DiagnosticsError.self) {
            _ = try PDFPrinter.locate(environment: ["PATH": "/usr/bin", "READOUT_CHROMIUM": "/nonexistent/chromium"])
        }
    }

    @Test func theStructureCheckCountsPagesNotThePageTree() {
        let pdf = Array("%PDF-1.4\n1 0 obj <</Type /Pages /Kids [2 0 R 3 0 R]>> endobj\n2 0 obj <</Type /Page>> endobj\n3 0 obj <</Type/Page /Parent 1 0 R>> endobj\ntrailer <<>>\n%%EOF\n".utf8)
        #expect(PDFPrinter.structure(pdf) == (true, 2))
        #expect(PDFPrinter.structure(Array("<html>%%EOF".utf8)).valid == false)
        #expect(PDFPrinter.structure(Array("%PDF-1.4\n".utf8)).valid == false)
        #expect(PDFPrinter.words("Short-term\n blinatumomab  before") == "Short-term blinatumomab before")
    }

    @Test func linksToSectionsOfOtherPagesStayInTheReport() {
        let html = Array(##"<a href="efficacy.html#rfs">E</a> <a href="index.html">I</a> <a href="https://x.org/a.html#b">X</a>"##.utf8)
        #expect(String(decoding: PDFPrinter.inDocumentLinks(html), as: UTF8.self)
            == ##"<a href="#rfs">E</a> <a href="index.html">I</a> <a href="https://x.org/a.html#b">X</a>"##)
    }

    @Test func printingDatesBecomeTheCutOffWithoutMovingAByte() {
        let pdf = Array("%PDF-1.4\n<</CreationDate (D:20261203174659+00'00')\n/ModDate (D:20261203174659+00'00')>>\n%%EOF".utf8)
        let stamped = PDFPrinter.stampDates(pdf, dataCutoff: "2026-06-30")
        #expect(stamped.count == pdf.count)
        #expect(String(decoding: stamped, as: UTF8.self) == "%PDF-1.4\n<</CreationDate (D:20260630000000+00'00')\n/ModDate (D:20260630000000+00'00')>>\n%%EOF")
        #expect(PDFPrinter.stampDates(pdf, dataCutoff: "June") == PDFPrinter.stampDates(pdf, dataCutoff: "1970-01-01"))
        let odd = Array("/ModDate (D:2026)".utf8)
        #expect(PDFPrinter.stampDates(odd, dataCutoff: "2026-06-30") == odd)
    }
}
