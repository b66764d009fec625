import ArgumentParser
import ReadoutBuild
import ReadoutCore

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-hash a published bundle against its manifest.json.",
        discussion: "Names every changed, added or missing file. Exit codes: 0 intact, 2 changed, added or missing files (or no manifest)."
    )

    @Argument(help: "Bundle folders, e.g. output/blinatumomab-mrd/ia1.")
    var bundles: [String]

    func validate() throws {
        if bundles.isEmpty { throw ValidationError("name at least one bundle folder, e.g. output/<trial>/<version>") }
    }

    func run() throws {
        var failures: [Diagnostic] = []
        for bundle in bundles {
            do {
                let count = try VerifyAction(bundle: bundle).run()
                print("ok: \(bundle) (\(count) files match manifest.json)")
            } catch {
                failures += error.diagnostics
            }
        }
        if !failures.isEmpty {
            DiagnosticPrinter.print(failures)
            throw ExitCode(ExitStatus.integrityFailure)
        }
    }
}
