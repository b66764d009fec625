public import Foundation

/// One reference dataset and parameter from `Tests/Fixtures/reference`, laid out as columns the way
/// the R gold files were computed: ITT subjects by TRT01P, event = 1 − CNSR, arms in byte order.
public struct ReferenceCase: @unchecked Sendable {
    public let dataset: String
    public let param: String
    /// The parsed `expected.json`.
    public let expected: [String: Any]
    /// `expected.parameters[param]`.
    public let parameter: [String: Any]

    public let usubjid: [String]
    public let time: [Double]
    public let event: [Bool]
    /// EVNTDESC (the cause in competing-risk datasets), `nil` when empty.
    public let eventDescription: [String?]
    /// Arm names sorted in byte order (the first is the reference arm).
    public let arms: [String]
    /// Index into `arms` per subject.
    public let arm: [Int]
    /// STRAT1 per subject, `nil` when missing or absent.
    public let stratum: [String?]
    /// ADSL columns by name (raw text), aligned with `usubjid`.
    public let adsl: [String: [String]]

    public static func load(_ dataset: String, param: String) throws -> ReferenceCase {
        let expected = try Fixtures.referenceJSON(dataset) as! [String: Any]
        let parameters = expected["parameters"] as! [String: Any]
        let parameter = parameters[param] as! [String: Any]
        let adslTable = try SimpleCSV.parse(Fixtures.text("reference/\(dataset)/adsl.csv"))
        let adtteTable = try SimpleCSV.parse(Fixtures.text("reference/\(dataset)/adtte.csv"))

        var adslRow: [String: Int] = [:]
        for (i, id) in adslTable["USUBJID"]!.enumerated() { adslRow[id] = i }
        var ids: [String] = [], times: [Double] = [], events: [Bool] = [], descs: [String?] = []
        var armNames: [String] = [], strata: [String?] = []
        var adslRows: [Int] = []
        let params = adtteTable["PARAMCD"]!
        for r in params.indices where params[r] == param {
            let id = adtteTable["USUBJID"]![r]
            guard let a = adslRow[id], adslTable["ITTFL"]?[a] ?? "Y" == "Y" else { continue }
            ids.append(id)
            times.append(Double(adtteTable["AVAL"]![r])!)
            events.append(adtteTable["CNSR"]![r] == "0")
            let d = adtteTable["EVNTDESC"]?[r] ?? ""
            descs.append(d.isEmpty ? nil : d)
            armNames.append(adslTable["TRT01P"]![a])
            let s = adslTable["STRAT1"]?[a] ?? ""
            strata.append(s.isEmpty ? nil : s)
            adslRows.append(a)
        }
        let arms = Array(Set(armNames)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let armIndex = armNames.map { arms.firstIndex(of: $0)! }
        var adsl: [String: [String]] = [:]
        for (name, column) in adslTable { adsl[name] = adslRows.map { column[$0] } }
        return ReferenceCase(dataset: dataset, param: param, expected: expected, parameter: parameter,
                             usubjid: ids, time: times, event: events, eventDescription: descs,
                             arms: arms, arm: armIndex, stratum: strata, adsl: adsl)
    }

    /// Rows of one arm.
    public func rows(ofArm index: Int) -> [Int] { arm.indices.filter { arm[$0] == index } }
}

/// Navigation in parsed JSON: `JSONPath.value(json, "groups", "Female", "survfit", "surv")`.
public enum JSONPath {
    public static func value(_ root: Any?, _ path: String...) -> Any? {
        var node = root
        for key in path {
            if let dict = node as? [String: Any] { node = dict[key] }
            else if let array = node as? [Any], let i = Int(key), array.indices.contains(i) { node = array[i] }
            else { return nil }
        }
        return node
    }

    /// A number as R wrote it: JSON number, "Inf", "-Inf", "NaN", or `nil` for null (NA).
    public static func number(_ node: Any?) -> Double? {
        switch node {
        case let n as NSDecimalNumber: return Double(n.stringValue) ?? n.doubleValue  // Foundation on Linux parses to Decimal; re-read the text exactly
        case let n as NSNumber: return n.doubleValue
        case let s as String:
            switch s {
            case "Inf": return .infinity
            case "-Inf": return -.infinity
            case "NaN": return .nan
            default: return Double(s)
            }
        default: return nil
        }
    }

    /// An array of numbers (a scalar becomes a one-element array, as R's jsonlite may write it).
    public static func numbers(_ node: Any?) -> [Double?] {
        if let array = node as? [Any] { return array.map(number) }
        if node == nil || node is NSNull { return [] }
        return [number(node)]
    }
}

/// A small RFC 4180 reader for test fixtures only (the product's reader is in ReadoutData).
enum SimpleCSV {
    static func parse(_ text: String) throws -> [String: [String]] {
        var rows: [[String]] = []
        var field = "", row: [String] = [], inQuotes = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = next }
                    } else { inQuotes = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { inQuotes = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else if c != "\r" { field.unicodeScalars.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        guard let header = rows.first else { return [:] }
        var table: [String: [String]] = [:]
        for (j, name) in header.enumerated() { table[name] = rows.dropFirst().map { j < $0.count ? $0[j] : "" } }
        return table
    }
}
