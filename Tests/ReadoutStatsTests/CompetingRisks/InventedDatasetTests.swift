import Foundation
import Testing
import ReadoutStats
import ReadoutTestSupport

/// The estimators against cmprsk 2.2.11 on invented datasets (`Tests/Fixtures/competing-risks/`,
/// made by `make-fixtures.R` there, which lists the R calls): three causes and three groups with
/// ties across causes and censorings; heavy ties on integer times with events and a censoring at
/// time 0 and a group whose KM reaches 0 on a cause-1 time; a group with no events of one cause
/// (and a crr fit that does not converge); and 1,500 subjects with continuous times.
@Suite struct InventedDatasetTests {
    static let names = ["three_causes", "heavy_ties", "empty_cause_group", "continuous_large"]

    struct Fixture {
        let root: [String: Any]
        let time: [Double]
        let cause: [Int]
        let group: [Int]
        let stratum: [Int]?
        let covariates: [[Double]]?
        let causeCount: Int
        let groupCount: Int

        init(_ name: String) throws {
            root = try JSONSerialization.jsonObject(with: Fixtures.data("competing-risks/\(name).json")) as! [String: Any]
            let input = root["input"] as! [String: Any]
            time = JSONPath.numbers(input["time"]).map { $0! }
            cause = JSONPath.numbers(input["cause"]).map { Int($0!) }
            group = JSONPath.numbers(input["group"]).map { Int($0!) }
            stratum = input["stratum"].map { JSONPath.numbers($0).map { Int($0!) } }
            covariates = (JSONPath.value(input, "covariates", "columns") as? [Any])?.map { JSONPath.numbers($0).map { $0! } }
            causeCount = root["cause_count"] as! Int
            groupCount = root["group_count"] as! Int
        }

        func curves(group g: Int) throws -> [CumulativeIncidence] {
            let rows = group.indices.filter { group[$0] == g }
            return try AalenJohansen.estimate(time: rows.map { time[$0] }, cause: rows.map { cause[$0] }, causeCount: causeCount)
        }
    }

    @Test(arguments: names)
    func cumulativeIncidenceMatchesCuminc(name: String) throws {
        let fixture = try Fixture(name)
        let curves = try (0..<fixture.groupCount).map { try fixture.curves(group: $0) }
        for entry in JSONPath.value(fixture.root, "cuminc", "curves") as! [[String: Any]] {
            let g = entry["group"] as! Int, k = entry["cause"] as! Int
            expectMatchesCumincCurve(curves[g][k - 1], time: JSONPath.numbers(entry["time"]),
                                     estimate: JSONPath.numbers(entry["est"]), variance: JSONPath.numbers(entry["var"]),
                                     "\(name) group \(g) cause \(k)")
        }
        for entry in JSONPath.value(fixture.root, "cuminc", "timepoints") as! [[String: Any]] {
            let g = entry["group"] as! Int, k = entry["cause"] as! Int
            let times = JSONPath.numbers(entry["time"]).map { $0! }
            let values = times.map { curves[g][k - 1].at($0) }
            expectClose(values.map { $0?.estimate }, JSONPath.numbers(entry["est"]), relative: Tolerance.closedForm,
                        "\(name) group \(g) cause \(k) timepoints est")
            expectClose(values.map { $0?.variance }, JSONPath.numbers(entry["var"]), relative: Tolerance.closedForm,
                        "\(name) group \(g) cause \(k) timepoints var")
        }
    }

    @Test(arguments: names)
    func grayTestsMatchCuminc(name: String) throws {
        let fixture = try Fixture(name)
        let variants: [(String, [Int]?, Double)] = [("gray", nil, 0), ("gray_rho1", nil, 1), ("gray_stratified", fixture.stratum, 0)]
        for (key, stratum, rho) in variants {
            guard let gold = fixture.root[key] as? [[String: Any]] else {
                #expect(key == "gray_stratified" && fixture.stratum == nil, "\(name): \(key) missing")
                continue
            }
            let tests = try GrayTest.test(time: fixture.time, cause: fixture.cause, causeCount: fixture.causeCount,
                                          group: fixture.group, groupCount: fixture.groupCount, stratum: stratum, rho: rho)
            #expect(gold.count == fixture.causeCount)
            for entry in gold {
                let k = entry["cause"] as! Int
                let label = "\(name) \(key) cause \(k)"
                expectClose(tests[k - 1].statistic, JSONPath.number(entry["stat"]), relative: Tolerance.closedForm, "\(label) stat")
                // cmprsk's p is 1 − pchisq(), which loses digits below ~1e-7; ours is the upper tail.
                expectClose(tests[k - 1].p, JSONPath.number(entry["p_upper"]), relative: Tolerance.closedForm, "\(label) p")
                #expect(Double(tests[k - 1].df) == JSONPath.number(entry["df"]), "\(label) df")
            }
        }
    }

    @Test(arguments: names)
    func fineGrayMatchesCrr(name: String) throws {
        let fixture = try Fixture(name)
        let covariates = try #require(fixture.covariates)
        let p = covariates.count
        for entry in fixture.root["crr"] as! [[String: Any]] {
            let k = entry["cause"] as! Int
            let fit = try FineGray.fit(time: fixture.time, cause: fixture.cause, causeOfInterest: k, covariates: covariates)
            let label = "\(name) crr cause \(k)"
            let tol = Tolerance.iterative
            #expect(fit.converged == (entry["converged"] as! Bool), "\(label) converged")
            expectClose(fit.coefficients.map(Optional.some), JSONPath.numbers(entry["coef"]), relative: tol, "\(label) coef")
            expectClose(fit.standardErrors.map(Optional.some), JSONPath.numbers(entry["se"]), relative: tol, "\(label) se")
            expectClose((0..<p).map { fit.z($0) }, JSONPath.numbers(entry["z"]), relative: tol, "\(label) z")
            expectClose((0..<p).map { fit.p($0) }, JSONPath.numbers(entry["p_upper"]), relative: tol, "\(label) p")
            expectClose((0..<p).map { fit.subdistributionHazardRatio($0).lower }, JSONPath.numbers(entry["shr_lower_95"]),
                        relative: tol, "\(label) lower")
            expectClose((0..<p).map { fit.subdistributionHazardRatio($0).upper }, JSONPath.numbers(entry["shr_upper_95"]),
                        relative: tol, "\(label) upper")
            // R stores var column-major; it is symmetric, so row-major reading is the same.
            expectClose(fit.covariance.flatMap { $0 }.map(Optional.some), JSONPath.numbers(entry["var"]), relative: tol,
                        floor: 1e-10, "\(label) var")
            expectClose(fit.logLikelihood, JSONPath.number(entry["loglik"]), relative: tol, "\(label) loglik")
            expectClose(fit.logLikelihoodNull, JSONPath.number(entry["loglik_null"]), relative: tol, "\(label) loglik null")
        }
    }
}
