import Testing
import ReadoutCore

@Suite struct DiagnosticTests {
    @Test func printsLikeACompiler() {
        let d = Diagnostic(.error, "data.adtte.cnsr-range", at: SourceLocation(file: "content/t/data/adtte.csv", line: 57),
                           "CNSR must be 0 or 1", variable: "CNSR", value: "2", expected: "0 or 1")
        #expect(d.description == "content/t/data/adtte.csv:57: error: CNSR must be 0 or 1 (variable CNSR, value \"2\", expected 0 or 1) [data.adtte.cnsr-range]")
    }

    @Test func logCapsRepeatsPerIdentifier() {
        var log = DiagnosticLog(limitPerIdentifier: 2)
        for _ in 0..<5 { log.append(Diagnostic(.error, "x", "same")) }
        log.append(Diagnostic(.warning, "y", "other"))
        #expect(log.diagnostics.count == 3)
        #expect(log.hasErrors)
        #expect(log.warnings.count == 1)
    }
}
