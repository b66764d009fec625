import Foundation
import ReadoutStats
import ReadoutTestSupport
import Testing

/// One design of `Tests/Fixtures/group-sequential/designs.json` (inputs and rpact's output, made by
/// `make-gold.R`).
struct GroupSequentialGold: @unchecked Sendable, CustomTestStringConvertible {
    let name: String
    let design: GroupSequentialDesign
    let criticalValues: [Double?]
    let alphaSpent: [Double?]
    let stageLevels: [Double?]
    let futilityBounds: [Double?]?
    let betaSpent: [Double?]?
    let shift: Double?
    let inflationFactor: Double?
    let power: [Double?]

    var testDescription: String { name }

    nonisolated(unsafe) static let file: Any = try! JSONSerialization.jsonObject(with: Fixtures.data("group-sequential/designs.json"))

    static let all: [GroupSequentialGold] = (JSONPath.value(file, "designs") as! [Any]).map { d in
        func spending(_ type: String, _ gamma: Double?) -> SpendingFunction? {
            switch type.dropFirst(2) {
            case "OF": .obrienFleming
            case "P": .pocock
            case "HSD": .hwangShihDeCani(gamma: gamma!)
            default: nil
            }
        }
        let number = { (key: String) in JSONPath.number(JSONPath.value(d, key)) }
        let optionalArray = { (key: String) -> [Double?]? in
            JSONPath.value(d, key) is NSNull ? nil : JSONPath.numbers(JSONPath.value(d, key))
        }
        let design = GroupSequentialDesign(
            informationRates: JSONPath.numbers(JSONPath.value(d, "informationRates")).map { $0! },
            alpha: number("alpha")!, sided: Int(number("sided")!),
            efficacySpending: spending(JSONPath.value(d, "typeOfDesign") as! String, number("gammaA"))!,
            futilitySpending: spending(JSONPath.value(d, "typeBetaSpending") as! String, number("gammaB")),
            beta: number("beta")!)
        return GroupSequentialGold(
            name: JSONPath.value(d, "name") as! String, design: design,
            criticalValues: JSONPath.numbers(JSONPath.value(d, "criticalValues")),
            alphaSpent: JSONPath.numbers(JSONPath.value(d, "alphaSpent")),
            stageLevels: JSONPath.numbers(JSONPath.value(d, "stageLevels")),
            futilityBounds: optionalArray("futilityBounds"), betaSpent: optionalArray("betaSpent"),
            shift: number("shift"), inflationFactor: number("inflationFactor"),
            power: JSONPath.numbers(JSONPath.value(d, "power")))
    }

    static func named(_ name: String) -> GroupSequentialGold { all.first { $0.name == name }! }

    /// Readout's boundaries of every design, computed once for all tests.
    static let computed: [String: GroupSequentialBoundaries] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.name, try! $0.design.boundaries()) })

    var boundaries: GroupSequentialBoundaries { Self.computed[name]! }
}
