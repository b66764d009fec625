// libFuzzer target: arbitrary bytes through the SAS transport (XPT v5) reader and typed access.
// Build and run: see docs/fuzzing.md. Any crash, trap or sanitizer report is a bug.
import CFuzzDriver
import ReadoutData

func fuzzXPT(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    guard let dataset = try? XPTReader.read(bytes, source: "fuzz.xpt") else { return 0 }
    for name in dataset.columnNames {
        _ = try? dataset.numbers(name)
        _ = try? dataset.strings(name)
    }
    return 0
}

@_cdecl("FuzzXPT_main")
func fuzzXPTMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    readout_fuzz_driver(argc, argv) { data, size in fuzzXPT(data, size) }
}
