import Testing
@testable import ReadoutSynth

@Suite struct CivilDateTests {
    @Test func knownDayNumbers() {
        // Day numbers as R computes them: as.numeric(as.Date("2026-06-30")) etc.
        #expect(CivilDate("1970-01-01")!.daysSinceEpoch == 0)
        #expect(CivilDate("2026-06-30")!.daysSinceEpoch == 20_634)
        #expect(CivilDate("2000-02-29")!.daysSinceEpoch == 11_016)
        #expect(CivilDate("1969-12-31")!.daysSinceEpoch == -1)
        #expect(CivilDate("1600-03-01")!.daysSinceEpoch == -135_080)
    }

    @Test func roundTripsEveryDayOfFourCenturies() {
        var previous: (Int, Int, Int)? = nil
        for day in -150_000...(-150_000 + 146_097 + 400) {
            let date = CivilDate(daysSinceEpoch: day)
            let (y, m, d) = date.components
            #expect(CivilDate(year: y, month: m, day: d) == date)
            if let (py, pm, pd) = previous {
                let isNext = (y == py && m == pm && d == pd + 1) || (y == py && m == pm + 1 && d == 1) || (y == py + 1 && m == 1 && d == 1 && pm == 12)
                if !isNext { Issue.record("\(date) does not follow \(py)-\(pm)-\(pd)"); return }
            }
            previous = (y, m, d)
        }
    }

    @Test func parsesAndPrintsISO() {
        #expect(CivilDate("2024-02-29")?.description == "2024-02-29")
        #expect(CivilDate("0999-01-05")?.description == "0999-01-05")
        for bad in ["2023-02-29", "1900-02-29", "2026-13-01", "2026-04-31", "2026-6-30", "20260630", "2026-06-3x", ""] {
            #expect(CivilDate(bad) == nil, "\(bad)")
        }
        #expect(CivilDate("2000-02-29") != nil)
    }

    @Test func arithmeticAndStudyDays() {
        let start = CivilDate("2024-12-30")!
        #expect((start + 3).description == "2025-01-02")
        #expect((start - 366).description == "2023-12-30")
        #expect(CivilDate("2025-03-01")! - CivilDate("2025-02-01")! == 28)
        #expect(CivilDate.studyDay(start, reference: start) == 1)
        #expect(CivilDate.studyDay(start + 1, reference: start) == 2)
        #expect(CivilDate.studyDay(start - 1, reference: start) == -1)
    }
}
