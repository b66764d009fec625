import Testing
@testable import ReadoutCLI

/// The terminal status line of a long build: when it appears and what it says.
@Suite struct ProgressLineTests {
    @Test func onlyOnATerminalThatCanRedrawALine() {
        #expect(ProgressLine.isEnabled(stderrIsTerminal: true, term: "xterm-256color"))
        #expect(ProgressLine.isEnabled(stderrIsTerminal: true, term: nil))
        #expect(!ProgressLine.isEnabled(stderrIsTerminal: false, term: "xterm-256color"), "CI logs and pipes stay clean")
        #expect(!ProgressLine.isEnabled(stderrIsTerminal: true, term: "dumb"))
    }

    @Test func onlyAfterOneSecond() {
        #expect(!ProgressLine.shouldDraw(enabled: true, elapsed: 0.2))
        #expect(!ProgressLine.shouldDraw(enabled: true, elapsed: 0.999))
        #expect(ProgressLine.shouldDraw(enabled: true, elapsed: 1.0))
        #expect(!ProgressLine.shouldDraw(enabled: false, elapsed: 30))
    }

    @Test func showsElapsedTimeProjectAndPhase() {
        #expect(ProgressLine.text(project: "content/trial", phase: "parse ADAE", elapsed: 3.26, width: 80)
                == "readout: 3.3 s  content/trial: parse ADAE")
        #expect(ProgressLine.text(project: "p", phase: "analyse", elapsed: 61.04, width: 80) == "readout: 61.0 s  p: analyse")
    }

    @Test func neverWiderThanTheTerminal() {
        let project = "/a/very/long/path/to/some/trial/projects/folder/blinatumomab-mrd-1000000"
        for width in [10, 20, 40, 60, 80, 200] {
            let line = ProgressLine.text(project: project, phase: "read+hash ADAE", elapsed: 12.5, width: width)
            #expect(line.count < max(width, 1), "width \(width): \(line)")
        }
        let cut = ProgressLine.text(project: project, phase: "render", elapsed: 1, width: 50)
        #expect(cut.hasPrefix("readout: 1.0 s  …") && cut.hasSuffix("1000000: render"), "\(cut)")
    }

    @Test func tenthsOfSeconds() {
        #expect(ProgressLine.tenths(0) == "0.0")
        #expect(ProgressLine.tenths(1.04) == "1.0")
        #expect(ProgressLine.tenths(1.06) == "1.1")
        #expect(ProgressLine.tenths(-3) == "0.0")
        #expect(ProgressLine.tenths(.nan) == "0.0")
    }
}
