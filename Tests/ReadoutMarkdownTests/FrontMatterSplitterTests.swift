import Testing
import ReadoutCore
import ReadoutMarkdown

@Suite struct FrontMatterSplitterTests {
    @Test func splitsYAMLAndBodyWithLineNumbers() throws {
        let text = "---\ntitle: Efficacy\norder: 2\n---\n# Efficacy\n\nText.\n"
        let page = try FrontMatterSplitter.split(text, file: "content/pages/efficacy.md")
        #expect(page.frontMatter == FrontMatter(yaml: "title: Efficacy\norder: 2\n", lineCount: 2))
        #expect(page.body == "# Efficacy\n\nText.\n")
        #expect(page.bodyStartLine == 5)
        // Body line 3 ("Text.") is file line 7.
        let fileLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(fileLines[page.bodyStartLine + 3 - 1 - 1] == "Text.")
    }

    @Test func closesWithDotsAndToleratesTrailingSpaces() throws {
        let page = try FrontMatterSplitter.split("---  \na: 1\n...\t\nBody\n", file: "p.md")
        #expect(page.frontMatter?.yaml == "a: 1\n")
        #expect(page.body == "Body\n")
        #expect(page.bodyStartLine == 4)
    }

    @Test func opensOnlyWithDashes() throws {
        let page = try FrontMatterSplitter.split("...\na: 1\n...\n", file: "p.md")
        #expect(page.frontMatter == nil)
        #expect(page.body == "...\na: 1\n...\n")
    }

    @Test func emptyFrontMatterAndClosingLineAtEndOfFile() throws {
        let page = try FrontMatterSplitter.split("---\n---", file: "p.md")
        #expect(page.frontMatter == FrontMatter(yaml: "", lineCount: 0))
        #expect(page.body == "")
        #expect(page.bodyStartLine == 3)
    }

    @Test func withoutFrontMatterTheWholeFileIsBody() throws {
        let text = "# Title\n\n---\n\nAfter a thematic break.\n"
        let page = try FrontMatterSplitter.split(text, file: "p.md")
        #expect(page.frontMatter == nil)
        #expect(page.body == text)
        #expect(page.bodyStartLine == 1)
    }

    @Test func handlesCRLFAndByteOrderMark() throws {
        let page = try FrontMatterSplitter.split("\u{FEFF}---\r\ntitle: Ü\r\n---\r\nKörper\r\n", file: "p.md")
        #expect(page.frontMatter == FrontMatter(yaml: "title: Ü\r\n", lineCount: 1))
        #expect(page.body == "Körper\r\n")
        #expect(page.bodyStartLine == 4)
        let plain = try FrontMatterSplitter.split("\u{FEFF}Text", file: "p.md")
        #expect(plain.body == "Text")
    }

    @Test func onlyTheFirstClosingLineCloses() throws {
        let page = try FrontMatterSplitter.split("---\na: 1\n---\nbody\n---\nmore\n", file: "p.md")
        #expect(page.frontMatter?.lineCount == 1)
        #expect(page.body == "body\n---\nmore\n")
    }

    @Test func unterminatedFrontMatterIsAnErrorAtLineOne() {
        let error = #expect(throws: Diagnostic.self) {
            try FrontMatterSplitter.split("---\ntitle: Safety\n\n# Safety\n", file: "content/pages/safety.md")
        }
        #expect(error?.location == SourceLocation(file: "content/pages/safety.md", line: 1))
        #expect(error?.identifier == "markdown.front-matter.unterminated")
        #expect(error?.severity == .error)
        #expect(error?.description == "content/pages/safety.md:1: error: front matter opened by '---' on line 1 is never closed (expected a line '---' or '...' after the YAML) [markdown.front-matter.unterminated]")
    }
}
