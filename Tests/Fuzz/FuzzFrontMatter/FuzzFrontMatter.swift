// libFuzzer target: arbitrary text as a narrative page: front matter split, front-matter YAML, Markdown.
// Build and run: see docs/fuzzing.md. Any crash, trap or sanitizer report is a bug.
import CFuzzDriver
import ReadoutBuild

func fuzzFrontMatter(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    _ = PlanCheck.checkPage(text: text, file: "fuzz/pages/page.md")
    return 0
}

@_cdecl("FuzzFrontMatter_main")
func fuzzFrontMatterMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    readout_fuzz_driver(argc, argv) { data, size in fuzzFrontMatter(data, size) }
}
