import Testing
@testable import ReadoutData
