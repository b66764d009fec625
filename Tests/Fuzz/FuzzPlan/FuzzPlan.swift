// libFuzzer target: arbitrary text as trial.yaml through strict decoding and plan validation.
// Build and run: see docs/fuzzing.md. Any crash, trap or sanitizer report is a bug.
import CFuzzDriver
import ReadoutBuild

func fuzzPlan(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    _ = PlanCheck.check(yaml: text, file: "fuzz/trial.yaml")
    return 0
}

@_cdecl("FuzzPlan_main")
func fuzzPlanMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    readout_fuzz_driver(argc, argv) { data, size in fuzzPlan(data, size) }
}
