/// The files `readout init` writes: a `trial.yaml` with every key and a comment for each, one narrative page and
/// `data/README.md` naming the ADaM variables each analysis reads. The plan is the sample trial's, so that with
/// `--sample` (the synthetic datasets of `readout synth`) the new project builds at once; with real data, edit the
/// variables, arms, populations and endpoints to match (docs/trial-yaml.md).
enum ProjectScaffold {
    /// `trial.yaml`; `synthetic` says whether data/ holds the synthetic sample.
    static func trialYAML(trial: String, synthetic: Bool) -> String {
        """
        # Readout trial project '\(trial)'. Every key is described in docs/trial-yaml.md; keys are strict (a misspelled
        # key is an error at its line). Check with `readout check \(trial)`, build with `readout build \(trial)`.

        trial:
          title: "\(trial): full trial title"            # required: shown on every page
          acronym: "\(trial)"                            # required: navigation and printed running header
          registry: "NCT00000000"                        # optional: registry id
          phase: "3"                                     # optional: trial phase
          sponsor: "Sponsor name"                        # optional
          indication: "Population and disease"           # optional: shown on the overview
          synthetic: \(synthetic)                                 # true labels every page SYNTHETIC DATA

        report:
          version: ia1                                   # required: folder of this version, output/\(trial)/ia1 (a safe slug)
          status: "Interim analysis 1"                   # required: shown on every page
          dataCutoff: "2026-06-30"                       # required: data cut-off, YYYY-MM-DD (also recorded in data.lock)
          draft: false                                   # optional: true lets a draft version be rebuilt from other inputs
          audience: closed                               # optional: closed (everything) or open (pooled only; docs/audiences.md)

        data:                                            # dataset name -> path inside the project (.csv or .xpt)
          adsl: data/adsl.csv                            # required: one row per subject
          adtte: data/adtte.csv                          # time-to-event data (USUBJID, PARAMCD, AVAL, CNSR, EVNTDESC)
          adae: data/adae.csv                            # adverse events

        arms:
          variable: TRT01P                               # required: ADSL variable holding the randomized arm
          reference: "Direct allo-HSCT"                  # required: comparator arm, one of the level values
          actualVariable: TRT01A                         # optional: actual treatment for safety (default TRT01A when ADSL has it)
          levels:                                        # required: arms in display order
            - value: "Blinatumomab then allo-HSCT"       # required: the value as written in the data
              label: "Blinatumomab → allo-HSCT"          # optional: name on pages
              short: "Blina"                             # optional: table column header
              color: "#0072B2"                           # optional: #RRGGBB (default: Okabe-Ito palette)
            - value: "Direct allo-HSCT"
              label: "Direct allo-HSCT"
              short: "Direct"
              color: "#D55E00"

        populations:                                     # subjects whose ADSL flags are all "Y"
          - id: screened                                 # a unique slug, referred to below
            label: Screened                              # name on pages
            flags: [SCRNFL]                              # ADSL flag variables
            description: "All subjects assessed for eligibility."   # optional footnote
          - id: itt
            label: Intention-to-treat
            flags: [ITTFL]
            description: "All randomized subjects, analysed by randomized arm."
          - id: transplanted
            label: Transplanted
            flags: [ITTFL, HSCTFL]
          - id: safety
            label: Safety
            flags: [SAFFL]

        time:
          dataUnit: days                                 # required: unit of AVAL (days, weeks, months, years)
          displayUnit: months                            # required: unit on pages (months = 365.25/12 days)
          origin: transplant                             # optional: what time 0 is ("Time since transplant (months)")

        methods:                                         # optional; the values below are the sas profile's defaults
          profile: sas                                   # sas or r: conventions where SAS and R differ
          confidenceInterval: log-log                    # plain, log or log-log (survival curve CIs)
          ties: breslow                                  # breslow or efron (Cox model)
          confidenceLevel: 0.95                          # more than 0.5 and less than 1

        endpoints:                                       # required: the analyses, in page order
          - id: rfs                                      # a unique slug: results.json, anchors, {{result:rfs.…}}
            title: Relapse-free survival                 # required
            role: Primary                                # optional free text
            description: "Relapse or death from transplant."   # optional
            type: time-to-event                          # Kaplan-Meier, log-rank, Cox
            population: transplanted                     # required: a population id
            dataset: adtte                               # required: a dataset name from data
            parameter: RFS                               # required: PARAMCD
            landmarks: [12, 24]                          # optional: times in the display unit
            strata: [STRAT1, STRAT2]                     # optional: ADSL stratification variables
          - id: cir
            title: Cumulative incidence of relapse
            role: Secondary
            type: competing-risks                        # Aalen-Johansen, Gray's test, Fine-Gray
            population: transplanted
            dataset: adtte
            parameter: RFS
            causes: ["RELAPSE", "DEATH WITHOUT RELAPSE"] # required: EVNTDESC values of the competing events
            causeOfInterest: RELAPSE                     # required: one of causes
            landmarks: [12, 24]
            strata: [STRAT1, STRAT2]
          - id: mrd
            title: MRD negativity before transplant
            role: Secondary
            type: binary                                 # proportions, Newcombe difference, Fisher's exact test
            population: itt
            dataset: adsl
            variable: MRDNEGFL                           # required: ADSL flag, "Y" = responder
          - id: ae
            title: Adverse events (CTCAE v5)
            role: Safety
            type: adverse-events                         # subjects by worst grade per SOC and term
            population: safety
            dataset: adae
            adverseEvents:
              term: AEDECOD                              # preferred term
              systemOrganClass: AEBODSYS                 # system organ class
              grade: AETOXGR                             # CTCAE grade 1-5
              serious: AESER                             # "Y" = serious
              windowFlag: TRTEMFL                        # "Y" = inside the analysis window
              windowDescription: "from the first dose to day 100 after transplant"
              severity:                                  # optional: the tables' second column per arm (default with grade: grade ≥ 3)
                variable: AETOXGR                        # ADAE variable of the level (AESEV for mild/moderate/severe)
                levels: [1, 2, 3, 4, 5]                  # the levels, mildest first
                severeFrom: 3                            # the mildest level counted under label
                label: "Grade ≥ 3"                       # column header and overview row label ("Severe" for AESEV)

        baseline:                                        # the baseline characteristics table
          population: itt
          variables:                                     # required: the rows of the table
            - variable: AGE                              # ADSL variable
              label: "Age, years"
              type: continuous                           # continuous or categorical
              digits: 1                                  # optional, continuous only: decimals (0-6)
            - variable: SEX
              label: Sex
              type: categorical
              levels:                                    # optional: values in display order (others are errors)
                - value: F
                  label: Female
                - value: M
                  label: Male
            - variable: ECOGBL
              label: "ECOG performance status"
              type: categorical                          # without levels: values sorted

        consort:                                         # the CONSORT flow diagram
          screened: screened                             # population assessed for eligibility
          screenFailureReason: SCRFREAS                  # ADSL reason for not being randomized
          randomized: itt                                # population of randomized subjects
          stages:                                        # per-arm stages after allocation, in order
            - label: "Received protocol therapy"
              flags: [SAFFL]                             # ADSL flags, all "Y" to reach the stage
              reason: NOHSCTRS                           # optional: ADSL reason for not reaching it
              lostLabel: "Did not receive protocol therapy"   # optional: heading of the box of those lost
            - label: "Underwent allo-HSCT"
              flags: [HSCTFL]
              reason: NOHSCTRS
              lostLabel: "Not transplanted"
          followUp:                                      # optional: CONSORT follow-up box per arm
            endOfStudyStatus: EOSSTT                     # optional: ADSL end-of-study status
            reason: DCSREAS                              # ADSL discontinuation reason
          analysis:                                      # optional: CONSORT analysis boxes per arm
            - population: itt                            # analysed population
              label: "Analysed: intention-to-treat"      # optional heading

        rmst:                                            # optional: restricted mean survival time
          tau: 24                                        # horizon in the display unit (default: the last landmark)

        subgroups:                                       # optional: hazard ratios by subgroup, with interaction tests
          variables:
            - variable: SEX                              # ADSL variable
              label: Sex                                 # optional: name on pages

        interim:                                         # optional: group-sequential design of the primary endpoint
          endpoint: rfs                                  # required: a time-to-event endpoint id
          plannedEvents: 170                             # required: events at the final analysis
          hazardRatio: 0.65                              # required: hazard ratio the trial is powered for
          alpha: 0.025                                   # required: overall type I error
          sided: 1                                       # optional: 1 (default) or 2
          power: 0.8                                     # optional: power at hazardRatio (default 0.8)
          efficacy: { family: obrien-fleming }           # required: obrien-fleming, pocock or hwang-shih-decani (+ gamma)
          futility: { family: hwang-shih-decani, gamma: -2 }   # optional: non-binding beta-spending futility
          earlierLooks: []                               # optional: information fractions of earlier looks
          plannedLooks: [0.75]                           # optional: later interim looks planned

        """
    }

