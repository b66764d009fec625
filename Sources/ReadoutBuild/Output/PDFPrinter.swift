import Foundation
import ReadoutCore

/// `readout build --pdf`: prints a version's `report.html` to `report.pdf` with Debian's headless
/// Chromium before the version is published, so the PDF enters the bundle through the same staged,
/// atomic publish as every other file and a failed print leaves nothing behind. The rendered
/// report and its assets are written to a private scratch folder, printed from there
/// (`--no-pdf-header-footer`, and the older spelling `--print-to-pdf-no-header`, which newer
/// versions ignore: the page furniture is Readout's own `@page` margin boxes), and the result is
/// checked: a PDF file with at least one page that contains the report title. The check uses
/// poppler's `pdfinfo` and `pdftotext` when installed; without them, a minimal check of the PDF's
/// structure (`%PDF-` header, `%%EOF`, page objects counted) that cannot read the text. Chromium
/// stamps the PDF with the time of printing (`/CreationDate`, `/ModDate`); both are set to the
/// data cut-off (same length, so the cross-reference offsets stay valid), so rebuilding a version
/// gives the same bytes, like every other file of a bundle.
struct PDFPrinter {
    /// The Debian package that provides the browser.
    static let package = "chromium"
    /// Executable names searched on PATH, in order.
    static let browserNames = ["chromium", "chromium-browser"]
    /// How long one print may take.
    static let timeout: TimeInterval = 300

    let browser: String
    let pdfinfo: String?
    let pdftotext: String?

