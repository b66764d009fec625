import Testing
@testable import ReadoutMarkdown

/// `LiveReferences.defusingOpeners` is a one-pass byte copy; it must equal the collection `replacing`.
@Suite struct LiveReferencesDefuseTests {
    @Test func equalsReplacing() {
        let texts = ["", "plain", "{{result:a}}", "{{{result:a}}", "{{result:{{result:", "x{{result:", "{{result", "{{resul{{result:x",
                     "é {{result:a}} ✓ {{result:b}}}}", "&#123;{result:a}}", String(repeating: "ab {{result:k}} ", count: 40)]
        for text in texts {
            let bytes = Array(text.utf8)
            #expect(LiveReferences.defusingOpeners(in: bytes) == bytes.replacing(LiveReferences.opener, with: Array(LiveReferences.defusedOpener.utf8)),
                    "\(text)")
        }
    }
}
