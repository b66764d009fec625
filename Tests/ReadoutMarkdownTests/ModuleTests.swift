import Testing
@testable import ReadoutMarkdown
