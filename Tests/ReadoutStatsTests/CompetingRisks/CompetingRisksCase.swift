import Foundation
import ReadoutStats
import ReadoutTestSupport

/// A reference dataset laid out for the competing-risks estimators: cause codes by position in
/// `competing_risks.causes` (0 = censored), arms as in `ReferenceCase`, STRAT1 as integer codes.
struct CompetingRisksCase {
    let reference: ReferenceCase
    let competingRisks: [String: Any]
    /// Cause names, code k at index k − 1.
    let causes: [String]
    let cause: [Int]
    let stratumCode: [Int]?

    init(_ dataset: String, param: String) throws {
        reference = try ReferenceCase.load(dataset, param: param)
        competingRisks = reference.parameter["competing_risks"] as! [String: Any]
        let causeList = competingRisks["causes"] as! [[String: Any]]
        causes = causeList.map { $0["evntdesc"] as! String }
        let names = causes
        cause = zip(reference.event, reference.eventDescription).map { event, description in
            event ? names.firstIndex(of: description!)! + 1 : 0
        }
        if reference.stratum.allSatisfy({ $0 != nil }) {
            let levels = Array(Set(reference.stratum.map { $0! })).sorted()
            stratumCode = reference.stratum.map { levels.firstIndex(of: $0!)! }
        } else {
            stratumCode = nil
        }
    }

    var time: [Double] { reference.time }
    var arms: [String] { reference.arms }

    /// `competing_risks` sub-tree.
    func json(_ path: String...) -> Any? {
        var node: Any? = competingRisks
        for key in path { node = JSONPath.value(node, key) }
        return node
    }

    /// The arm's cumulative incidence curves, one per cause.
    func curves(arm: Int) throws -> [CumulativeIncidence] {
        let rows = reference.rows(ofArm: arm)
        return try AalenJohansen.estimate(time: rows.map { time[$0] }, cause: rows.map { cause[$0] },
                                          causeCount: causes.count)
    }
}
