import Testing
@testable import ReadoutMarkdown

@Suite struct HeadingSluggerTests {
    @Test(arguments: [
        ("Relapse-free survival", "relapse-free-survival"),
        ("Kaplan–Meier estimate (95% CI)", "kaplan-meier-estimate-95-ci"),
        ("  Adverse events: CTCAE v5 grade ≥ 3  ", "adverse-events-ctcae-v5-grade-3"),
        ("Überleben, Ærø & Straße", "uberleben-aero-strasse"),
        ("Non-relapse mortality -- NRM", "non-relapse-mortality-nrm"),
        ("日本語", "section"),
        ("", "section"),
    ])
    func slug(_ text: String, _ expected: String) {
        #expect(HeadingSlugger.slug(text) == expected)
    }

    @Test func deduplicatesInDocumentOrder() {
        var slugger = HeadingSlugger()
        let ids = ["Results", "Results", "Results-1", "Results", "β"].map { slugger.uniqueSlug($0) }
        #expect(ids == ["results", "results-1", "results-1-1", "results-2", "section"])
    }
}
