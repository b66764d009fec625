import Testing
import ReadoutCore
import ReadoutPlan
@testable import ReadoutRender

/// `LiveNumbers.substitute` works on bytes for the usual HTML; it must give exactly what the original
/// character-based implementation (`substituteCharacters`) gives, and leave the unusual cases to it.
@Suite struct LiveNumbersSubstituteTests {
    static let table: [ResultKey: String] = [ResultKey("consort.randomized"): "120", ResultKey("efficacy.mrd.hr"): "0.62 (0.41–0.93)",
                                             ResultKey("a"): "<i>&</i>", ResultKey("safety.arm[0].grade3plus"): "12 (10.0%)"]

    static let texts: [String] = [
        "", "no references", "<p>Randomized: {{result:consort.randomized}}.</p>",
        "{{result:consort.randomized}}{{result:efficacy.mrd.hr}}", "{{result:a}}", "x{{result:unknown.key}}y",
        "{{result:safety.arm[0].grade3plus}} — ✓ é",
        "{{{result:a}}}", "{{result:a}}}}", "{{result:}}", "{{result:a", "{{result:a}", "{{result: a }}", "{{result:a b}}",
        "{{result:a\n}}", "é{{result:a}}", "{{result:a}}é", "{{result:a}}\u{301}", "\u{600}{{result:a}}", "{{result:é}}",
        "{{result:a}} and {{result:a\t}}", "&#123;{result:a}}", "{{result:a}}\r\n{{result:consort.randomized}}",
        "<code>{{result:a}}</code>", String(repeating: "text {{result:efficacy.mrd.hr}} ", count: 50),
    ]

    @Test func bytesEqualCharacters() {
        for text in Self.texts {
            #expect(LiveNumbers.substitute(text, table: Self.table) == LiveNumbers.substituteCharacters(text, table: Self.table), "\(text)")
        }
    }

    @Test func usualHTMLTakesTheBytePath() {
        var text = "<p>{{result:consort.randomized}} of {{result:nope}}</p>"
        let fast = text.withUTF8 { LiveNumbers.substituteBytes($0, table: Self.table) }
        #expect(fast == "<p><span class=\"live-number\" data-key=\"consort.randomized\">120</span> of "
                + "<span class=\"live-number\" data-key=\"nope\">\(NumberFormat.notEstimable)</span></p>")
        var odd = "é{{result:a}}"
        #expect(odd.withUTF8 { LiveNumbers.substituteBytes($0, table: Self.table) } == nil)
    }
}
