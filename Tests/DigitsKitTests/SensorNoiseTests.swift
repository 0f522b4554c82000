import Testing
@testable import DigitsKit

/// The grain of a photo taken in dim light: measured against the paper, averaged away only when
/// it would cross the ink thresholds.
@Suite struct SensorNoiseTests {
    /// A 400 × 300 page of even paper at `paper` grey with a dark 1 drawn on it (a bar 12 px wide),
    /// independent grain of spread `grain` (in grey levels 0…1) over it, and its paper level.
    static func page(paper: Float, grain: Float, seed: UInt64 = 7) -> (page: GrayImage, paper: GrayImage) {
        var rng = SplitMix64(seed: seed)
        var page = GrayImage(width: 400, height: 300, repeating: paper)
        for y in 0..<300 {
            for x in 0..<400 {
                let ink: Float = (194..<206).contains(x) && (80..<220).contains(y) ? 0.25 : 1
                page[x, y] = paper * ink + grain * PagePainter.gaussian(&rng)
            }
        }
        return (page, GrayImage(width: 400, height: 300, repeating: paper))
    }

    @Test func grainIsMeasuredAgainstThePaper() {
        // Spread 0.03 on paper at 0.3: a tenth of the paper's brightness.
        let (dim, paper) = Self.page(paper: 0.3, grain: 0.03)
        let level = SensorNoise.level(of: dim, paper: paper, scale: 1)
        #expect(abs(level - 0.1) < 0.01, "\(level)")
        // The 1's strokes are a minority of the pixels: a clean page measures no grain.
        let (clean, cleanPaper) = Self.page(paper: 0.9, grain: 0)
        #expect(SensorNoise.level(of: clean, paper: cleanPaper, scale: 1) == 0)
    }

    @Test func aCleanPageIsLeftAsItIs() {
        // Grain of 1/90 of the paper's brightness, as a good photo has: under the quiet level.
        let (page, paper) = Self.page(paper: 0.9, grain: 0.01)
        let quieted = SensorNoise.quieted(page, paper: paper)
        #expect(quieted.square == 1)
        #expect(quieted.page == page)
    }

    @Test func grainIsAveragedUntilItIsQuiet() {
        let (page, paper) = Self.page(paper: 0.3, grain: 0.03)
        let quieted = SensorNoise.quieted(page, paper: paper)
        // Independent grain of a tenth of the paper needs a square of 5 to fall under 0.025.
        #expect(quieted.square == 5)
        #expect(SensorNoise.level(of: quieted.page, paper: paper, scale: quieted.square) <= SensorNoise.quietLevel)
        // The 1 is still there, as dark as before in its middle.
        #expect(quieted.page[200, 150] < 0.12 && quieted.page[100, 150] > 0.25)
    }

    @Test func aPageSmallerThanTheMeasureIsLeftAlone() {
        let tiny = GrayImage(width: 3, height: 3, repeating: 0.5)
        #expect(SensorNoise.level(of: tiny, paper: tiny, scale: 1) == 0)
        #expect(SensorNoise.quieted(tiny, paper: tiny).square == 1)
        let empty = GrayImage(width: 0, height: 0)
        #expect(SensorNoise.quieted(empty, paper: empty).square == 1)
    }
}
