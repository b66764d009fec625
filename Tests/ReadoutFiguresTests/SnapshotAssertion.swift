// Golden-file comparison for SVG output. Goldens live in Tests/ReadoutFiguresTests/Snapshots/<name>.svg.
// A missing golden fails; RECORD_SNAPSHOTS=1 writes the golden and still fails the test (so a
// recording run can never pass silently). On a mismatch the actual output is written next to the
// temporary directory for inspection and the first differing line is reported.

import Foundation
import Testing

enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// Compares `actual` with the golden `name`.svg byte for byte.
    static func assert(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".svg")
        if recording {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                Issue.record("Recorded snapshot \(name).svg; review it and rerun without RECORD_SNAPSHOTS=1",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("Could not record snapshot \(name).svg: \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("Missing golden \(url.path); run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        let failed = FileManager.default.temporaryDirectory.appendingPathComponent("readout-snapshots")
        try? FileManager.default.createDirectory(at: failed, withIntermediateDirectories: true)
        let actualURL = failed.appendingPathComponent(name + ".svg")
        try? Data(actual.utf8).write(to: actualURL)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        let got = line < a.count ? String(a[line]) : "<end of output>"
        let want = line < e.count ? String(e[line]) : "<end of golden>"
        Issue.record("""
            Snapshot \(name).svg differs at line \(line + 1):
              expected: \(want)
              actual:   \(got)
            Actual output written to \(actualURL.path)
            """, sourceLocation: sourceLocation)
    }
}
