import Testing
@testable import ReadoutSynth
