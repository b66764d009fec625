// Small chart specs shared by snapshot and structural tests. The Kaplan–Meier numbers come from R
// (survival 3.x) on a seeded simulation, rounded to 4 decimals:
//   set.seed(7); n <- 30; arm <- rep(c("A","B"), each=n); t <- rexp(2*n, ifelse(arm=="A", 0.018, 0.036))
//   cens <- runif(2*n, 18, 54); time <- round(pmin(t, cens), 1); status <- as.integer(t <= cens)
//   survfit(Surv(time, status) ~ arm, conf.type="log-log"); summary(fit, times=c(0,12,24,36,48), extend=TRUE)$n.risk
// HR from coxph (B vs A = 3.18, inverted for A vs B); they only feed the drawing, not any statistics test.

import ReadoutFigures

enum SampleSpecs {
    static let armA = StepSeries(
        label: "Blinatumomab then HSCT", color: Palette.blue,
        times: [2.5, 2.7, 11.4, 14.2, 19.2, 22.1, 24.5, 28.9, 30.3, 35.1, 37.6],
        values: [0.9667, 0.9333, 0.9000, 0.8667, 0.8333, 0.7955, 0.7557, 0.7137, 0.6691, 0.6133, 0.5452],
        lower: [0.7861, 0.7589, 0.7212, 0.6828, 0.6450, 0.5994, 0.5529, 0.5052, 0.4558, 0.3912, 0.3132],
        upper: [0.9952, 0.9829, 0.9666, 0.9478, 0.9270, 0.9027, 0.8759, 0.8465, 0.8142, 0.7752, 0.7284],
        censorTimes: [19.5, 20.1, 21.9, 23.8, 24.6, 29.6, 31.9, 32.3, 35, 35.9, 37.1, 40.5, 40.7, 41.2, 44.5, 45.6, 49.2, 52.4],
        endTime: 52.4)

    static let armB = StepSeries(
        label: "Direct HSCT", color: Palette.vermillion,
        times: [0.2, 2.2, 2.4, 3.5, 3.8, 4, 6.7, 8.8, 10.8, 14.6, 14.7, 16.9, 18, 18.9, 21.9, 24.8, 25.7, 27.7, 30.9,
                34.9, 35.5, 37.8, 40],
        values: [0.9667, 0.9333, 0.9000, 0.8667, 0.8333, 0.8000, 0.7667, 0.7333, 0.7000, 0.6667, 0.6333, 0.6000,
                 0.5667, 0.5333, 0.4952, 0.4540, 0.4086, 0.3632, 0.3178, 0.2724, 0.2270, 0.1702, 0.0851],
        lower: [0.7861, 0.7589, 0.7212, 0.6828, 0.6450, 0.6080, 0.5720, 0.5369, 0.5026, 0.4692, 0.4365, 0.4045,
                0.3733, 0.3428, 0.3069, 0.2684, 0.2267, 0.1877, 0.1514, 0.1178, 0.0871, 0.0500, 0.0078],
        upper: [0.9952, 0.9829, 0.9666, 0.9478, 0.9270, 0.9048, 0.8813, 0.8567, 0.8312, 0.8047, 0.7775, 0.7495,
                0.7208, 0.6914, 0.6583, 0.6224, 0.5829, 0.5416, 0.4985, 0.4534, 0.4063, 0.3511, 0.2862],
        censorTimes: [19.8, 21.3, 24.7, 25.3, 36.2, 38.3, 47.2],
        endTime: 47.2, lineStyle: .dashed)

    /// Two-arm Kaplan–Meier plot with CI bands, censoring, a 24-month landmark and a risk table.
    static let kaplanMeier = StepChart(
        title: "Relapse-free survival",
        xLabel: "Months since randomization",
        yLabel: "Relapse-free survival (%)",
        xMax: 48, xTicks: [0, 12, 24, 36, 48],
        series: [armA, armB],
        riskTable: RiskTable(times: [0, 12, 24, 36, 48], rows: [
            (label: "Blinatumomab then HSCT", color: Palette.blue, counts: [30, 27, 20, 10, 2]),
            (label: "Direct HSCT", color: Palette.vermillion, counts: [30, 21, 13, 5, 0]),
        ]),
        landmarks: [24],
        annotation: "Hazard ratio 0.31 (95% CI 0.15–0.65)\nLog-rank P = 0.001",
        id: "km-rfs")
}

extension SampleSpecs {
    /// Subgroup forest plot with a heading row, a count column, an interval running off the axis and an overall diamond.
    static let forest = ForestPlot(
        title: "Relapse-free survival by subgroup",
        rows: [
            ForestRow(label: "Overall", estimate: 0.62, lower: 0.41, upper: 0.93, text: "0.62 (0.41–0.93)",
                      cells: ["120/240"], isSummary: true),
            ForestRow(label: "Age", isHeader: true),
            ForestRow(label: "<40 yr", estimate: 0.55, lower: 0.31, upper: 0.98, text: "0.55 (0.31–0.98)",
                      cells: ["58/118"], indent: 1),
            ForestRow(label: "≥40 yr", estimate: 0.71, lower: 0.40, upper: 1.26, text: "0.71 (0.40–1.26)",
                      cells: ["62/122"], indent: 1),
            ForestRow(label: "MRD at enrolment", isHeader: true),
            ForestRow(label: "Undetectable", estimate: 0.48, lower: 0.22, upper: 1.05, text: "0.48 (0.22–1.05)",
                      cells: ["40/90"], indent: 1),
            ForestRow(label: "<10⁻⁴ & detectable", estimate: 1.9, lower: 0.6, upper: 14.2, text: "1.90 (0.60–14.20)",
                      cells: ["9/20"], indent: 1),
            ForestRow(label: "Not evaluable", text: "NE", cells: ["2/5"], indent: 1),
        ],
        leftLabel: "Favours blinatumomab", rightLabel: "Favours direct HSCT",
        cellHeaders: ["Events/N"], xLabel: "Hazard ratio (log scale)", xRange: 0.1...10, id: "forest-rfs")
}

