// Golden-file comparison for SVG output: the shared `TextSnapshot` (ReadoutTestSupport) over the goldens in
// Tests/ReadoutFiguresTests/Snapshots/<name>.svg. READOUT_RECORD_SNAPSHOTS=1 records them.

import Foundation
import ReadoutTestSupport
import Testing

enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static var recording: Bool { TextSnapshot.recording }

    /// Compares `actual` with the golden `name`.svg byte for byte.
    static func assert(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        TextSnapshot.assert(actual, named: name + ".svg", in: directory, sourceLocation: sourceLocation)
    }
}
