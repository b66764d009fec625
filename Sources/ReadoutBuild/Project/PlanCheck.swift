public import ReadoutCore
import ReadoutPlan

/// The checks of a plan and of a narrative page on text alone, with no file access: what `readout check`
/// does to `trial.yaml` and to `pages/*.md` before any data is read. The fuzz targets drive these.
public enum PlanCheck {
    /// Every problem of `yaml` as a trial plan (shape, unknown keys, values, references); empty when valid.
    public static func check(yaml: String, file: String) -> [Diagnostic] {
        do throws(DiagnosticsError) {
            let decoded = try StrictYAMLDecoder().decodeWithSources(TrialPlan.self, from: yaml, file: file)
            _ = try PlanValidation.validate(decoded.value, sources: decoded.sources)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// Every problem of `text` as a narrative page (front matter and Markdown); empty when valid.
    public static func checkPage(text: String, file: String) -> [Diagnostic] {
        do throws(DiagnosticsError) {
            _ = try ProjectLoader.page(text: text, display: file)
            return []
        } catch {
            return error.diagnostics
        }
    }
}
