import Foundation
import ReadoutStats
import ReadoutTestSupport
import Testing

/// `CoxModel.fit` against R's `coxph(Surv(AVAL, 1 - CNSR) ~ TRT01P [+ strata(STRAT1)], ties = ...)`
/// on every reference dataset (gold in `Tests/Fixtures/reference/<ds>/expected.json`, `cox.*`).
@Suite struct CoxReferenceTests {
    static let datasets: [(String, String)] = [("aml", "RFS"), ("lung", "OS"), ("mgus2", "PFS"), ("ball_synth", "RFS"), ("ball_synth", "OS")]
    static let combinations: [(String, String, TieMethod, Bool)] = datasets.flatMap { ds, param in
        [TieMethod.efron, .breslow].flatMap { ties in [false, true].map { (ds, param, ties, $0) } }
    }

    @Test(arguments: combinations)
    func matchesR(dataset: String, param: String, ties: TieMethod, stratified: Bool) throws {
        let reference = try ReferenceCase.load(dataset, param: param)
        let block = stratified
            ? JSONPath.value(reference.parameter, "cox", "stratified", ties.rawValue)
            : JSONPath.value(reference.parameter, "cox", ties.rawValue)
        guard let block, !(block is NSNull) else {
            // No STRAT1 in this dataset: R has no stratified model either.
            #expect(stratified && reference.stratum.allSatisfy { $0 == nil }, "\(dataset) has no cox block")
            return
        }
        // The stratified model leaves out subjects with a missing stratum (lung: LUNG-014).
        let rows = stratified ? reference.time.indices.filter { reference.stratum[$0] != nil } : Array(reference.time.indices)
        let labels = Array(Set(rows.map { reference.stratum[$0] ?? "" })).sorted()
        let strata = stratified ? rows.map { labels.firstIndex(of: reference.stratum[$0]!)! } : nil
        let fit = try CoxModel.fit(
            time: rows.map { reference.time[$0] }, event: rows.map { reference.event[$0] },
            covariates: [rows.map { Double(reference.arm[$0]) }], strata: strata,
            names: ["TRT01P \(reference.arms[1])"], options: CoxOptions(ties: ties))
        #expect(fit.converged)
        #expect(fit.strataCount == (stratified ? labels.count : 1))
        expectAgrees(fit, CoxGold(reference: block), relative: Tolerance.iterative,
                     "\(dataset) \(param) \(ties)\(stratified ? " stratified" : "")")
    }

    @Test func lungStratifiedDropsMissingStratum() throws {
        let lung = try ReferenceCase.load("lung", param: "OS")
        #expect(lung.stratum.filter { $0 == nil }.count == 1)
        let n = JSONPath.number(JSONPath.value(lung.parameter, "cox", "stratified", "efron", "n"))
        #expect(n == Double(lung.time.count - 1))
    }
}
