/// Every diagnostic identifier Readout can report, with its meaning in one line. One line per identifier:
/// adding a diagnostic anywhere under `Sources/` means adding its line here (a test checks both ways:
/// every identifier used is listed, every listed identifier is used). docs/diagnostics.md shows this list.
public enum DiagnosticCatalog {
    public static let entries: KeyValuePairs<String, String> = [
        // Reading YAML (trial.yaml, page front matter)
        "yaml.empty": "the YAML file is empty",
        "yaml.syntax": "the YAML cannot be parsed",
        "yaml.duplicate-key": "a mapping has the same key twice",
        // The plan (trial.yaml)
        "plan.unknown-key": "a key the plan does not know (misspelled or unsupported)",
        "plan.key-not-for-type": "an endpoint key that belongs to another endpoint type",
        "plan.missing-key": "a required key is missing",
        "plan.invalid-value": "a value of the wrong type, form or range",
        "plan.invalid": "the plan cannot be decoded for another reason",
        "plan.null-value": "a required text is null (~, null or empty)",
        "plan.control-character": "a text contains a control character",
        "plan.invalid-version": "report.version is not a safe folder name",
        "plan.invalid-id": "a population or endpoint id is not a safe slug",
        "plan.invalid-date": "a date is not a valid YYYY-MM-DD date",
        "plan.invalid-color": "an arm colour is not a CSS hex colour",
        "plan.invalid-landmark": "a landmark time is not positive or too large",
        "plan.duplicate-arm": "two arms have the same value",
        "plan.duplicate-population": "two populations have the same id",
        "plan.duplicate-endpoint": "two endpoints have the same id",
        "plan.unknown-reference-arm": "the reference arm is not one of the declared arms",
        "plan.unknown-population": "a reference to a population that is not declared",
        "plan.unknown-dataset": "a reference to a dataset not listed under data",
        "plan.missing-dataset": "the plan names no ADSL dataset",
        // Data files
        "data.unreadable": "a dataset file cannot be read",
        "data.unknown-format": "a dataset file is neither CSV nor SAS XPT",
        "data.csv.no-header": "a CSV file has no header line",
        "data.csv.empty-header": "a CSV header has an empty column name",
        "data.csv.duplicate-header": "a CSV header names a column twice",
        "data.csv.ragged-row": "a CSV row has more or fewer fields than the header",
        "data.csv.unterminated-quote": "a quoted CSV field is never closed",
        "data.csv.text-after-quote": "text follows the closing quote of a CSV field",
        "data.csv.invalid-utf8": "a CSV file is not valid UTF-8",
        "data.xpt.bad-header": "a SAS XPT header record is malformed",
        "data.xpt.bad-variable": "a SAS XPT variable descriptor is malformed",
        "data.xpt.duplicate-variable": "a SAS XPT file names a variable twice",
        "data.xpt.latin1-text": "SAS XPT text is not UTF-8 and was read as Latin-1 (warning)",
        "data.xpt.multiple-members": "a SAS XPT file holds more than one dataset",
        "data.xpt.truncated": "a SAS XPT file ends inside a record",
        "data.xpt.unsupported-version": "a SAS XPT file is not version 5",
        "data.column.missing": "a variable the analysis needs is not in the dataset",
        "data.value.not-a-number": "a numeric variable holds text",
        "data.adsl.missing-usubjid": "an ADSL row has no USUBJID",
        "data.adsl.duplicate-subject": "a USUBJID appears twice in ADSL",
        "data.adsl.missing-arm": "an ADSL subject has no arm value",
        "data.adsl.unknown-arm": "a population member's arm is not a declared arm",
        "data.adsl.flag-value": "a flag is not Y, N or empty",
        "data.adsl.undeclared-level": "a categorical value is not among the declared levels",
        "data.adtte.missing-usubjid": "an ADTTE row has no USUBJID",
        "data.adtte.unknown-subject": "an ADTTE subject is not in ADSL",
        "data.adtte.duplicate-record": "a subject has two records of the same parameter",
        "data.adtte.missing-records": "population members without a record of the parameter (warning)",
        "data.adtte.no-records": "no records of the parameter in the population",
        "data.adtte.aval-invalid": "AVAL is missing or negative",
        "data.adtte.cnsr-range": "CNSR is not 0 or 1",
        "data.adtte.unknown-cause": "an event's EVNTDESC is not one of the declared causes",
        "data.adae.unknown-subject": "an ADAE subject is not in ADSL",
        "data.adae.grade-range": "an AE grade is not 1 to 5",
        // Statistics
        "stats.invalid-input": "an estimator rejected its input",
        // Narrative pages
        "markdown.front-matter.unterminated": "front matter is opened by --- and never closed",
        "narrative.missing-front-matter": "a narrative page has no front matter",
        "narrative.invalid-part": "a page's part is not introduction or discussion",
        "narrative.unknown-result": "a {{result:KEY}} reference names no result",
        // Themes
        "theme.missing": "the theme folder does not exist",
        "theme.missing-template": "the theme lacks a template",
        "theme.template-syntax": "a Mustache template cannot be parsed",
        // Files and the build
        "io.missing-file": "a file does not exist",
        "io.unreadable": "a file cannot be read",
        "io.invalid-utf8": "a text file is not valid UTF-8",
        "io.write-failed": "a file cannot be written",
        "io.move-failed": "a staged bundle cannot be moved into place",
        "build.no-projects": "no trial projects were found",
        "build.not-a-project": "a folder has no trial.yaml",
        "build.version-exists": "the output folder exists but is not a Readout bundle",
        "build.version-locked": "the version exists with other locked data",
        "build.invalid-output": "the output folder cannot be created or resolved",
        "build.outside-output": "a bundle path would land outside the output folder",
        "build.unsafe-output-name": "a trial or version name is not safe as a folder name in the output",
        // Paths: every input stays inside its project (or theme) folder
        "path.invalid": "a path in trial.yaml is empty or has control characters",
        "path.absolute": "a path in trial.yaml is absolute",
        "path.outside-project": "a path leaves the project folder, by .. or through a symbolic link",
        "path.outside-theme": "a theme file resolves outside the theme folder",
        "path.not-a-file": "a path names something other than a regular file (or a folder where one is expected)",
        "project.invalid-id": "the project folder name (the trial id) is not a safe slug",
        // Command line
        "usage.missing-option": "a required command-line option is missing",
        "usage.unknown-reference-arm": "--reference is not one of the arms in the data",
        "usage.invalid-cause": "--cause-of-interest is not one of --causes",
    ]

    /// The meaning of `identifier`, or `nil` when it is not in the catalog.
    public static func meaning(of identifier: String) -> String? {
        entries.first { $0.key == identifier }?.value
    }
}
