import Testing
import ReadoutStats
import ReadoutTestSupport

/// CategoricalSummary against R 4.2.2 `table(factor(x, levels))`.
@Suite struct CategoricalSummaryTests {
    @Test func observedLevelsInByteOrder() {
        // x <- c("b", "a", NA, "b", "é", "B"); table(factor(x, levels = sort(unique(x[!is.na(x)]), method = "radix")))
        //    B    a    b    é
        //    1    1    2    1      (plus 1 NA)
        let s = CategoricalSummary(["b", "a", nil, "b", "é", "B"])
        #expect(s.levels == ["B", "a", "b", "é"])
        #expect(s.counts == [1, 1, 2, 1])
        #expect(s.missing == 1)
        #expect(s.total == 6)
        // 100 * prop.table(table(...)): 20 20 40 20
        expectClose(s.percent(2), 40, relative: Tolerance.closedForm, "percent of b")
        expectClose(s.percent(0), 20, relative: Tolerance.closedForm, "percent of B")
    }

    @Test func givenLevelsKeepOrderEmptyLevelsAndTurnOthersMissing() {
        // x <- c("Grade 3", "Grade 1", "Other", NA, "Grade 1")
        // table(factor(x, levels = c("Grade 1", "Grade 2", "Grade 3")), useNA = "always"): 2 0 1, <NA> 2
        let s = CategoricalSummary(["Grade 3", "Grade 1", "Other", nil, "Grade 1"], levels: ["Grade 1", "Grade 2", "Grade 3"])
        #expect(s.levels == ["Grade 1", "Grade 2", "Grade 3"])
        #expect(s.counts == [2, 0, 1])
        #expect(s.missing == 2)
        #expect(s.total == 5)
        // round(100 * c(2, 0, 1) / 3, 10): 66.6666666667 0 33.3333333333
        expectClose(s.percent(0), 200.0 / 3, relative: Tolerance.closedForm, "percent of Grade 1")
        #expect(s.percent(1) == 0)
    }

    @Test func allMissing() {
        let s = CategoricalSummary([nil, nil], levels: ["Y", "N"])
        #expect(s.counts == [0, 0])
        #expect(s.missing == 2)
        #expect(s.percent(0).isNaN)
        let empty = CategoricalSummary([])
        #expect(empty.levels.isEmpty && empty.total == 0)
    }
}
