import Foundation
import Testing
import ReadoutCore
import ReadoutRender
import ReadoutTestSupport
@testable import ReadoutBuild

/// The default theme compiled into the binary is themes/default byte for byte (regenerate with `.ci/embed-theme`),
/// and a theme is looked up in the project, then the working directory, then built in.
@Suite struct BuiltInThemeTests {
    static let themeFolder = Fixtures.repositoryRoot.path + "/themes/default"

    static func scratch() -> String {
        let path = NSTemporaryDirectory() + "readout-theme-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func embeddedFilesAreThemesDefaultByteForByte() throws {
        let onDisk = FileSystem.walk(Self.themeFolder)
        let embedded = BuiltInTheme.fileBytes
        #expect(embedded.map(\.path).sorted() == onDisk, "run .ci/embed-theme after changing themes/default")
        for file in embedded {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.themeFolder + "/" + file.path)))
            #expect(file.bytes == bytes, "\(file.path) differs from themes/default: run .ci/embed-theme")
        }
    }

    @Test func builtInThemeLoadsLikeTheFolder() throws {
        let folder = try ThemeLoader.load(Self.themeFolder)
        let builtIn = BuiltInTheme.theme
        #expect(builtIn.name == folder.name)
        #expect(builtIn.templates == folder.templates)
        #expect(builtIn.assets == folder.assets)
    }

    @Test func projectThenWorkingDirectoryThenBuiltIn() throws {
        let root = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let project = root + "/trial", themes = root + "/themes"
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        #expect(try ThemeResolver.source("default", project: project, themes: themes) == .builtIn)
        try FileManager.default.createDirectory(atPath: themes + "/default", withIntermediateDirectories: true)
        #expect(try ThemeResolver.source("default", project: project, themes: themes) == .folder(themes + "/default"))
        try FileManager.default.createDirectory(atPath: project + "/themes/default", withIntermediateDirectories: true)
        #expect(try ThemeResolver.source("default", project: project, themes: themes) == .folder(project + "/themes/default"))
        #expect(try ThemeResolver.source("./elsewhere", project: project, themes: themes) == .folder("./elsewhere"))
        let error = #expect(throws: DiagnosticsError.self) { try ThemeResolver.source("corporate", project: project, themes: themes) }
        #expect(error?.diagnostics.first?.identifier == "theme.missing")
    }

    @Test func exportWritesTheBuiltInThemeAndNeverOverwrites() throws {
        let root = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let target = root + "/mytheme"
        let written = try ThemeExportAction(directory: target).run()
        #expect(written.count == BuiltInTheme.fileBytes.count)
        let exported = try ThemeLoader.load(target)
        #expect(exported.templates == BuiltInTheme.theme.templates)
        #expect(exported.assets == BuiltInTheme.theme.assets)
        let again = #expect(throws: DiagnosticsError.self) { try ThemeExportAction(directory: target).run() }
        #expect(again?.diagnostics.first?.identifier == "theme.export-target-exists")
        let emptyFolder = root + "/empty"
        try FileManager.default.createDirectory(atPath: emptyFolder, withIntermediateDirectories: true)
        #expect(try ThemeExportAction(directory: emptyFolder).run().count == written.count)
    }
}
