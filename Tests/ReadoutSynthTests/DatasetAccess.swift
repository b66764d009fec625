import ReadoutData

/// Column access for the tests: a missing column or a wrong type fails loudly.
extension Dataset {
    func texts(_ name: String) -> TextColumn {
        guard let column = column(name), case .text(let values) = column.values else {
            preconditionFailure("\(self.name) has no text column \(name)")
        }
        return values
    }

    func numerics(_ name: String) -> NumericColumn {
        guard let column = column(name), case .numeric(let values) = column.values else {
            preconditionFailure("\(self.name) has no numeric column \(name)")
        }
        return values
    }

    /// Row indices where `name` equals `value`.
    func rows(where name: String, is value: String) -> [Int] {
        let values = texts(name)
        return values.indices.filter { values[$0] == value }
    }
}

/// The three sample datasets by name.
struct SampleDatasets {
    let adsl: Dataset, adtte: Dataset, adae: Dataset

    init(_ datasets: [Dataset]) {
        adsl = datasets[0]; adtte = datasets[1]; adae = datasets[2]
    }

    /// ADSL row index of each USUBJID.
    var adslRow: [String: Int] {
        var index: [String: Int] = [:]
        for (i, id) in adsl.texts("USUBJID").enumerated() { index[id!] = i }
        return index
    }
}
