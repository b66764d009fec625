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

    @Test func controlCharactersFromInputCannotReachTheTerminal() {
        let d = Diagnostic(.error, "data.value.control-character", at: SourceLocation(file: "d.csv", line: 2),
                           "bad", variable: "AETERM", value: "a\u{1B}[31mred\u{0}\u{9B}", notes: ["x\u{7F}"])
        #expect(d.description == "d.csv:2: error: bad (variable AETERM, value \"a\\u{1B}[31mred\\u{0}\\u{9B}\") [data.value.control-character]\n  note: x\\u{7F}")
        #expect(!d.description.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0 })
    }
}
