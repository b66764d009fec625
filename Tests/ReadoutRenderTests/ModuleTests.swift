import Testing
@testable import ReadoutRender