extension SampleSpecs {
    /// Two-arm CONSORT diagram with a screening exclusion and per-arm losses.
    static let consort = FlowDiagram(
        title: "Participant flow",
        top: [
            FlowBox(id: "assessed", lines: ["Assessed for eligibility (n = 312)"]),
            FlowBox(id: "randomized", lines: ["Randomized (n = 240)"]),
        ],
        exclusions: [
            (after: "assessed", box: FlowBox(id: "excluded", lines: [
                "Excluded (n = 72)", "Did not meet inclusion criteria (n = 51)", "Declined to participate (n = 15)",
                "Other reasons (n = 6)",
            ])),
        ],
        arms: [
            [
                FlowBox(id: "alloc-a", lines: ["Allocated to blinatumomab then HSCT (n = 120)", "Received blinatumomab (n = 117)"]),
                FlowBox(id: "hsct-a", lines: ["Underwent allo-HSCT (n = 111)"]),
                FlowBox(id: "analysed-a", lines: ["Analysed (n = 120)", "Intention-to-treat population"]),
            ],
            [
                FlowBox(id: "alloc-b", lines: ["Allocated to direct HSCT (n = 120)"]),
                FlowBox(id: "hsct-b", lines: ["Underwent allo-HSCT (n = 114)"]),
                FlowBox(id: "analysed-b", lines: ["Analysed (n = 120)", "Intention-to-treat population"]),
            ],
        ],
        armExclusions: [
            [(after: "alloc-a", box: FlowBox(id: "lost-a", lines: ["Did not undergo HSCT (n = 9)", "Relapse before HSCT (n = 5)", "Donor unavailable (n = 4)"]))],
            [(after: "alloc-b", box: FlowBox(id: "lost-b", lines: ["Did not undergo HSCT (n = 6)", "Relapse before HSCT (n = 4)", "Withdrew consent (n = 2)"]))],
        ],
        id: "consort")
}

extension SampleSpecs {
    /// Grade ≥3 adverse events by preferred term, two arms, proportions shown as percentages.
    static let adverseEvents = BarChart(
        title: "Grade ≥3 adverse events",
        xLabel: "Patients with event (%)",
        groups: [BarGroup(label: "Blinatumomab then HSCT", color: Palette.blue),
                 BarGroup(label: "Direct HSCT", color: Palette.vermillion)],
        categories: [
            BarCategory(label: "Febrile neutropenia", values: [0.325, 0.283], texts: ["39 (32.5%)", "34 (28.3%)"]),
            BarCategory(label: "Cytokine release syndrome", values: [0.05, 0], texts: ["6 (5.0%)", "0"]),
            BarCategory(label: "Neurological events (encephalopathy, seizure, tremor)", values: [0.075, 0.017],
                        texts: ["9 (7.5%)", "2 (1.7%)"]),
            BarCategory(label: "Acute GVHD", values: [0.142, 0.158], texts: ["17 (14.2%)", "19 (15.8%)"]),
        ],
        valueAsPercent: true, id: "ae-grade3")
}

extension SampleSpecs {
    /// Cumulative incidence of relapse and non-relapse mortality in one arm (competing risks), 0–50%,
    /// with explicit y ticks, dotted second curve, no title and no risk table.
    static let cumulativeIncidence = StepChart(
        title: "Cumulative incidence of relapse and non-relapse mortality",
        xLabel: "Months since HSCT", yLabel: "Cumulative incidence (%)",
        xMax: 36, xTicks: [0, 6, 12, 18, 24, 30, 36], yRange: 0...0.5,
        series: [
            StepSeries(label: "Relapse", color: Palette.bluishGreen, times: [2, 5, 9, 14, 20, 27],
                       values: [0.03, 0.08, 0.14, 0.19, 0.23, 0.26], start: 0, censorTimes: [12, 30], endTime: 33),
            StepSeries(label: "Non-relapse mortality", color: Palette.reddishPurple, times: [1, 4, 11],
                       values: [0.02, 0.06, 0.09], start: 0, endTime: 33, lineStyle: .dotted),
        ],
        annotation: "Gray's test P = 0.004", showsTitle: false, id: "cif")
}

extension SampleSpecs {
    /// Crossing falling and rising curves leave no free corner, so the key goes above the plot.
    static let crossing = StepChart(
        title: "Event-free survival and cumulative incidence of relapse",
        xLabel: "Years", yLabel: "Probability", xMax: 5, xTicks: [0, 1, 2, 3, 4, 5], yAsPercent: false,
        series: [
            StepSeries(label: "Event-free survival", color: Palette.blue, times: [0.4, 0.9, 1.5, 2.2, 3, 3.8, 4.5],
                       values: [0.9, 0.78, 0.62, 0.45, 0.3, 0.18, 0.1], endTime: 5),
            StepSeries(label: "Cumulative incidence of relapse", color: Palette.vermillion,
                       times: [0.5, 1, 1.6, 2.3, 3.1, 3.9, 4.6], values: [0.08, 0.2, 0.35, 0.52, 0.68, 0.8, 0.88],
                       start: 0, endTime: 5, lineStyle: .dashed),
        ],
        annotation: "Curves estimated in the same cohort", id: "crossing")
}
