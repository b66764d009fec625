// Proleptic Gregorian calendar dates as day counts since 1970-01-01, converted with Howard Hinnant's
// days_from_civil / civil_from_days algorithms ("chrono-Compatible Low-Level Date Algorithms",
// howardhinnant.github.io/date_algorithms.html): integer arithmetic on 400-year eras, no time zones,
// no Foundation Calendar, so every platform gives the same dates.

/// A calendar date (proleptic Gregorian, no time or zone), stored as days since 1970-01-01 and printed
/// as ISO 8601 `YYYY-MM-DD`.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public let daysSinceEpoch: Int

    /// The date `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    /// The date with this year, month (1–12) and day (1–length of month); `nil` if it does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year: year, month: month) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400                                   // [0, 399]
        let shiftedMonth = month > 2 ? month - 3 : month + 9            // March = 0
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1          // [0, 365]
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        daysSinceEpoch = era * 146_097 + dayOfEra - 719_468
    }

    /// Parses exactly `YYYY-MM-DD` (four-digit year); `nil` for any other text or a date that does not exist.
    public init?(_ iso: String) {
        let bytes = Array(iso.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for b in bytes[range] {
                guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(b - UInt8(ascii: "0"))
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Year, month (1–12) and day of month.
    public var components: (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097                                                  // [0, 146096]
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)   // [0, 365]
        let shiftedMonth = (5 * dayOfYear + 2) / 153                                      // March = 0
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// ISO 8601 `YYYY-MM-DD` (years 0–9999).
    public var description: String {
        let (y, m, d) = components
        return zeroPadded(y, 4) + "-" + zeroPadded(m, 2) + "-" + zeroPadded(d, 2)
    }

    /// Number of days in a month of the proleptic Gregorian calendar.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The date `days` days later (earlier when negative).
    public static func + (date: CivilDate, days: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: date.daysSinceEpoch + days)
    }

    /// The date `days` days earlier.
    public static func - (date: CivilDate, days: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: date.daysSinceEpoch - days)
    }

    /// Days from `rhs` to `lhs` (positive when `lhs` is later).
    public static func - (lhs: CivilDate, rhs: CivilDate) -> Int {
        lhs.daysSinceEpoch - rhs.daysSinceEpoch
    }

    /// Whether `lhs` is the earlier date.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    /// ADaM study day of `date` relative to `reference` (day 1 = reference; no day 0).
    public static func studyDay(_ date: CivilDate, reference: CivilDate) -> Int {
        let difference = date - reference
        return difference >= 0 ? difference + 1 : difference
    }
}
