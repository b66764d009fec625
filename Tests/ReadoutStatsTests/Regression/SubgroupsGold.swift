import Foundation
import ReadoutStats
import ReadoutTestSupport

/// `Tests/Fixtures/subgroups/gold.json`, made by `make_gold.R` (R 4.2.2, survival 3.5.3): RMST,
/// cox.zph and subgroup Cox cases, each with its inputs.
enum SubgroupsGold {
    nonisolated(unsafe) static let root: Any = try! JSONSerialization.jsonObject(with: Fixtures.data("subgroups/gold.json"))

    static func cases(_ section: String) -> [Any] { JSONPath.value(root, section) as! [Any] }

    static func doubles(_ node: Any?) -> [Double] { JSONPath.numbers(node).map { $0! } }
    static func ints(_ node: Any?) -> [Int] { JSONPath.numbers(node).map { Int($0!) } }
    static func bools(_ node: Any?) -> [Bool] { JSONPath.numbers(node).map { $0! == 1 } }
    /// Texts; numbers (R levels of a numeric column) as R prints them ("0", "1").
    static func strings(_ node: Any?) -> [String] {
        func text(_ item: Any) -> String { item as? String ?? JSONPath.number(item).map { String(Int($0)) } ?? "" }
        if let array = node as? [Any] { return array.map(text) }
        if let single = node { return node is NSNull ? [] : [text(single)] }
        return []
    }
    static func name(_ node: Any) -> String { JSONPath.value(node, "name") as! String }
}