    /// Finds the browser (`READOUT_CHROMIUM` names it explicitly) and poppler's tools; a diagnostic naming the package when Chromium is missing.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(DiagnosticsError) -> PDFPrinter {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        func find(_ name: String) -> String? {
            path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        let explicit = environment["READOUT_CHROMIUM"].flatMap { $0.isEmpty ? nil : $0 }
        guard let browser = explicit.map({ FileManager.default.isExecutableFile(atPath: $0) ? $0 : nil }) ?? browserNames.lazy.compactMap(find).first else {
            throw DiagnosticsError([Diagnostic(.error, "build.pdf-no-chromium", "--pdf needs Chromium, which was not found",
                                               variable: explicit == nil ? "PATH" : "READOUT_CHROMIUM", value: explicit ?? browserNames.joined(separator: ", "),
                                               expected: "the Debian package '\(package)' installed (apt-get install \(package)), or READOUT_CHROMIUM naming its executable")])
        }
        return PDFPrinter(browser: browser, pdfinfo: find("pdfinfo"), pdftotext: find("pdftotext"))
    }

    /// Prints `report.html` of `files` (with the `assets/` it links) and returns the checked PDF.
    func print(files: [(String, [UInt8])], title: String, dataCutoff: String, bundle: String) throws(DiagnosticsError) -> (bytes: [UInt8], pages: Int) {
        let scratch = NSTemporaryDirectory() + "readout-pdf-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let report = bundle + "/report.pdf"
        func failure(_ what: String, _ detail: String) -> DiagnosticsError {
            DiagnosticsError([Diagnostic(.error, "build.pdf-failed", at: SourceLocation(file: report), what, value: detail,
                                         expected: "Chromium (\(browser)) printing report.html to a PDF with the report title")])
        }
        do {
            var printed = files.filter { $0.0 == "report.html" || $0.0.hasPrefix("assets/") }
            if let index = printed.firstIndex(where: { $0.0 == "report.html" }) {
                // Running header and footer as margin boxes, right on landscape pages too (PrintRunningHead).
                if let running = PrintRunningHead.apply(to: Self.inDocumentLinks(printed[index].1)) {
                    printed[index].1 = running.html
                    printed.append((PrintRunningHead.stylesheet, running.css))
                } else {
                    printed[index].1 = Self.inDocumentLinks(printed[index].1)
                }
            }
            for (path, bytes) in printed {
                let target = scratch + "/" + path
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(bytes).write(to: URL(fileURLWithPath: target))
            }
        } catch {
            throw failure("cannot prepare the report for printing", "\(error)")
        }
        var arguments = ["--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                         "--user-data-dir=\(scratch)/profile", "--no-pdf-header-footer", "--print-to-pdf-no-header",
                         "--print-to-pdf=\(scratch)/report.pdf", URL(fileURLWithPath: scratch + "/report.html").absoluteString]
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 0) }  // Chromium refuses to run as root with its sandbox
        let run = Self.run(browser, arguments)
        guard let data = FileManager.default.contents(atPath: scratch + "/report.pdf"), !data.isEmpty else {
            throw failure("Chromium wrote no PDF", run.status == 0 ? "no output file" : "exit status \(run.status): \(run.stderr.suffix(300))")
        }
        let pages = try check(Array(data), title: title, scratch: scratch, failure: failure)
        return (Self.stampDates(Array(data), dataCutoff: dataCutoff), pages)
    }

    /// The printed copy's links to a section of another page (`efficacy.html#rfs`) made links within the
    /// report (`#rfs`: report.html holds every section under the same id). In the PDF they would
    /// otherwise be file:// links into the scratch folder, dead for the reader.
    static func inDocumentLinks(_ html: [UInt8]) -> [UInt8] {
        let text = String(decoding: html, as: UTF8.self)
        let pattern = try! NSRegularExpression(pattern: #"href="[A-Za-z0-9][A-Za-z0-9._%-]*\.html#"#)
        let range = NSRange(text.startIndex..., in: text)
        return Array(pattern.stringByReplacingMatches(in: text, range: range, withTemplate: "href=\"#").utf8)
    }

    /// The 14 digits after `/CreationDate (D:` and `/ModDate (D:` replaced by the cut-off (YYYYMMDD000000;
    /// 1970-01-01 if the cut-off is not an ISO date). Nothing else changes; no byte moves.
    static func stampDates(_ bytes: [UInt8], dataCutoff: String) -> [UInt8] {
        var date = dataCutoff.filter(\.isNumber)
        if date.count != 8 || dataCutoff.count != 10 { date = "19700101" }
        let stamp = Array((date + "000000").utf8)
        var out = bytes
        for key in ["/CreationDate (D:", "/ModDate (D:"].map({ Array($0.utf8) }) {
            var i = 0
            while i + key.count + stamp.count <= out.count {
                if out[i] == key[0], Array(out[i..<i + key.count]) == key {
                    let start = i + key.count
                    if out[start..<start + stamp.count].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                        out.replaceSubrange(start..<start + stamp.count, with: stamp)
                    }
                    i = start
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    /// Page count of a PDF that has at least one page and the title in its text (see the type comment).
    func check(_ bytes: [UInt8], title: String, scratch: String, failure: (String, String) -> DiagnosticsError) throws(DiagnosticsError) -> Int {
        let structure = Self.structure(bytes)
        guard structure.valid else { throw failure("Chromium's output is not a PDF", "\(bytes.count) bytes") }
        var pages = structure.pages
        if let pdfinfo {
            let info = Self.run(pdfinfo, [scratch + "/report.pdf"])
            if let line = info.stdout.split(separator: "\n").first(where: { $0.hasPrefix("Pages:") }),
               let n = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) { pages = n }
        }
        guard pages > 0 else { throw failure("the printed report has no pages", "0 pages") }
        if let pdftotext {
            let text = Self.run(pdftotext, ["-l", "3", scratch + "/report.pdf", "-"]).stdout
            guard Self.words(text).contains(Self.words(title)) else {
                throw failure("the printed report does not show its title on its first pages", String(title.prefix(80)))
            }
        }
        return pages
    }

    /// Whitespace-collapsed text, so a title wrapped over lines still matches.
    static func words(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The minimal structural check: `%PDF-` header, `%%EOF` near the end, and the number of
    /// `/Type /Page` objects (not `/Pages`) in the uncompressed object dictionaries.
    static func structure(_ bytes: [UInt8]) -> (valid: Bool, pages: Int) {
        let text = String(decoding: bytes, as: Unicode.ASCII.self)
        guard text.hasPrefix("%PDF-"), text.suffix(64).contains("%%EOF") else { return (false, 0) }
        var pages = 0
        for marker in ["/Type /Page", "/Type/Page"] {
            var rest = Substring(text)
            while let range = rest.range(of: marker) {
                let next = rest[range.upperBound...].first
                if next != "s" { pages += 1 }
                rest = rest[range.upperBound...]
            }
        }
        return (true, pages)
    }

    /// Runs a tool to completion (killed after `timeout`), capturing its output.
    static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return (-1, "", "\(error)") }
        let group = DispatchGroup()
        nonisolated(unsafe) var stdout = Data(), stderr = Data()
        group.enter()
        DispatchQueue.global().async { stdout = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { stderr = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        process.waitUntilExit()
        killer.cancel()
        group.wait()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
