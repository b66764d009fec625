import Testing
@testable import ReadoutSynth

@Suite struct RandomGeneratorTests {
    // Reference outputs from the authors' C code (splitmix64.c, xoshiro256starstar.c), compiled with gcc:
    // x = 0; splitmix64() ×3; and s[] = splitmix64() ×4 from x = 20261126, then next() ×5.
    @Test func splitMix64MatchesReferenceC() {
        var g = SplitMix64(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(g.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func xoshiro256StarStarMatchesReferenceC() {
        var g = Xoshiro256StarStar(seed: 20_261_126)
        let expected: [UInt64] = [0xBB21_7B1B_1950_F720, 0x4D04_DD8B_CEDD_B504, 0xD18E_EB01_FCB2_A6AA,
                                  0x510D_2396_5382_E20D, 0xA645_6451_AF37_8E1C]
        #expect((0..<5).map { _ in g.next() } == expected)
    }

    @Test func streamsAreReproducibleAndDistinct() {
        var a = RandomStream(seed: 7, stream: 3), b = RandomStream(seed: 7, stream: 3)
        var c = RandomStream(seed: 7, stream: 4), d = RandomStream(seed: 8, stream: 3)
        let xa = (0..<8).map { _ in a.nextBits() }
        #expect(xa == (0..<8).map { _ in b.nextBits() })
        #expect(xa != (0..<8).map { _ in c.nextBits() })
        #expect(xa != (0..<8).map { _ in d.nextBits() })
    }

    @Test func uniformIsInUnitInterval() {
        var r = RandomStream(seed: 1, stream: 1)
        var sum = 0.0
        for _ in 0..<100_000 {
            let u = r.uniform()
            #expect(u >= 0 && u < 1)
            sum += u
        }
        // Mean of 1e5 uniforms: SD 0.000913; 5 SD band.
        #expect(abs(sum / 100_000 - 0.5) < 0.0046)
    }

    @Test func integersCoverTheRangeWithoutBias() {
        var r = RandomStream(seed: 2, stream: 1)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 {
            let k = r.integer(in: 3...9)
            #expect((3...9).contains(k))
            counts[k - 3] += 1
        }
        // Each count ~ Binomial(70000, 1/7): mean 10000, SD 92.6; 5 SD band.
        for n in counts { #expect(abs(n - 10_000) < 463) }
        #expect(r.integer(in: 5...5) == 5)
    }

    @Test func shuffleIsAPermutation() {
        var r = RandomStream(seed: 3, stream: 1)
        let a = Array(0..<50)
        let b = r.shuffled(a)
        #expect(b.sorted() == a)
        #expect(b != a)
    }

    @Test func categoricalFollowsWeights() {
        var r = RandomStream(seed: 4, stream: 1)
        var counts = [0, 0, 0, 0]
        for _ in 0..<100_000 { counts[r.categorical([0.5, 0.3, 0, 0.2])] += 1 }
        #expect(counts[2] == 0)
        // SDs: 158, 145, 126; 5 SD bands.
        #expect(abs(counts[0] - 50_000) < 791)
        #expect(abs(counts[1] - 30_000) < 725)
        #expect(abs(counts[3] - 20_000) < 633)
    }
}