    /// `pages/01-introduction.md`: front matter and a live result.
    static func introduction(trial: String) -> String {
        """
        ---
        title: Introduction
        order: 1            # position among the narrative pages
        part: introduction  # introduction: before the results in report.html; discussion: after them
        ---

        ## Background

        Write the trial's background here in Markdown (GitHub-flavoured: tables, strikethrough, autolinks;
        raw HTML is not passed through). Each file in `pages/` becomes a page and a chapter of `report.html`.

        ## Quoting results

        Numbers are quoted from the analysis, never typed: {{result:consort.randomized}} subjects were
        randomized; the hazard ratio of relapse-free survival was {{result:rfs.hr}} and {{result:rfs.arm1.events}}
        events were observed in the first arm. A reference the plan does not produce is an error at its line
        (docs/narrative.md lists the keys).

        """
    }

    /// `data/README.md`: the datasets and the ADaM variables each analysis of the scaffold plan reads.
    static func dataReadme(trial: String, sample: Bool) -> String {
        let origin = sample
            ? "This folder holds the synthetic sample datasets (`readout synth`, seeded): they are locked in `../data.lock`, so the project builds at once. Replace them with your trial's datasets, adapt `trial.yaml`, then `readout lock \(trial)`."
            : "Put your trial's ADaM datasets here (CSV with a header row, or SAS XPT v5), adapt `trial.yaml` to their variables, then record them with `readout lock \(trial)` before `readout build \(trial)`."
        return """
        # Data of \(trial)

        \(origin)

        Datasets are named in `trial.yaml` under `data:`. Every variable below is read by the plan that
        `readout init` wrote; when you rename one, rename it in `trial.yaml` too.

        | dataset | variable | read by | meaning |
        |---|---|---|---|
        | ADSL (`data/adsl.csv`) | `USUBJID` | everything | unique subject id, one row per subject |
        | ADSL | `TRT01P` | `arms.variable` | randomized arm, values as in `arms.levels` |
        | ADSL | `SCRNFL`, `ITTFL`, `HSCTFL`, `SAFFL` | `populations` | population flags, `"Y"` = included |
        | ADSL | `STRAT1`, `STRAT2` | endpoints `rfs`, `cir` (`strata`) | stratification factors |
        | ADSL | `MRDNEGFL` | endpoint `mrd` (binary) | `"Y"` = responder |
        | ADSL | `AGE`, `SEX`, `ECOGBL` | `baseline` | baseline characteristics |
        | ADSL | `SCRFREAS`, `NOHSCTRS` | `consort` | reason for screen failure / for not reaching a stage |
        | ADTTE (`data/adtte.csv`) | `USUBJID`, `PARAMCD` | endpoints `rfs`, `cir` | subject and parameter (`RFS`) |
        | ADTTE | `AVAL` | endpoints `rfs`, `cir` | time ≥ 0 in `time.dataUnit` (days) |
        | ADTTE | `CNSR` | endpoints `rfs`, `cir` | 0 = event, ≥ 1 = censored |
        | ADTTE | `EVNTDESC` | endpoint `cir` (competing risks) | cause of each event, one of `causes` |
        | ADAE (`data/adae.csv`) | `USUBJID`, `AEDECOD`, `AEBODSYS` | endpoint `ae` | subject, preferred term, system organ class |
        | ADAE | `AETOXGR`, `AESER`, `TRTEMFL` | endpoint `ae` | CTCAE grade 1–5, serious (`"Y"`), in the analysis window (`"Y"`) |

        """
    }
}
