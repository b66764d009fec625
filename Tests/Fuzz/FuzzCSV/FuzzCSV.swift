// libFuzzer target: arbitrary bytes through the CSV reader and every typed accessor.
// Build and run: see docs/fuzzing.md. Any crash, trap or sanitizer report is a bug.
import CFuzzDriver
import ReadoutData

func fuzzCSV(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    guard let dataset = try? CSVReader.read(bytes, name: "fuzz", source: "fuzz.csv") else { return 0 }
    for name in dataset.columnNames {
        _ = try? dataset.numbers(name)
        _ = try? dataset.strings(name)
    }
    return 0
}

@_cdecl("FuzzCSV_main")
func fuzzCSVMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    readout_fuzz_driver(argc, argv) { data, size in fuzzCSV(data, size) }
}
