/// ISO 8601 calendar dates (`YYYY-MM-DD`) of one variable as day numbers since 1970-01-01 (as R's
/// `as.numeric(as.Date(x))`), with a bitmap of missing rows. The text is recoverable exactly: a column
/// is stored as dates only when every present value is a valid date written in exactly that form.
public struct DateColumn: Sendable {
    /// Day number per row; 0 where ``missing`` is set.
    public private(set) var days: [Int32]
    /// Rows without a value.
    public private(set) var missing: Bitset

    public init(days: [Int32], missing: Bitset) {
        self.days = days
        self.missing = missing
    }

    public var count: Int { days.count }

    /// The day number of `row`, `nil` when missing.
    public subscript(_ row: Int) -> Int32? { missing[row] ? nil : days[row] }

    /// The date of `row` as written in the file.
    public func text(at row: Int) -> String? { self[row].map(ISODate.format) }
}

/// Strict `YYYY-MM-DD` dates (years 0001–9999) ⇄ day numbers since 1970-01-01, proleptic Gregorian
/// (H. Hinnant, "chrono-compatible low-level date algorithms", days_from_civil / civil_from_days).
public enum ISODate {
    /// The day number of `bytes` when they are exactly a valid `YYYY-MM-DD` date.
    public static func parse(_ bytes: some Collection<UInt8>) -> Int32? {
        guard bytes.count == 10 else { return nil }
        var digits: [Int] = []
        digits.reserveCapacity(8)
        for (i, byte) in bytes.enumerated() {
            if i == 4 || i == 7 {
                guard byte == 0x2D else { return nil }
            } else {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                digits.append(Int(byte - 0x30))
            }
        }
        let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        let month = digits[4] * 10 + digits[5], day = digits[6] * 10 + digits[7]
        guard year >= 1, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return Int32(daysFromCivil(year: year, month: month, day: day))
    }

    /// `YYYY-MM-DD` of a day number.
    public static func format(_ days: Int32) -> String {
        let z = Int(days) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
