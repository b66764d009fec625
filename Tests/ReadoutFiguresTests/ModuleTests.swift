import Testing
@testable import ReadoutFigures
