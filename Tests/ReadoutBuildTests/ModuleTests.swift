import Testing
@testable import ReadoutBuild
