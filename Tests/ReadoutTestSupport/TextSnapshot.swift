// Golden-file comparison for text output (command help, page sections). Goldens are small, reviewed
// files next to the tests. A missing golden fails; READOUT_RECORD_SNAPSHOTS=1 writes the golden and
// still fails the test, so a recording run never passes silently. On a mismatch the actual text is
// written to the temporary directory and the first differing line is reported.

public import Foundation
public import Testing

public enum TextSnapshot {
    /// Whether this run records goldens instead of comparing (`READOUT_RECORD_SNAPSHOTS=1`).
    public static var recording: Bool { ProcessInfo.processInfo.environment["READOUT_RECORD_SNAPSHOTS"] == "1" }

    /// Compares `actual` with the golden file `directory/name` byte for byte.
    public static func assert(_ actual: String, named name: String, in directory: URL,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        if recording {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                Issue.record("Recorded snapshot \(name); review it and rerun without READOUT_RECORD_SNAPSHOTS=1",
                             sourceLocation: sourceLocation)
            } catch {
                Issue.record("Could not record snapshot \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("Missing golden \(url.path); run with READOUT_RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        let failed = FileManager.default.temporaryDirectory.appendingPathComponent("readout-snapshots")
        try? FileManager.default.createDirectory(at: failed, withIntermediateDirectories: true)
        let actualURL = failed.appendingPathComponent(name)
        try? Data(actual.utf8).write(to: actualURL)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        let got = line < a.count ? String(a[line]) : "<end of output>"
        let want = line < e.count ? String(e[line]) : "<end of golden>"
        Issue.record("""
            Snapshot \(name) differs at line \(line + 1):
              expected: \(want)
              actual:   \(got)
            Actual output written to \(actualURL.path)
            """, sourceLocation: sourceLocation)
    }
}
