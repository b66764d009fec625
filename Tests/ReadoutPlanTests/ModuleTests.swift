import Testing
@testable import ReadoutPlan
