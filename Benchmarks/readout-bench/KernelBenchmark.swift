// The statistics kernels on seeded synthetic trials of growing size (no I/O, no parsing): the
// default mode of readout-bench.
import Foundation
import ReadoutStats
import ReadoutSynth

struct Trial {
    var time: [Double], event: [Bool], arm: [Int], stratum: [Int], cause: [Int]
}

func makeTrial(_ n: Int, seed: UInt64 = 20261126) -> Trial {
    var random = RandomStream(seed: seed, stream: 1)
    var t = Trial(time: [], event: [], arm: [], stratum: [], cause: [])
    for _ in 0..<n {
        let arm = random.uniform() < 0.5 ? 0 : 1
        let relapse = random.exponential(rate: arm == 0 ? 0.02 : 0.03)
        let death = random.exponential(rate: 0.008)
        let censor = random.uniform(12, 36)
        let time = (min(relapse, death, censor) * 2).rounded() / 2  // half-month grid: many ties
        t.time.append(time)
        t.arm.append(arm)
        t.stratum.append(random.uniform() < 0.7 ? 0 : 1)
        let cause = censor <= min(relapse, death) ? 0 : (relapse < death ? 1 : 2)
        t.cause.append(cause)
        t.event.append(cause != 0)
    }
    return t
}

func median(_ runs: Int = 5, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.sorted()[runs / 2]
}

/// Times each estimator at each size and prints the medians of 5 runs.
func runKernels(sizes: [Int]) throws {
    print("estimator                     n        median seconds (5 runs)")
    for n in sizes.isEmpty ? [10_000, 100_000, 1_000_000] : sizes {
        let trial = makeTrial(n)
        let arms = [trial.arm.map(Double.init)]
        let rows: [(String, () throws -> Void)] = [
            ("Kaplan-Meier (both arms)", { for a in 0...1 {
                let idx = trial.arm.indices.filter { trial.arm[$0] == a }
                _ = try KaplanMeier.fit(time: idx.map { trial.time[$0] }, event: idx.map { trial.event[$0] })
            } }),
            ("log-rank, stratified", { _ = try LogRankTest.test(time: trial.time, event: trial.event, group: trial.arm, groupCount: 2, stratum: trial.stratum) }),
            ("Cox, Efron", { _ = try CoxModel.fit(time: trial.time, event: trial.event, covariates: arms, options: CoxOptions(ties: .efron)) }),
            ("Cox, Breslow, stratified", { _ = try CoxModel.fit(time: trial.time, event: trial.event, covariates: arms, strata: trial.stratum, options: CoxOptions(ties: .breslow)) }),
            ("Aalen-Johansen (2 causes)", { _ = try AalenJohansen.estimate(time: trial.time, cause: trial.cause, causeCount: 2) }),
            ("Gray's test", { _ = try GrayTest.test(time: trial.time, cause: trial.cause, causeCount: 2, group: trial.arm, groupCount: 2) }),
        ]
        for (name, body) in rows {
            let seconds = try median(5, body)
            print(name.padding(toLength: 28, withPad: " ", startingAt: 0), String(n).padding(toLength: 9, withPad: " ", startingAt: 0), String(format: "%.4f", seconds))
        }
    }
}
